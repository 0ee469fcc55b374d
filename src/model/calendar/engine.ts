import type { BlockTotals, TotalsSink } from '../chains/sink.js';
import { drawnParameters } from '../chains/drawn.js';
import { BlockRandom, gamma } from '../chains/block-random.js';
import type { ChainParams } from '../chains/params.js';
import type { CalendarChain } from './chain.js';
import { PaybackCounter } from '../chains/payback.js';
import { binomialDraw } from '../chains/binomial.js';
import { offspringMean } from '../chains/offspring.js';
import { poissonDraw as poisson } from '../chains/poisson.js';
import { unreached } from '../unreached.js';
import { pendingStages } from './existing.js';
import { PeriodEnds } from './period-ends.js';

export type { CalendarChain } from './chain.js';

/**
 * The weight of a run-day's stage: 1 where the stages hold expected fans (the tree with
 * Poisson or negative binomial referrals), 8 where they move whole fans by binomial draws
 * (fixed referrals, the compound model's referral moments), 14 where churn also takes
 * fans from every stage each day (a binomial draw a stage: measured 1.7 times the 8):
 * measured, `npm run bench`.
 */
export const stageWeight = (chain: Pick<ChainParams, 'model' | 'offspring' | 'churn'>): number =>
  chain.model === 'compound' && chain.churn > 0 ? 14 : chain.model === 'compound' || chain.offspring.distribution === 'fixed' ? 8 : 1;

/**
 * Below this many fans still expected, a run of expected referrals (tree, Poisson and
 * negative binomial) is over: the chance of one more fan is below one in a billion.
 */
const nothingDue = 1e-9;

/**
 * Runs `count` trials of block `block` day by day, all the block's trials together, their
 * totals handed to `sink` at the last day of each period. A referral's delay is k stages,
 * each left on a day with chance q (see {@link PascalDelay}): each run keeps k numbers, so
 * a day costs k steps and a draw or two per run, whatever the number of fans.
 *
 * - tree, Poisson and negative binomial laws: the referrers among a day's new fans bring
 *   Poisson(ν) fans, ν = n K (Poisson) or Gamma(n k) K/k (negative binomial: one gamma draw
 *   for the cohort), each after its own delay. By Poisson splitting the fans due on a day
 *   are Poisson(expected fans arriving that day), so the stages hold expected fans, moved
 *   by the chances (q of each stage a day), and a day's new fans are one Poisson draw.
 * - tree, fixed law: the cohort's fans, Binomial(⌊f⌋n + Binomial(n, f - ⌊f⌋), c), and in the
 *   compound model every referrer's next referral moment (again after each referral) are
 *   whole fans in the stages; Binomial(stage, q) of them move on each day: a multinomial
 *   draw over the delay's days, made a day at a time. At a compound referral moment a fan
 *   brings fans by the law, as a year of the compound model does.
 *
 * Churn (compound): each day, before anything moves, Binomial(n, h) of the fans waiting in
 * each stage leave, and as many of the non-referrers; the totals handed on are the
 * customers left (without churn, everyone reached).
 *
 * Customers already there (`calendar.existing`, tree): on day 0 each run draws each cohort's
 * λ given the referrals it made (existing.ts), and what is still to come goes into the stages
 * as the days since joining left it; the starting fans bring nothing else.
 *
 * A market thins each day's new fans by Binomial(n, (market - reached) / market). A run is extinct
 * once nothing is due any more (for expected fans, below 1e-9). Expected values are those
 * of renewal.ts with {@link pascalWeights}; a test holds them equal.
 */
