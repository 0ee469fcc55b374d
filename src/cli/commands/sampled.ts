import { runPeriodCost } from '../../model/chains/engine.js';
import { type ChainParams, expectedLog10Total } from '../../model/chains/montecarlo.js';
import type { Report } from '../../output/render.js';
import type { CompoundFlags } from './compound.js';
import { type Io, UsageError } from '../io/io.js';
import { bounds } from '../flags/options.js';
import { fileLabel, fileName, thousands } from '../flags/parse.js';
import type { Money } from '../../model/money.js';
import { stepFactors } from '../../model/money.js';
import { moneyPayback } from '../../model/chains/money-payback.js';
import { billingRatio, stepYears } from '../flags/money.js';
import type { FittedRun } from '../../model/fit/fitted-run.js';
import { trialReport } from '../../report/sampled.js';
import type { CalendarAxis } from '../../report/calendar.js';
import type { SimulateParams } from './simulate.js';
import { runTrials } from '../io/trials.js';
import { threadsFor } from '../io/threads.js';
import type { TrialFlags } from '../flags/trials.js';
import type { Flags } from '../flags/flags.js';
import type { Duration } from '../flags/parse.js';

export type { TrialFlags } from '../flags/trials.js';

type Model = { command: 'simulate'; p: SimulateParams } | { command: 'compound'; p: CompoundFlags };

/** The chain to sample for a command's flags, after the checks that involve several flags. */
export function chainFor(model: Model, t: TrialFlags, drawn = false, payback?: ChainParams['payback']): ChainParams {
  const tree = model.command === 'simulate';
  const introductions = tree ? model.p.fanout : model.p.rate;
  if (t.dispersion !== null && t.distribution !== 'negbin') throw new UsageError('--dispersion applies to --distribution negbin only');
  if (t.distribution === 'negbin' && t.dispersion === null) throw new UsageError('--distribution negbin needs --dispersion k, a number above 0');
  const chain: ChainParams = {
    model: tree ? 'tree' : 'compound',
    start: model.p.start,
    periods: tree ? model.p.depth : model.p.years,
    offspring: { distribution: t.distribution, introductions, conversion: model.p.conversion, dispersion: t.dispersion ?? 1 },
    churn: tree ? 0 : model.p.churn,
    market: model.p.market,
    nonreferrers: model.p.nonreferrers,
    ...(model.p.paid > 0 ? { paid: model.p.paid } : {}),
    // Money's payback (a placeholder of its kind, for the cost of the run below): see runPeriodCost.
    ...(payback ? { payback } : {}),
  };
  const flag = tree ? '--depth' : '--years';
  const trials = t.trials!;
  // Runs of the costlier paths (a negative binomial, churn, a market, a fit's draws...) count for more: see runPeriodCost.
  const cost = runPeriodCost(chain, drawn);
  const maxPeriods = Math.floor(bounds.trialPeriods / cost / trials) - 1;
  if (chain.periods > maxPeriods) {
    const most = thousands(Math.floor(bounds.trialPeriods / cost));
    throw new UsageError(
      `${flag} must be at most ${thousands(Math.max(0, maxPeriods))} with --trials ${thousands(trials)}: runs x periods may be at most ${most}${cost > 1 ? ` with these options (${thousands(bounds.trialPeriods)} for Poisson referrals without nonreferrers, a market or bought fans${drawn ? ', or --fit' : ''}: each of them costs draws)` : ''}`,
    );
  }
  if (expectedLog10Total(chain) > 290) {
    let fits = chain.periods;
    while (fits > 0 && expectedLog10Total({ ...chain, periods: fits }) > 290) fits--;
    throw new UsageError(`${flag} must be at most ${thousands(fits)} with --trials and these parameters: expected totals would pass 1e290, where sampled counts leave what a double holds`);
  }
  return chain;
}

