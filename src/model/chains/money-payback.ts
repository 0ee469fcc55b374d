import type { Money } from '../money.js';
import type { ChainParams } from './params.js';
import type { Payback } from './payback.js';

/**
 * What the runs' money needs before they run: the payback each run is checked for (see
 * model/chains/payback.ts). The cumulative net is linear in the fans a run reached: (value -
 * rewards per referral) x (reached - start) plus what the bought fans bring less their CAC,
 * less the fixed cost (by cycle; on the calendar, pro rata by each period's days: `costShares`);
 * with --per, plus what the customers on the books pay (`billing`: by period, or by day).
 */
export function moneyPayback(chain: ChainParams, money: Money, costShares?: readonly number[], billing?: { ratio: number } | { perDays: number }, factors?: readonly number[], bands = false, from?: number): Payback {
  const a = money.amounts;
  const margin = a.margin ?? 1;
  const perReferral = a.reward + a.refereeReward;
  const bought = (perReferral - (a.cac ?? 0)) * (chain.paid ?? 0);
  const offsets = new Float64Array(chain.periods + 1);
  let rest = 0;
  for (let t = 0; t <= chain.periods; t++) {
    // Levels and years: nothing in period 0, then the fixed cost a period and the bought fans'
    // margin; calendar periods: the fixed cost pro rata from the first (none bought with a spread).
    // With --discount, each period's amounts at its factor.
    const factor = factors?.[t] ?? 1;
    if (costShares) rest -= a.cost * costShares[t]! * factor;
    else if (t > 0) rest += (bought - a.cost) * factor;
    offsets[t] = rest;
  }
  // With --per: each customer on the books pays value per billed customer-period (by period), or per customer-day on the calendar by day; the net counts it times the margin.
  const recurring = a.recurring ?? 0;
  const perCustomer = billing && 'ratio' in billing && recurring > 0 ? Float64Array.from({ length: chain.periods + 1 }, (_, t) => (t === 0 ? 0 : recurring * billing.ratio * (factors?.[t] ?? 1))) : undefined;
  const perDay = billing && 'perDays' in billing && recurring > 0 ? recurring / billing.perDays : undefined;
  return {
    slope: a.value * margin - perReferral,
    offsets,
    from: from ?? (costShares ? 0 : 1),
    ...(perCustomer ? { perCustomer } : {}),
    ...(perDay ? { perDay } : {}),
    ...(margin !== 1 ? { margin } : {}),
    ...(factors ? { factors: Float64Array.from(factors) } : {}),
    ...(bands ? { bands: { value: a.value } } : {}),
  };
}
