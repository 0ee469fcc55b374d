import * as check from '../check.js';
import { bounds } from '../limits.js';
import { unreached } from '../unreached.js';

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
 * With a market, new fans are scaled by the share of it not reached yet, (market - reached(t - 1)) / market,
 * and never more than the rest of it (the models' rule, per day). Day 0 holds the starting fans.
 * Cost: days x the delay's length.
 */
export interface RenewalParams {
  model: 'tree' | 'compound';
  start: number;
  /** New fans a fan brings (tree), or brings each cycle (compound). */
  K: number;
  market: number | null;
  /** Chance of a delay of s days, s = 1, 2, ... (weights[0] is 0). */
  weights: Float64Array;
  /** The last day (days run 0..days). */
  days: number;
}

/**
 * Expected new fans on each day 0..days.
 *
 * @example renewalDays({ model: 'tree', start: 1, K: 2, market: null, weights: Float64Array.from([0, 1]), days: 3 }) // => [1, 2, 4, 8]
 */
export function renewalDays(p: RenewalParams): Float64Array {
  // The CLI's bounds, for the library too: cost days x the delay's length, at most 36,525².
  check.whole('days', p.days, 0, bounds.days);
  if (!(p.weights instanceof Float64Array) || p.weights.length > bounds.days + 1) throw new check.FansInputError('weights', `must be a Float64Array of at most ${bounds.days + 1} chances`, p.weights?.length);
  check.whole('start', p.start, 0, bounds.start);
  check.real('K', p.K, 0, bounds.fanout);
  check.market(p.market, p.start);
  const { weights, days, K } = p;
  const span = weights.length;
  const fresh = new Float64Array(days + 1);
  // Referral moments still to come (compound), or expected new fans already due (tree), by day.
  const due = new Float64Array(days + 1);
  const compound = p.model === 'compound';
  let reached = 0;
  for (let t = 0; t <= days; t++) {
    let n = t === 0 ? p.start : compound ? K * due[t]! : due[t]!;
    if (t > 0 && p.market !== null) n = Math.max(0, Math.min(n * unreached(reached, p.market), p.market - reached));
    fresh[t] = n;
    reached += n;
    // What day t sets going: the tree's new fans' own referrals; the compound's new fans and everyone who just referred refer again.
    const going = compound ? n + (t > 0 ? due[t]! : 0) : K * n;
    if (going === 0) continue;
    const end = Math.min(span - 1, days - t);
    for (let s = 1; s <= end; s++) due[t + s]! += going * weights[s]!;
  }
  return fresh;
}
