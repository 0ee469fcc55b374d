import * as check from '../check.js';
import { type Count, GrowthOverflowError, take } from '../count.js';
import { bounds } from '../limits.js';
import { unreached } from '../unreached.js';

/** Parameters of the tree (generation) model. */
export interface TreeParams {
  /** Fans at level 0. */
  start: number;
  /** Introductions each fan makes, once, to the next level. */
  fanout: number;
  /** Last level (levels run 0..depth). */
  depth: number;
  /** Share of introductions that become fans, 0..1. */
  conversion: number;
  /** People who could ever become fans; `null` for no limit. */
  market: number | null;
  /** Share of fans who never refer anyone, 0..1 (0 when absent). */
  nonreferrers?: number;
  /** New fans bought (or arriving by themselves) at every level from 1 on, who then refer like the others. */
  paid?: number;
}

/** One level of the tree: fans added at that level and fans so far. */
export interface TreeRow {
  level: number;
  new: Count;
  total: Count;
  /** Of the new fans, those bought (`paid`); the rest were referred. */
  paid: Count;
}

/** The article's first claim: one fan, ten introductions, three steps. */
export const treeDefaults: TreeParams = { start: 1, fanout: 10, depth: 3, conversion: 1, market: null };

/** True when every figure of the tree model is a whole number (computed with BigInt). */
export function isTreeExact(p: Omit<TreeParams, 'depth'>): boolean {
  return Number.isInteger(p.start) && Number.isInteger(p.fanout) && Number.isInteger(p.paid ?? 0) && p.conversion === 1 && p.market === null && !p.nonreferrers;
}

/**
 * The tree's referral factor K = fanout x conversion x (1 - nonreferrers): new fans a fan
 * brings on average.
 *
 * @example treeFactor({ fanout: 3, conversion: 1, nonreferrers: 0.7 }) // => 0.9
 */
export function treeFactor(p: Pick<TreeParams, 'fanout' | 'conversion' | 'nonreferrers'>): number {
  return p.fanout * p.conversion * (1 - (p.nonreferrers ?? 0));
}

/**
 * Levels of the tree model, without end: only the newest level refers, once each. The
 * parameters are checked first (a {@link check.FansInputError} names the one out of range).
 *
 * new(0) = start; new(g) = new(g-1) x K x (market - total(g-1)) / market, K = fanout x conversion x (1 - nonreferrers),
 * never more than market - total(g-1). Without a market, total(d) = start (K^(d+1) - 1)/(K - 1)
 * with K = fanout x conversion (Skok's viral formula), or start (d + 1) when K = 1.
 */
export function treeLevels(p: Omit<TreeParams, 'depth'>): Generator<TreeRow, never> {
  check.common(p);
  check.real('fanout', p.fanout, 0, bounds.fanout);
  if (p.nonreferrers !== undefined) check.share('nonreferrers', p.nonreferrers);
  if (p.paid !== undefined) check.real('paid', p.paid, 0, bounds.start);
  return levels(p);
}

function* levels(p: Omit<TreeParams, 'depth'>): Generator<TreeRow, never> {
  if (isTreeExact(p)) {
    const fanout = BigInt(p.fanout);
    const paid = BigInt(p.paid ?? 0);
    let fresh = BigInt(p.start);
    let total = fresh;
    yield { level: 0, new: fresh, total, paid: 0n };
    for (let level = 1; ; level++) {
      fresh = fresh * fanout + paid;
      total += fresh;
      yield { level, new: fresh, total, paid };
    }
  }
  const k = treeFactor(p);
  const paid = p.paid ?? 0;
  let fresh = p.start;
  let total = fresh;
  let bought = 0;
  for (let level = 0; ; level++) {
    if (!Number.isFinite(total)) throw new GrowthOverflowError(level);
    yield { level, new: fresh, total, paid: bought };
    fresh *= k;
    if (p.market !== null) fresh = Math.min(fresh * unreached(total, p.market), p.market - total);
    // Bought fans come on top, as many as the market has left.
    bought = p.market === null ? paid : Math.max(0, Math.min(paid, p.market - total - fresh));
    fresh += bought;
    total = p.market === null ? total + fresh : Math.min(total + fresh, p.market);
  }
}

/**
 * Rows of the tree model for levels 0..depth.
 *
 * @example treeGrowth({ ...treeDefaults }).at(-1)?.total // => 1111n
 * @throws {FansInputError} for a parameter out of range, in the CLI's words
 * @throws {GrowthOverflowError} when expected values pass 1.8e308
 */
export function treeGrowth(p: TreeParams): TreeRow[] {
  check.whole('depth', p.depth, 0, bounds.depth);
  return take(treeLevels(p), p.depth + 1);
}

/**
 * The total the tree tends to as depth grows when K = fanout x conversion < 1:
 * start / (1 - K) without a market; with one, each level is also scaled by the share of the
 * market not yet reached, so the limit is lower: summed level by level until the rest,
 * at most new x K / (1 - K), is below 1e-15 of the total (at most 10,000,000 levels).
 * `null` when K >= 1 (it grows without limit, or up to the market).
 *
 * @example treeLimit({ start: 1, fanout: 1, conversion: 0.5 }) // => 2
 * @example treeLimit({ start: 1, fanout: 1, conversion: 0.9, market: 5 }) // => 4.06... (not 10)
 */
export function treeLimit(p: Pick<TreeParams, 'start' | 'fanout' | 'conversion' | 'nonreferrers' | 'paid'> & { market?: number | null }): number | null {
  const k = treeFactor(p);
  if (k >= 1 || (p.paid ?? 0) > 0) return null;
  if (p.market === null || p.market === undefined) return p.start / (1 - k);
  const levels = treeLevels({ start: p.start, fanout: p.fanout, conversion: p.conversion, market: p.market, nonreferrers: p.nonreferrers ?? 0 });
  let total = p.start;
  for (let level = 0; level < 10_000_000; level++) {
    const row = levels.next().value;
    total = row.total as number;
    if ((row.new as number) * k <= total * 1e-15 * (1 - k)) break;
  }
  return total;
}
