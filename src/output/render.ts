import type { ChalkInstance } from 'chalk';
import { toCsv, toTsv } from './delimited.js';
import { type Json, toJson } from './json.js';
import type { CountFormat } from './number.js';
import { type TableData, renderTable } from './table.js';

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
  chalk: ChalkInstance;
  locale: string;
}

/** The report as text in the chosen format, ending with a newline. */
export function render(report: Report, format: Format, style: Style): string {
  switch (format) {
    case 'json':
      return toJson(report.json) + '\n';
    case 'csv':
      return toCsv(report.columns, report.rows);
    case 'tsv':
      return toTsv(report.columns, report.rows);
    case 'table':
      return renderTable(report, style.count, style.chalk, style.locale);
  }
}
