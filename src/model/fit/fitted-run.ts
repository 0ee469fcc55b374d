import type { ExistingCustomers } from '../calendar/existing.js';
import type { DatedResult } from './dated.js';
import type { FitModel } from './parameters.js';

/** What a forecast from a fit says beside its runs: the file, the model, the band with K and k fixed. */
export interface FittedRun {
  /** The records file as messages show it (cli/flags/parse.ts's fileLabel). */
  file: string;
  /** Its own name, without its folders, for a picture's title (fileName). */
  fileName: string;
  model: FitModel;
  K: number;
  k: number;
  nonreferrers: number;
  fixed?: readonly number[];
  /** Dated records: the export's date, the delay, and the customers the forecast starts from. */
  dated?: DatedLaw | null;
}

/** A dated fit as a forecast reads it: the export's date, the preferred delay, and the file's customers by age. */
export interface DatedLaw {
  asOf: string;
  family: DatedResult['preferred']['family'];
  delayMean: number;
  delaySd: number;
  naiveK: number;
  existing: ExistingCustomers;
}
