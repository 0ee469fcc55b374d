/** What one customer pays over their expected lifetime: billed customer-periods per step of the run while they stay (chance `stay` a step). */
export interface Lifetime {
  /** Customer-periods billed a step while on the books. */
  perStep: number;
  stay: number;
  /** Steps in the run's horizon. */
  steps: number;
  /** One step's discount factor (1 or absent: none). */
  discount?: number;
}

/**
 * The customer-periods one customer is billed for, each discounted from the end of its step:
 * with q = stay × discount a step, within the horizon Σ_(t=1..H) perStep q^t = perStep q (1 -
 * q^H) / (1 - q), and unbounded perStep q / (1 - q) (null for q = 1, without churn or
 * discount: it does not end). A customer pays for a step they are on the books at its end.
 * For yearly steps, churn c and a discount rate d, q = (1 - c) / (1 + d).
 *
 * @example lifetimeBilled({ perStep: 1, stay: 0.9, steps: 10 }) // => { within: 5.8618940391, unbounded: 9 } (to 10 decimals)
 */
export function lifetimeBilled(l: Lifetime): { within: number; unbounded: number | null } {
  const q = l.stay * (l.discount ?? 1);
  if (q >= 1) return { within: l.perStep * l.steps, unbounded: null };
  // 1 - q^H without cancellation: -expm1(H ln q).
  return { within: (l.perStep * q * -Math.expm1(l.steps * Math.log(q))) / (1 - q), unbounded: (l.perStep * q) / (1 - q) };
}
