import { type Amount, amountFormat, isAmount } from './amount.js';
import type { Cell } from './delimited.js';
import type { Report, Style } from './report.js';

/** Parameters that are shares: written as percentages (`30%`, `8%`). */
export const shares = new Set(['conversion', 'nonreferrers', 'churn', 'margin', 'discount']);

/**
 * Every parameter and assumption of a run, for a report's reader: a fit's file and columns,
 * the JSON's `parameters`, then what a goal asked (its target: a count of people, or a cumulative net or revenue) and
 * its deadline. Names are the JSON's; {@link parameterText} and the catalogue's `parameter`
 * word them.
 *
 * @example parameterList({ parameters: { start: 1 }, target: 1200 }) // => [['start', 1], ['target', 1200]]
 */
export function parameterList(json: Report['json']): [name: string, value: Cell][] {
  // A fit's records: the file and the columns read, before the flags that say how.
  const records: [string, Cell][] = json.command === 'fit' ? [['file', json.file as Cell], ['columns', json.columns as Cell]] : [];
  const list = [...records, ...Object.entries((json.parameters ?? {}) as Record<string, Cell>)];
  const target = json.target as Cell | { net?: Cell; revenue?: Cell } | undefined;
  if (typeof target === 'number' || typeof target === 'bigint') list.push(['target', target]);
  else if (target && typeof target === 'object' && !isAmount(target)) {
    const money = target as { net?: Cell; revenue?: Cell };
    if (money.net !== undefined) list.push(['targetNet', money.net]);
    if (money.revenue !== undefined) list.push(['targetRevenue', money.revenue]);
  }
  const deadline = json.deadline as { date?: unknown } | undefined;
  if (deadline && typeof deadline.date === 'string') list.push(['deadline', deadline.date]);
  return list;
}

/**
 * A parameter's value as the report's reader writes it: shares as percentages, numbers and
 * amounts in the locale's way (`0,59`, `€ 1.250,00`), lists joined, nothing as the
 * language's "none".
 *
 * @example parameterText('conversion', 0.3, style) // => '30%'
 */
export function parameterText(name: string, value: Cell, style: Style, currency: string | null): string {
  if (value === null || value === undefined) return style.words.xlsx.none;
  if (Array.isArray(value)) return value.map((v) => parameterText(name, v as Cell, style, currency)).join(', ');
  if (isAmount(value)) return amountFormat(style.locale, currency)(value as Amount);
  if (typeof value === 'number') return shares.has(name) ? style.numbers.percent(value) : style.numbers.real(value);
  if (typeof value === 'bigint') return style.numbers.count(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return style.words.parameterValue(name, String(value), style.numbers);
}
