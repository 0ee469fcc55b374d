import type { FitModel } from '../model/fit/families.js';
import type { Cell } from './delimited.js';
import type { Json } from './json.js';
import type { CountFormat } from './number.js';
import type { ChartData, ScaleChoice } from './scale.js';
import type { Numbers, Words } from './words/index.js';
import type { FitNumbers } from './words/words.js';

/**
 * The output's vocabulary: what a command hands over (a {@link Report}), how it is styled,
 * and the formats. The renderers (table, chart, html, xlsx, svg) import only this, and
 * render.ts imports them: no circle.
 */

/** Output formats: every command writes the first six; those with a chart also svg and png. */
export const formats = ['table', 'json', 'csv', 'tsv', 'xlsx', 'html', 'svg', 'png'] as const;
export const tableFormats = ['table', 'json', 'csv', 'tsv', 'xlsx', 'html'] as const;
/** Formats whose output is bytes, not text: never written to a terminal. */
export const binaryFormats: readonly Format[] = ['xlsx', 'png'];
/** Formats that draw the chart. */
export const chartFormats: readonly Format[] = ['svg', 'png', 'html'];
export type Format = (typeof formats)[number];

/** What a table shows: columns, rows, an optional total line and sentences below. */
export interface TableData {
  columns: readonly string[];
  rows: readonly Record<string, Cell>[];
  /** The last line of the table: the value under the last column, labelled total. */
  total?: { value: Cell };
  /** One-line sentences printed under the table, written for a style when a table is drawn. */
  summary: (style: Style) => readonly string[];
  /** Columns holding shares (0..1), shown in the table as percentages. */
  shares?: readonly string[];
  /** The currency of the table's amounts ({@link Amount} cells): an ISO code, or null for plain numbers. */
  currency?: string | null;
  /**
   * What an empty cell says to people, in their words (a goal's percentile past the horizon:
   * `after 2037-01-01`); CSV, TSV, xlsx and JSON keep it empty (null). Without it, empty.
   */
  blank?: (words: Words) => string;
  /** More tables, drawn after this one and before the summary (a fit's observed-versus-expected counts). */
  after?: readonly TableData[];
  /** A further table's sheet in a workbook, by the catalogue's `xlsx` name (`observed`: `Observed and expected`). */
  sheet?: 'observed' | 'fit' | 'delays';
  /**
   * A table for files only (CSV and TSV sections, a workbook's sheet): the summary's sentences
   * say it to people on the terminal and the page (a fit's figures).
   */
  filesOnly?: boolean;
  /** A name in the first column as people read it (a model's `negbin`: `negative binomial`; a figure's `extinction`: the chance a chain dies out) in tables, HTML and workbooks; CSV, TSV and JSON keep the name. */
  named?: (words: Words, name: string) => string;
  /** A column's heading for people where this table says more than the catalogue (a fit's `expected`: `expected (negative binomial)`). */
  heading?: (words: Words, column: string) => string | undefined;
}

/** A column's heading for people: the table's own, else the catalogue's. */
export const headingOf = (data: TableData, words: Words, column: string): string => data.heading?.(words, column) ?? words.column(column);

/**
 * A fit's picture (fit-svg.ts): the observed counts as bars, each candidate's expected
 * counts in the same bins as a line, the preferred first.
 */
export interface FitChart {
  /** The records' file as the user named it (`referrals.csv`), for the title. */
  file: string;
  /** Chain sizes, else referrals per fan. */
  sizes: boolean;
  /** Each bin's label: `0` to `9`, then `10+`. */
  bins: readonly string[];
  observed: readonly number[];
  curves: readonly { model: FitModel; expected: readonly number[]; weight: number }[];
  /** The preferred model's K and k with their 95% profile intervals, for the subtitle. */
  estimate: FitNumbers;
}

/** A command's result, ready for any format: the JSON document and the table's data. */
export interface Report extends TableData {
  json: { readonly [key: string]: Json | undefined };
  /** What a chart of this report shows; absent where there is nothing to draw. */
  chart?: ChartData;
  /** A fit's picture of observed and expected counts, drawn in place of a chart (SVG, PNG, HTML). */
  fitChart?: FitChart;
  /**
   * Values that hold for every row (a sampled run's seed): extra last columns in CSV and TSV,
   * where a spreadsheet keeps them with the data; the table's summary and JSON say them already.
   */
  constants?: Record<string, Cell>;
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
 * A report that cannot be written in the format asked (a picture of an answer with no chart):
 * the output layer's own refusal, which main.ts answers as a usage error (exit 2).
 */
export class Unrenderable extends Error {
  override name = 'Unrenderable';
}
