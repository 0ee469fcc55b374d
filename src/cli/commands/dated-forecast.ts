import { largestSpread } from '../../model/calendar/delays.js';
import { customersOf } from '../../model/calendar/existing.js';
import { type Io, UsageError } from '../io/io.js';
import { flagName } from '../flags/options.js';
import type { FlagName, Flags } from '../flags/flags.js';
import { fileLabel, thousands } from '../flags/parse.js';

/**
 * A forecast from dated records (`--fit FILE` whose fans carry join dates, with `--trials`):
 * it runs on the calendar from the export's date, with the delay the file gave (the nearest
 * Pascal delay in whole days to the preferred law's mean and sd) and the file's customers as
 * they are (see model/calendar/existing.ts). This fills in the calendar flags from the fit;
 * those flags, and --start, are refused beside it: the file gives them. The compound model
 * is refused: dated records of who referred whom are each fan's referrals over their whole
 * time, the tree's.
 *
 * @example withDatedFit(io, 'simulate', { fit: 'crm.csv', trials: '1000' }) // => { ..., cycle: '41d', cycleSpread: '30d', startDate: '2026-12-31' }
 */
export async function withDatedFit(io: Io, command: 'simulate' | 'compound' | 'goal', flags: Flags): Promise<Flags> {
  if (flags.fit === undefined || flags.trials === undefined) return flags;
  const file = flags.fit as string;
  const { dated } = await (await import('./fit.js')).fittedLaw(io, file);
  if (dated === null) return flags;
  const label = fileLabel(file);
  const compoundFlag = command === 'compound' ? null : (['years', 'churn'] as const).find((name) => flags[name] !== undefined);
  if (command === 'compound' || compoundFlag) {
    throw new UsageError(
      `${compoundFlag ? `${flagName(compoundFlag)} asks for the compound model, and ` : ''}--fit ${label} has join dates: who referred whom, each fan's referrals over their whole time after a delay (the tree model); forecast it with fans simulate --fit or fans goal --fit${compoundFlag ? ` without ${flagName(compoundFlag)}` : ''}`,
    );
  }
  const cycle = Math.round(dated.delayMean);
  const spread = Math.round(Math.min(dated.delaySd, largestSpread(cycle)));
  const delay = `mean ${dated.delayMean.toFixed(1)} days, sd ${dated.delaySd.toFixed(1)}`;
  const reasons: Partial<Record<FlagName, string>> = {
    cycle: `the referral delay it fitted: ${delay}`,
    cycleSpread: `the referral delay it fitted: ${delay}`,
    startDate: `the forecast starts on the export's date, ${dated.asOf}, from the customers as they were then`,
    start: `its ${thousands(customersOf(dated.existing))} customers, each part way through their referrals`,
  };
  const given = (Object.keys(reasons) as FlagName[]).find((name) => flags[name] !== undefined);
  if (given) throw new UsageError(`${flagName(given)} is what --fit ${label} gives from its join dates (${reasons[given]}): leave it out`);
  if (flags.paid !== undefined) throw new UsageError(`--paid buys fans every cycle, and a forecast from --fit ${label}'s join dates runs day by day with the delays the file gave: there are no cycles to buy in (leave out --paid)`);
  // The calendar's delays are whole days, at least one, and spread by at least a day.
  if (cycle < 2 || spread < 1) throw new UsageError(`--fit ${label}: its referrals come ${delay} after joining; a forecast on the calendar spreads them over whole days and needs a mean delay of 2 days or more: project it by level with the command fans fit ${label} prints`);
  // A goal from dated records asks when: by date.
  return { ...flags, cycle: `${cycle}d`, cycleSpread: `${spread}d`, startDate: dated.asOf, ...(command === 'goal' ? { byDate: true } : {}) };
}
