import type { BlockTotals, TotalsSink } from '../chains/sink.js';
import type { ChainParams } from '../chains/params.js';
import type { CalendarChain } from './chain.js';
import { type PascalDelay, pascalWeights } from './delays.js';
import { drawnParameters } from '../chains/drawn.js';
import { BlockRandom, gamma } from '../chains/block-random.js';
import { PaybackCounter } from '../chains/payback.js';
import { binomialDraw } from '../chains/binomial.js';
import { offspringMean } from '../chains/offspring.js';
import { poissonDraw as poisson, zeroTruncatedFirst, zeroTruncatedPoissonDraw } from '../chains/poisson.js';
import { unreached } from '../unreached.js';
import { DelayTable } from './delay-table.js';
import { thinnedPascal, thinnedWork } from './thinned-pascal.js';
import { DayQueue } from './day-queue.js';
import { PeriodEnds } from './period-ends.js';

/** Below this many fans still expected in a run's stages, they are empty (as engine.ts). */
const nothingDue = 1e-9;

/**
 * The most steps a block spends on the thinned delay's table (thinned-pascal.ts): 5e7,
 * about 50 ms, once a block. A yearly delay of 9 stages over ten years takes about 33,000.
 */
const maxThinnedWork = 5e7;

/**
 * The referral events a run holds before it goes on in stages: where the events due on a day
 * (about pending / mean delay of them) cost what a day of its stages does (k + 4 steps,
 * `weight` times as dear for whole fans). An event costs about 16 weighted stage steps:
 * measured 19 on the goal of issue #33 (a yearly delay of 9 stages, 1,000 compound runs from
 * 200 fans: 0.73 s by events alone against 2.5 s by day, to 1,900 days). At least 64, so
 * short delays still start by events; at most 4,096, so a block's events stay within about
 * 32 MiB (1,024 runs × 4,096 events × 8 bytes) whatever the delay.
 *
 * @example switchAt({ stages: 9, chance: 9 / 365 }, 8) // => 2,373: a yearly delay, the compound model
 */
export function switchAt(delay: PascalDelay, weight: number): number {
  const meanDays = delay.stages / delay.chance;
  return Math.min(4096, Math.max(64, Math.round((meanDays * (delay.stages + 4) * weight) / 16)));
}

/**
 * Runs `count` trials of block `block` fan by fan: each referral (tree) or referral moment
 * (compound) is an event on the day its own Pascal delay brings it ({@link DelayTable}), so
 * a run costs what its fans do, not what its days do. The laws are those of the day engine
 * (engine.ts, which a test holds equal in distribution):
 *
 * - tree: a day's referrers bring Poisson(n K) fans (negative binomial: Poisson of one gamma
 *   draw for the cohort; fixed: Binomial(⌊f⌋n + Binomial(n, f - ⌊f⌋), c)), each after a
 *   delay of its own;
 * - compound: a referrer's referral moments come one delay after another, and at each it
 *   brings fans by the law; with churn a customer stays a geometric number of days (the first
 *   day a daily chance `leave` comes up), and a moment after that never comes. With Poisson
 *   referrals only the moments that bring someone are events (thinning: each moment brings
 *   nobody with chance e^-K, so the next event comes after a geometric number of delays and
 *   brings a zero-truncated Poisson count): the same law in 1 - e^-K of the events;
 * - a market thins each day's new fans by Binomial(n, (market - reached) / market), and
 *   Binomial(n, 1 - nonreferrers) of them refer.
 *
 * A run whose pending events pass `threshold` ({@link switchAt}) goes on in stages as the day
 * engine runs it: what it sets going from then on passes k stages a day, while the events it
 * already drew still come. Memory is bounded by `threshold` events a run. Customers already
 * there (a dated fit's) are the day engine's.
 *
 * The days are still walked one by one (a period's totals go to `sink` at its last day), but
 * a day without events costs a run nothing.
 */
