/**
 * Data as a frequency table: each distinct value once, with how often it occurs. Likelihoods
 * then cost O(distinct values), not O(rows): a million fans who brought 0 to 40 people are 41
 * terms.
 */
export interface Frequencies {
  /** Distinct values, ascending. */
  readonly values: readonly number[];
  /** How often each occurs (same order). */
  readonly counts: readonly number[];
}

/**
 * A frequency table from a map of value to count (zero counts dropped).
 *
 * @example frequencies(new Map([[2, 1], [0, 3]])) // => { values: [0, 2], counts: [3, 1] }
 */
export function frequencies(map: ReadonlyMap<number, number>): Frequencies {
  const values = [...map.keys()].filter((v) => map.get(v)! > 0).sort((a, b) => a - b);
  return { values, counts: values.map((v) => map.get(v)!) };
}

/** A frequency table from a list of values. */
export function frequenciesOf(list: Iterable<number>): Frequencies {
  const map = new Map<number, number>();
  for (const v of list) map.set(v, (map.get(v) ?? 0) + 1);
  return frequencies(map);
}

/** Number of observations N, their sum S, mean S/N and (population) variance. */
export function describe(f: Frequencies): { n: number; sum: number; mean: number; variance: number; max: number; zeros: number } {
  let n = 0;
  let sum = 0;
  for (let j = 0; j < f.values.length; j++) {
    n += f.counts[j]!;
    sum += f.counts[j]! * f.values[j]!;
  }
  const mean = n > 0 ? sum / n : 0;
  let squares = 0;
  for (let j = 0; j < f.values.length; j++) squares += f.counts[j]! * (f.values[j]! - mean) ** 2;
  const zeros = f.values[0] === 0 ? f.counts[0]! : 0;
  return { n, sum, mean, variance: n > 0 ? squares / n : 0, max: f.values.at(-1) ?? 0, zeros };
}

/** Σ_j n_j g(x_j): a sum over the observations, one term per distinct value. */
export function sumOver(f: Frequencies, g: (x: number) => number): number {
  let total = 0;
  for (let j = 0; j < f.values.length; j++) total += f.counts[j]! * g(f.values[j]!);
  return total;
}
