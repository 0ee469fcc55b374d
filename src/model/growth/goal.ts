import * as check from '../check.js';
import { type Count, reaches, toNumber } from '../count.js';
import { bounds } from '../limits.js';
import { type TreeParams, treeFactor, treeLevels, treeLimit } from './tree.js';
import { type CompoundParams, compoundFactor, compoundYears } from './compound.js';
import { unreached } from '../unreached.js';

/**
 * What a goal search found: the smallest value that reaches the target, or why none does,
 * and in either case the attempt worth showing.
 *
 * Semantics: a target is reached *within* a horizon when the total of some period
 * 0..horizon reaches it (not only the last period: with churn and a market the total can
 * peak and fall). `period` is the first period that reaches it.
 */
export interface GoalAnswer {
  reachable: boolean;
  /** The smallest depth or years (whole), fanout or rate (real) that reaches the target. */
  value: number | null;
  /** Why the target cannot be reached (words for it: the CLI's catalogues); `null` when it can. */
  why: Why | null;
  /**
   * The scenario to show: the solved-for value and the last period worth showing. When
   * reachable, the answer (for fanout, the whole one) and the first period that reaches the
   * target; when not, the best attempt (the period where the total peaks or stops growing).
   */
  attempt: { value: number; period: number };
}

/** Upper ends of the searches; the CLI's own bounds on the flags. */
export interface GoalBounds {
  maxDepth: number;
  maxYears: number;
  maxFanout: number;
  maxRate: number;
}

/** Why a target cannot be reached, as data: each language words it (src/output/words). */
export type Why =
  | { kind: 'peaks' | 'levelsOff'; total: number; unit: 'level' | 'year'; at: number }
  | { kind: 'noPeriods'; flag: 'depth' | 'years' }
  | { kind: 'noConversion' | 'allNonreferrers' }
  | { kind: 'marketSmall'; market: number }
  | { kind: 'belowOne'; k: number; limit: number }
  | { kind: 'notWithin'; max: number; unit: 'level' | 'year' }
  | { kind: 'churnOutruns'; churn: number; k: number }
  | { kind: 'notEvenWith'; name: 'fanout' | 'rate'; max: number }
  | { kind: 'notAny'; name: 'fanout' | 'rate'; max: number; total: number; year: number; best: number };

/** Where a run of a model got to: the first period reaching the target, or its best one. */
export interface Progress {
  /** The first period whose total reaches the target; -1 when none up to `last` does. */
  reached: number;
  /** The period with the largest total (the first one, on ties) up to where the run stopped. */
  best: number;
  /** That total. */
  bestTotal: Count;
  /** Why the run stopped without reaching: the total can no longer grow, or `last` was hit. */
  settled: boolean;
}

/**
 * Runs a model's periods 0..last until one reaches the target or `settled(row)` says the
 * total can never grow again; the best total seen is kept as evidence.
 */
export function progress<R extends { total: Count }>(periods: Iterator<R>, target: number, last: number, settled: (row: R) => boolean): Progress {
  let best = 0;
  let bestTotal: Count = 0;
  for (let period = 0; period <= last; period++) {
    const next = periods.next();
    if (next.done) break;
    const { total } = next.value;
    if (period === 0 || toNumber(total) > toNumber(bestTotal)) {
      best = period;
      bestTotal = total;
    }
    if (reaches(total, target)) return { reached: period, best: period, bestTotal: total, settled: false };
    if (settled(next.value)) return { reached: -1, best, bestTotal, settled: true };
  }
  return { reached: -1, best, bestTotal, settled: false };
}

/**
 * The first period (0, 1, ...) whose total reaches the target, looking at most at
 * periods 0..last; -1 when none does.
 */
export function firstReaching(periods: Iterator<{ total: Count }>, target: number, last: number): number {
  return progress(periods, target, last, () => false).reached;
}

/**
 * When the tree can no longer reach the target, and has visibly levelled off: later levels
 * multiply the newest by at most K (1 - total / market) < 1 each, so at most
 * new x K' / (1 - K') more fans come; once that cannot close the gap and a level adds less
 * than a thousandth of the starting fans, the rows shown are enough. A level adding nothing
 * a double can hold (below 1e-15 of the total) ends the run too.
 */
function treeSettled(p: Omit<TreeParams, 'depth'>, target: number) {
  const k = treeFactor(p);
  if ((p.paid ?? 0) > 0) return boughtSettled(p.market);
  return (row: { new: Count; total: Count }) => {
    const fresh = toNumber(row.new);
    const total = toNumber(row.total);
    if (fresh <= total * 1e-15) return true;
    const perFan = p.market === null ? k : k * Math.max(0, unreached(total, p.market));
    return perFan < 1 && total + (fresh * perFan) / (1 - perFan) < target && fresh <= p.start * 1e-3;
  };
}

