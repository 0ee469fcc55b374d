import * as check from '../check.js';
import { bounds } from '../limits.js';
import { chainFactor, offspringMean, offspringComplement, offspringVariance, binomialDraw, offspringSum } from './offspring.js';
import type { Source } from './random.js';
import { extinctionOf, survivalProbability, yearlyComplement } from './extinction.js';
import { QuantileSketch, type SketchEntries, defaultMaxBins, finestBinsOf } from './sketch.js';
import { bought, runTrialsBlock } from './engine.js';
import { blockCount, blockSize } from './blocks.js';
import { unreached } from '../unreached.js';
import type { ChainParams } from './params.js';
import { existingExtinction } from '../calendar/existing.js';

export type { ChainParams } from './params.js';

/** One sampled run: fans so far and fans still referring, per period. */
export interface ChainPath {
  totals: Float64Array;
  active: Float64Array;
}

/**
 * Checks a chain's parameters as the CLI checks its flags; a {@link check.FansInputError}
 * names the one out of range.
 */
export function checkChain(p: ChainParams): void {
  if (p.model !== 'tree' && p.model !== 'compound') throw new check.FansInputError('model', 'must be tree or compound', p.model);
  check.whole('start', p.start, 0, bounds.start);
  check.whole('periods', p.periods, 0, p.model === 'tree' ? bounds.depth : bounds.years);
  check.offspring(p.offspring, p.model === 'tree' ? 'fanout' : 'rate');
  check.share('churn', p.churn);
  check.market(p.market, p.start);
  if (p.nonreferrers !== undefined) check.share('nonreferrers', p.nonreferrers);
  if (p.paid !== undefined) check.whole('paid', p.paid, 0, bounds.start);
}

/**
 * Samples one run, a period at a time: the fans referring in a period (the newest level's
 * referrers in the tree model, every current referrer in the compound model) bring
 * offspringSum(active) new fans in one draw; with a market each is kept with probability
 * (market - reached) / market (one binomial draw) and never more than are left; Binomial(new fans,
 * 1 - nonreferrers) of them will refer; in the compound model Binomial(n, churn) referrers and
 * others leave each year. A run costs the same for 10 fans or 10^12.
 */
export function sampleChain(p: ChainParams, source: Source): ChainPath {
  checkChain(p);
  const offspring = offspringSum(p.offspring, source);
  const binomial = binomialDraw(source);
  const refers = 1 - (p.nonreferrers ?? 0);
  const totals = new Float64Array(p.periods + 1);
  const active = new Float64Array(p.periods + 1);
  let referring = binomial(p.start, refers);
  let others = p.start - referring;
  let reached = p.start;
  let fans = p.start;
  totals[0] = fans;
  active[0] = referring;
  for (let t = 1; t <= p.periods; t++) {
    let fresh = offspring(referring);
    if (p.market !== null) fresh = Math.min(binomial(fresh, unreached(reached, p.market)), p.market - reached);
    fresh += bought(p, reached + fresh);
    reached += fresh;
    const newReferrers = binomial(fresh, refers);
    if (p.model === 'tree') {
      referring = newReferrers;
      fans = reached;
    } else {
      referring = referring - binomial(referring, p.churn) + newReferrers;
      others = others - binomial(others, p.churn) + (fresh - newReferrers);
      fans = referring + others;
    }
    if (!Number.isFinite(fans) || fans < 0) throw new RangeError(`sampled count ${fans} at period ${t}`);
    totals[t] = fans;
    active[t] = referring;
  }
  return { totals, active };
}

export { blockCount, blockSize } from './blocks.js';

/**
 * A block of trials: their sums and extinct runs per period (their totals went into the
 * quantile sketches as they were drawn). Plain typed arrays, so a worker thread hands them
 * over without copying.
 */
export interface BlockSummary {
  block: number;
  trials: number;
  sums: Float64Array;
  extinct: Float64Array;
  /** Sums of the fans ever reached per period (calendar runs; see BlockTotals). */
  reached?: Float64Array;
  /** Runs paid back by each period (with {@link ChainParams.payback}). */
  paidBack?: Float64Array;
  /** Sums of the runs' customer-days so far (calendar runs with a recurring value). */
  customerDays?: Float64Array;
}

/**
 * Runs trials block x 1024 .. (block + 1) x 1024 - 1 (at most `trials` in all), drawing from
 * stream `block` of the seed, all the block's trials a period at a time (see engine.ts), their
 * totals going into `sketches`: any thread can run any block and the results are the same.
 */
