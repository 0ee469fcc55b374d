/**
 * Small numerical tools for maximum likelihood: a 1-D maximiser (golden section with
 * parabolic steps, Brent 1973), a simplex maximiser for 2 or 3 parameters (Nelder and Mead
 * 1965) and a bracketed root finder. Each has a fixed ceiling on evaluations.
 */

/**
 * The x in [lo, hi] where f is largest (for f unimodal there), by Brent's method, to a
 * relative tolerance of about 1e-10.
 *
 * @example maximize1((x) => -(x - 2) ** 2, 0, 5).x // => 2
 */
export function maximize1(f: (x: number) => number, lo: number, hi: number): { x: number; value: number } {
  const golden = 0.3819660112501051;
  let a = lo;
  let b = hi;
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let i = 0; i < 200; i++) {
    const m = (a + b) / 2;
    const tol = 1e-10 * Math.abs(x) + 1e-12;
    if (Math.abs(x - m) <= 2 * tol - (b - a) / 2) break;
    let parabolic = false;
    if (Math.abs(e) > tol) {
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      if (Math.abs(p) < Math.abs((q * e) / 2) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        parabolic = true;
      }
    }
    if (!parabolic) {
      e = (x < m ? b : a) - x;
      d = golden * e;
    }
    const u = x + (Math.abs(d) >= tol ? d : d > 0 ? tol : -tol);
    const fu = f(u);
    if (fu >= fx) {
      if (u < x) b = x;
      else a = x;
      [v, fv, w, fw, x, fx] = [w, fw, x, fx, u, fu];
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu >= fw || w === x) [v, fv, w, fw] = [w, fw, u, fu];
      else if (fu >= fv || v === x || v === w) [v, fv] = [u, fu];
    }
  }
  return { x, value: fx };
}

/**
 * The x in [lo, hi] where f is largest, searched out from `start`: f at start ± 0.25, 0.5,
 * 1, 2, ... (to the ends) on each side until it falls, then Brent's method between the
 * points either side of the best seen. Where f is flat far off (a parameter clamped at its
 * edge), a search over the whole of [lo, hi] can settle on the flat part; this one climbs
 * from where the answer is expected.
 *
 * @example maximizeAround((x) => -((x - 3) ** 2), 0, -50, 50).x // => 3
 */
export function maximizeAround(f: (x: number) => number, start: number, lo: number, hi: number): { x: number; value: number } {
  const s = Math.min(hi, Math.max(lo, start));
  const seen: { x: number; value: number }[] = [{ x: s, value: f(s) }];
  for (const direction of [-1, 1]) {
    let last = seen[0]!.value;
    for (let step = 0.25; ; step *= 2) {
      const x = Math.min(hi, Math.max(lo, s + direction * step));
      const value = f(x);
      seen.push({ x, value });
      if (value < last || x === lo || x === hi) break;
      last = value;
    }
  }
  seen.sort((a, b) => a.x - b.x);
  let top = 0;
  for (let i = 1; i < seen.length; i++) if (seen[i]!.value > seen[top]!.value) top = i;
  const best = maximize1(f, seen[Math.max(0, top - 1)]!.x, seen[Math.min(seen.length - 1, top + 1)]!.x);
  return best.value >= seen[top]!.value ? best : seen[top]!;
}

/**
 * The point where f is largest near `start`, by the Nelder-Mead simplex (reflection 1,
 * expansion 2, contraction 1/2, shrink 1/2), restarted once from its answer; at most 4,000
 * evaluations. For smooth likelihoods of 2 or 3 parameters on a log or logit scale.
 *
 * @example maximizeN(([x, y]) => -(x! - 1) ** 2 - (y! + 2) ** 2, [0, 0]).x // => ≈ [1, -2]
 */
export function maximizeN(f: (x: readonly number[]) => number, start: readonly number[], step = 0.5): { x: number[]; value: number } {
  let best = { x: [...start], value: f(start) };
  for (let round = 0; round < 2; round++) best = simplex(f, best.x, round === 0 ? step : step / 10);
  return best;
}

function simplex(f: (x: readonly number[]) => number, start: readonly number[], step: number): { x: number[]; value: number } {
  const n = start.length;
  let points = [start.slice(), ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))];
  let values = points.map((p) => f(p));
  const value = (p: number[]) => {
    const y = f(p);
    return Number.isNaN(y) ? -Infinity : y;
  };
  values = values.map((y) => (Number.isNaN(y) ? -Infinity : y));
  for (let i = 0; i < 2000; i++) {
    const order = values.map((_, j) => j).sort((a, b) => values[b]! - values[a]!);
    points = order.map((j) => points[j]!);
    values = order.map((j) => values[j]!);
    if (Math.abs(values[0]! - values[n]!) <= 1e-12 * (Math.abs(values[0]!) + 1e-12) && i > 10) break;
    const centroid = start.map((_, d) => points.slice(0, n).reduce((s, p) => s + p[d]!, 0) / n);
    const along = (t: number) => centroid.map((c, d) => c + t * (points[n]![d]! - c));
    const reflected = along(-1);
    const fr = value(reflected);
    if (fr > values[0]!) {
      const expanded = along(-2);
      const fe = value(expanded);
      [points[n], values[n]] = fe > fr ? [expanded, fe] : [reflected, fr];
    } else if (fr > values[n - 1]!) {
      [points[n], values[n]] = [reflected, fr];
    } else {
      const contracted = along(fr > values[n]! ? -0.5 : 0.5);
      const fc = value(contracted);
      if (fc > Math.max(fr, values[n]!)) [points[n], values[n]] = [contracted, fc];
      else {
        for (let j = 1; j <= n; j++) {
          points[j] = points[j]!.map((v, d) => points[0]![d]! + (v - points[0]![d]!) / 2);
          values[j] = value(points[j]!);
        }
      }
    }
  }
  const top = values.indexOf(Math.max(...values));
  return { x: points[top]!, value: values[top]! };
}

/**
 * A root of f in [lo, hi], where f(lo) and f(hi) differ in sign, by bisection to adjacent
 * doubles (at most 2,000 steps).
 *
 * @example root((x) => x * x - 2, 0, 2) // => 1.4142135623730951
 */
export function root(f: (x: number) => number, lo: number, hi: number): number {
  let flo = f(lo);
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (fm > 0 === flo > 0) [lo, flo] = [mid, fm];
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
