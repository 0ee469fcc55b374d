import type { Count } from '../model/count.js';
import { type CountFormat, countFormat } from '../output/number.js';
import type { Numbers } from '../output/words/index.js';
import type { ChartData } from '../output/scale.js';
import { numberFormat } from '../output/en-us.js';

/** `1 fan`, `2 fans`, `1,111 people`: a count with its noun in the right number. */
export function counted(count: CountFormat, value: Count, one: string, many: string): string {
  const isOne = typeof value === 'bigint' ? value === 1n : value === 1;
  return `${count(value)} ${isOne ? one : many}`;
}

/** A share as a percentage for people: `30%`, `12.5%`. */
export function percent(locale: string, share: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })(share);
}

/** A plain number for people, up to six significant digits: `0.995262`. */
export function real(locale: string, value: number): string {
  return numberFormat(locale, { maximumSignificantDigits: 6 })(value);
}

/** The number writers of sentences (see {@link Numbers}) for a locale. */
export function numbersFor(locale: string): Numbers {
  return { count: countFormat(locale), real: (v) => real(locale, v), percent: (v) => percent(locale, v), chance: (v) => chance(locale, v) };
}

/** A probability as a percentage with three significant digits: `20.3%`, `0.00454%`. */
export function chance(locale: string, share: number): string {
  return numberFormat(locale, { style: 'percent', maximumSignificantDigits: 3 })(share);
}

/**
 * The chart of a deterministic run: one line of totals, titled by the command and flags;
 * `x` the elapsed-time axis (`--cycle`) when there is one.
 */
export function totalsChart(
  command: string,
  flags: Record<string, unknown>,
  defaults: Record<string, unknown>,
  xLabel: string,
  totals: readonly Count[],
  x?: { name: string; at: (period: number) => number } | null,
): ChartData {
  return {
    title: chartTitle(command, flags, defaults),
    xLabel: x ? x.name : xLabel,
    ...(x ? { xValues: totals.map((_, period) => x.at(period)) } : {}),
    series: [{ name: 'total', values: totals, role: 'total' }],
  };
}

/**
 * A chart's title: the command and the flags that shape it, defaults left out:
 * `fans simulate --fanout 10 --depth 3`.
 */
export function chartTitle(command: string, flags: Record<string, unknown>, defaults: Record<string, unknown>): string {
  const given = Object.entries(flags)
    .filter(([key, value]) => value !== null && value !== undefined && value !== defaults[key])
    .map(([key, value]) => `--${key} ${typeof value === 'number' && (key === 'conversion' || key === 'churn' || key === 'nonreferrers') ? `${Number((value * 100).toPrecision(6))}%` : String(value)}`);
  return [`fans ${command}`, ...given].join(' ');
}
