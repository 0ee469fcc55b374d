import { type Count, reaches } from './count.js';
import { type TreeParams, treeLevels, treeLimit } from './tree.js';
import { type CompoundParams, compoundYears } from './compound.js';

/** What a goal search found: the smallest value that reaches the target, or why none does. */
export interface GoalAnswer {
  reachable: boolean;
  /** The smallest depth or years (whole), fanout or rate (real) that reaches the target. */
  value: number | null;
  /** Why the target cannot be reached, in words; `null` when it can. */
  reason: string | null;
}

/** Upper ends of the searches; the CLI's own bounds on the flags. */
export interface GoalBounds {
  maxDepth: number;
  maxYears: number;
  maxFanout: number;
  maxRate: number;
}

const found = (value: number): GoalAnswer => ({ reachable: true, value, reason: null });
const missed = (reason: string): GoalAnswer => ({ reachable: false, value: null, reason });
const plain = (x: number) => x.toLocaleString('en-US', { maximumSignificantDigits: 6 });
const percent = (x: number) => x.toLocaleString('en-US', { style: 'percent', maximumFractionDigits: 2 });

/**
 * The first period (0, 1, ...) whose total reaches the target, looking at most at
 * periods 0..last; -1 when none does.
 */
export function firstReaching(periods: Iterator<{ total: Count }>, target: number, last: number): number {
  for (let period = 0; period <= last; period++) {
    const next = periods.next();
    if (next.done) return -1;
    if (reaches(next.value.total, target)) return period;
  }
  return -1;
}

function marketTooSmall(target: number, market: number | null): GoalAnswer | null {
  return market !== null && market < target ? missed(`the market (${plain(market)}) is smaller than the target`) : null;
}

/**
 * Smallest depth at which the tree model's total reaches `target`.
 *
 * @example depthToReach(1e6, { start: 1, fanout: 10, conversion: 1, market: null }, 5000).value // => 6
 */
export function depthToReach(target: number, p: Omit<TreeParams, 'depth'>, maxDepth: number): GoalAnswer {
  const tooSmall = marketTooSmall(target, p.market);
  if (tooSmall) return tooSmall;
  const limit = treeLimit(p);
  if (limit !== null && limit < target && p.start < target) {
    const k = p.fanout * p.conversion;
    return missed(`K = ${plain(k)} < 1: the total never passes ${plain(limit)} (start / (1 - K))`);
  }
  const depth = firstReaching(treeLevels(p), target, maxDepth);
  return depth >= 0 ? found(depth) : missed(`not reached within ${plain(maxDepth)} levels, the largest depth`);
}

/**
 * Smallest number of years after which the compound model's total reaches `target`.
 *
 * @example yearsToReach(1024, { start: 1, rate: 1, conversion: 1, churn: 0, market: null }, 10000).value // => 10
 */
export function yearsToReach(target: number, p: Omit<CompoundParams, 'years'>, maxYears: number): GoalAnswer {
  const tooSmall = marketTooSmall(target, p.market);
  if (tooSmall) return tooSmall;
  const k = p.rate * p.conversion;
  if (k <= p.churn && p.start < target) {
    return missed(`churn (${percent(p.churn)} a year) outruns referrals (K = ${plain(k)} a year): the total never grows past the start`);
  }
  const years = firstReaching(compoundYears(p), target, maxYears);
  return years >= 0 ? found(years) : missed(`not reached within ${plain(maxYears)} years, the largest number of years`);
}

/**
 * Smallest x in [low, high] with `ok(x)`, for a predicate that is false below some
 * point and true from there on; by bisection down to adjacent doubles, so `ok(x)` holds
 * and no smaller double that the search visited satisfies it.
 */
export function smallestReal(ok: (x: number) => boolean, low: number, high: number): number {
  let lo = low;
  let hi = high;
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Smallest whole x in [low, high] with `ok(x)` for a monotone predicate with `ok(high)`. */
export function smallestWhole(ok: (x: number) => boolean, low: number, high: number): number {
  let lo = low;
  let hi = high;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

/** Fanout answer: the real threshold and the smallest whole number of introductions. */
export interface FanoutAnswer extends GoalAnswer {
  wholeValue: number | null;
}

/**
 * Smallest fanout (a real number, and the smallest whole number) whose tree reaches
 * `target` within `depth` levels.
 *
 * @example fanoutToReach(1000, { start: 1, depth: 3, conversion: 1, market: null }, 1e6).wholeValue // => 10
 */
export function fanoutToReach(target: number, p: Omit<TreeParams, 'fanout'>, maxFanout: number): FanoutAnswer {
  const ok = (fanout: number) => firstReaching(treeLevels({ ...p, fanout }), target, p.depth) >= 0;
  const stuck =
    p.depth === 0 ? 'with depth 0 there are no introductions' : p.conversion === 0 ? 'with conversion 0 no introduction becomes a fan' : null;
  return realAndWhole(ok, stuck ?? marketTooSmall(target, p.market)?.reason ?? null, `fanout ${plain(maxFanout)}`, maxFanout);
}

/**
 * Smallest yearly rate whose compound growth reaches `target` within `years`.
 *
 * @example rateToReach(1024, { start: 1, years: 10, conversion: 1, churn: 0, market: null }, 1000).value // => 1
 */
export function rateToReach(target: number, p: Omit<CompoundParams, 'rate'>, maxRate: number): GoalAnswer {
  const ok = (rate: number) => firstReaching(compoundYears({ ...p, rate }), target, p.years) >= 0;
  const stuck =
    p.years === 0 ? 'with 0 years there are no introductions' : p.conversion === 0 ? 'with conversion 0 no introduction becomes a fan' : null;
  const { reachable, value, reason } = realAndWhole(ok, stuck ?? marketTooSmall(target, p.market)?.reason ?? null, `rate ${plain(maxRate)}`, maxRate);
  return { reachable, value, reason };
}

function realAndWhole(ok: (x: number) => boolean, stuck: string | null, largest: string, max: number): FanoutAnswer {
  if (ok(0)) return { reachable: true, value: 0, wholeValue: 0, reason: null };
  if (stuck !== null) return { reachable: false, value: null, wholeValue: null, reason: stuck };
  if (!ok(max)) return { reachable: false, value: null, wholeValue: null, reason: `not reached even with ${largest}, the largest allowed` };
  const whole = smallestWhole(ok, 0, max);
  return { reachable: true, value: smallestReal(ok, whole - 1, whole), wholeValue: whole, reason: null };
}
