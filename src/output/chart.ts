import type { Count } from '../model/count.js';
import { type AxisTick, dateTicks } from './date-ticks.js';
import type { Paint } from './report.js';
import { wrapWords } from './wrap.js';
import { type ChartData, type Scale, type ScaleChoice, chooseScale, extent, xLabelOf, xTicks } from './scale.js';
import { en } from './words/en.js';
import { numbersFor } from './words/numbers.js';
import { countFormat, peopleFormat } from './number.js';
import type { Words } from './words/index.js';

/** Marks of the series, in order: plain characters, so a chart survives any terminal. */
const marks = ['*', 'o', '+', 'x', '#', '@', '%', '&'];

export interface TerminalChartOptions {
  /** Total width in columns (the terminal's, or 80). */
  width: number;
  /** Rows of the plot area. */
  height?: number;
  scale: ScaleChoice;
  paint: Paint;
  /** Number format of the labels (en-US when absent). */
  locale?: string;
  /** Words of the notes (English when absent). */
  words?: Words;
}

/**
 * A line chart of the totals in plain characters: y labels on the left (log or linear,
 * see {@link chooseScale}), the periods along the bottom, one mark per series, the band
 * (p5 to p95 of sampled runs) shaded with `:`, and a legend when there is more than one line.
 * Between periods values are interpolated in the scale's units, so growth on a log scale
 * draws as the straight line it is.
 */
export function renderTerminalChart(chart: ChartData, options: TerminalChartOptions): string {
  const words = options.words ?? en;
  const scale = chooseScale(chart, options.scale, options.locale);
  const height = Math.max(5, options.height ?? 12);
  const labels = new Map<number, string>();
  for (const tick of scale.ticks) {
    const row = rowOf((tick.at - scale.low) / (scale.high - scale.low), height);
    if (!labels.has(row)) labels.set(row, tick.label);
  }
  // The target's and the market's rows are labelled with their own values: a target of 1,200
  // on a log scale falls on the row of 1k, which would otherwise read as the line's value.
  const valueText = countFormat(options.locale ?? 'en-US');
  for (const value of [chart.target, chart.market]) if (typeof value === 'number' && value > 0) labels.set(rowOf(scale.position(value), height), valueText(value));
  const labelWidth = Math.max(extent([...labels.values()].map((l) => l.length))[1], 1);
  // The last value of each line is written at its end, right of the plot.
  const endText = peopleFormat(options.locale ?? 'en-US');
  const xText = xLabelOf(chart, options.locale);
  const ends = chart.series.map((s) => [...s.values].reverse().find((v): v is Count => v !== null) ?? null);
  const endWidth = Math.max(0, ...ends.map((v) => (v === null ? 0 : endText(v).length + 1)));
  const width = Math.max(10, options.width - labelWidth - 2 - endWidth);
  const periods = Math.max(extent(chart.series.map((s) => s.values.length))[1], chart.band?.low.length ?? 0);
  const grid: { char: string; series: number }[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => ({ char: ' ', series: -1 })));
  const columnPeriod = (c: number) => (periods <= 1 ? 0 : (c * (periods - 1)) / (width - 1));

  if (chart.band) {
    const { low, high } = chart.band;
    for (let c = 0; c < width; c++) {
      const a = at(low, columnPeriod(c), scale);
      const b = at(high, columnPeriod(c), scale);
      if (a === null || b === null) continue;
      for (let r = rowOf(b, height); r <= rowOf(a, height); r++) grid[r]![c] = { char: ':', series: -2 };
      if (periods <= 1) break;
    }
  }
  for (let i = chart.series.length - 1; i >= 0; i--) {
    const values = chart.series[i]!.values;
    let previous: number | null = null;
    for (let c = 0; c < width; c++) {
      const t = columnPeriod(c);
      if (t > values.length - 1 + 1e-9) break;
      const p = at(values, t, scale);
      if (p === null) continue;
      const row = rowOf(p, height);
      // Join steep steps with the same mark, so the line stays connected.
      const from = previous === null ? row : Math.min(previous, row);
      const to = previous === null ? row : Math.max(previous, row);
      for (let r = from; r <= to; r++) if (r === row || grid[r]![c]!.series !== i) grid[r]![c] = { char: marks[i % marks.length]!, series: i };
      previous = row;
      if (periods <= 1) break;
    }
  }

  // The target and the market: a row of dashes where the plot is empty, named in the notes.
  const lineRows: string[] = [];
  for (const [kind, value] of [['target', chart.target], ['market', chart.market]] as const) {
    if (typeof value !== 'number' || !(value > 0)) continue;
    const row = rowOf(scale.position(value), height);
    for (let c = 0; c < width; c++) if (grid[row]![c]!.series === -1) grid[row]![c] = { char: '-', series: -3 };
    lineRows.push(`${words.chart[kind]} ${valueText(value)} (- - -)`);
    if (kind === 'target') {
      const values = chart.series[0]?.values ?? [];
      const hit = values.findIndex((v) => v !== null && Number(v) >= value);
      if (hit >= 0) lineRows.push(words.chart.reached(numbersFor(options.locale ?? 'en-US'), { x: xText(hit), xLabel: chart.xLabel }));
    }
  }
  const endAt = new Map<number, string>();
  ends.forEach((v, i) => {
    if (v === null) return;
    let row = rowOf(scale.position(v), height);
    while (endAt.has(row) && row < height - 1) row++;
    endAt.set(row, options.paint.color(i, endText(v)));
  });
  const paintCell = (cell: { char: string; series: number }) =>
    cell.series >= 0 ? options.paint.color(cell.series, cell.char) : cell.series === -2 ? options.paint.dim(cell.char) : cell.char;
  const lines = wrapWords(`${chart.title} ${words.chart.scale(scale.kind)}`, options.width).map((line) => options.paint.bold(line));
  if (chart.subtitle) lines.push(...wrapWords(chart.subtitle, options.width).map((line) => options.paint.dim(line)));
  for (let r = 0; r < height; r++) {
    const label = labels.get(r);
    const end = endAt.get(r);
    lines.push(`${(label ?? '').padStart(labelWidth)} ${label === undefined ? '|' : '+'}${grid[r]!.map(paintCell).join('')}${end ? ` ${end}` : ''}`.trimEnd());
  }
  lines.push(`${' '.repeat(labelWidth)} +${'-'.repeat(width)}`);
  lines.push(' '.repeat(labelWidth + 2) + periodAxis(periods, width, xText, chart.xDates, words.lang));
  lines.push(' '.repeat(labelWidth + 2 + Math.max(0, Math.floor((width - chart.xLabel.length) / 2))) + chart.xLabel);
  const legend = chart.series.map((s, i) => `${options.paint.color(i, marks[i % marks.length]!)} ${s.name}`);
  if (chart.band) legend.push(`${options.paint.dim(':')} ${chart.band.name}`);
  if (legend.length > 1) lines.push(' '.repeat(labelWidth + 2) + legend.join('   '));
  if (scale.zeros) lines.push(' '.repeat(labelWidth + 2) + words.chart.zeros);
  for (const note of lineRows) lines.push(' '.repeat(labelWidth + 2) + note);
  return lines.join('\n') + '\n';
}

