/**
 * The hand-computed agreement example shared by the unit tests and the integration tests:
 * two annotators, سمير (left) and ليلى (right), tag the same short Arabic dossier.
 *
 * Pairs (same type, Jaccard ≥ 0.5):
 *   speaker  «بلاده تؤيد الاتفاق الجديد بلا تحفظ»   foreign-minister / foreign-minister   exact
 *   speaker  «الأطراف ستلتقي مجددا»                   informed-source / spokesman           exact
 *   stance   «تؤيد الاتفاق الجديد»                    favor / favor                         exact
 *   stance   «ندعم الاتفاق» / «ندعم الاتفاق بقوة»     favor / favor                         12/17
 *   stance   «ترفض أي تأجيل للمفاوضات»                against / against                     exact
 *   stance   «ترحب بالاتفاق»                          favor / against                       exact
 *   stance   «الاتفاق خطوة لا تغير الكثير»            neutral / mixed                       exact
 * Unmatched: سمير's source tag on the title; ليلى's stance on «الأطراف ستلتقي مجددا», which
 * lies exactly on a speaker tag of سمير but a stance never pairs with a speaker tag.
 *
 * Stance confusion matrix (rows سمير, columns ليلى; favor, against, neutral, mixed):
 *   favor    2 1 0 0   row 3
 *   against  0 1 0 0   row 1
 *   neutral  0 0 0 1   row 1
 *   mixed    0 0 0 0   row 0
 *   columns  2 2 0 1   n = 5
 * p_o = (2 + 1 + 0 + 0) / 5 = 3/5
 * p_e = (3·2 + 1·2 + 1·0 + 0·1) / 5² = 8/25
 * κ = (3/5 − 8/25) / (1 − 8/25) = (7/25) / (17/25) = 7/17 ≈ 0.412
 */

import { createAnchor, type Annotation, type AnnotationBody } from '../../src/core/annotations';

export const EXAMPLE_CLIPPING = [
  'ملف: محادثات المياه',
  '',
  'اتفاق المياه يقترب',
  'صحيفة الشروق',
  'قال وزير الخارجية إن بلاده تؤيد الاتفاق الجديد بلا تحفظ.',
  'وأكد وزير الري: "نحن ندعم الاتفاق بقوة".',
  'وأعلن المتحدث باسم الحكومة أن الحكومة ترفض أي تأجيل للمفاوضات.',
  'وقالت النقابة إنها ترحب بالاتفاق لكنها تخشى على الأجور.',
  'ورأى الخبراء أن الاتفاق خطوة لا تغير الكثير.',
  'وقال مصدر مطلع إن الأطراف ستلتقي مجددا.',
  '',
].join('\n');

export const LEFT_AUTHOR = 'سمير';
export const RIGHT_AUTHOR = 'ليلى';

/** 7/17: the arithmetic is in this file's header. */
export const EXAMPLE_KAPPA = 7 / 17;
export const EXAMPLE_CONFUSION = [
  [2, 1, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 1],
  [0, 0, 0, 0],
];
/** Six exact pairs and one of 12/17. */
export const EXAMPLE_MEAN_JACCARD = (6 + 12 / 17) / 7;

const WATER_DEAL = 'الاتفاق';

let nextId = 0;

function tag(author: string, quote: string, body: AnnotationBody): Annotation {
  const start = EXAMPLE_CLIPPING.indexOf(quote);
  if (start < 0) throw new Error(`not in the example: ${quote}`);
  const id = `a-${(nextId++).toString(32).padStart(10, '0')}`;
  const time = '2024-05-01T10:00:00.000Z';
  return { ...body, id, author, created: time, modified: time, anchor: createAnchor(EXAMPLE_CLIPPING, start, start + quote.length) } as Annotation;
}

function stance(author: string, quote: string, holder: string, polarity: 'favor' | 'against' | 'neutral' | 'mixed'): Annotation {
  return tag(author, quote, { type: 'stance', holder, target: WATER_DEAL, polarity });
}

function speaker(author: string, quote: string, id: string): Annotation {
  return tag(author, quote, { type: 'speaker', speaker: id, kind: 'reported' });
}

export const EXAMPLE_LEFT: readonly Annotation[] = [
  tag(LEFT_AUTHOR, 'اتفاق المياه يقترب', { type: 'source', scope: 'article', kind: 'newspaper', outlet: 'الشروق' }),
  speaker(LEFT_AUTHOR, 'بلاده تؤيد الاتفاق الجديد بلا تحفظ', 'foreign-minister'),
  stance(LEFT_AUTHOR, 'تؤيد الاتفاق الجديد', 'foreign-minister', 'favor'),
  stance(LEFT_AUTHOR, 'ندعم الاتفاق', 'irrigation-minister', 'favor'),
  stance(LEFT_AUTHOR, 'ترفض أي تأجيل للمفاوضات', 'spokesman', 'against'),
  stance(LEFT_AUTHOR, 'ترحب بالاتفاق', 'union', 'favor'),
  stance(LEFT_AUTHOR, 'الاتفاق خطوة لا تغير الكثير', 'experts', 'neutral'),
  speaker(LEFT_AUTHOR, 'الأطراف ستلتقي مجددا', 'informed-source'),
];

export const EXAMPLE_RIGHT: readonly Annotation[] = [
  speaker(RIGHT_AUTHOR, 'بلاده تؤيد الاتفاق الجديد بلا تحفظ', 'foreign-minister'),
  stance(RIGHT_AUTHOR, 'تؤيد الاتفاق الجديد', 'foreign-minister', 'favor'),
  stance(RIGHT_AUTHOR, 'ندعم الاتفاق بقوة', 'irrigation-minister', 'favor'),
  stance(RIGHT_AUTHOR, 'ترفض أي تأجيل للمفاوضات', 'spokesman', 'against'),
  stance(RIGHT_AUTHOR, 'ترحب بالاتفاق', 'union', 'against'),
  stance(RIGHT_AUTHOR, 'الاتفاق خطوة لا تغير الكثير', 'experts', 'mixed'),
  speaker(RIGHT_AUTHOR, 'الأطراف ستلتقي مجددا', 'spokesman'),
  stance(RIGHT_AUTHOR, 'الأطراف ستلتقي مجددا', 'informed-source', 'neutral'),
];