export function runBlock(p: ChainParams, seed: number, block: number, trials: number, sketches: PeriodSketches): BlockSummary {
  const count = Math.min(blockSize, trials - block * blockSize);
  const { reached: reachedToo, bands } = sketchLayout(p);
  if (!reachedToo && !bands) return { block, trials: count, ...runTrialsBlock(p, seed, block, count, (period, totals) => sketches.add(period, totals, count)) };
  // The fans each run reached too, where they differ from its total (churn) and money needs them: sketched after the totals, summed for their mean.
  const sums = new Float64Array(p.periods + 1);
  // Money's bands: each run's cumulative net, the period's net and its revenue, sketched as their positive and negative parts.
  const positive = new Float64Array(bands ? count : 0);
  const negative = new Float64Array(bands ? count : 0);
  const lastNets = new Float64Array(bands ? count : 0);
  const periodNets = new Float64Array(bands ? count : 0);
  const signed = (measure: number, period: number, values: Float64Array) => {
    let below = 0;
    let above = 0;
    for (let i = 0; i < count; i++) {
      const v = values[i]!;
      positive[i] = v > 0 ? v : 0;
      negative[i] = v < 0 ? -v : 0;
      if (v < 0) below++;
      else if (v > 0) above++;
    }
    // A part the block has none of gets its zeros in one go (a revenue is never below 0; most nets keep one sign).
    const up = moneySlot(p.periods, reachedToo, measure, false, period);
    const down = moneySlot(p.periods, reachedToo, measure, true, period);
    if (above > 0) sketches.add(up, positive, count);
    else sketches.addZeros(up, count);
    if (below > 0) sketches.add(down, negative, count);
    else sketches.addZeros(down, count);
  };
  const out = runTrialsBlock(p, seed, block, count, (period, totals, reached, money) => {
    sketches.add(period, totals, count);
    if (reachedToo) {
      sketches.add(p.periods + 1 + period, reached!, count);
      let sum = 0;
      for (let i = 0; i < count; i++) sum += reached![i]!;
      sums[period] = sum;
    }
    if (bands) {
      const nets = money!.nets!;
      for (let i = 0; i < count; i++) {
        periodNets[i] = nets[i]! - lastNets[i]!;
        lastNets[i] = nets[i]!;
      }
      signed(0, period, nets);
      signed(1, period, periodNets);
      signed(2, period, money!.revenues!);
    }
  });
  return { block, trials: count, ...out, ...(reachedToo ? { reached: out.reached ?? sums } : {}) };
}

/**
 * What a run's sketches hold beside each period's totals: the fans reached (see
 * {@link sketchesReached}), and money's bands (Payback.bands: the cumulative net, the
 * period's net and its revenue, each as its positive and negative part, six sketches a period).
 */
export const sketchLayout = (p: ChainParams): { reached: boolean; bands: boolean } => ({ reached: sketchesReached(p), bands: p.payback?.bands !== undefined });

/**
 * The sketch of a money band: `measure` 0 the cumulative net, 1 the period's net, 2 its
 * revenue; its negative part (the amounts below 0, as positive numbers) or its positive part.
 * After the totals (periods + 1 sketches) and the fans reached where they are kept.
 */
export const moneySlot = (periods: number, reached: boolean, measure: number, negative: boolean, period: number): number => (reached ? 2 : 1) * (periods + 1) + (2 * measure + (negative ? 1 : 0)) * (periods + 1) + period;

/**
 * Whether a run's sketches hold the fans each run reached beside its totals: with money (a
 * payback) where churn makes the totals the customers left, as money counts everyone who
 * joined. Such a run's sketches span 2 × periods + 1 (the reached after the totals).
 */
export const sketchesReached = (p: ChainParams): boolean => p.payback !== undefined && p.model === 'compound' && p.churn > 0;

/** The periods a run's {@link PeriodSketches} span: see {@link sketchesReached}. */
export const sketchedPeriods = (p: ChainParams): number => (sketchesReached(p) ? 2 * p.periods + 1 : p.periods) + (p.payback?.bands ? 6 * (p.periods + 1) : 0);