/**
 * When the compound model's total can never grow again: new fans per fan,
 * K (1 - reached / market), only falls as more of the market is reached, so once it is at
 * or below churn (or the market is full) every later year loses at least as many fans as it
 * wins. `reached` is counted from the rows (everyone who ever became a fan). A year adding
 * nothing a double can hold (below 1e-15 of the total) ends the run too.
 */
function compoundSettled(p: Omit<CompoundParams, 'years'>) {
  const k = compoundFactor(p);
  if ((p.paid ?? 0) > 0) return boughtSettled(p.market);
  let reached = 0;
  return (row: { new: Count; total: Count }) => {
    reached += toNumber(row.new);
    if (toNumber(row.new) <= toNumber(row.total) * 1e-15) return true;
    const perFan = p.market === null ? k : k * Math.max(0, unreached(reached, p.market));
    return perFan <= p.churn && (p.market === null || p.churn > 0 || reached >= p.market);
  };
}

/**
 * With bought fans the total keeps moving (by the fans bought, less churn) until the market
 * is full or it settles where churn takes as many as come: settled when a period changes it
 * by less than 1e-12 of itself.
 */
function boughtSettled(market: number | null) {
  let last = Number.NaN;
  return (row: { total: Count }) => {
    const total = toNumber(row.total);
    const done = (market !== null && total >= market) || Math.abs(total - last) <= 1e-12 * total;
    last = total;
    return done;
  };
}

/** The reason a search ended where the total peaked (with churn) or levelled off. */
function peakReason(best: Progress, unit: 'level' | 'year', churn: boolean): Why {
  return { kind: churn && best.best > 0 ? 'peaks' : 'levelsOff', total: toNumber(best.bestTotal), unit, at: best.best };
}

/** Why no fanout or rate can help, if so: no periods to refer in, no conversion, nobody who refers. */
function nobodyRefers(noPeriods: 'depth' | 'years' | null, p: { conversion: number; nonreferrers?: number; paid?: number }): Why | null {
  if (noPeriods !== null) return { kind: 'noPeriods', flag: noPeriods };
  if ((p.paid ?? 0) > 0) return null; // bought fans come whatever the referrals
  if (p.conversion === 0) return { kind: 'noConversion' };
  return p.nonreferrers === 1 ? { kind: 'allNonreferrers' } : null;
}

const checkTarget = (target: number) => check.real('target', target, 0, bounds.target, true);

function marketTooSmall(target: number, market: number | null): Why | null {
  return market !== null && market < target ? { kind: 'marketSmall', market } : null;
}

/**
 * Smallest depth at which the tree model's total reaches `target`.
 *
 * @example depthToReach(1e6, { start: 1, fanout: 10, conversion: 1, market: null }, 5000).value // => 6
 */
export function depthToReach(target: number, p: Omit<TreeParams, 'depth'>, maxDepth: number): GoalAnswer {
  checkTarget(target);
  check.whole('maxDepth', maxDepth, 0, bounds.depth);
  const run = progress(treeLevels(p), target, maxDepth, treeSettled(p, target));
  if (run.reached >= 0) return { reachable: true, value: run.reached, why: null, attempt: { value: run.reached, period: run.reached } };
  const limit = treeLimit(p);
  const k = treeFactor(p);
  const reason: Why =
    marketTooSmall(target, p.market) ??
    (limit !== null && limit < target
      ? { kind: 'belowOne', k, limit }
      : run.settled
        ? peakReason(run, 'level', false)
        : { kind: 'notWithin', max: maxDepth, unit: 'level' });
  return { reachable: false, value: null, why: reason, attempt: { value: run.best, period: run.best } };
}

/**
 * Smallest number of years after which the compound model's total reaches `target`.
 *
 * @example yearsToReach(1024, { start: 1, rate: 1, conversion: 1, churn: 0, market: null }, 10000).value // => 10
 */
