import type { Count } from '../model/count.js';
import { type Amount, amountFormat } from '../output/amount.js';
import type { Cell } from '../output/delimited.js';
import type { Report, Style } from '../output/report.js';

/** `fans compare` as a report: a row per period, a column of totals (and cumulative net) per scenario. */

/** One validated scenario with its rows. */
export interface Scenario {
  name: string;
  command: 'simulate' | 'compound';
  parameters: Record<string, Cell>;
  totals: Count[];
  /** The cumulative net per period and the currency, where the scenario gives amounts. */
  money?: { cumulative: Amount[]; currency: string | null };
}

/** The column of a scenario's cumulative net, beside its totals: `Fast growth net`. */
export const netColumn = (s: Pick<Scenario, 'name'>) => `${s.name} net`;

/** The currency of the scenarios' amounts (one file compares one), or null. */
export const currencyOf = (scenarios: readonly Scenario[]): string | null => scenarios.find((s) => s.money)?.money!.currency ?? null;

/**
 * Scenarios placed on one calendar (cli/commands/compare-dates.ts): the rows' dates and, for
 * each scenario, the period it stands at on each date (-1: before it starts or past its
 * horizon) and the date of its last period.
 */
export interface CompareDates {
  dates: readonly string[];
  at: readonly (readonly number[])[];
  ends: readonly string[];
}

/**
 * `fans compare` as a report: a row per period, a column of totals per scenario; `title`
 * names the file in the chart's title (cli/commands/compare.ts's compareTitle). On dates
 * (`onDates`), a row per date, each scenario's total that of its last period on or before it.
 */
export function compareReport(scenarios: readonly Scenario[], title = 'scenarios', onDates: CompareDates | null = null): Report {
  const periods = scenarios.reduce((most, s) => Math.max(most, s.totals.length), 0);
  const keys: readonly (number | string)[] = onDates ? onDates.dates : Array.from({ length: periods }, (_, period) => period);
  // Scenario j's period in row `row`, or -1 where it shows nothing.
  const periodAt = (j: number, row: number) => (onDates ? onDates.at[j]![row]! : row);
  const at = <T>(values: readonly T[], i: number): T | null => (i < 0 ? null : (values[i] ?? null));
  const rows = keys.map(
    (key, row) =>
      Object.fromEntries([
        [onDates ? 'date' : 'period', key],
        ...scenarios.map((s, j) => [s.name, at(s.totals, periodAt(j, row))]),
        ...scenarios.flatMap((s, j) => (s.money ? [[netColumn(s), at(s.money.cumulative, periodAt(j, row))]] : [])),
      ]) as Record<string, Cell>,
  );
  const summary = ({ words, numbers, locale }: Style) => {
    const money = amountFormat(locale, currencyOf(scenarios));
    return scenarios.map((s, j) => {
      const net = s.money ? money(s.money.cumulative.at(-1)!) : null;
      return onDates
        ? words.compare.dated(numbers, { name: s.name, total: s.totals.at(-1)!, date: onDates.ends[j]!, command: s.command, net })
        : words.compare.line(numbers, { name: s.name, total: s.totals.at(-1)!, last: s.totals.length - 1, command: s.command, net });
    });
  };
  return {
    columns: [onDates ? 'date' : 'period', ...scenarios.map((s) => s.name), ...scenarios.filter((s) => s.money).map(netColumn)],
    currency: currencyOf(scenarios),
    rows,
    summary,
    chart: {
      // The command under the title names the file, not where it lies (`title`: its name as messages show it): no path in a picture.
      title: `fans compare ${title}`,
      caption: { kind: 'compare', names: scenarios.map((s) => s.name) },
      ...(onDates
        ? { xLabel: 'date', xDates: onDates.dates, series: scenarios.map((s, j) => ({ name: s.name, values: onDates.at[j]!.map((i) => at(s.totals, i)) })) }
        : {
            // Levels and years side by side: the axis says which it counts.
            xLabel: scenarios.every((s) => s.command === 'simulate') ? 'level' : scenarios.every((s) => s.command === 'compound') ? 'year' : 'level / year',
            series: scenarios.map((s) => ({ name: s.name, values: s.totals })),
          }),
    },
    json: {
      command: 'compare',
      scenarios: scenarios.map((s) => ({ name: s.name, command: s.command, parameters: s.parameters, total: s.totals.at(-1)!, ...(s.money ? { net: s.money.cumulative.at(-1)!, currency: s.money.currency } : {}) })),
      rows,
      ...(onDates ? { calendar: { dates: onDates.dates.length, first: onDates.dates[0]!, last: onDates.dates.at(-1)! } } : {}),
    },
  };
}
