import type { ChainParams } from './params.js';
import { PaybackCounter } from './payback.js';
import { offspringMean } from './offspring.js';
import { binomialDraw as fastBinomial } from './binomial.js';
import { poissonDraw as poisson } from './poisson.js';
import { CountTables, drawFromTable } from './count-tables.js';
import { BlockRandom, gamma } from './block-random.js';
import { runCalendarBlock, stageWeight } from '../calendar/engine.js';
import { runEventBlock, switchAt } from '../calendar/events.js';
import type { BlockTotals, TotalsSink } from './sink.js';
import { drawnParameters } from './drawn.js';

export type { BlockTotals, TotalsSink } from './sink.js';
import { unreached } from '../unreached.js';

export { BlockRandom, gamma } from './block-random.js';

/**
 * Runs `count` trials of block `block` (stream `block` of the seed) a period at a time,
 * all trials of the block together: the fans referring in a trial bring new fans in one draw
 * (Poisson(nK); negative binomial as Poisson(Gamma(nk) x K/k); fixed as Binomial(n ⌊f⌋ +
 * Binomial(n, f - ⌊f⌋), c)),
 * thinned by the market (one binomial draw); Binomial(new fans, 1 - nonreferrers) of them
 * will refer; in the compound model Binomial(n, churn) referrers and others leave. The same laws as `sampleChain`, which samples one trial alone; a test holds the two
 * equal in distribution.
 */
export function runTrialsBlock(p: ChainParams, seed: number, block: number, count: number, sink: TotalsSink): BlockTotals {
  // Calendar time: fan by fan (events), a run going on in stages once it holds many; customers already there, day by day.
  if (p.calendar) {
    return p.calendar.existing
      ? runCalendarBlock(p, p.calendar, seed, block, count, sink)
      : runEventBlock(p, p.calendar, seed, block, count, sink, switchAt(p.calendar.delay, stageWeight(p)));
  }
  const width = p.periods + 1;
  const rng = new BlockRandom(seed, block);
  // BTPE (binomial.ts): cost flat in n, no closure a draw.
  const binomial = (n: number, p: number) => fastBinomial(rng, n, p);
  const sums = new Float64Array(width);
  const extinct = new Float64Array(width);
  // One period's totals at a time, handed to the sink and reused: memory does not grow with the periods.
  const totals = new Float64Array(count);
  // Each fan, starting fans included, refers with probability r for good: referrers and the
  // others are counted apart (with r = 1 no draw is made and nobody is an other).
  const refers = 1 - (p.nonreferrers ?? 0);
  const referring = new Float64Array(count);
  const others = new Float64Array(count);
  const reached = new Float64Array(count).fill(p.start);
  // A fit's uncertainty: each run's own mean fans per fan, dispersion and share who refer, drawn first.
  const drawn = p.draws ? drawnParameters(p, count, rng) : null;
  let startDead = 0;
  for (let i = 0; i < count; i++) {
    referring[i] = binomial(p.start, drawn ? drawn.refers[i]! : refers);
    others[i] = p.start - referring[i]!;
    if (referring[i] === 0) startDead++;
  }
  const k = offspringMean(p.offspring);
  const { distribution, introductions, conversion } = p.offspring;
  const shape = distribution === 'geometric' ? 1 : p.offspring.dispersion;
  // A fractional fixed fanout: ⌊f⌋ introductions each, and one more with probability f - ⌊f⌋.
  const whole = Math.floor(introductions);
  const extra = introductions - whole;
  const tree = p.model === 'tree';
  const refersAll = refers;
  const paid = p.paid ?? 0;
  // Small n (mean nK below 16) draw by inversion from a table of the law, built once a run
  // (one K and k for every run; not with a fit's uncertainty, where each run has its own).
  const poissonLaw = distribution === 'poisson' || shape === Infinity;
  const tables = !drawn && k > 0 && distribution !== 'fixed' ? CountTables.of(poissonLaw ? 'poisson' : 'negbin', k, shape) : null;
  totals.fill(p.start);
  // Money's payback, run by run, from the fans each run reached (see ChainParams.payback).
  const payback = p.payback ? new PaybackCounter(p.payback, p.periods, count) : null;
  payback?.check(0, reached, p.start, count, totals);
  sink(0, totals, reached, payback ?? undefined);
  sums[0] = p.start * count;
  extinct[0] = startDead;
  // The common case on its own, a tight loop: Poisson law, one K for every run, every fan refers, no market, none bought.
  if (poissonLaw && !drawn && refers === 1 && p.market === null && paid === 0 && k > 0) {
    const churn = tree ? 0 : p.churn;
    for (let t = 1; t < width; t++) {
      let sum = 0;
      let dead = 0;
      for (let i = 0; i < count; i++) {
        const n = referring[i]!;
        let fresh = 0;
        if (n > 0) {
          const table = tables!.table(n);
          fresh = table ? drawFromTable(rng, table) : poisson(rng, n * k);
        }
        const total = reached[i]! + fresh;
        reached[i] = total;
        const now = tree ? fresh : n - (churn > 0 ? binomial(n, churn) : 0) + fresh;
        referring[i] = now;
        if (!Number.isFinite(total)) throw new RangeError(`sampled count ${total} at period ${t}`);
        // Every fan refers, so nobody is an other: the compound model's total is its referrers.
        totals[i] = tree ? total : now;
        sum += totals[i]!;
        if (now === 0) dead++;
      }
      sums[t] = sum;
      extinct[t] = dead;
      payback?.check(t, reached, p.start, count, totals);
      sink(t, totals, reached, payback ?? undefined);
    }
    return { sums, extinct, ...(payback ? { paidBack: payback.counts } : {}) };
  }
  for (let t = 1; t < width; t++) {
    let sum = 0;
    let dead = 0;
    for (let i = 0; i < count; i++) {
      const n = referring[i]!;
      const mean = drawn ? drawn.mean[i]! : k;
      const dispersion = drawn ? drawn.shape[i]! : shape;
      const refers = drawn ? drawn.refers[i]! : refersAll;
      let fresh = 0;
      if (n > 0 && mean > 0) {
        const table = tables?.table(n);
        if (table) fresh = drawFromTable(rng, table);
        else if (distribution === 'poisson' || dispersion === Infinity) fresh = poisson(rng, n * mean);
        else if (distribution === 'fixed') fresh = binomial(n * whole + binomial(n, extra), conversion);
        else fresh = poisson(rng, (gamma(rng, n * dispersion) * mean) / dispersion);
      }
      if (p.market !== null) fresh = Math.min(binomial(fresh, unreached(reached[i]!, p.market)), p.market - reached[i]!);
      if (paid > 0) fresh += bought(p, reached[i]! + fresh);
      reached[i]! += fresh;
      const newReferrers = binomial(fresh, refers);
      let total: number;
      if (tree) {
        referring[i] = newReferrers;
        total = reached[i]!;
      } else {
        referring[i] = n - (p.churn > 0 ? binomial(n, p.churn) : 0) + newReferrers;
        if (refers < 1) others[i] = others[i]! - (p.churn > 0 ? binomial(others[i]!, p.churn) : 0) + (fresh - newReferrers);
        total = referring[i]! + others[i]!;
      }
      if (!Number.isFinite(total) || total < 0) throw new RangeError(`sampled count ${total} at period ${t}`);
      totals[i] = total;
      sum += total;
      if (referring[i] === 0) dead++;
    }
    sums[t] = sum;
    extinct[t] = dead;
    payback?.check(t, reached, p.start, count, totals);
    sink(t, totals, reached, payback ?? undefined);
  }
  return { sums, extinct, ...(payback ? { paidBack: payback.counts } : {}) };
}

