import { type ChainParams, type TrialRow, type PeriodSketches, theoreticalExtinction } from '../model/chains/montecarlo.js';
import type { Distribution } from '../model/chains/offspring.js';
import { type CalendarPeriod, cycleDays, dayDate, isoDate } from '../model/calendar/dates.js';
import { durationText } from '../model/calendar/duration-text.js';
import { customersOf } from '../model/calendar/existing.js';
import type { Calendar, Command } from '../model/calendar/run-calendar.js';
import type { FittedRun } from '../model/fit/fitted-run.js';
import type { Cell } from '../output/delimited.js';
import type { Json } from '../output/json.js';
import type { Report, Style } from '../output/report.js';
import type { ChartData } from '../output/scale.js';
import { type ModelFlags, calendarCaption, calendarJson, calendarLines, calendarParameters } from './calendar.js';
import { coarsestRow, lawName, quantileName, trialLines } from './sampled.js';
import { type ReportPart, joinParts } from './part.js';

/**
 * Sampled calendar runs as reports: a row per calendar period with the runs' mean, percentiles
 * and share died out; runs by cycle gathered into periods; a goal's band of runs on its chart.
 */

/** Sampled runs with spread-out delays: per period, the date, the mean and percentiles of the total, the share died out. */
export function periodTrialReport(
  command: Command,
  p: ModelFlags,
  c: Calendar,
  rate: number | null,
  periods: readonly CalendarPeriod[],
  rows: readonly TrialRow[],
  t: { trials: number; seed: number; quantiles: readonly number[]; distribution: Distribution; dispersion: number | null; k: number; chain: ChainParams; fitted: FittedRun | null },
  parts: readonly ReportPart[] = [],
): Report {
  const names = t.quantiles.map(quantileName);
  const churn = command === 'compound' && (p.churn ?? 0) > 0;
  const table = rows.map((r, i) => {
    // The mean of the new fans in a period (the fans ever reached, less those of the period before);
    // with churn, the customers lost are what the total did not keep of them (TrialRow).
    const row: Record<string, Cell> = { period: periods[i]!.name, date: isoDate(dayDate(c.start, periods[i]!.last)), new: r.fresh };
    if (churn) row.lost = r.lost;
    row.mean = r.mean;
    names.forEach((name, j) => (row[name] = r.quantiles[j]!));
    row.extinct = r.extinct;
    return row;
  });
  const last = rows.at(-1)!;
  const error = Math.sqrt((last.extinct * (1 - last.extinct)) / t.trials);
  // The quantile sketches keep fewer bins a period when there are many periods: say how near the percentiles are.
  const { error: worstError, row: coarsest } = coarsestRow(rows);
  const lastDate = isoDate(c.end);
  const theory = theoreticalExtinction(t.chain);
  const summary = (style: Style) => {
    const { words, numbers } = style;
    return [
      words.sampled.runs(numbers, { trials: t.trials, distribution: lawName(style, t.distribution, t.dispersion), k: t.k, yearly: false, seed: t.seed }),
      ...fitLines(style, t.fitted),
      ...calendarLines(c, p.start, last.mean, rate, true, t.fitted?.dated?.delaySd ?? null)(style),
      words.calendar.extinct(numbers, { date: lastDate, share: last.extinct, error }),
      ...(worstError > 2 ** -14 ? [words.sampled.percentilesWithin(numbers, { error: worstError, period: periods[coarsest]!.name, periods: periods.length })] : []),
      // The chance a chain ever dies out does not depend on when referrals come: Galton-Watson's q = G(q).
      theory === null ? words.sampled.noTheory : t.fitted?.dated ? words.sampled.theoryExisting(numbers, { q: theory, customers: p.start }) : words.sampled.theory(numbers, { q: theory, start: p.start }),
    ];
  };
  const { depth: _depth, years: _years, paid: _paid, cycle: _cycle, ...parameters } = p;
  return joinParts(
    {
      columns: ['period', 'date', 'new', ...(churn ? ['lost'] : []), 'mean', ...names, 'extinct'],
      rows: table,
      shares: ['extinct'],
      constants: { seed: t.seed },
      summary,
      chart: {
        caption: calendarCaption(command, p, c, { trials: t.trials, ...(t.fitted?.dated ? { customersOf: t.fitted.fileName } : {}) }),
        title: `fans ${command} --trials ${t.trials} --cycle ${durationText(c.cycle)} --cycle-spread ${durationText(c.spread!.asked)} --by ${c.by}`,
        ...(p.market !== null ? { market: p.market } : {}),
        xLabel: 'period',
        xDates: table.map((r) => String(r.period)),
        ...trialLines(rows, t.quantiles),
      },
      json: {
        command,
        parameters: { ...parameters, ...calendarParameters(c), trials: t.trials, seed: t.seed, distribution: t.distribution, dispersion: t.dispersion, quantiles: [...t.quantiles] },
        rows: table as never,
        extinction: { by: lastDate, estimate: last.extinct, standardError: error, theory },
        quantileError: worstError,
        calendar: { ...calendarJson(c, rate), meanDelayDays: cycleDays(c.cycle) },
        ...(t.fitted ? { fit: fitJson(t.fitted) } : {}),
      },
    },
    parts,
  );
}

