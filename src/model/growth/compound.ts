import * as check from '../check.js';
import { type Count, GrowthOverflowError, take } from '../count.js';
import { bounds } from '../limits.js';
import { unreached } from '../unreached.js';

/** Parameters of the compound model. */
export interface CompoundParams {
  /** Fans at year 0. */
  start: number;
  /** New fans each fan brings each year (before conversion). */
  rate: number;
  /** Last year (years run 0..years). */
  years: number;
  /** Share of introductions that become fans, 0..1. */
  conversion: number;
  /** Share of fans lost each year, 0..1. */
  churn: number;
  /** People who could ever become fans; `null` for no limit. */
  market: number | null;
  /** Share of fans who never refer anyone, 0..1 (0 when absent). */
  nonreferrers?: number;
  /** New fans bought (or arriving by themselves) every year from year 1 on, who then refer like the others. */
  paid?: number;
}

/** One year: fans won, fans lost and fans at the end of that year. */
export interface CompoundRow {
  year: number;
  new: Count;
  lost: Count;
  total: Count;
  /** Of the new fans, those bought (`paid`); the rest were referred. */
  paid: Count;
}

/** The article's second claim: every fan brings one more each year, for ten years. */
export const compoundDefaults: CompoundParams = { start: 1, rate: 1, years: 10, conversion: 1, churn: 0, market: null };

/** True when every figure of the compound model is a whole number (computed with BigInt). */
export function isCompoundExact(p: Omit<CompoundParams, 'years'>): boolean {
  return Number.isInteger(p.start) && Number.isInteger(p.rate) && Number.isInteger(p.paid ?? 0) && p.conversion === 1 && p.churn === 0 && p.market === null && !p.nonreferrers;
}

/**
 * The compound model's referral factor K = rate x conversion x (1 - nonreferrers): new fans
 * a fan brings a year on average.
 *
 * @example compoundFactor({ rate: 1, conversion: 0.5, nonreferrers: 0.5 }) // => 0.25
 */
export function compoundFactor(p: Pick<CompoundParams, 'rate' | 'conversion' | 'nonreferrers'>): number {
  return p.rate * p.conversion * (1 - (p.nonreferrers ?? 0));
}

/**
 * Years of the compound model, without end: every fan refers every year. The parameters
 * are checked first (a {@link check.FansInputError} names the one out of range).
 *
 * new(t) = total(t-1) x K x (market - reached(t-1)) / market, K = rate x conversion x (1 - nonreferrers), never more than
 * market - reached(t-1), where reached counts everyone who ever became a fan;
 * lost(t) = total(t-1) x churn; total(t) = total(t-1) x (1 - churn) + new(t) (the same as
 * total(t-1) + new(t) - lost(t), without the cancellation when churn is near 1).
 * Without a market, total(t) = start (1 + rate x conversion - churn)^t.
 * Year 0 has new = start and lost = 0.
 */
export function compoundYears(p: Omit<CompoundParams, 'years'>): Generator<CompoundRow, never> {
  check.common(p);
  check.real('rate', p.rate, 0, bounds.rate);
  check.share('churn', p.churn);
  if (p.nonreferrers !== undefined) check.share('nonreferrers', p.nonreferrers);
  if (p.paid !== undefined) check.real('paid', p.paid, 0, bounds.start);
  return years(p);
}

function* years(p: Omit<CompoundParams, 'years'>): Generator<CompoundRow, never> {
  if (isCompoundExact(p)) {
    const rate = BigInt(p.rate);
    const paid = BigInt(p.paid ?? 0);
    let total = BigInt(p.start);
    yield { year: 0, new: total, lost: 0n, total, paid: 0n };
    for (let year = 1; ; year++) {
      const fresh = total * rate + paid;
      total += fresh;
      yield { year, new: fresh, lost: 0n, total, paid };
    }
  }
  const k = compoundFactor(p);
  const paid = p.paid ?? 0;
  let total = p.start;
  let reached = p.start;
  yield { year: 0, new: total, lost: 0, total, paid: 0 };
  for (let year = 1; ; year++) {
    let fresh = total * k;
    if (p.market !== null) fresh = Math.min(fresh * unreached(reached, p.market), p.market - reached);
    // Bought fans come on top, as many as the market has left.
    const bought = p.market === null ? paid : Math.max(0, Math.min(paid, p.market - reached - fresh));
    fresh += bought;
    const lost = total * p.churn;
    reached = p.market === null ? reached + fresh : Math.min(reached + fresh, p.market);
    // Survivors first: total - lost would cancel when churn is near 1.
    total = Math.min(total * (1 - p.churn) + fresh, reached);
    if (!Number.isFinite(total)) throw new GrowthOverflowError(year);
    yield { year, new: fresh, lost, total, paid: bought };
  }
}

/**
 * Rows of the compound model for years 0..years.
 *
 * @example compoundGrowth({ ...compoundDefaults }).at(-1)?.total // => 1024n
 * @throws {FansInputError} for a parameter out of range, in the CLI's words
 * @throws {GrowthOverflowError} when expected values pass 1.8e308
 */
export function compoundGrowth(p: CompoundParams): CompoundRow[] {
  check.whole('years', p.years, 0, bounds.years);
  return take(compoundYears(p), p.years + 1);
}
