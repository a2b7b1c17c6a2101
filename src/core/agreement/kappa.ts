/**
 * Cohen's kappa: how much two annotators agree on a category beyond what chance would give
 * them, from the table of what one said against what the other said.
 *
 *   κ = (p_o − p_e) / (1 − p_e)
 *   p_o = Σ_i n_ii / n                 observed agreement: the diagonal's share
 *   p_e = Σ_i (n_i· / n)(n_·i / n)     chance agreement: each annotator's own category rates
 *
 * Computed on counts as (n·Σ n_ii − Σ n_i·n_·i) / (n² − Σ n_i·n_·i), which is the same
 * fraction without rounding before the one division: the result is exactly symmetric.
 */

/** `matrix[i][j]`: how many items the left annotator put in category i and the right one in j. */
export type ConfusionMatrix = readonly (readonly number[])[];

export type KappaResult =
  | { readonly kappa: number; readonly observed: number; readonly expected: number; readonly reason?: undefined }
  /** No pair to compare: nothing can be said. */
  | { readonly kappa: undefined; readonly reason: 'no-pairs' }
  /**
   * Both annotators used one and the same category for every pair: chance alone predicts
   * their agreement (p_e = 1 = p_o), so κ is 0/0. The observed agreement is still 1.
   */
  | { readonly kappa: undefined; readonly reason: 'one-category'; readonly observed: 1; readonly expected: 1 };

export function cohensKappa(matrix: ConfusionMatrix): KappaResult {
  const n = sum(matrix.map(sum));
  if (n === 0) {
    return { kappa: undefined, reason: 'no-pairs' };
  }
  const agreeing = sum(matrix.map((row, i) => row[i]));
  const chanceProducts = sum(matrix.map((row, i) => sum(row) * sum(matrix.map((other) => other[i]))));
  const denominator = n * n - chanceProducts;
  if (denominator === 0) {
    return { kappa: undefined, reason: 'one-category', observed: 1, expected: 1 };
  }
  return { kappa: (n * agreeing - chanceProducts) / denominator, observed: agreeing / n, expected: chanceProducts / (n * n) };
}

/** The confusion matrix of labelled pairs over `categories`, rows for the left label. */
export function confusionMatrix<C>(categories: readonly C[], pairs: readonly (readonly [C, C])[]): number[][] {
  const matrix = categories.map(() => categories.map(() => 0));
  const indexOf = (category: C) => {
    const index = categories.indexOf(category);
    if (index < 0) throw new Error(`Not one of the categories: ${String(category)}`);
    return index;
  };
  for (const [left, right] of pairs) {
    matrix[indexOf(left)][indexOf(right)]++;
  }
  return matrix;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
