import type { DatedData } from './dated.js';
import type { Frequencies } from './frequencies.js';

/** What the file held: the counts or sizes as a frequency table, and how they were read. */
export interface FitInput {
  shape: 'counts' | 'referrals' | 'sizes';
  frequencies: Frequencies;
  /** Rows of data read (not the header). */
  rows: number;
  /** The column or columns used. */
  columns: string[];
  /** Who referred whom: rows whose referrer is not in the file (a windowed export: they joined before it), left as seeds. */
  outside?: number;
  /** Who referred whom with join dates: the records as the dated fit reads them, the column and the export's day. */
  dated?: { data: DatedData; column: string; asOf: number; from: number };
}
