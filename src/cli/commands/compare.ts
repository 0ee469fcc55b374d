import type { Io } from '../io/io.js';
import type { Report } from '../../output/render.js';
import { compareReport } from '../../report/compare.js';
import { fileLabel } from '../flags/parse.js';
import { asRuns, onCalendar, readScenarios } from '../flags/scenarios.js';
import type { RunScenario } from './compare-runs.js';
import { compareTitle, scenarioRows } from './scenario-rows.js';

/**
 * `fans compare FILE` (the file's `text`): the scenarios read once, then run side by side as
 * their commands (a field beyond the model's: compare-runs.ts), on dates (a cycle or a start
 * date: compare-dates.ts), or as the models' rows by level or year.
 */
export async function compareCommand(text: string, file: string, locale: string, env: Io['env'], run: RunScenario): Promise<Report> {
  const label = fileLabel(file);
  const inputs = readScenarios(text, label, locale);
  if (asRuns(inputs)) return (await import('./compare-runs.js')).compareByRuns(inputs, label, run);
  // A cycle or a start date puts every scenario on dates (date-fns loads for it).
  if (onCalendar(inputs)) return (await import('./compare-dates.js')).compareOnDates(inputs, label, env);
  return compareReport(scenarioRows(inputs, label), compareTitle(file));
}