/** The row (0 at the top) of a position from 0 (bottom) to 1 (top). */
function rowOf(position: number, height: number): number {
  return Math.min(height - 1, Math.max(0, Math.round((1 - position) * (height - 1))));
}

/** A series' position at a fractional period, interpolated in the scale's units. */
function at(values: readonly (Count | null)[], t: number, scale: Scale): number | null {
  const i = Math.floor(t);
  const a = values[i];
  if (a === null || a === undefined) return null;
  const b = values[Math.min(i + 1, values.length - 1)];
  const f = t - i;
  if (b === null || b === undefined || f < 1e-9) return scale.position(a);
  return (1 - f) * scale.position(a) + f * scale.position(b);
}

/**
 * The labels along the bottom, as many as fit with a space between them; each centred on
 * its column, the first and last kept inside. Every period when all fit; else a date axis
 * (`dates`, one a period) is labelled at calendar boundaries (see {@link dateTicks}); any other at an even step of
 * periods (see xTicks).
 */
function periodAxis(periods: number, width: number, text: (period: number) => string, dates: readonly string[] | undefined, lang: string): string {
  const last = Math.max(0, periods - 1);
  const column = (t: number) => (last === 0 ? 0 : Math.round((t / last) * (width - 1)));
  const place = (ticks: readonly AxisTick[]) => {
    const spots = ticks.map(({ at, label }) => ({ label, start: Math.max(0, Math.min(width - label.length, column(at) - Math.floor(label.length / 2))) }));
    return spots.every((s, i) => i === 0 || s.start > spots[i - 1]!.start + spots[i - 1]!.label.length) ? spots : null;
  };
  // Every period when each one's label fits (cycle dates, a few quarters); else calendar boundaries.
  let spots = place(Array.from({ length: last + 1 }, (_, t) => ({ at: t, label: text(t) })));
  const dated = spots === null && dates && dates.length === periods ? dateTicks(dates, (ticks) => place(ticks) !== null, lang) : null;
  if (dated) spots = place(dated);
  const widest = Math.max(text(0).length, text(last).length);
  for (let most = Math.min(last + 1, Math.floor(width / (widest + 2))); spots === null && most >= 1; most--) {
    spots = place(xTicks(last, most).map((t) => ({ at: t, label: text(t) })));
  }
  const line = Array.from({ length: width }, () => ' ');
  for (const { label, start } of spots ?? []) for (let k = 0; k < label.length; k++) line[start + k] = label[k]!;
  return line.join('').trimEnd();
}
