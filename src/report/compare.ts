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
 * `fans compare` as a report: a row per period, a column of totals per scenario; `title`
 * names the file in the chart's title (cli/commands/compare.ts's compareTitle).
 */
export function compareReport(scenarios: readonly Scenario[], title = 'scenarios'): Report {
  const periods = scenarios.reduce((most, s) => Math.max(most, s.totals.length), 0);
  const rows = Array.from({ length: periods }, (_, period) =>
    Object.fromEntries([
      ['period', period],
      ...scenarios.map((s) => [s.name, s.totals[period] ?? null]),
      ...scenarios.filter((s) => s.money).map((s) => [netColumn(s), s.money!.cumulative[period] ?? null]),
    ]) as Record<string, Cell>,
  );
  const summary = ({ words, numbers, locale }: Style) => {
    const money = amountFormat(locale, currencyOf(scenarios));
    return scenarios.map((s) => words.compare.line(numbers, { name: s.name, total: s.totals.at(-1)!, last: s.totals.length - 1, command: s.command, net: s.money ? money(s.money.cumulative.at(-1)!) : null }));
  };
  return {
    columns: ['period', ...scenarios.map((s) => s.name), ...scenarios.filter((s) => s.money).map(netColumn)],
    currency: currencyOf(scenarios),
    rows,
    summary,
    chart: {
      // The command under the title names the file, not where it lies (`title`: its name as messages show it): no path in a picture.
      title: `fans compare ${title}`,
      caption: { kind: 'compare', names: scenarios.map((s) => s.name) },
      // Levels and years side by side: the axis says which it counts.
      xLabel: scenarios.every((s) => s.command === 'simulate') ? 'level' : scenarios.every((s) => s.command === 'compound') ? 'year' : 'level / year',
      series: scenarios.map((s) => ({ name: s.name, values: s.totals })),
    },
    json: {
      command: 'compare',
      scenarios: scenarios.map((s) => ({ name: s.name, command: s.command, parameters: s.parameters, total: s.totals.at(-1)!, ...(s.money ? { net: s.money.cumulative.at(-1)!, currency: s.money.currency } : {}) })),
      rows,
    },
  };
}