/** A period of a Monte Carlo run: mean and quantiles of the total, and the share extinct. */
export interface TrialRow {
  period: number;
  mean: number;
  quantiles: number[];
  extinct: number;
  /** The mean of the fans ever reached (calendar runs), where it differs from the mean total: with churn, mean new fans are its differences. */
  reached?: number;
  /**
   * The mean of the fans reached since the row before (the first row: all of them), and of
   * the customers lost since (what the total did not keep of them): differences of the runs'
   * summed counts, divided once, so a whole difference is shown as it is (63.138, where the
   * difference of two means gave 63.138000000000005).
   */
  fresh: number;
  lost: number;
  /** The runs' totals summed (whole counts: exact below 2^53), for differences divided once. */
  sum: number;
  /** The share of runs paid back by this period (with {@link ChainParams.payback}). */
  paidBack?: number;
  /** The runs' mean customer-days so far (calendar runs by day with a recurring value). */
  customerDays?: number;
  /** Quantiles of the fans reached, where they differ from the total's (see {@link sketchesReached}). */
  reachedQuantiles?: number[];
  /** With money's bands (Payback.bands): quantiles of the runs' cumulative net, of their net in the period, and of its revenue. */
  money?: { cumulative: number[]; net: number[]; revenue: number[] };
  /** How far a quantile may be from a total seen at its rank, relative (0 below 16,384 at full precision). */
  quantileError: number;
}

/** Bins the quantile sketches of one run may hold in all: 2^24, 64 MiB of counts. */
export const sketchBudget = 2 ** 24;

/**
 * Bins a period's sketch may span: the largest power of two within an even share of
 * {@link sketchBudget}, at least 2,048 and at most 2^20.
 */
export const binsPerPeriod = (periods: number) => Math.min(defaultMaxBins, Math.max(2048, 2 ** Math.floor(Math.log2(sketchBudget / (periods + 1)))));

/**
 * Adds up block summaries into rows. Means are summed block by block in block order, so
 * the result is the same bit for bit whichever thread ran which block. Memory is bounded
 * whatever the trials and periods: each period's quantile sketch holds at most
 * {@link binsPerPeriod} bins (2^24 in all, or 2,048 a period past 8,191 periods: 82 MiB at
 * 10,001), coarsening evenly past that (see QuantileSketch).
 */
export class TrialSummary {
  readonly #sums: Float64Array;
  readonly #extinct: Float64Array;
  readonly #sketches: PeriodSketches;
  readonly #reached: Float64Array;
  #hasReached = false;
  readonly #paidBack: Float64Array;
  #hasPaidBack = false;
  readonly #customerDays: Float64Array;
  #hasCustomerDays = false;
  readonly #pending = new Map<number, { sums: Float64Array; reached?: Float64Array; customerDays?: Float64Array }>();
  #nextBlock = 0;
  #trials = 0;

  /**
   * @param sketched the periods the sketches span: {@link sketchedPeriods} (more than `periods` when they hold the fans reached or money too)
   * @param layout what they hold beside the totals: {@link sketchLayout}
   */
  constructor(
    readonly periods: number,
    sketched = periods,
    readonly layout: { reached: boolean; bands: boolean } = { reached: sketched > periods, bands: false },
  ) {
    this.#sums = new Float64Array(periods + 1);
    this.#extinct = new Float64Array(periods + 1);
    this.#reached = new Float64Array(periods + 1);
    this.#paidBack = new Float64Array(periods + 1);
    this.#customerDays = new Float64Array(periods + 1);
    this.#sketches = new PeriodSketches(sketched);
  }

  get trials(): number {
    return this.#trials;
  }

  /** The sketches blocks run on this thread add their totals to (see {@link runBlock}). */
  get sketches(): PeriodSketches {
    return this.#sketches;
  }