export function runCalendarBlock(p: ChainParams, calendar: CalendarChain, seed: number, block: number, count: number, sink: TotalsSink): BlockTotals {
  const { days, ends } = calendar;
  const { stages: k, chance: q } = calendar.delay;
  const periods = ends.length;
  const rng = new BlockRandom(seed, block);
  // BTPE (binomial.ts): the stages move whole fans by binomial draws every day.
  const binomial = (n: number, p: number) => binomialDraw(rng, n, p);
  const stage = new Float64Array(count * k);
  const reached = new Float64Array(count);
  // Churn: the customers who left, and the non-referrers (outside the stages) who may leave.
  const leave = calendar.leave ?? 0;
  if (leave > 0 && p.model !== 'compound') throw new RangeError('churn on the calendar applies to the compound model');
  const gone = leave > 0 ? new Float64Array(count) : null;
  const others = leave > 0 ? new Float64Array(count) : null;
  const payback = p.payback ? new PaybackCounter(p.payback, periods - 1, count) : null;
  // A recurring value by day: each run's customer-days so far (customers on the books each day from day 1).
  const customerDays = p.payback?.perDay ? new Float64Array(count) : null;
  const closing = new PeriodEnds(periods, count, payback, customerDays);
  // Whether anything is due in a run: once not, it has died out for good.
  const live = new Uint8Array(count);
  const refers = 1 - (p.nonreferrers ?? 0);
  const mean = offspringMean(p.offspring);
  const { distribution, introductions, conversion } = p.offspring;
  const shape = distribution === 'geometric' ? 1 : p.offspring.dispersion;
  const poissonLaw = distribution === 'poisson' || shape === Infinity;
  const whole = Math.floor(introductions);
  const extra = introductions - whole;
  const compound = p.model === 'compound';
  const wholeFans = compound || distribution === 'fixed';
  const stay = 1 - q;
  const market = p.market;
  /** A law's fans for n referrers (or referral moments). */
  // A fit's uncertainty: each run's own mean, dispersion and share who refer, drawn first (as the step engine does).
  const drawn = p.draws ? drawnParameters(p, count, rng) : null;
  const meanOf = (i: number) => (drawn ? drawn.mean[i]! : mean);
  const shapeOf = (i: number) => (drawn ? drawn.shape[i]! : shape);
  const refersOf = (i: number) => (drawn ? drawn.refers[i]! : refers);
  /** Fans a Poisson or negative binomial law brings for n referrers (or referral moments) of run i, in expectation (the tree's stages) or drawn. */
  const expectedFans = (n: number, i: number) => {
    const [m, k] = [meanOf(i), shapeOf(i)];
    return distribution === 'poisson' || k === Infinity ? n * m : (gamma(rng, n * k) * m) / k;
  };
  /** A law's fans for n referrers (or referral moments) of run i. */
  const brought = (n: number, i: number) => (distribution === 'fixed' ? binomial(n * whole + binomial(n, extra), conversion) : poisson(rng, expectedFans(n, i)));
  // Expected fans still in each run's stages, kept by adding what goes in and taking what arrives:
  // when it is small, the stages are summed exactly to tell whether the run has died out.
  const pending = new Float64Array(count);
  // Customers already there (a dated fit's): what each day's cohort still brings, in the stages where its age leaves it.
  const existing = calendar.existing ?? null;
  if (existing !== null && (compound || distribution === 'fixed')) throw new RangeError('customers already there apply to the tree with a Poisson or negative binomial law');
  const cohorts = (existing?.ages ?? [])
    .map((g) => {
      const stages = pendingStages(calendar.delay, g.age);
      const left = stages.reduce((sum, s) => sum + s, 0);
      return { ...g, stages, left, F: 1 - left };
    })
    .filter((g) => g.left > 0);
  let period = 0;
  for (let t = 0; t <= days; t++) {
    // The common case on its own, a tight loop: the tree with expected fans in the stages.
    if (t > 0 && !wholeFans) {
      for (let i = 0; i < count; i++) {
        if (live[i] === 0) continue;
        const base = i * k;
        let before = stage[base]!;
        stage[base] = stay * before;
        for (let j = base + 1, end = base + k; j < end; j++) {
          const own = stage[j]!;
          stage[j] = stay * own + q * before;
          before = own;
        }
        const due = q * before;
        let rest = pending[i]! - due;
        let fresh = poisson(rng, due);
        if (market !== null && fresh > 0) fresh = Math.min(binomial(fresh, unreached(reached[i]!, market)), market - reached[i]!);
        if (fresh > 0) {
          reached[i]! += fresh;
          const share = drawn ? drawn.refers[i]! : refers;
          const referrers = share === 1 ? fresh : binomial(fresh, share);
          if (referrers > 0) {
            const going = drawn ? expectedFans(referrers, i) : poissonLaw ? referrers * mean : (gamma(rng, referrers * shape) * mean) / shape;
            stage[base]! += going;
            rest += going;
          }
        }
        if (rest < 1) {
          rest = 0;
          for (let j = base, end = base + k; j < end; j++) rest += stage[j]!;
          if (rest <= nothingDue) {
            live[i] = 0;
            rest = 0;
            for (let j = base, end = base + k; j < end; j++) stage[j] = 0;
          }
        }
        pending[i] = rest;
      }
    } else
    for (let i = 0; i < count; i++) {
      let fresh = 0;
      let moments = 0;
      const base = i * k;
      if (t === 0 && existing !== null) {
        // The cohort's λ given what it made, Gamma(k n + M, rate k/K + F(age)) (existing.ts), of which the stages hold what is still to come.
        reached[i] = p.start;
        const [m, shapeK] = [meanOf(i), shapeOf(i)];
        const poissonRun = distribution === 'poisson' || shapeK === Infinity;
        let due = 0;
        for (const g of cohorts) {
          const lambda = poissonRun ? g.fans * m : gamma(rng, shapeK * g.fans + g.referred) / (shapeK / m + g.F);
          for (let j = 0; j < k; j++) stage[base + j]! += lambda * g.stages[j]!;
          due += lambda * g.left;
        }
        pending[i] = due;
        live[i] = due > nothingDue ? 1 : 0;
        continue;
      }
      if (t === 0) fresh = p.start;
      else if (live[i] || (gone !== null && others![i]! > 0)) {
        if (gone !== null) {
          // Churn first: the day's leavers, from every stage and from the non-referrers.
          let left = others![i]! > 0 ? binomial(others![i]!, leave) : 0;
          others![i]! -= left;
          for (let j = base, end = base + k; j < end; j++) {
            const n = stage[j]!;
            if (n === 0) continue;
            const out = leave === 1 ? n : binomial(n, leave);
            stage[j] = n - out;
            left += out;
          }
          gone[i]! += left;
        }
      }
      if (t > 0 && live[i]) {
        // Whole fans (runs of expected fans go through the loop above after day 0): what leaves
        // the last stage arrives today, Binomial(stage, q) of each other stage moves on, back to front.
        const due = q === 1 ? stage[base + k - 1]! : binomial(stage[base + k - 1]!, q);
        stage[base + k - 1]! -= due;
        let left = stage[base + k - 1]!;
        for (let j = k - 1; j > 0; j--) {
          const move = q === 1 ? stage[base + j - 1]! : binomial(stage[base + j - 1]!, q);
          stage[base + j - 1]! -= move;
          stage[base + j]! += move;
          left += stage[base + j]!;
        }
        left += stage[base]!;
        if (compound) {
          moments = due;
          fresh = due === 0 ? 0 : brought(due, i);
        } else fresh = due;
        if (market !== null && fresh > 0) fresh = Math.min(binomial(fresh, unreached(reached[i]!, market)), market - reached[i]!);
        if (left === 0 && moments === 0) live[i] = 0;
      }
      reached[i]! += fresh;
      const share = refersOf(i);
      const referrers = fresh === 0 ? 0 : share === 1 ? fresh : binomial(fresh, share);
      if (others !== null) others[i]! += fresh - referrers;
      // What the day sets going, into the first stage: the referrers' own fans (tree) or their next referral moments (compound).
      let going = 0;
      if (compound) going = referrers + moments;
      else if (referrers > 0) {
        if (distribution === 'fixed') going = brought(referrers, i);
        else going = expectedFans(referrers, i);
      }
      if (going > 0) {
        stage[base]! += going;
        pending[i]! += going;
        live[i] = 1;
      }
    }
    if (customerDays !== null && t > 0) for (let i = 0; i < count; i++) customerDays[i]! += gone === null ? reached[i]! : reached[i]! - gone[i]!;
    if (t === ends[period] && closing.close(t, period++, reached, gone, live, p.start, sink)) break;
  }
  return closing.result();
}
