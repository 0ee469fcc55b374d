import type { Count } from '../model/count.js';
import type { Caption, ChartData } from '../output/scale.js';

/** The flags' defaults a chart's title leaves out: `{ start: 1, conversion: 1 }`. */
export type TitleFlags = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * The chart of a deterministic run: one line of totals, titled by the command and flags;
 * `x` the elapsed-time axis (`--cycle`) when there is one.
 */
export function totalsChart(
  command: string,
  flags: { readonly market?: number | null },
  defaults: TitleFlags,
  xLabel: string,
  totals: readonly Count[],
  x?: { name: string; at: (period: number) => number } | null,
  caption?: Caption,
): ChartData {
  return {
    title: chartTitle(command, flags, defaults),
    ...(caption ? { caption } : {}),
    ...(typeof flags.market === 'number' ? { market: flags.market } : {}),
    xLabel: x ? x.name : xLabel,
    ...(x ? { xValues: totals.map((_, period) => x.at(period)) } : {}),
    series: [{ name: 'total', values: totals, role: 'total' }],
  };
}

/**
 * A chart's title: the command and the flags that shape it, defaults left out:
 * `fans simulate --fanout 10 --depth 3`.
 */
export function chartTitle(command: string, flags: object, defaults: TitleFlags): string {
  const given = Object.entries(flags)
    .filter(([key, value]) => value !== null && value !== undefined && value !== defaults[key])
    .map(([key, value]) => `--${key} ${typeof value === 'number' && (key === 'conversion' || key === 'churn' || key === 'nonreferrers') ? `${Number((value * 100).toPrecision(6))}%` : String(value)}`);
  return [`fans ${command}`, ...given].join(' ');
}