/** Runs `fans simulate|compound --trials N` and builds its report (on the calendar, `axis`: see report/calendar.ts). */
export async function sampledReport(io: Io, model: Model, t: TrialFlags, flags: Flags, money: Money | null = null, cycle: Duration | null = null, axis: CalendarAxis | null = null): Promise<Report> {
  const fitted = t.fit === null ? null : await fittedChain(io, model, t, flags);
  // With money the runs cost more (see runPeriodCost): the bound is checked for them.
  const moneyCost = money ? { slope: 0, offsets: new Float64Array(0), from: 1 } : undefined;
  const chain = fitted ? fitted.chain : chainFor(model, t, false, moneyCost);
  // node:crypto (and node:stream with it) loads only when a seed has to be drawn.
  const seed = t.seed ?? (await import('node:crypto')).randomInt(0, bounds.seed);
  const trials = t.trials!;
  const threads = threadsFor(trials, chain.periods, t.threads);
  const probabilities = t.quantiles.map((q) => q / 100);
  if (money && chain.market !== null && (chain.paid ?? 0) > 0) {
    throw new UsageError('money with --trials and --paid needs no --market: the market may stop the buying, which the money of the runs cannot see');
  }
  // Money: each run is checked for payback as it runs.
  const moneyModule = money ? await import('./money.js') : null;
  // With --per, customers on the books pay each period: the billing ratio of the run's period (a year, or the cycle).
  const ratio = money ? billingRatio(money, cycle, model.command === 'simulate') : 0;
  // With --discount, each period's amounts at its factor: levels need a --cycle for their length.
  const factors = money && money.discount !== null ? stepFactors(money, chain.periods, stepYears(cycle, model.command === 'simulate'))! : undefined;
  const run = money ? { ...chain, payback: moneyPayback(chain, money, undefined, ratio > 0 ? { ratio } : undefined, factors, true) } : chain;
  const rows = (await runTrials(io, run, trials, seed, threads)).rows(probabilities);
  const parts = money ? moneyModule!.sampledMoney(run, rows, t.quantiles, money, trials, ratio, cycle) : [];
  if (!fitted) return trialReport(model, chain, { ...t, seed }, rows, undefined, parts, axis);
  // The same runs with K and k fixed at their estimates: how much wider not knowing them makes the band.
  const { draws: _, ...fixedChain } = chain;
  const fixedRows = (await runTrials(io, fixedChain, trials, seed, threads)).rows(probabilities);
  const law = { distribution: chain.offspring.distribution, dispersion: chain.offspring.distribution === 'negbin' ? chain.offspring.dispersion : null };
  return trialReport(model, chain, { ...t, ...law, seed }, rows, { ...fitted.about, fixed: fixedRows.at(-1)!.quantiles }, parts, axis);
}

/**
 * The chain of a forecast from `--fit FILE`: the preferred fit's law (Poisson, geometric,
 * negative binomial, or their zero-inflated forms as --nonreferrers), each run drawing its own
 * parameters from the fit's uncertainty. The flags the fit gives are refused beside it.
 */
export async function fittedChain(io: Io, model: Model, t: TrialFlags, flags: Flags): Promise<{ chain: ChainParams; about: FittedRun; fields: { fanout?: number; rate?: number; conversion: 1; nonreferrers: number }; upper: number }> {
  const given = ([model.command === 'simulate' ? 'fanout' : 'rate', 'distribution', 'dispersion', 'nonreferrers', 'conversion'] as const).find((name) => flags[name] !== undefined);
  if (given) throw new UsageError(`--${given} is what --fit takes from your records: leave it out, or leave out --fit`);
  const file = t.fit!;
  const { best, draws, largest, offspring, nonreferrers, dated } = await (await import('./fit.js')).fittedLaw(io, file);
  if (draws === null) throw new UsageError(`--fit ${fileLabel(file)}: nobody in it referred anyone (K = 0): there is nothing to project`);
  const tree = model.command === 'simulate';
  const p = tree ? { ...model.p, fanout: offspring.introductions, conversion: 1, nonreferrers } : { ...model.p, rate: offspring.introductions, conversion: 1, nonreferrers };
  const fixedFlags = { ...t, distribution: offspring.distribution, dispersion: offspring.distribution === 'negbin' ? offspring.dispersion : null };
  const chain = chainFor(tree ? { command: 'simulate', p: p as SimulateParams } : { command: 'compound', p: p as CompoundFlags }, fixedFlags, true);
  // The largest K a run can draw (5 standard deviations up) must keep the totals in range too.
  const upper = largest / (1 - nonreferrers);
  if (expectedLog10Total({ ...chain, offspring: { ...chain.offspring, introductions: upper } }) > 290) {
    throw new UsageError(`${tree ? '--depth' : '--years'} is too large for --fit ${fileLabel(file)}: with K as large as its uncertainty allows (${thousands(Math.round(upper))}) expected totals would pass 1e290`);
  }
  const fields = tree ? { fanout: offspring.introductions, conversion: 1 as const, nonreferrers } : { rate: offspring.introductions, conversion: 1 as const, nonreferrers };
  return { chain: { ...chain, draws }, about: { file: fileLabel(file), fileName: fileName(file), model: best.model, K: best.parameters.K, k: best.parameters.k, nonreferrers, dated }, fields, upper };
}
