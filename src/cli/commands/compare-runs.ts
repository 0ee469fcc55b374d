import { basename } from 'node:path';
import type { Count } from '../../model/count.js';
import { Amount, amountFormat } from '../../output/amount.js';
import type { Cell } from '../../output/delimited.js';
import type { Report, Style } from '../../output/render.js';
import type { SeriesBand } from '../../output/scale.js';
import { UsageError } from '../io/io.js';
import { fileLabel, quoted } from '../flags/parse.js';
import type { ScenarioInput } from '../flags/scenarios.js';
import type { Flags } from '../flags/flags.js';

/** Runs one scenario as its command would: `fans simulate|compound` with the scenario's fields as flags. */
export type RunScenario = (command: ScenarioInput['command'], flags: Flags) => Promise<Report>;

/** What a scenario's run gives compare: its rows' keys (dates or periods), totals (or means), band and cumulative net. */
interface Line {
  input: ScenarioInput;
  keys: string[];
  totals: Count[];
  band: { low: Count[]; high: Count[]; quantiles: [string, string] } | null;
  net: Amount[] | null;
  currency: string | null;
}

/**
 * `fans compare` where a scenario gives a field beyond the model's (`trials`, `seed`,
 * `distribution`, `dispersion`, `quantiles`, `fit`, `cycleSpread`, `by`, `until`): each
 * scenario runs as its command with its fields as flags, and the runs stand side by side: a
 * row per date (scenarios on the calendar: each total is that of its last row on or before
 * the date, empty before its first and after its last) or per period, a column of totals (the
 * mean of sampled runs) per scenario, its outer percentiles beside it (`fast p5`, `fast p95`)
 * and drawn as a band in its colour, and its cumulative net where it gives amounts.
 */
export async function compareByRuns(inputs: readonly ScenarioInput[], file: string, run: RunScenario): Promise<Report> {
  const dated = inputs.some((s) => s.raw.cycle !== undefined || s.raw.startDate !== undefined);
  const lines: Line[] = [];
  for (const input of inputs) {
    // On dates, a compound scenario without a cycle has the yearly one; a tree needs its own (as compare on dates says).
    if (dated && input.raw.cycle === undefined && input.command === 'simulate') {
      throw new UsageError(`${file}: ${input.where} (${quoted(input.title)}) has no "cycle": the file puts its scenarios on dates (another gives a cycle or a start date), and a tree needs a cycle to go there, e.g. "cycle": "30d"`);
    }
    const flags: Flags = dated && input.raw.cycle === undefined ? { ...input.raw, cycle: '1y' } : input.raw;
    let report: Report;
    try {
      report = await run(input.command, flags);
    } catch (error) {
      if (error instanceof Error && (error.name === 'UsageError' || error.name === 'Refusal')) throw new UsageError(`${file}: ${input.where} (${quoted(input.title)}): ${error.message}`);
      throw error;
    }
    lines.push(lineOf(input, report, dated));
  }
  const currencies = new Set(lines.filter((l) => l.net).map((l) => l.currency));
  if (currencies.size > 1) throw new UsageError(`${file}: scenarios give amounts in ${[...currencies].map((c) => c ?? 'no currency').join(' and ')}: one file compares one currency (set "currency" alike)`);
  const keys = dated ? [...new Set(lines.flatMap((l) => l.keys))].sort() : Array.from({ length: Math.max(...lines.map((l) => l.keys.length)) }, (_, i) => String(i));
  /** A line's value on each key: its own, or on dates its last on or before it (within its run). */
  const along = <T>(line: Line, values: readonly T[]): (T | null)[] => {
    if (!dated) return keys.map((_, i) => values[i] ?? null);
    let at = -1;
    return keys.map((key) => {
      while (at + 1 < line.keys.length && line.keys[at + 1]! <= key) at++;
      return at < 0 || key > line.keys.at(-1)! ? null : (values[at] ?? null);
    });
  };
  const bandNames = (l: Line) => (l.band ? [`${l.input.title} ${l.band.quantiles[0]}`, `${l.input.title} ${l.band.quantiles[1]}`] : []);
  const netName = (l: Line) => `${l.input.title} net`;
  const first = dated ? 'date' : 'period';
  const rows = keys.map((key, i) => {
    const row: Record<string, Cell> = { [first]: dated ? key : i };
    for (const l of lines) row[l.input.title] = along(l, l.totals)[i] ?? null;
    for (const l of lines) if (l.band) [row[bandNames(l)[0]!], row[bandNames(l)[1]!]] = [along(l, l.band.low)[i] ?? null, along(l, l.band.high)[i] ?? null];
    for (const l of lines) if (l.net) row[netName(l)] = along(l, l.net)[i] ?? null;
    return row;
  });
  const currency = lines.find((l) => l.net)?.currency ?? null;
  const summary = ({ words, numbers, locale }: Style) => {
    const money = amountFormat(locale, currency);
    return lines.map((l) => {
      const net = l.net ? money(l.net.at(-1)!) : null;
      return dated
        ? words.compare.dated(numbers, { name: l.input.title, total: l.totals.at(-1)!, date: l.keys.at(-1)!, command: l.input.command, net })
        : words.compare.line(numbers, { name: l.input.title, total: l.totals.at(-1)!, last: l.totals.length - 1, command: l.input.command, net });
    });
  };
  return {
    columns: [first, ...lines.map((l) => l.input.title), ...lines.flatMap(bandNames), ...lines.filter((l) => l.net).map(netName)],
    rows,
    currency,
    summary,
    chart: {
      title: `fans compare ${fileLabel(file === '-' ? file : basename(file))}`,
      caption: { kind: 'compare', names: lines.map((l) => l.input.title) },
      xLabel: dated ? 'date' : lines.every((l) => l.input.command === 'simulate') ? 'level' : lines.every((l) => l.input.command === 'compound') ? 'year' : 'level / year',
      ...(dated ? { xDates: keys } : {}),
      series: lines.map((l) => ({
        name: l.input.title,
        values: along(l, l.totals),
        ...(l.band ? { band: { name: `${l.input.title}: ${l.band.quantiles[0]}–${l.band.quantiles[1]}`, low: along(l, l.band.low), high: along(l, l.band.high) } satisfies SeriesBand } : {}),
      })),
    },
    json: {
      command: 'compare',
      scenarios: lines.map((l) => ({ name: l.input.title, command: l.input.command, parameters: l.input.raw as never, total: l.totals.at(-1)!, ...(l.net ? { net: l.net.at(-1)!, currency: l.currency } : {}) })),
      rows: rows as never,
    },
  };
}

/** A scenario's report as a line: the date (or row) of each row, the total or mean, the outer percentiles, the cumulative net. */
function lineOf(input: ScenarioInput, report: Report, dated: boolean): Line {
  const rows = report.rows;
  const totalColumn = report.columns.includes('total') ? 'total' : 'mean';
  const quantiles = report.columns.filter((c) => /^p\d+(\.\d+)?$/.test(c));
  const keys = dated ? rows.map((r) => String(r.date)) : rows.map((_, i) => String(i));
  return {
    input,
    keys,
    totals: rows.map((r) => r[totalColumn] as Count),
    band: quantiles.length >= 2 ? { low: rows.map((r) => r[quantiles[0]!] as Count), high: rows.map((r) => r[quantiles.at(-1)!] as Count), quantiles: [quantiles[0]!, quantiles.at(-1)!] } : null,
    net: report.columns.includes('cumulativeNet') ? rows.map((r) => r.cumulativeNet as Amount) : null,
    currency: report.currency ?? null,
  };
}