/** What a forecast from --fit says it took from the file: the law it draws from, and for dated records the customers it starts from. */
export function fitLines({ words, numbers }: Style, fitted: FittedRun | null): string[] {
  if (fitted === null) return [];
  const { dated } = fitted;
  return [
    words.fit.sampledFrom(numbers, { file: fitted.file, model: words.fit.model(fitted.model), draws: 'lognormal' }),
    ...(dated
      ? [words.fit.fromCustomers(numbers, { file: fitted.file, customers: customersOf(dated.existing), asOf: dated.asOf, K: fitted.K, k: fitted.k, naive: dated.naiveK, law: words.fit.delayLaw(dated.family), mean: dated.delayMean, sd: dated.delaySd })]
      : []),
  ];
}

/** A forecast's fit in JSON: the law, and for dated records the export's date, the customers and the delay. */
export function fitJson(fitted: FittedRun): Json {
  const { dated } = fitted;
  return {
    file: fitted.file,
    model: fitted.model,
    K: fitted.K,
    k: Number.isFinite(fitted.k) ? fitted.k : null,
    nonreferrers: fitted.nonreferrers,
    ...(dated ? { dated: { asOf: dated.asOf, customers: customersOf(dated.existing), naiveK: dated.naiveK, delay: { law: dated.family, meanDays: dated.delayMean, sdDays: dated.delaySd } } } : {}),
  };
}

/**
 * A goal's chart with the band of its runs' totals (percentiles `quantiles`) at each date it
 * draws: from the day's sketch, or (where days were sketched every `every`-th day) read
 * linearly between the two sketched days around it, which a picture cannot tell apart. Each
 * sketch is read once, for both percentiles (a pass over its bins).
 */
export function withBand(chart: ChartData, read: BandReader | null, every: number, dates: readonly string[], quantiles: readonly [number, number]): ChartData {
  if (read === null || !chart.xDates) return chart;
  const index = new Map(dates.map((date, i) => [date, i]));
  // Drawn only where every date of the chart is a day of the runs.
  if (!chart.xDates.every((date) => index.has(date))) return chart;
  const last = dates.length - 1;
  const first = Number(chart.series[0]?.values[0] ?? 0);
  const shares = [quantiles[0] / 100, quantiles[1] / 100] as const;
  // The j-th sketch holds day j × every, the last one the last day.
  const dayOf = (j: number) => Math.min(j * every, last);
  const pairs = new Map<number, readonly [number, number]>();
  const at = (j: number): readonly [number, number] => {
    let pair = pairs.get(j);
    if (pair === undefined) {
      const [low, high] = read(j, shares);
      pairs.set(j, (pair = [low ?? first, high ?? first]));
    }
    return pair;
  };
  const low: number[] = [];
  const high: number[] = [];
  for (const date of chart.xDates) {
    const day = index.get(date)!;
    const j = Math.floor(day / every);
    const here = at(j);
    if (dayOf(j) === day) {
      low.push(here[0]);
      high.push(here[1]);
      continue;
    }
    const next = at(j + 1);
    const share = (day - dayOf(j)) / (dayOf(j + 1) - dayOf(j));
    low.push((1 - share) * here[0] + share * next[0]);
    high.push((1 - share) * here[1] + share * next[1]);
  }
  return { ...chart, band: { name: `p${quantiles[0]} to p${quantiles[1]}`, low, high, quantiles } };
}

/** The `shares` quantiles of the runs in the j-th sketch, each null where the runs stand where the expected curve starts. */
export type BandReader = (j: number, shares: readonly [number, number]) => readonly [number | null, number | null];

/**
 * How a goal's band is read from its sketches: a count goal's totals as they are; a money
 * goal's amounts (minor units, `unit` of them to the currency's) from their positive part
 * where it is above 0, else minus the negative part's mirrored quantile, and from the curve
 * before the money starts (`from`).
 */
export function bandReader(totals: PeriodSketches | null, amounts: { above: PeriodSketches; below: PeriodSketches } | null, from: number, every: number, unit: number): BandReader | null {
  if (totals) return (j, shares) => totals.at(j).quantiles(shares) as [number, number];
  if (!amounts) return null;
  return (j, shares) => {
    if (j * every < from) return [null, null];
    const up = amounts.above.at(j).quantiles(shares);
    const down = amounts.below.at(j).quantiles([1 - shares[0], 1 - shares[1]]);
    const value = (i: 0 | 1) => (up[i]! > 0 ? up[i]! : -down[i]! || 0) / unit;
    return [value(0), value(1)];
  };
}
