import { type Offspring, offspringMean } from './offspring.js';

/** How concentrated referring is: the 80/20 view of the offspring distribution. */
export interface Concentration {
  /** The share of fans who bring 80% of all new fans (Endo et al. 2020's p80). */
  p80: number;
  /** The share of all new fans brought by the most active 20% of fans. */
  t20: number;
}

/** Terms of a pmf summed at most: past this the distribution's tail is too long to sum here. */
export const maxTerms = 5_000_000;

/**
 * P(X = j) for j = 0, 1, 2, ... of the fans one fan brings, with a share `nonreferrers` who
 * bring none: computed by the ratio of successive terms in log space (no special functions,
 * no underflow for large means), until past the mean a term is below 1e-17 of the mass seen;
 * the caller divides by that mass, so rounding in the ratios does not bias the shares.
 */
function* pmf(o: Offspring, nonreferrers: number): Generator<number> {
  const k = offspringMean(o);
  const refers = 1 - nonreferrers;
  let log0: number;
  let step: (j: number) => number; // log P(j + 1) - log P(j)
  let support = Infinity;
  let mixture: ((j: number) => number) | null = null;
  switch (o.distribution) {
    case 'poisson':
      log0 = -k;
      step = (j) => Math.log(k / (j + 1));
      break;
    case 'negbin':
    case 'geometric': {
      const r = o.distribution === 'geometric' ? 1 : o.dispersion;
      log0 = -r * Math.log1p(k / r);
      const q = Math.log(k / (r + k));
      step = (j) => Math.log((j + r) / (j + 1)) + q;
      break;
    }
    case 'fixed': {
      // ⌊f⌋ introductions, or one more with probability φ, each a fan with probability c:
      // two binomial pmfs, each by the ratio of successive terms (one step a term).
      const n = Math.floor(o.introductions);
      const phi = o.introductions - n;
      const c = o.conversion;
      support = n + 1;
      const odds = Math.log(c / (1 - c));
      let logA = n * Math.log1p(-c); // log P(Binomial(n, c) = j)
      let logB = (n + 1) * Math.log1p(-c); // log P(Binomial(n + 1, c) = j)
      mixture = (j) => {
        const point = (m: number, log: number) => (c === 0 ? (j === 0 ? 1 : 0) : c === 1 ? (j === m ? 1 : 0) : j > m ? 0 : Math.exp(log));
        const value = (1 - phi) * point(n, logA) + phi * point(n + 1, logB);
        logA += Math.log((n - j) / (j + 1)) + odds;
        logB += Math.log((n + 1 - j) / (j + 1)) + odds;
        return value;
      };
      log0 = 0;
      step = () => 0;
      break;
    }
  }
  let log = log0;
  let seen = 0;
  for (let j = 0; j <= support && j < maxTerms; j++) {
    const base = mixture ? mixture(j) : Math.exp(log);
    const p = (j === 0 ? nonreferrers : 0) + refers * base;
    seen += p;
    yield p;
    // Past the mean, stop once a term no longer counts against what was seen.
    if (j >= k && p < seen * 1e-17) return;
    if (!mixture) log += step(j);
  }
}

/**
 * The 80/20 view of the fans one fan brings (`nonreferrers` of them bring none), from the
 * distribution itself:
 * - p80, after Endo et al. (2020) and superspreading's `proportion_transmission(method =
 *   "p_80")`: with counts spread evenly over [j, j + 1), find X where the fans below X bring
 *   20% of all new fans, (1/K) ∫_0^X ⌊x⌋ P(⌊x⌋) dx = 0.2; then p80 = 1 − ∫_0^X P(⌊x⌋) dx.
 * - t20: rank fans by the new fans they brought; the share of all new fans from the top 20%
 *   (a fraction of those at the boundary count taken in), by the same sum. This is the
 *   realised share, counts included; Lloyd-Smith et al.'s t20 ranks expected rates instead
 *   (0.2 for a Poisson distribution, where this is higher).
 * `null` when K = 0, or when the tail is too long to sum in {@link maxTerms} terms.
 *
 * @example concentration({ distribution: 'negbin', introductions: 2, conversion: 1, dispersion: 0.5 })?.p80 // => 0.264419...
 */
export function concentration(o: Offspring, nonreferrers = 0): Concentration | null {
  const k = offspringMean(o) * (1 - nonreferrers);
  if (!(k > 0)) return null;
  const p: number[] = [];
  let mass = 0;
  for (const term of pmf(o, nonreferrers)) {
    p.push(term);
    mass += term;
  }
  if (p.length >= maxTerms || Math.abs(mass - 1) > 1e-6) return null;
  for (let j = 0; j < p.length; j++) p[j]! /= mass;
  // p80: walk up from 0 until the fans so far bring 20% of the new fans.
  let brought = 0;
  let fans = 0;
  let p80 = 0;
  for (let j = 0; j < p.length; j++) {
    const share = (j * p[j]!) / k;
    if (brought + share >= 0.2) {
      const x = share > 0 ? (0.2 - brought) / share : 0;
      p80 = 1 - (fans + x * p[j]!);
      break;
    }
    brought += share;
    fans += p[j]!;
  }
  // t20: walk down from the largest count until 20% of the fans are in.
  let top = 0;
  let theirs = 0;
  for (let j = p.length - 1; j >= 0; j--) {
    const take = Math.min(p[j]!, 0.2 - top);
    top += take;
    theirs += j * take;
    if (top >= 0.2) break;
  }
  return { p80, t20: Math.min(1, theirs / k) };
}