/**
 * What one run-period of {@link runTrialsBlock} costs, in run-periods of its fastest path (a
 * Poisson law, one K, every fan refers, no market, none bought: about 0.15 µs here), so that
 * the work bound (`bounds.trialPeriods` of these) holds for the slowest path of each kind, not
 * the fastest. Measured with `fans compound|simulate --trials 4000 --years|--depth 4999
 * --threads 1` (see npm run limits) and rounded up: the general loop 2 (negative binomial,
 * fixed and market alone measured 1.2 to 1.9); each run's own parameters drawn from a fit +2
 * (the fit's runs are made twice: with the fit's uncertainty and without), nonreferrers
 * +1.5, churn +1, bought fans +1.5, a market +0.5, fixed referrals +1 (negative binomial
 * with nonreferrers, churn, a market and bought fans measured 4.1, weighed 6.5; a fit with a
 * market and bought fans 6.0, weighed 6); money's payback +0.5, +1 with churn (the fans
 * reached sketched too: churn's 3 measured 3.7).
 *
 * @example runPeriodCost({ model: 'tree', start: 1, periods: 3, offspring: { distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 }, churn: 0, market: null }) // => 1
 */
export function runPeriodCost(p: ChainParams, drawn = p.draws !== undefined): number {
  const paid = (p.paid ?? 0) > 0;
  const nonreferrers = (p.nonreferrers ?? 0) > 0;
  const poissonLaw = p.offspring.distribution === 'poisson' || (p.offspring.distribution === 'negbin' && p.offspring.dispersion === Infinity);
  // Money: each run checked for payback a period (+0.5), and with churn its fans reached sketched beside its total (+1; measured 3 to 3.7).
  const money = p.payback === undefined ? 0 : p.model === 'compound' && p.churn > 0 ? 1 : 0.5;
  if (poissonLaw && !drawn && !nonreferrers && p.market === null && !paid) return 1 + money;
  return 2 + money + (drawn ? 2 : 0) + (nonreferrers ? 1.5 : 0) + (p.model === 'compound' && p.churn > 0 ? 1 : 0) + (paid ? 1.5 : 0) + (p.market !== null ? 0.5 : 0) + (p.offspring.distribution === 'fixed' ? 1 : 0);
}

/** The fans bought in a period: `paid`, as many as the market has left after `reached`. */
export function bought(p: Pick<ChainParams, 'paid' | 'market'>, reached: number): number {
  const paid = p.paid ?? 0;
  return p.market === null ? paid : Math.max(0, Math.min(paid, p.market - reached));
}
