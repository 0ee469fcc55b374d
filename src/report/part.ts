import type { Cell } from '../output/delimited.js';
import type { Json } from '../output/json.js';
import type { Report, Style } from '../output/report.js';

/**
 * What a modifier of a run (its money, the runs' money bands) adds to the run's report,
 * computed from the run itself, never from another report: columns after the model's, their
 * cells row by row, sentences after the model's, and JSON fields. A report builder takes its
 * parts and joins them once ({@link joinParts}); no part renames, strips or reads what
 * another wrote.
 */
export interface ReportPart {
  /** Columns after the report's own (and after earlier parts'). */
  columns: readonly string[];
  /** The cells of those columns in row `row`. */
  cells: (row: number) => Record<string, Cell>;
  /** Sentences after the report's own. */
  summary: (style: Style) => readonly string[];
  /**
   * JSON fields beside the report's: `parameters` and `money` are merged key by key with the
   * report's (and earlier parts'); any other field is set. `rows` is the joined rows, always.
   */
  json: { parameters?: Record<string, Cell>; money?: { readonly [key: string]: Json | undefined }; [key: string]: Json | undefined };
  /** Columns of shares (0..1), shown as percentages. */
  shares?: readonly string[];
  /** The currency of the part's amounts. */
  currency?: string | null;
  /** The total line stands under the last column: a part whose columns come after it drops it. */
  dropsTotal?: boolean;
}

/** JSON fields a part merges key by key with the report's; others it sets. */
const merged = new Set(['parameters', 'money']);

/**
 * A report builder's fields with its parts joined, in order: columns and cells appended, sentences
 * appended, JSON merged (see {@link ReportPart}); the same report without parts.
 *
 * @example joinParts(simulateReport(p, rows), [treeMoney(p, rows, money)]) // the tree's rows with revenue ... cumulativeNet
 */
export function joinParts(report: Report, parts: readonly ReportPart[]): Report {
  if (parts.length === 0) return report;
  const rows = report.rows.map((row, t) => Object.assign({ ...row }, ...parts.map((part) => part.cells(t))) as Record<string, Cell>);
  const json: Record<string, Json | undefined> = { ...report.json, rows: rows as unknown as Json };
  for (const part of parts) {
    for (const [key, value] of Object.entries(part.json)) json[key] = merged.has(key) ? ({ ...(json[key] as object | undefined), ...(value as object) } as Json) : value;
  }
  const shares = parts.flatMap((part) => part.shares ?? []);
  const currency = parts.findLast((part) => part.currency !== undefined)?.currency;
  const { total, ...rest } = report;
  return {
    ...rest,
    ...(total !== undefined && !parts.some((part) => part.dropsTotal) ? { total } : {}),
    columns: [...report.columns, ...parts.flatMap((part) => part.columns)],
    rows,
    ...(shares.length > 0 ? { shares: [...(report.shares ?? []), ...shares] } : {}),
    ...(currency !== undefined ? { currency } : {}),
    summary: (style) => [...report.summary(style), ...parts.flatMap((part) => part.summary(style))],
    json,
  };
}
