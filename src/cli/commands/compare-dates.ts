import type { Report } from '../../output/render.js';
import { dayDate, isoDate } from '../../model/calendar/dates.js';
import { type Io, UsageError } from '../io/io.js';
import { calendarOf, maxRows } from '../flags/calendar.js';
import { bounds } from '../flags/options.js';
import { quoted, thousands } from '../flags/parse.js';
import { cyclesWithin } from './calendar-parts.js';
import type { CompoundFlags } from './compound.js';
import type { SimulateParams } from './simulate.js';
import type { ScenarioInput } from '../flags/scenarios.js';
import { compareReport } from '../../report/compare.js';
import { compareTitle, scenarioRows } from './scenario-rows.js';

/**
 * `fans compare` on one time axis: when a scenario gives a `cycle` or a `startDate`, every
 * scenario is placed on dates (its own start date, else today): a compound scenario's cycle
 * is a year unless it says otherwise, and its `years` stays the horizon in years; a tree
 * without a cycle is refused, named. A row per date on which some scenario has a cycle;
 * each scenario's total is that of its last cycle on or before the date (empty before it
 * starts and after its horizon).
 */
export function compareOnDates(inputs: readonly ScenarioInput[], file: string, env: Io['env']): Report {
  const placed = inputs.map((input) => {
    const tree = input.command === 'simulate';
    if (tree && input.p.cycle === null) {
      throw new UsageError(`${file}: ${input.where} (${quoted(input.title)}) has no "cycle": the file puts its scenarios on dates (another gives a cycle or a start date), and a tree needs a cycle to go there, e.g. "cycle": "30d"`);
    }
    const p = input.p as SimulateParams & CompoundFlags & { startDate: string | null };
    // In a file the calendar's words name the scenario's fields (startDate, years), and say which scenario.
    const inScenario = <T>(work: () => T): T => {
      try {
        return work();
      } catch (error) {
        if (error instanceof UsageError) throw new UsageError(`${file}: ${input.where} (${quoted(input.title)}): ${error.message}`);
        throw error;
      }
    };
    const c = inScenario(() => calendarOf(input.command, { cycle: p.cycle, startDate: p.startDate, until: null, cycleSpread: null, by: null, depth: p.depth, years: p.years }, {}, env, (key) => key));
    const cycles = inScenario(() => cyclesWithin(c, tree ? bounds.depth : bounds.years));
    const last = cycles.length - 1;
    return { input: { ...input, p: tree ? { ...p, depth: last } : { ...p, years: last } }, dates: cycles.map((day) => isoDate(dayDate(c.start, day))) };
  });
  const scenarios = scenarioRows(
    placed.map((s) => s.input),
    file,
  );
  const dates = [...new Set(placed.flatMap((s) => s.dates))].sort();
  if (dates.length > maxRows) throw new UsageError(`${file}: the scenarios' cycles fall on ${thousands(dates.length)} dates: at most ${thousands(maxRows)} rows (shorten the runs, or lengthen the cycles)`);
  // For each scenario, the index of its last cycle on or before each date; -1 before it starts and after it ends (its horizon).
  const at = placed.map((s) => {
    let i = -1;
    return dates.map((date) => {
      while (i + 1 < s.dates.length && s.dates[i + 1]! <= date) i++;
      return date > s.dates.at(-1)! ? -1 : i;
    });
  });
  return compareReport(scenarios, compareTitle(file), { dates, at, ends: placed.map((s) => s.dates.at(-1)!) });
}
