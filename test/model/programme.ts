import type { DatedData } from '../../src/model/fit/dated.js';
import { Xoshiro128 } from '../../src/model/chains/random.js';

/**
 * A referral programme simulated in continuous time, exported on a day, and read as dated
 * records: seeds join at random moments over `days` days; every fan's referrals number
 * NB(K, k) (a gamma-mixed Poisson), each joining a gamma-distributed delay after them (mean
 * `delayMean` days, shape `delayShape`). The export on day `days − 1` holds everyone who
 * joined by then; each fan's join date is the day of that moment. With `after`, the programme
 * runs on that many days past the export (no more seeds: referrals only), and `later[t - 1]`
 * counts the fans who join on day t after the export's day.
 */
export function simulateProgramme(seed: number, p: { K: number; k: number; delayMean: number; delayShape: number; days: number; seedsPerDay: number; after?: number }): DatedData & { truth: typeof p; later: number[] } {
  const rng = new Xoshiro128(seed);
  const u = () => rng.uniform();
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  // Marsaglia and Tsang's gamma sampler (shape < 1 by the boost u^(1/shape)).
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * u() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const poisson = (mean: number) => {
    let [n, p2, limit] = [0, 1, Math.exp(-mean)];
    while ((p2 *= u()) > limit) n++;
    return n;
  };
  const end = p.days;
  const horizon = end + (p.after ?? 0);
  const joins: number[] = [];
  const parents: number[] = [];
  for (let s = 0; s < p.days * p.seedsPerDay; s++) {
    joins.push(u() * end);
    parents.push(-1);
  }
  for (let i = 0; i < joins.length; i++) {
    const referrals = poisson(gamma(p.k) * (p.K / p.k));
    for (let r = 0; r < referrals; r++) {
      const at = joins[i]! + gamma(p.delayShape) * (p.delayMean / p.delayShape);
      if (at < horizon) {
        joins.push(at);
        parents.push(i);
      }
    }
  }
  const asOf = end - 1;
  const later = new Array<number>(p.after ?? 0).fill(0);
  for (const at of joins) if (at >= end) later[Math.floor(at) - end]!++;
  // The file holds the fans who joined by the export (a referrer joined before its referee, so is kept too).
  const index = new Int32Array(joins.length).fill(-1);
  let kept = 0;
  joins.forEach((at, i) => (at < end ? (index[i] = kept++) : 0));
  const keptParents = parents.filter((_, i) => joins[i]! < end).map((parent) => (parent < 0 ? -1 : index[parent]!));
  return { ...exported(joins.filter((at) => at < end), keptParents, asOf), truth: p, later };
}

/** Dated records of the fans who joined (at moments `joins`, referred by `parents`, -1 for a seed) by the export's day. */
function exported(joins: readonly number[], parents: readonly number[], asOf: number): DatedData {
  const day = joins.map(Math.floor);
  const counts = new Array<number>(joins.length).fill(0);
  const delays = new Map<number, number>();
  parents.forEach((parent, i) => {
    if (parent < 0) return;
    counts[parent]!++;
    const d = day[i]! - day[parent]!;
    delays.set(d, (delays.get(d) ?? 0) + 1);
  });
  const groups = new Map<string, { count: number; exposure: number; fans: number }>();
  counts.forEach((count, i) => {
    const key = `${count},${asOf - day[i]!}`;
    const g = groups.get(key) ?? { count, exposure: asOf - day[i]!, fans: 0 };
    g.fans++;
    groups.set(key, g);
  });
  const values = [...delays.keys()].sort((a, b) => a - b);
  return { fans: [...groups.values()], delays: { values, counts: values.map((v) => delays.get(v)!) } };
}