export function yearsToReach(target: number, p: Omit<CompoundParams, 'years'>, maxYears: number): GoalAnswer {
  checkTarget(target);
  check.whole('maxYears', maxYears, 0, bounds.years);
  const run = progress(compoundYears(p), target, maxYears, compoundSettled(p));
  if (run.reached >= 0) return { reachable: true, value: run.reached, why: null, attempt: { value: run.reached, period: run.reached } };
  const k = compoundFactor(p);
  const reason: Why =
    marketTooSmall(target, p.market) ??
    (k <= p.churn
      ? { kind: 'churnOutruns', churn: p.churn, k }
      : run.settled
        ? peakReason(run, 'year', p.churn > 0)
        : { kind: 'notWithin', max: maxYears, unit: 'year' });
  return { reachable: false, value: null, why: reason, attempt: { value: run.best, period: run.best } };
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

/** Points of the scan that replaces bisection where the predicate is not monotone. */
export const scanPoints = 8192;

/**
 * Smallest x in (floor, high] whose run reaches the target when that need not be monotone
 * in x (the best total of a compound run with churn and a market can fall as the rate
 * grows: the market fills early and churn then eats it). Scans {@link scanPoints} points
 * spaced evenly in log(x - floor) from floor + 1e-9 (high - floor) to high, then bisects
 * between the last point that fails and the first that reaches. `floor` is a value below
 * which nothing can reach (e.g. K = churn). `value` is null when no point of the scan
 * reaches; `best` is then the point whose run came closest.
 */
export function smallestRealScan(run: (x: number) => Progress, floor: number, high: number): { value: number | null; best: number } {
  const span = high - floor;
  const lowest = Math.log(1e-9);
  let previous = floor;
  let best = high;
  let bestTotal = -Infinity;
  for (let i = 0; i < scanPoints; i++) {
    const x = i === scanPoints - 1 ? high : floor + span * Math.exp(lowest * (1 - i / (scanPoints - 1)));
    const tried = run(x);
    if (tried.reached >= 0) return { value: smallestReal((y) => run(y).reached >= 0, previous, x), best: x };
    if (toNumber(tried.bestTotal) > bestTotal) {
      bestTotal = toNumber(tried.bestTotal);
      best = x;
    }
    previous = x;
  }
  return { value: null, best };
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
  checkTarget(target);
  check.real('maxFanout', maxFanout, 0, bounds.fanout);
  check.whole('depth', p.depth, 0, bounds.depth);
  const run = (fanout: number) => progress(treeLevels({ ...p, fanout }), target, p.depth, () => false);
  // The tree's total at every level grows with the fanout, market or not (see the tests), so bisection holds.
  return solveReal(run, blocked(nobodyRefers(p.depth === 0 ? 'depth' : null, p), marketTooSmall(target, p.market), maxFanout), 'fanout', maxFanout, true, 0, true);
}

/**
 * Smallest yearly rate whose compound growth reaches `target` within `years`.
 *
 * @example rateToReach(1024, { start: 1, years: 10, conversion: 1, churn: 0, market: null }, 1000).value // => 1
 */
export function rateToReach(target: number, p: Omit<CompoundParams, 'rate'>, maxRate: number): GoalAnswer {
  checkTarget(target);
  check.real('maxRate', maxRate, 0, bounds.rate);
  check.whole('years', p.years, 0, bounds.years);
  const run = (rate: number) => progress(compoundYears({ ...p, rate }), target, p.years, compoundSettled({ ...p, rate }));
  const stuck = blocked(nobodyRefers(p.years === 0 ? 'years' : null, p), marketTooSmall(target, p.market), maxRate);
  // Without churn or without a market the best total grows with the rate; with both it
  // need not: search by scan above the rate where referrals only make up for churn.
  const monotone = p.churn === 0 || p.market === null;
  const { wholeValue: _, ...answer } = solveReal(run, stuck, 'rate', maxRate, monotone, p.churn / compoundFactor({ ...p, rate: 1 }), false);
  return answer;
}

/** A search that cannot succeed, and the value whose run to show: nothing to refer with (0), or too small a market (the largest). */
interface Blocked {
  why: Why;
  shown: number;
}

function blocked(nobody: Why | null, market: Why | null, max: number): Blocked | null {
  return nobody !== null ? { why: nobody, shown: 0 } : market !== null ? { why: market, shown: max } : null;
}

/**
 * The smallest real x in [0, max] whose run reaches the target (`monotone`: by bisection;
 * otherwise by {@link smallestRealScan} above `floor`), with the smallest whole one; the
 * attempt shows the whole answer when `showWhole` (a fanout is a count of introductions).
 */
function solveReal(run: (x: number) => Progress, stuck: Blocked | null, name: 'fanout' | 'rate', max: number, monotone: boolean, floor: number, showWhole: boolean): FanoutAnswer {
  const ok = (x: number) => run(x).reached >= 0;
  const answer = (value: number, whole: number | null): FanoutAnswer => {
    const shown = showWhole && whole !== null ? whole : value;
    return { reachable: true, value, wholeValue: whole, why: null, attempt: { value: shown, period: run(shown).reached } };
  };
  const missed = (why: Why, best: number): FanoutAnswer => ({
    reachable: false,
    value: null,
    wholeValue: null,
    why,
    attempt: { value: best, period: run(best).best },
  });
  if (ok(0)) return answer(0, 0);
  if (stuck !== null) return missed(stuck.why, stuck.shown);
  if (monotone) {
    if (!ok(max)) return missed({ kind: 'notEvenWith', name, max }, max);
    const whole = smallestWhole(ok, 0, max);
    return answer(smallestReal(ok, whole - 1, whole), whole);
  }
  const { value, best } = smallestRealScan(run, Math.min(floor, max), max);
  if (value === null) {
    const closest = run(best);
    return missed({ kind: 'notAny', name, max, total: toNumber(closest.bestTotal), year: closest.best, best }, best);
  }
  const whole = Math.ceil(value);
  return answer(value, ok(whole) ? whole : null);
}
