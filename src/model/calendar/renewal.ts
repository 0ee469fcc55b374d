import * as check from '../check.js';
import { bounds } from '../limits.js';
import { unreached } from '../unreached.js';
import type { PascalDelay } from './delays.js';
import { stepStages } from './step-stages.js';

/**
 * Expected new fans day by day when referrals are spread out in time: the renewal equation
 * (Fraser 2007, https://doi.org/10.1371/journal.pone.0000758, with a generation interval
 * `weights`, see delays.ts).
 *
 * - tree: each fan refers once, `weights[s]` of its K new fans coming s days after it
 *   joined: n(t) = K Σ_s w(s) n(t - s).
 * - compound: each fan refers again and again, one cycle (a delay drawn from `weights`)
 *   after joining and after each referral before, K new fans each time:
 *   m(t) = Σ_s w(s) (n(t - s) + m(t - s)) referral moments fall on day t, n(t) = K m(t).
 *
 * - churn (compound): each fan leaves on any day with chance h (`leave`), and a fan who has
 *   left refers no more: a referral moment s days on needs the fan to have stayed, so the
 *   delay's chances become w(s) (1 - h)^s (see {@link renewalCustomers} for who is left).
 *
 * With a market, new fans are scaled by the share of it not reached yet, (market - reached(t - 1)) / market,
 * and never more than the rest of it (the models' rule, per day). Day 0 holds the starting fans;
 * with `arrivals`, they are customers part way through their referrals, and what they still
 * bring is added to each day's due: n(t) = a(t) + K Σ_s w(s) n(t - s) for t ≥ 1.
 * Cost: days x the delay's length; with `delay` in place of `weights`, days x its stages.
 */
export interface RenewalParams {
  model: 'tree' | 'compound';
  start: number;
  /** New fans a fan brings (tree), or brings each cycle (compound). */
  K: number;
  market: number | null;
  /** Chance of a delay of s days, s = 1, 2, ... (weights[0] is 0); or give `delay`. */
  weights?: Float64Array;
  /**
   * A Pascal delay (delays.ts) in place of `weights`: what each day sets going passes its k
   * stages, each a day at least and left with chance q a day, as the day engine's stages do,
   * so the sums cost days x k, not days x the delay's length. The same law as its weights
   * (pascalWeights), without their cut where less than 1e-12 is left.
   */
  delay?: PascalDelay;
  /** The last day (days run 0..days). */
  days: number;
  /** Compound only: the chance a fan leaves on any given day (churn as a daily hazard); 0 when absent. */
  leave?: number;
  /**
   * Tree only: the `start` fans are customers already there, whose referrals still to come
   * arrive as these expected new fans on days 1..days (see existing.ts's existingArrivals),
   * in place of K new fans each after a whole delay.
   */
  arrivals?: Float64Array;
}

/**
 * Expected new fans on each day 0..days.
 *
 * @example renewalDays({ model: 'tree', start: 1, K: 2, market: null, weights: Float64Array.from([0, 1]), days: 3 }) // => [1, 2, 4, 8]
 * @example renewalDays({ model: 'tree', start: 1, K: 2, market: null, delay: { stages: 1, chance: 1 }, days: 3 }) // => [1, 2, 4, 8]: the same one-day delay, as a stage
 */