  /** Adds a block's sums (in block order) and extinct counts. */
  add(summary: BlockSummary): void {
    this.#trials += summary.trials;
    summary.extinct.forEach((n, t) => (this.#extinct[t]! += n));
    if (summary.paidBack) {
      this.#hasPaidBack = true;
      summary.paidBack.forEach((n, t) => (this.#paidBack[t]! += n));
    }
    this.#pending.set(summary.block, { sums: summary.sums, ...(summary.reached ? { reached: summary.reached } : {}), ...(summary.customerDays ? { customerDays: summary.customerDays } : {}) });
    for (let next = this.#pending.get(this.#nextBlock); next; next = this.#pending.get(this.#nextBlock)) {
      next.sums.forEach((s, t) => (this.#sums[t]! += s));
      if (next.reached) {
        this.#hasReached = true;
        next.reached.forEach((s, t) => (this.#reached[t]! += s));
      }
      if (next.customerDays) {
        this.#hasCustomerDays = true;
        next.customerDays.forEach((s, t) => (this.#customerDays[t]! += s));
      }
      this.#pending.delete(this.#nextBlock++);
    }
  }

  /** Adds the sketches a worker thread kept of the blocks it ran. */
  mergeSketches(entries: readonly SketchEntries[]): void {
    this.#sketches.merge(entries);
  }

  /**
   * Quantiles of a money band from its two sketches: a quantile q is the positive part's q
   * where that is above 0, else minus the negative part's 1 - q (x ↦ max(x, 0) and
   * x ↦ max(-x, 0) are monotone, so they keep the order quantiles are taken in).
   */
  #signed(measure: number, t: number, quantiles: readonly number[]): number[] {
    const positive = this.#sketches.at(moneySlot(this.periods, this.layout.reached, measure, false, t)).quantiles(quantiles);
    const negative = this.#sketches.at(moneySlot(this.periods, this.layout.reached, measure, true, t)).quantiles(quantiles.map((q) => 1 - q));
    return positive.map((v, i) => (v > 0 ? v : -negative[i]! || 0));
  }

  /** Rows, with quantiles given as shares (0.05 for the 5th percentile). */
  rows(quantiles: readonly number[]): TrialRow[] {
    if (this.#pending.size > 0) throw new Error('a block is missing');
    const ever = this.#hasReached ? this.#reached : this.#sums;
    return Array.from({ length: this.periods + 1 }, (_, t) => ({
      period: t,
      mean: this.#sums[t]! / this.#trials,
      sum: this.#sums[t]!,
      fresh: (t === 0 ? ever[0]! : ever[t]! - ever[t - 1]!) / this.#trials,
      lost: Math.max(0, t === 0 ? ever[0]! - this.#sums[0]! : ever[t]! - ever[t - 1]! - (this.#sums[t]! - this.#sums[t - 1]!)) / this.#trials,
      quantiles: this.#sketches.at(t).quantiles(quantiles),
      extinct: this.#extinct[t]! / this.#trials,
      ...(this.#hasReached ? { reached: this.#reached[t]! / this.#trials } : {}),
      ...(this.#hasPaidBack ? { paidBack: this.#paidBack[t]! / this.#trials } : {}),
      ...(this.#hasCustomerDays ? { customerDays: this.#customerDays[t]! / this.#trials } : {}),
      ...(this.layout.reached ? { reachedQuantiles: this.#sketches.at(this.periods + 1 + t).quantiles(quantiles) } : {}),
      ...(this.layout.bands ? { money: { cumulative: this.#signed(0, t, quantiles), net: this.#signed(1, t, quantiles), revenue: this.#signed(2, t, quantiles) } } : {}),
      quantileError: this.#sketches.at(t).relativeError,
    }));
  }
}

/** Totals a {@link PeriodSketches} holds back, over all its periods, before sketching them: at most 2^23, as 4-byte bins (32 MiB). */
export const pendingBudget = 2 ** 23;

/** Blocks of totals a period holds back at most: past about 64 (65,536 totals), a sketch's bins are in cache anyway. */
const pendingBlocks = 64;

/**
 * Totals held back per period before they go into its sketch: an even share of
 * {@link pendingBudget} in whole blocks, at most 64 blocks, or 0 (each block straight in)
 * when that share is under two blocks.
 */
export const pendingPerPeriod = (periods: number) => {
  const share = Math.min(pendingBlocks, Math.floor(pendingBudget / (periods + 1) / blockSize)) * blockSize;
  return share >= 2 * blockSize ? share : 0;
};

/**
 * A quantile sketch per period, each holding at most {@link binsPerPeriod} bins. A worker
 * thread keeps one of these for the blocks it runs and hands over its entries at the end, so
 * the main thread never sketches every total; sketches merge to the same result whichever
 * thread saw which block.
 *
 * Totals are held back, up to {@link pendingPerPeriod} a period, and go into the period's
 * sketch many blocks at a time: a sketch spans up to 2^20 bins, and one block's totals land on
 * scattered ones, so sketching a block at a time (between the draws of the next period) found
 * the bins out of cache on nearly every total. Batched, a sketch's bins stay in cache while
 * tens of thousands of totals go in (the sketching three times faster at 1,000,000 trials of
 * depth 10). They are held as their bins at the finest bits (4 bytes, not a double's 8): a
 * calendar run by day, 731 periods, batches 11 blocks (an insert about 15 ns against 55 ns
 * one block at a time). A sketch does not depend on the order of its values, so neither do
 * the results.
 */
export class PeriodSketches {
  readonly #sketches: QuantileSketch[];
  readonly #capacity: number;
  readonly #pending: Int32Array[] = [];
  readonly #filled: Int32Array;

  constructor(readonly periods: number) {
    const bins = binsPerPeriod(periods);
    this.#sketches = Array.from({ length: periods + 1 }, () => new QuantileSketch(bins));
    this.#capacity = pendingPerPeriod(periods);
    this.#filled = new Int32Array(periods + 1);
  }

  /** Adds totals[0 .. count - 1] to the period's sketch, perhaps later (see above); {@link at} and {@link entries} see them. */
  add(period: number, totals: Float64Array, count: number): void {
    if (this.#capacity === 0) return this.#sketches[period]!.addMany(totals, 0, count);
    let pending = this.#pending[period];
    const filled = this.#filled[period]!;
    if (!pending || filled + count > pending.length) {
      if (pending && pending.length === this.#capacity) {
        this.#flush(period);
        return this.add(period, totals, count);
      }
      // Grown by doubling, so a small run does not hold the whole share.
      const grown = new Int32Array(Math.min(this.#capacity, Math.max(4 * blockSize, 2 * (filled + count))));
      if (pending) grown.set(pending.subarray(0, filled));
      this.#pending[period] = pending = grown;
    }
    finestBinsOf(totals, count, pending, filled);
    this.#filled[period] = filled + count;
  }

  /** Adds `count` values below 1 (zeros) to the period's sketch, at once. */
  addZeros(period: number, count: number): void {
    this.#sketches[period]!.add(0, count);
  }

  #flush(period: number): void {
    const filled = this.#filled[period]!;
    if (filled === 0) return;
    this.#sketches[period]!.addBins(this.#pending[period]!, 0, filled);
    this.#filled[period] = 0;
  }

  /** The period's sketch, with every total added so far. */
  at(period: number): QuantileSketch {
    this.#flush(period);
    return this.#sketches[period]!;
  }

  /** Sends every held-back total into its sketch now: a thread out of blocks does it while others still run theirs. */
  flush(): void {
    for (let t = 0; t <= this.periods; t++) this.#flush(t);
  }

  entries(): SketchEntries[] {
    return this.#sketches.map((_, t) => this.at(t).entries());
  }

  merge(entries: readonly SketchEntries[]): void {
    entries.forEach((e, t) => this.at(t).merge(e));
  }
}

/**
 * Runs all trials in this thread. For the CLI's threads and progress, see src/cli/io/trials.ts.
 *
 * @example simulateTrials({ model: 'tree', start: 1, periods: 3, offspring: { distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 }, churn: 0, market: null }, 1000, 42, [0.5])
 */
export function simulateTrials(p: ChainParams, trials: number, seed: number, quantiles: readonly number[]): TrialRow[] {
  checkChain(p);
  check.whole('trials', trials, 1, bounds.trials);
  check.whole('seed', seed, 0, bounds.seed);
  if (!Array.isArray(quantiles)) throw new check.FansInputError('quantiles', 'must be a list of shares above 0 and below 1', quantiles);
  for (const q of quantiles) check.real('quantiles', q, 0, 1, true);
  const summary = new TrialSummary(p.periods, sketchedPeriods(p), sketchLayout(p));
  for (let block = 0; block < blockCount(trials); block++) summary.add(runBlock(p, seed, block, trials, summary.sketches));
  return summary.rows(quantiles);
}

/**
 * The chance that the chain dies out eventually, from theory: q^start with q the smallest
 * root of q = G(q), solved for 1 - q (see survivalProbability); for the compound model G is
 * the yearly one, with churn; with nonreferrers P, q = P + (1 - P) G(q) (superspreading's
 * `ind_control`). `null` with a market, where the process is no longer a Galton-Watson process.
 */
export function theoreticalExtinction(p: ChainParams): number | null {
  if (p.market !== null) return null;
  const leave = p.calendar?.leave ?? 0;
  if (p.model === 'compound' && leave > 0) return calendarChurnExtinction(p, p.calendar!.delay, leave);
  // Referrers only: a referrer's new fans are referrers with probability r = 1 - nonreferrers,
  // so the referrers' generating function is G(1 - r + r s), whose complement is H(r u).
  const refers = 1 - (p.nonreferrers ?? 0);
  const offspring = offspringComplement(p.offspring);
  const complement = refers === 1 ? offspring : (u: number) => offspring(refers * u);
  const mean = offspringMean(p.offspring) * refers;
  const survival =
    p.model === 'tree' ? survivalProbability(complement, mean) : survivalProbability(yearlyComplement(complement, p.churn), 1 - p.churn + mean);
  // A starting fan dies out unless it refers and its referrers survive: q = 1 - r u.
  const existing = p.calendar?.existing;
  if (existing && p.model === 'tree') {
    // Customers part way through their referrals: each referral still to come starts a new fan's line (existing.ts).
    const k = p.offspring.distribution === 'poisson' ? Infinity : p.offspring.distribution === 'geometric' ? 1 : p.offspring.dispersion;
    return existingExtinction(existing, p.calendar!.delay, offspringMean(p.offspring), k, extinctionOf(1, refers * survival));
  }
  return extinctionOf(p.start, refers * survival);
}

/**
 * {@link theoreticalExtinction} for the compound model on the calendar with churn as a daily
 * hazard h: a fan reaches its next referral moment (after a Pascal delay T of k stages and
 * daily chance d) only if it stays, with chance ψ = E[(1 - h)^T] = (d(1 - h) / (1 - (1 - d)(1 - h)))^k.
 * A referrer at a moment brings new fans (referrers with chance r, who reach their first
 * moment with chance ψ) and reaches its own next moment with chance ψ: the moments'
 * generating function is (1 - ψ + ψs) G(1 - rψ + rψs), whose complement is
 * H(rψu) + ψu(1 - H(rψu)), mean ψ(1 + rK). A starting fan survives with chance rψu.
 */
function calendarChurnExtinction(p: ChainParams, delay: { stages: number; chance: number }, leave: number): number {
  const refers = 1 - (p.nonreferrers ?? 0);
  const stay = 1 - leave;
  const psi = leave === 1 ? 0 : ((delay.chance * stay) / (1 - (1 - delay.chance) * stay)) ** delay.stages;
  const offspring = offspringComplement(p.offspring);
  const complement = (u: number) => {
    const h = offspring(refers * psi * u);
    return h + psi * u * (1 - h);
  };
  const survival = survivalProbability(complement, psi * (1 + refers * offspringMean(p.offspring)));
  return extinctionOf(p.start, refers * psi * survival);
}

/** What theory says of a period of a sampled run, beside what the runs show. */
export interface PeriodTheory {
  /** The chance that no referrer is left by this period; `null` with a market. */
  extinct: number | null;
  /** The expected total; `null` with a market. */
  mean: number | null;
  /** Its standard deviation; `null` with a market, and in the compound model with nonreferrers (two kinds of fan). */
  sd: number | null;
}

/**
 * Theory per period, exact, for a chain without a market:
 * - extinct by period n: (P + (1 - P) Y_n(0))^start, Y_n the n-fold referrers' generating
 *   function (G(P + (1 - P)s) for the tree; times churn + (1 - churn)s in the compound model),
 *   iterated as its complement u_n = H(u_(n-1)) from u_0 = 1 so it keeps its digits;
 * - the tree's total is the sum of a Galton-Watson process Z_g with offspring mean K =
 *   m (1 - P) and variance v' = (1 - P) v + P (1 - P) m^2 (the zero-inflated count):
 *   E[Z_g] = start K^g, Var Z_g = start v' K^(g-1) (K^g - 1)/(K - 1), Cov(Z_i, Z_j) = K^(j-i) Var Z_i,
 *   so Var T_n = Var T_(n-1) + Var Z_n + 2 C_n with C_n = K (C_(n-1) + Var Z_(n-1));
 * - the compound model's total is a Galton-Watson process of fans (a fan stays with 1 - churn
 *   and brings new ones): mean 1 - churn + K, variance churn (1 - churn) + v a year; with
 *   nonreferrers its mean only (two kinds of fan).
 *
 * @example theoryByPeriod({ model: 'tree', start: 1, periods: 1, offspring: { distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 }, churn: 0, market: null })[1] // => { extinct: 0.1353..., mean: 3, sd: 1.414... }
 */
export function theoryByPeriod(p: ChainParams): PeriodTheory[] {
  const rows: PeriodTheory[] = [];
  if (p.market !== null) {
    for (let t = 0; t <= p.periods; t++) rows.push({ extinct: null, mean: null, sd: null });
    return rows;
  }
  const P = p.nonreferrers ?? 0;
  const refers = 1 - P;
  const m = offspringMean(p.offspring);
  const variance = offspringVariance(p.offspring);
  const offspring = offspringComplement(p.offspring);
  const referrers = refers === 1 ? offspring : (u: number) => offspring(refers * u);
  const step = p.model === 'tree' ? referrers : yearlyComplement(referrers, p.churn);
  const K = m * refers;
  // Per-period factor and variance of the process whose sum (tree) or size (compound) is the total.
  const mu = p.model === 'tree' ? K : 1 - p.churn + K;
  const sigma2 = p.model === 'tree' ? refers * variance + P * refers * m * m : p.churn * (1 - p.churn) + variance;
  let u = 1; // survival of one referrer's line by period t: 1 - Y_t(0)
  let meanZ = p.start; // E[Z_t]
  let meanT = p.start; // E[T_t]
  // Second moments, divided by E[Z_t]^2 when the process grows (mu > 1), so that nothing
  // overflows where the totals near 1e290: v = Var Z_t, c = Cov(T_(t-1), Z_t), w = Var T_t.
  const scaled = mu > 1 && p.start > 0;
  let v = 0;
  let c = 0;
  let w = 0;
  for (let t = 0; t <= p.periods; t++) {
    if (t > 0) {
      u = step(u);
      const previousV = v;
      meanZ *= mu;
      // Var Z_t = start sigma2 mu^(t-1) (mu^t - 1)/(mu - 1); scaled: sigma2 (1 - mu^-t) / (start mu (mu - 1)).
      v = scaled ? (sigma2 * -Math.expm1(-t * Math.log(mu))) / (p.start * mu * (mu - 1)) : p.start * sigma2 * mu ** (t - 1) * (mu === 1 ? t : (mu ** t - 1) / (mu - 1));
      if (p.model === 'tree') {
        // C_t = mu (C_(t-1) + V_(t-1)); W_t = W_(t-1) + V_t + 2 C_t (each scaled by the new E[Z_t]^2: a factor mu^-2 on the old ones).
        c = scaled ? (c + previousV) / mu : mu * (c + previousV);
        w = (scaled ? w / (mu * mu) : w) + v + 2 * c;
        meanT += meanZ;
      } else {
        w = v;
        meanT = meanZ;
      }
    }
    const sd = p.model === 'compound' && P > 0 ? null : scaled ? meanZ * Math.sqrt(Math.max(0, w)) : Math.sqrt(Math.max(0, w));
    rows.push({ extinct: extinctionOf(p.start, refers * u), mean: meanT, sd });
  }
  return rows;
}

/**
 * log10 of the largest expected total over the periods, the same as the deterministic
 * model's without a market: the tree's start (K^(d+1) - 1)/(K - 1) (start (d + 1) when K = 1),
 * the compound model's start max(1, 1 + K - churn)^t; at most the market. Used to keep
 * sampled counts within what a double holds.
 *
 * @example expectedLog10Total({ model: 'tree', start: 1, periods: 3, offspring: { distribution: 'poisson', introductions: 10, conversion: 1, dispersion: 1 }, churn: 0, market: null }) // => 3.0457... (log10 1111)
 */
export function expectedLog10Total(p: ChainParams): number {
  const k = chainFactor(p);
  const start = Math.log10(Math.max(p.start, 1));
  const capped = p.market !== null ? Math.log10(p.market) : Infinity;
  const n = p.periods;
  let grown: number;
  if (p.model === 'compound') grown = start + n * Math.log10(Math.max(1 + k - p.churn, 1));
  // sum of K^g for g = 0..n, kept in range: K^n (1 - K^-(n+1)) / (1 - 1/K) for K > 1
  else if (k > 1) grown = start + n * Math.log10(k) + Math.log10(-Math.expm1(-(n + 1) * Math.log(k)) / (1 - 1 / k));
  else if (k === 1) grown = start + Math.log10(n + 1);
  else grown = start + Math.log10(k === 0 ? 1 : -Math.expm1((n + 1) * Math.log(k)) / (1 - k));
  return Math.min(capped, grown);
}
