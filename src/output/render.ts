import { toCsv, toTsv } from './delimited.js';
import { type Json, toJson } from './json.js';
import type { CountFormat } from './number.js';
import type { TableData } from './table.js';

/** Output formats every command accepts. */
export const formats = ['table', 'json', 'csv', 'tsv'] as const;
export type Format = (typeof formats)[number];

/** A command's result, ready for any format: the JSON document and the table's data. */
export interface Report extends TableData {
  json: { readonly [key: string]: Json | undefined };
}

/** How to write numbers and colour for people; only the table uses it. */
export interface Style {
  count: CountFormat;
  /** The few colours tables use: a chalk instance, or plain text when colour is off. */
  chalk: Paint;
  locale: string;
}

/** Text styles a table uses. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
}

/** No colour at all: what pipes, files and NO_COLOR get. */
export const plainPaint: Paint = { bold: (text) => text, dim: (text) => text };

/**
 * The report as text in the chosen format, ending with a newline. The table's style and
 * cli-table3 are loaded only for tables: machine formats start faster without them.
 */
export async function render(report: Report, format: Format, style: () => Promise<Style>): Promise<string> {
  switch (format) {
    case 'json':
      return toJson(report.json) + '\n';
    case 'csv':
      return toCsv(report.columns, report.rows);
    case 'tsv':
      return toTsv(report.columns, report.rows);
    case 'table': {
      const { renderTable } = await import('./table.js');
      return renderTable(report, await style());
    }
  }
}
