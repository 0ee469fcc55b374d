import { type Count, GrowthOverflowError, take } from './count.js';

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
}

/** One level of the tree: fans added at that level and fans so far. */
export interface TreeRow {
  level: number;
  new: Count;
  total: Count;
}

/** The article's first claim: one fan, ten introductions, three steps. */
export const treeDefaults: TreeParams = { start: 1, fanout: 10, depth: 3, conversion: 1, market: null };

/** True when every figure of the tree model is a whole number (computed with BigInt). */
export function isTreeExact(p: Omit<TreeParams, 'depth'>): boolean {
  return Number.isInteger(p.start) && Number.isInteger(p.fanout) && p.conversion === 1 && p.market === null;
}

/**
 * Levels of the tree model, without end: only the newest level refers, once each.
 *
 * new(0) = start; new(g) = new(g-1) x fanout x conversion x (1 - total(g-1) / market),
 * never more than market - total(g-1). Without a market, total(d) = start (K^(d+1) - 1)/(K - 1)
 * with K = fanout x conversion (Skok's viral formula), or start (d + 1) when K = 1.
 */
export function* treeLevels(p: Omit<TreeParams, 'depth'>): Generator<TreeRow, never> {
  if (p.market !== null && p.start > p.market) throw new RangeError('start is larger than market');
  if (isTreeExact(p)) {
    const fanout = BigInt(p.fanout);
    let fresh = BigInt(p.start);
    let total = fresh;
    for (let level = 0; ; level++) {
      yield { level, new: fresh, total };
      fresh *= fanout;
      total += fresh;
    }
  }
  const k = p.fanout * p.conversion;
  let fresh = p.start;
  let total = fresh;
  for (let level = 0; ; level++) {
    if (!Number.isFinite(total)) throw new GrowthOverflowError(level);
    yield { level, new: fresh, total };
    fresh *= k;
    if (p.market !== null) fresh = Math.min(fresh * (1 - total / p.market), p.market - total);
    total = p.market === null ? total + fresh : Math.min(total + fresh, p.market);
  }
}

/**
 * Rows of the tree model for levels 0..depth.
 *
 * @example treeGrowth({ ...treeDefaults }).at(-1)?.total // => 1111n
 * @throws {GrowthOverflowError} when expected values pass 1.8e308
 */
export function treeGrowth(p: TreeParams): TreeRow[] {
  return take(treeLevels(p), p.depth + 1);
}

/**
 * Effective referral factor K = fanout x conversion, and the total the tree tends to
 * when K < 1: start / (1 - K); `null` when it grows without limit.
 *
 * @example treeLimit({ start: 1, fanout: 1, conversion: 0.5 }) // => 2
 */
export function treeLimit(p: Pick<TreeParams, 'start' | 'fanout' | 'conversion'>): number | null {
  const k = p.fanout * p.conversion;
  return k < 1 ? p.start / (1 - k) : null;
}