export function renewalDays(p: RenewalParams): Float64Array {
  // The CLI's bounds, for the library too: cost days x the delay's length, at most 36,525².
  check.whole('days', p.days, 0, bounds.days);
  const delay = p.delay;
  if (delay !== undefined) {
    if (p.weights !== undefined) throw new check.FansInputError('delay', 'is given in place of weights, not with them', 'both');
    check.whole('delay.stages', delay?.stages, 1, bounds.stages);
    check.real('delay.chance', delay.chance, 0, 1, true);
  } else if (!(p.weights instanceof Float64Array) || p.weights.length > bounds.days + 1) throw new check.FansInputError('weights', `must be a Float64Array of at most ${bounds.days + 1} chances (or give delay)`, p.weights?.length);
  check.whole('start', p.start, 0, bounds.start);
  check.real('K', p.K, 0, bounds.fanout);
  check.market(p.market, p.start);
  const leave = p.leave ?? 0;
  check.share('leave', leave);
  if (leave > 0 && p.model !== 'compound') throw new check.FansInputError('leave', 'applies to the compound model (the tree has no churn)', leave);
  const arrivals = p.arrivals;
  if (arrivals !== undefined) {
    if (p.model !== 'tree') throw new check.FansInputError('arrivals', 'applies to the tree model (customers part way through their referrals)', p.model);
    if (!(arrivals instanceof Float64Array) || arrivals.length !== p.days + 1 || !arrivals.every((a) => a >= 0 && a < Infinity)) throw new check.FansInputError('arrivals', `must be a Float64Array of ${p.days + 1} expected fans, each 0 or more`, arrivals?.length);
  }
  const { days, K } = p;
  // A moment s days on needs the fan to have stayed s days: (1 - h)^s.
  const weights = delay !== undefined ? null : leave === 0 ? p.weights! : p.weights!.map((w, s) => w * (1 - leave) ** s);
  const span = weights === null ? 0 : weights.length;
  // With a delay: what is under way, by stage (step-stages.ts); each day its share 1 - q stays,
  // q moves on (and all of it is kept by the fans who stayed the day, 1 - h).
  const q = delay?.chance ?? 0;
  const stage = new Float64Array(delay?.stages ?? 0);
  const stay = (1 - q) * (1 - leave);
  const move = q * (1 - leave);
  const fresh = new Float64Array(days + 1);
  // Referral moments still to come (compound), or expected new fans already due (tree), by day.
  const due = arrivals === undefined ? new Float64Array(days + 1) : Float64Array.from(arrivals);
  const compound = p.model === 'compound';
  let reached = 0;
  for (let t = 0; t <= days; t++) {
    if (delay !== undefined && t > 0) due[t]! += stepStages(stage, stay, move);
    let n = t === 0 ? p.start : compound ? K * due[t]! : due[t]!;
    if (t > 0 && p.market !== null) n = Math.max(0, Math.min(n * unreached(reached, p.market), p.market - reached));
    fresh[t] = n;
    reached += n;
    // What day t sets going: the tree's new fans' own referrals; the compound's new fans and everyone who just referred refer again.
    // With arrivals, the customers already there on day 0 bring only those.
    const going = compound ? n + (t > 0 ? due[t]! : 0) : t === 0 && arrivals !== undefined ? 0 : K * n;
    if (going === 0) continue;
    if (weights === null) {
      stage[0]! += going;
      continue;
    }
    const end = Math.min(span - 1, days - t);
    for (let s = 1; s <= end; s++) due[t + s]! += going * weights[s]!;
  }
  return fresh;
}

/** Customers day by day: those who joined, less those who left. */
export interface RenewalCustomers {
  /** Customers who left on each day. */
  lost: Float64Array;
  /** Customers on each day, after the day's leavers and new fans. */
  totals: Float64Array;
}

/**
 * Customers of a renewal run ({@link renewalDays}) when each leaves on any day with chance h:
 * lost(t) = total(t - 1) h, total(t) = total(t - 1) (1 - h) + new(t) (survivors first, as in
 * compound.ts). Without churn the totals are the running sum of the new fans.
 *
 * @example renewalCustomers(Float64Array.from([10, 0, 0]), 0.5).totals // => [10, 5, 2.5]
 */
export function renewalCustomers(fresh: Float64Array, leave: number): RenewalCustomers {
  check.share('leave', leave);
  const lost = new Float64Array(fresh.length);
  const totals = new Float64Array(fresh.length);
  let total = 0;
  for (let t = 0; t < fresh.length; t++) {
    lost[t] = total * leave;
    total = total * (1 - leave) + fresh[t]!;
    totals[t] = total;
  }
  return { lost, totals };
}

/**
 * The daily chance of leaving that makes a share `churn` leave over a cycle of `days` days:
 * 1 - (1 - churn)^(1/days), so (1 - h)^days = 1 - churn.
 *
 * @example dailyLeave(0.5, 2) // => 1 - Math.SQRT1_2
 */
export function dailyLeave(churn: number, days: number): number {
  check.share('churn', churn);
  if (churn === 1) return 1;
  return -Math.expm1(Math.log1p(-churn) / days);
}
