import { type Cell, type CsvDialect, toCsv, toTsv } from './delimited.js';
import { type Json, toJson } from './json.js';
import type { CountFormat } from './number.js';
import type { TableData } from './table.js';
import type { ChartData, ScaleChoice } from './scale.js';
import type { Numbers, Words } from './words/index.js';
import { numbersFor } from './words/numbers.js';

/** Output formats: every command writes the first four; those with a chart also svg. */
export const formats = ['table', 'json', 'csv', 'tsv', 'xlsx', 'html', 'svg', 'png'] as const;
export const tableFormats = ['table', 'json', 'csv', 'tsv', 'xlsx', 'html'] as const;
/** Formats whose output is bytes, not text: never written to a terminal. */
export const binaryFormats: readonly Format[] = ['xlsx', 'png'];
/** Formats that draw the chart. */
export const chartFormats: readonly Format[] = ['svg', 'png', 'html'];
export type Format = (typeof formats)[number];

/** A command's result, ready for any format: the JSON document and the table's data. */
export interface Report extends TableData {
  json: { readonly [key: string]: Json | undefined };
  /** What a chart of this report shows; absent where there is nothing to draw. */
  chart?: ChartData;
  /**
   * Values that hold for every row (a sampled run's seed): extra last columns in CSV and TSV,
   * where a spreadsheet keeps them with the data; the table's summary and JSON say them already.
   */
  constants?: Record<string, Cell>;
}

/** Columns and rows for CSV and TSV: the report's, with its constants as last columns. */
function delimited(report: Report): [readonly string[], readonly Record<string, Cell>[]] {
  const constants = report.constants;
  if (!constants) return [report.columns, report.rows];
  return [[...report.columns, ...Object.keys(constants)], report.rows.map((row) => ({ ...row, ...constants }))];
}

/** Chart settings: a terminal chart under the table, the y scale, the terminal's width. */
export interface ChartOptions {
  chart: boolean;
  scale: ScaleChoice;
  width: number;
  /** Number format of chart labels: the table's locale. */
  locale: string;
  /** Words of chart labels: the reader's language. */
  words: Words;
  /** --title and --subtitle. */
  heading?: { title?: string | undefined; subtitle?: string | undefined };
  /** --target: a horizontal line. */
  target?: number | null;
  /** --size of a PNG, in pixels. */
  size?: { width: number; height: number };
}

/** A picture of a report that has none: a usage error (by name, as main.ts tells them apart). */
function drawn(chart: ChartData | null): ChartData {
  if (chart) return chart;
  throw Object.assign(new Error('this answer has no chart to draw: use --format table, json, csv, tsv, xlsx or html'), { name: 'UsageError' });
}

/** The report's chart with the chart flags applied, in the reader's words. */
function chartOf(report: Report, charts: ChartOptions | undefined, locale?: string): ChartData | null {
  if (!report.chart) return null;
  const chart = { ...report.chart, ...(charts?.heading ? { heading: charts.heading } : {}), ...(charts?.target != null ? { target: charts.target } : {}) };
  return charts?.words ? localizedChart(chart, charts.words, locale ?? charts.locale) : chart;
}

/**
 * A chart with its words in the reader's language: the title (--title, else the plain-language
 * caption, else the command), the subtitle (--subtitle, else the command under a caption),
 * period names, series roles, the band.
 */
export function localizedChart(chart: ChartData, words: Words, locale = 'en-US'): ChartData {
  const caption = chart.caption ? words.chart.caption(numbersFor(locale), chart.caption) : null;
  const title = chart.heading?.title ?? caption ?? chart.title;
  const subtitle = chart.heading?.subtitle ?? (title === chart.title ? undefined : chart.title);
  return {
    ...chart,
    title,
    ...(subtitle === undefined ? {} : { subtitle }),
    xLabel: words.column(chart.xLabel),
    series: chart.series.map((s) => (s.role ? { ...s, name: words.chart[s.role] } : s)),
    ...(chart.band?.quantiles ? { band: { ...chart.band, name: words.chart.band(...chart.band.quantiles) } } : {}),
  };
}

/** How to write numbers and colour for people; only the table uses it. */
export interface Style {
  count: CountFormat;
  /** The few colours tables use: a chalk instance, or plain text when colour is off. */
  chalk: Paint;
  locale: string;
  /** Words in the reader's language (`--lang`), and numbers for sentences in the locale. */
  words: Words;
  numbers: Numbers;
  /** The terminal's width when stdout is one: summary lines wrap there, at spaces; none when piped. */
  wrap?: number | undefined;
}

/** Text styles tables and charts use. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  /** The colour of a chart's series number `index`. */
  color(index: number, text: string): string;
}

/** No colour at all: what pipes, files and NO_COLOR get. */
export const plainPaint: Paint = { bold: (text) => text, dim: (text) => text, color: (_, text) => text };

/**
 * The report as text in the chosen format, ending with a newline. The table's style and
 * cli-table3 are loaded only for tables: machine formats start faster without them.
 */
export async function render(report: Report, format: Format, style: () => Promise<Style>, charts?: ChartOptions, csv?: CsvDialect): Promise<string | Uint8Array> {
  switch (format) {
    case 'svg': {
      const { renderSvg } = await import('./svg.js');
      return renderSvg(drawn(chartOf(report, charts)), charts?.scale ?? 'auto', charts?.locale, charts?.words);
    }
    case 'png': {
      const { renderSvg } = await import('./svg.js');
      const size = charts?.size ?? { width: 1600, height: 900 };
      const svg = renderSvg(drawn(chartOf(report, charts)), charts?.scale ?? 'auto', charts?.locale, charts?.words, size);
      return (await import('./png.js')).renderPng(svg, size);
    }
    case 'html': {
      const look = await style();
      const chart = chartOf(report, charts, look.locale);
      const svg = chart ? (await import('./svg.js')).renderSvg(chart, charts?.scale ?? 'auto', look.locale, look.words) : null;
      return (await import('./html.js')).renderHtml(report, look, svg, chart);
    }
    case 'json':
      return toJson(report.json) + '\n';
    case 'csv':
      return toCsv(...delimited(report), csv);
    case 'tsv':
      return toTsv(...delimited(report));
    case 'xlsx': {
      const { renderXlsx } = await import('./xlsx.js');
      return renderXlsx(report, await style());
    }
    case 'table': {
      const { renderTable } = await import('./table.js');
      const look = await style();
      const table = renderTable(report, look);
      if (!charts?.chart || !report.chart) return table;
      const { renderTerminalChart } = await import('./chart.js');
      return `${table}\n${renderTerminalChart(chartOf(report, charts, look.locale)!, { width: charts.width, scale: charts.scale, paint: look.chalk, locale: look.locale, words: look.words })}`;
    }
  }
}
