/** Replaces the section `name` of bench/RESULTS.md with `body` (appending it the first time). */
export function writeResultsSection(name: string, body: string): void;
export const resultsFile: string;
