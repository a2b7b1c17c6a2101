/**
 * One-megabyte single lines built to provoke backtracking in the grammar: unclosed quotes,
 * colons after short words, digit soup around date separators, separator characters in
 * the middle of text, a title padded with spaces. Shared by the perf test and the benchmark.
 */

export const ONE_MEGABYTE = 1024 * 1024;

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const UNITS: Record<string, string> = {
  'mixed Arabic news': 'قال الوزير: «إن 14 آذار 2024 موعد» و"نص بلا إغلاق 5/7/2013 11:13:00 PM ===== ***** «مفتوح : ٧ مايو ٢٠١٣ ',
  'unclosed quotes': '« " “ نص عربي طويل بلا علامات إغلاق ',
  'digits and colons': '12:3 1/2/ 2013: 5:: ٧: 99.99.9 2013-5- ',
  'separator characters': '=-=*_~#•==== ',
  'month names without years': '7 أيار 8 مايو May 7 الثلاثاء ، كانون ',
  'speaker-like words': 'كيري لافروف بوتين أوباما ',
};

export function longLines(length = ONE_MEGABYTE): Record<string, string> {
  const lines: Record<string, string> = {};
  for (const [name, unit] of Object.entries(UNITS)) {
    lines[name] = repeatTo(unit, length);
  }
  lines['one separator run'] = '='.repeat(length);
  lines['title padded with spaces'] = `عنوان${' '.repeat(length - 5)}`;
  return lines;
}