export function runEventBlock(p: ChainParams, calendar: CalendarChain, seed: number, block: number, count: number, sink: TotalsSink, threshold: number): BlockTotals {
  const { days, ends } = calendar;
  const { stages: k, chance: q } = calendar.delay;
  if (calendar.existing) throw new RangeError('customers already there run on the day engine');
  const stay = 1 - q;
  const periods = ends.length;
  const rng = new BlockRandom(seed, block);
  const binomial = (n: number, pr: number) => binomialDraw(rng, n, pr);
  const leave = calendar.leave ?? 0;
  if (leave > 0 && p.model !== 'compound') throw new RangeError('churn on the calendar applies to the compound model');
  const churn = leave > 0;
  const logStay = churn && leave < 1 ? Math.log1p(-leave) : 0;
  // The day a customer who joined on day t leaves: t + a geometric number of days; past the horizon, days + 1.
  const leaveDay = (t: number) => (!churn ? days + 1 : leave >= 1 ? t + 1 : Math.min(days + 1, t + 1 + Math.floor(Math.log(rng.uniform32()) / logStay)));
  const compound = p.model === 'compound';
  const mean = offspringMean(p.offspring);
  const { distribution, introductions, conversion } = p.offspring;
  const shape = distribution === 'geometric' ? 1 : p.offspring.dispersion;
  const whole = Math.floor(introductions);
  const extra = introductions - whole;
  const refers = 1 - (p.nonreferrers ?? 0);
  const market = p.market;
  const drawn = p.draws ? drawnParameters(p, count, rng) : null;
  const refersOf = (i: number) => (drawn ? drawn.refers[i]! : refers);
  /** Fans a Poisson or negative binomial law brings n referrers (or moments) of run i, in expectation. */
  const poissonLaw = distribution === 'poisson' || shape === Infinity;
  const expectedFans = (n: number, i: number) => {
    if (drawn === null) return poissonLaw ? n * mean : (gamma(rng, n * shape) * mean) / shape;
    const [m, s] = [drawn.mean[i]!, drawn.shape[i]!];
    return distribution === 'poisson' || s === Infinity ? n * m : (gamma(rng, n * s) * m) / s;
  };
  /** Fans a law brings for n referrers (or referral moments) of run i. */
  const brought = (n: number, i: number) => (distribution === 'fixed' ? binomial(n * whole + binomial(n, extra), conversion) : poisson(rng, expectedFans(n, i)));
  // Stages hold expected fans (the tree with Poisson or negative binomial referrals) or whole ones.
  const wholeFans = compound || distribution === 'fixed';
  // Compound with Poisson referrals: a referral moment that brings nobody (e^-K of them) is no
  // event. A referrer's next event is the first moment that brings someone, and brings a
  // zero-truncated Poisson count (thinning: the same law for the run, fewer events).
  const thin = compound && distribution === 'poisson';
  const meanOf = (i: number) => (drawn ? drawn.mean[i]! : mean);
  const zeroOf = thin && drawn ? Float64Array.from({ length: count }, (_, i) => Math.exp(-meanOf(i))) : null;
  const firstOf = thin && drawn ? Float64Array.from({ length: count }, (_, i) => zeroTruncatedFirst(meanOf(i))) : null;
  const zeroAll = Math.exp(-mean);
  const firstAll = zeroTruncatedFirst(mean);
  // With one K for every run, the delay to the next moment that brings someone in one uniform
  // (thinned-pascal.ts): the moments that bring nobody are passed by in its chances. Its
  // table costs (days + 1) x the delay's stages to work out: past maxThinnedWork, and with a
  // K for each run (a fit's uncertainty), each moment is drawn and passed by in nextMoment.
  const toEvent = thin && zeroOf === null && thinnedWork(calendar.delay, days) <= maxThinnedWork ? new DelayTable(thinnedPascal(calendar.delay, zeroAll, days)) : null;
  // The delay itself, drawn for the tree's referrals and for compound moments one by one: not
  // needed (nor worked out) where every compound moment is drawn from the thinned table.
  const delays = compound && toEvent !== null ? null : new DelayTable(pascalWeights(calendar.delay, days));

  const reached = new Float64Array(count);
  // At each period's end, whether each run still has something due (for a sink that stops early).
  const live = new Uint8Array(count);
  const gone = churn ? new Float64Array(count) : null;
  const payback = p.payback ? new PaybackCounter(p.payback, periods - 1, count) : null;
  const customerDays = p.payback?.perDay ? new Float64Array(count) : null;
  const closing = new PeriodEnds(periods, count, payback, customerDays);

  // Events by day: a run's arrival or referral moment (with, for a compound referrer, the day
  // they leave), or a customer leaving (the run as -(run + 1)).
  const queue = new DayQueue(days);
  // Per run: referral events to come (in the lists, or after the horizon), and nodes held.
  const pending = new Float64Array(count);
  const held = new Float64Array(count);
  // Runs gone on in stages, and their stages (allocated at the first).
  const staged = new Uint8Array(count);
  const stagedRuns: number[] = [];
  let stage: Float64Array | null = null;
  const stageLeft = new Float64Array(count);
  // Non-referrers of a staged run, who leave by a binomial draw a day (with churn).
  const others = churn ? new Float64Array(count) : null;
  // A day's arrivals (tree) or referral moments (compound; with `thin`, the fans its events bring) by event, and by stage.
  const due = new Float64Array(count);
  const stageDue = new Float64Array(count);
  // With `thin`: a staged run's referrers whose event came, set going again in its stages.
  const back = thin ? new Float64Array(count) : null;
  const touched = new Int32Array(count);
  const marked = new Uint8Array(count);
  let touchedCount = 0;
  const touch = (i: number) => {
    if (marked[i] === 0) {
      marked[i] = 1;
      touched[touchedCount++] = i;
    }
  };

  /** A compound referrer of run i, on day t, leaving on day `until`: their next moment, or their leaving. */
  const nextMoment = (i: number, t: number, until: number) => {
    let at = t + (toEvent === null ? delays!.draw(rng) : toEvent.draw(rng));
    if (thin && toEvent === null) {
      // Moments that bring nobody pass by, each one with chance e^-K: the next event is the first
      // that brings someone. (A geometric count of moments and one draw of their summed delay
      // measured slower: the logarithm and the tables' cache misses cost more than the uniforms.)
      const zero = zeroOf === null ? zeroAll : zeroOf[i]!;
      while (at < until && at <= days && rng.uniform32() < zero) at += delays!.draw(rng);
    }
    if (at < until && at <= days) {
      queue.add(at, i, until);
      held[i]!++;
    } else if (until <= days) {
      // They leave first: the run counts them as to refer until they have left (day 1 of the entry), as the day engine does.
      queue.add(until, -(i + 1), 1);
      held[i]!++;
    }
    // Else they are still there at the horizon, their next moment after it: the run has not died out.
  };

  /** Run i goes on in stages. */
  const toStages = (i: number) => {
    staged[i] = 1;
    stagedRuns.push(i);
    stage ??= new Float64Array(count * k);
  };

  /** Day t's new fans of run i: thinned by the market, counted, and what they set going. */
  const settle = (i: number, t: number) => {
    const moments = compound ? (thin ? stageDue[i]! : due[i]! + stageDue[i]!) : 0;
    let fresh = t === 0 ? p.start : compound ? (moments > 0 ? brought(moments, i) : 0) + (thin ? due[i]! : 0) : due[i]! + stageDue[i]!;
    if (t > 0 && market !== null && fresh > 0) fresh = Math.min(binomial(fresh, unreached(reached[i]!, market)), market - reached[i]!);
    reached[i]! += fresh;
    const share = refersOf(i);
    const referrers = fresh === 0 ? 0 : share === 1 ? fresh : binomial(fresh, share);
    const nonreferrers = fresh - referrers;
    // A day that would set more events going than a run may hold goes on in stages at once:
    // drawn one by one, 1e15 starting fans' referrals held memory without bound (a fuzz case
    // took 24 GB). Runs that grow day by day pass the threshold below, as before.
    if (!staged[i] && (compound ? referrers + (others === null ? 0 : nonreferrers) : referrers * meanOf(i)) > threshold) toStages(i);
    if (staged[i]) {
      if (others !== null) others[i]! += nonreferrers;
      // What the day sets going, into the first stage: the referrers' own fans (tree) or their next referral moments (compound).
      const going = compound ? referrers + stageDue[i]! + (back === null ? 0 : back[i]!) : referrers === 0 ? 0 : distribution === 'fixed' ? brought(referrers, i) : expectedFans(referrers, i);
      if (going > 0) {
        stage![i * k]! += going;
        stageLeft[i]! += going;
      }
      return;
    }
    if (others !== null) {
      for (let j = 0; j < nonreferrers; j++) {
        const until = leaveDay(t);
        if (until <= days) {
          queue.add(until, -(i + 1), 0);
          held[i]!++;
        }
      }
    }
    if (compound) {
      for (let j = 0; j < referrers; j++) {
        pending[i]!++;
        nextMoment(i, t, leaveDay(t));
      }
    } else if (referrers > 0) {
      const children = brought(referrers, i);
      for (let j = 0; j < children; j++) {
        pending[i]!++;
        const at = t + delays!.draw(rng);
        if (at <= days) {
          queue.add(at, i, 0);
          held[i]!++;
        }
      }
    }
    if (held[i]! > threshold) toStages(i);
  };

  let today = 0;
  /** One of the day's events: a leaving, an arrival, or a referral moment (the referrer's next drawn at once). */
  const arrive = (run: number, until: number) => {
    if (run < 0) {
      gone![-run - 1]!++;
      held[-run - 1]!--;
      // A referrer leaving (until 1), or a non-referrer (0).
      if (until === 1) pending[-run - 1]!--;
      return;
    }
    held[run]!--;
    touch(run);
    if (thin) {
      // A moment that brings someone: its fans now; the referrer's next such moment, or, in a staged run, its stages.
      due[run]! += zeroTruncatedPoissonDraw(rng, meanOf(run), firstOf === null ? firstAll : firstOf[run]!);
      if (!staged[run]) nextMoment(run, today, until);
      else {
        pending[run]!--;
        back![run]!++;
      }
      return;
    }
    if (compound && !staged[run]) {
      due[run]!++;
      nextMoment(run, today, until);
      return;
    }
    pending[run]!--;
    // A staged run's referrer goes on in its stages, as the day engine's moments do (stageDue is set going again).
    if (compound) stageDue[run]!++;
    else due[run]!++;
  };

  let period = 0;
  for (let t = 0; t <= days; t++) {
    today = t;
    touchedCount = 0;
    if (t === 0) for (let i = 0; i < count; i++) touch(i);
    else {
      // Churn first, in the staged runs: the day's leavers from every stage and from the non-referrers.
      if (churn) {
        for (const i of stagedRuns) {
          let left = others![i]! > 0 ? binomial(others![i]!, leave) : 0;
          others![i]! -= left;
          for (let j = i * k, end = j + k; j < end; j++) {
            const n = stage![j]!;
            if (n === 0) continue;
            const out = leave === 1 ? n : binomial(n, leave);
            stage![j] = n - out;
            stageLeft[i]! -= out;
            left += out;
          }
          gone![i]! += left;
        }
      }
      // The day's events: leavings, arrivals, and referral moments (each referrer's next drawn at once).
      queue.take(t, arrive);
      // The staged runs' stages move on a day.
      for (const i of stagedRuns) {
        const base = i * k;
        const s = stage!;
        if (!wholeFans) {
          let before = s[base]!;
          s[base] = stay * before;
          for (let j = base + 1, end = base + k; j < end; j++) {
            const own = s[j]!;
            s[j] = stay * own + q * before;
            before = own;
          }
          const mass = q * before;
          let rest = stageLeft[i]! - mass;
          if (rest < 1) {
            rest = 0;
            for (let j = base, end = base + k; j < end; j++) rest += s[j]!;
            if (rest <= nothingDue) {
              rest = 0;
              for (let j = base, end = base + k; j < end; j++) s[j] = 0;
            }
          }
          stageLeft[i] = rest;
          // The tree's day, inline as the day engine's tight loop has it: arrivals thinned by the market, their referrers' fans into the first stage.
          let fresh = due[i]! + (mass > 0 ? poisson(rng, mass) : 0);
          due[i] = 0;
          if (fresh === 0) continue;
          if (market !== null) fresh = Math.min(binomial(fresh, unreached(reached[i]!, market)), market - reached[i]!);
          reached[i]! += fresh;
          const share = drawn ? drawn.refers[i]! : refers;
          const referrers = fresh === 0 ? 0 : share === 1 ? fresh : binomial(fresh, share);
          if (referrers > 0) {
            const going = drawn ? expectedFans(referrers, i) : poissonLaw ? referrers * mean : (gamma(rng, referrers * shape) * mean) / shape;
            s[base]! += going;
            stageLeft[i]! += going;
          }
          continue;
        } else if (stageLeft[i]! > 0) {
          const out = q === 1 ? s[base + k - 1]! : binomial(s[base + k - 1]!, q);
          s[base + k - 1]! -= out;
          for (let j = k - 1; j > 0; j--) {
            const move = q === 1 ? s[base + j - 1]! : binomial(s[base + j - 1]!, q);
            s[base + j - 1]! -= move;
            s[base + j]! += move;
          }
          stageLeft[i]! -= out;
          stageDue[i]! += out;
        }
        // A staged run's day is settled here, its events' arrivals with its stages' (the loop below passes it by).
        if (due[i]! + stageDue[i]! > 0 || (back !== null && back[i]! > 0)) settle(i, t);
        due[i] = 0;
        stageDue[i] = 0;
        if (back !== null) back[i] = 0;
      }
    }
    for (let j = 0; j < touchedCount; j++) {
      const i = touched[j]!;
      if (t === 0 || staged[i] === 0) settle(i, t);
      due[i] = 0;
      stageDue[i] = 0;
      if (back !== null) back[i] = 0;
      marked[i] = 0;
    }
    if (customerDays !== null && t > 0) for (let i = 0; i < count; i++) customerDays[i]! += gone === null ? reached[i]! : reached[i]! - gone[i]!;
    if (t === ends[period]) {
      for (let i = 0; i < count; i++) live[i] = pending[i] === 0 && stageLeft[i] === 0 ? 0 : 1;
      if (closing.close(t, period++, reached, gone, live, p.start, sink)) break;
    }
  }
  return closing.result();
}
