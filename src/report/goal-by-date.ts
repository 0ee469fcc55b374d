import type { Distribution } from '../model/chains/offspring.js';
import { isoDate } from '../model/calendar/dates.js';
import type { Calendar } from '../model/calendar/run-calendar.js';
import type { FittedRun } from '../model/fit/fitted-run.js';
import type { Amount } from '../output/amount.js';
import type { Json } from '../output/json.js';
import type { Report, Style } from '../output/report.js';
import type { ChartData } from '../output/scale.js';
import { calendarJson, calendarLines } from './calendar.js';
import { type BandReader, fitJson, fitLines, withBand } from './calendar-sampled.js';
import { lawName } from './sampled.js';

/**
 * `fans goal TARGET --by-date --trials N` as a report: a row per percentile of the date the
 * target is reached, the share by the horizon and by --deadline, the expected date beside
 * them, and the chart of the expected curve with the runs' band and the dates marked.
 */

/** What the goal asked, and what its expected run answered. */
export interface SampledGoal {
  start: number;
  rate: number | null;
  /** A count goal's target (0 for a money goal). */
  target: number;
  /** The date the expected total reaches the target, and the expected total on it (or at the horizon). */
  expectedDate: string | null;
  expectedTotal: number;
  parameters: Record<string, Json>;
  /** The expected totals' chart, with the target; drawn through a date where asked (the latest percentile date). */
  chart: ChartData;
  chartThrough?: (date: string | null) => ChartData;
  fitted: FittedRun | null;
  /** A count goal with money: what the fans are worth by the expected date. */
  worth?: { line: (style: Style) => string; json: Json };
  /** A money goal: its kind and amount; `text` writes the amount, `expected` the expected run's amount on its date. */
  money?: { kind: 'net' | 'revenue'; amount: Amount; text: (style: Style) => string; expected: (style: Style) => string };
}

/** What the goal's runs found. */
export interface SampledGoalRuns {
  c: Calendar;
  trials: number;
  seed: number;
  law: { distribution: Distribution; dispersion: number | null };
  quantiles: readonly number[];
  k: number;
  /** Each percentile's date (null: past the horizon), the share reaching the target by the horizon and by the deadline. */
  dates: readonly { q: number; date: string | null }[];
  share: number;
  deadline: { date: string; share: number; error: number } | null;
  /** The last day run, where every run had answered the question before the horizon; null: to the horizon. */
  stoppedOn: string | null;
  /** The band: read from the sketches of every `every`-th day, dated by `dayDates`. */
  band: BandReader | null;
  every: number;
  dayDates: readonly string[];
}

/**
 * A sampled goal's chart with its uncertainty marked on the target line: the percentile dates
 * (p5, p50, p95 by default) and the deadline with the share of runs reaching the target by
 * then; drawn through the latest of them.
 */
function markedChart(g: Pick<SampledGoal, 'chart' | 'chartThrough'>, dates: readonly { q: number; date: string | null }[], deadline: { date: string; share: number } | null): ChartData {
  const latest = [...dates.map((d) => d.date), deadline?.date ?? null].reduce<string | null>((most, date) => (date !== null && (most === null || date > most) ? date : most), null);
  const chart = g.chartThrough ? g.chartThrough(latest) : g.chart;
  const xDates = chart.xDates ?? [];
  // The first drawn date on or after a date (the chart is thinned to at most a thousand points); none past its end.
  const at = (date: string) => xDates.findIndex((x) => x >= date);
  const marks = [
    ...dates.flatMap((d) => (d.date !== null && at(d.date) >= 0 ? [{ at: at(d.date), kind: 'percentile' as const, q: d.q, date: d.date }] : [])),
    ...(deadline !== null && at(deadline.date) >= 0 ? [{ at: at(deadline.date), kind: 'deadline' as const, share: deadline.share, date: deadline.date }] : []),
  ];
  return marks.length > 0 ? { ...chart, marks } : chart;
}

/** The report of a sampled goal by date. */
export function sampledGoalReport(g: SampledGoal, runs: SampledGoalRuns): Report {
  const { c, trials, seed, law, k, dates, share, deadline } = runs;
  const until = isoDate(c.end);
  const summary = (style: Style) => {
    const { words, numbers } = style;
    return [
      words.sampled.runs(numbers, { trials, distribution: lawName(style, law.distribution, law.dispersion), k, yearly: false, seed }),
      ...fitLines(style, g.fitted),
      ...(g.money
        ? [
            words.money.goalDates(numbers, { kind: g.money.kind, target: g.money.text(style), trials, dates, reached: share, until }),
            ...(deadline ? [words.money.deadline(numbers, { kind: g.money.kind, target: g.money.text(style), deadline: deadline.date, share: deadline.share, error: deadline.error, trials })] : []),
            words.money.goalDate(numbers, { kind: g.money.kind, target: g.money.text(style), date: g.expectedDate, until, reached: g.money.expected(style) }),
          ]
        : [
            words.calendar.goalDates(numbers, { target: g.target, trials, dates, reached: share, until }),
            ...(deadline ? [words.calendar.deadline(numbers, { target: g.target, deadline: deadline.date, share: deadline.share, error: deadline.error, trials })] : []),
            words.calendar.goalDate(numbers, { target: g.target, date: g.expectedDate, until, total: g.expectedTotal, atStart: g.target <= g.start ? g.start : null }),
            ...(g.worth ? [g.worth.line(style)] : []),
          ]),
      ...calendarLines(c, g.start, 0, g.rate, false, g.fitted?.dated?.delaySd ?? null)(style).slice(1),
    ];
  };
  return {
    columns: ['percentile', 'date'],
    // A percentile past the horizon has no date: empty in CSV and xlsx, null in JSON, and `after 2037-01-01` in the reader's words in a table.
    rows: dates.map((d) => ({ percentile: `p${d.q}`, date: d.date })),
    blank: (words) => words.calendar.after(until),
    constants: { seed },
    summary,
    chart: withBand(markedChart(g, dates, deadline), runs.band, runs.every, runs.dayDates, [runs.quantiles[0]!, runs.quantiles.at(-1)!]),
    json: {
      command: 'goal',
      target: g.money ? { [g.money.kind]: g.money.amount } : g.target,
      parameters: { ...g.parameters, trials, seed, ...law, quantiles: [...runs.quantiles] },
      ...(g.fitted ? { fit: fitJson(g.fitted) } : {}),
      dates: Object.fromEntries(dates.map((d) => [`p${d.q}`, d.date])),
      reachedShare: share,
      deadline: deadline ? { date: deadline.date, share: deadline.share, standardError: deadline.error } : null,
      ...(g.worth ? { money: g.worth.json } : {}),
      expectedDate: g.expectedDate,
      // The last day run: before the horizon where every run had answered the question (null: to the horizon).
      runsStoppedOn: runs.stoppedOn,
      calendar: calendarJson(c, g.rate),
    },
  };
}
