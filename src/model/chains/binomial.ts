import { type Uniforms, poissonDraw } from './poisson.js';

/**
 * The largest n that BTPE draws from: 2^53, past which not every whole number is a double.
 * There its acceptance test, a difference of logarithms of neighbouring counts scaled by n,
 * has no digits left (at n = 1e34 it rejects every proposal, for ever), so larger n take the
 * limit laws (see {@link binomialDraw}).
 */
export const btpeUpTo = 2 ** 53;

/**
 * Past {@link btpeUpTo}, the variance n·p·(1 - p) from which the normal limit is drawn; below
 * it p is under 2^-23 and the draw is Poisson(n·p).
 */
export const normalFromVariance = 2 ** 30;

/**
 * One Binomial(n, p) draw whose cost does not grow with n: inversion (a search from 0) when
 * n·min(p, 1 - p) < 30, else BTPE, the triangle-parallelogram-exponential rejection method of
 * V. Kachitvichyanukul and B. W. Schmeiser, "Binomial random variate generation",
 * Communications of the ACM 31 (1988), as numpy implements it (`random_binomial_btpe`).
 * For p above 1/2 it draws n - Binomial(n, 1 - p). `n` a whole number, or any finite double.
 *
 * Past n = 2^53, where counts are no longer whole doubles and BTPE's test has no digits left,
 * the draw comes from a limit law, and every draw ends for every n a double holds:
 * - the normal, N(n·p, n·p·q) rounded to a count and kept within [0, n], where the variance
 *   is 2^30 or more: its distribution function is within 0.41 (p² + q²)/√(npq) ≤ 1.3e-5 of
 *   the binomial's (Berry–Esseen for the binomial, Nagaev and Chebotarev 2011);
 * - the Poisson, Poisson(n·p), below that variance, where p < 2^-23: within p < 1.2e-7 in
 *   total variation (Le Cam; Barbour and Hall 1984).
 *   (n·p below 30 keeps the inversion, which is exact for any n.)
 *
 * Used by the calendar engine, whose stages move whole fans a day at a time; d3-random's
 * binomial (a recursion of beta draws, a closure a call) costs several times more there.
 *
 * @example binomialDraw(rng, 10, 0.5) // => a whole number from 0 to 10, 5 on average
 */
export function binomialDraw(rng: Uniforms, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const r = flip ? 1 - p : p;
  const y = n * r < 30 ? inversion(rng, n, r) : n <= btpeUpTo ? btpe(rng, n, r) : limit(rng, n, r);
  return flip ? n - y : y;
}

/** Binomial(n, p), p ≤ 1/2, for n past 2^53: the normal or the Poisson limit (see {@link binomialDraw}). */
function limit(rng: Uniforms, n: number, p: number): number {
  const mean = n * p;
  const variance = mean * (1 - p);
  if (variance < normalFromVariance) return poissonDraw(rng, mean);
  // Box–Muller: 1 - u is in (0, 1], so the logarithm is finite.
  const z = Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
  return Math.min(n, Math.max(0, Math.floor(mean + Math.sqrt(variance) * z + 0.5)));
}

/** Binomial(n, p), p ≤ 1/2, by a search from 0 (numpy's `random_binomial_inversion`): for n·p below 30. */
function inversion(rng: Uniforms, n: number, p: number): number {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log1p(-p));
  const np = n * p;
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  let x = 0;
  let px = qn;
  let u = rng.uniform();
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = rng.uniform();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

/** Stirling's series remainder of numpy's BTPE, for its final acceptance test. */
const stirling = (x: number, x2: number) => (13860 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;

/** Binomial(n, p), p ≤ 1/2 and n·p ≥ 30, by BTPE (numpy's `random_binomial_btpe`, step for step). */
function btpe(rng: Uniforms, n: number, r: number): number {
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  const nrq = n * r * q;
  for (;;) {
    const u = rng.uniform() * p4;
    let v = rng.uniform();
    let y: number;
    if (u <= p1) return Math.floor(xm - p1 * v + u); // the triangle: accepted at once
    if (u <= p2) {
      // The parallelograms.
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      // The left exponential tail.
      y = Math.floor(xl + Math.log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      // The right exponential tail.
      y = Math.floor(xr - Math.log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    const k = Math.abs(y - m);
    if (k <= 20 || k >= nrq / 2 - 1) {
      // f(y)/f(m) by the recurrence, exactly.
      const s = r / q;
      const aa = s * (n + 1);
      let f = 1;
      if (m < y) for (let i = m + 1; i <= y; i++) f *= aa / i - s;
      else if (m > y) for (let i = y + 1; i <= m; i++) f /= aa / i - s;
      if (v > f) continue;
      return y;
    }
    // Squeezes on log f(y)/f(m), then the bound by Stirling's series.
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const logV = Math.log(v);
    if (logV < t - rho) return y;
    if (logV > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound =
      xm * Math.log(f1 / x1) +
      (n - m + 0.5) * Math.log(z / w) +
      (y - m) * Math.log((w * r) / (x1 * q)) +
      stirling(f1, f1 * f1) +
      stirling(z, z * z) +
      stirling(x1, x1 * x1) +
      stirling(w, w * w);
    if (logV > bound) continue;
    return y;
  }
}
