import type { TrialRow } from '../model/chains/montecarlo.js';
import type { ChainParams } from '../model/chains/params.js';
import type { Money } from '../model/money.js';
import { Refusal } from '../model/refusal.js';
import { Amount, amountFormat } from '../output/amount.js';
import type { Cell } from '../output/delimited.js';
import type { Json } from '../output/json.js';
import type { Style } from '../output/report.js';
import type { ReportPart } from './part.js';

/**
 * The runs' side of money as a part of their report, after the expected money (report/money.ts's
 * moneyPart): the cumulative net at
 * each percentile of the fans reached (the totals, or with churn the fans reached sketched
 * apart: see sketchesReached) (`net_p5`, ...: the net is a monotone function of them,
 * see {@link moneyPayback}; where it falls with them the percentiles swap ends), and the share
 * of runs paid back by each period (`paidBack`), with a sentence for each at the last period.
 */
export function moneyBandsPart(
  chain: ChainParams,
  rows: readonly TrialRow[],
  quantiles: readonly number[],
  money: Money,
  say: {
    band: (style: Style, s: { low: string; high: string; share: number }) => string;
    paidBack: (style: Style, s: { share: number; error: number }) => string;
    periodBands: (style: Style, s: { revenueLow: string; revenueHigh: string; netLow: string; netHigh: string; share: number }) => string;
    flag: string;
    trials: number;
  },
): ReportPart {
  const pay = chain.payback!;
  const net = (t: number, reached: number) => pay.slope * (reached - chain.start) + pay.offsets[t]!;
  // Net at percentile q: where the net is a function of the fans reached alone (a one-off value, no discount), the percentile q of
  // the fans reached where the net grows with them, 100 - q where it falls; else (--per, --discount: it depends on how long each
  // customer stays and when the fans came) the runs' own nets, sketched run by run (see Payback.bands).
  const byRun = pay.perCustomer !== undefined || pay.perDay !== undefined || pay.factors !== undefined;
  const sources = quantiles.map((q) => quantiles.indexOf(pay.slope >= 0 ? q : 100 - q));
  const sketched = rows.every((row) => row.money !== undefined);
  const shown = byRun ? (sketched ? [...quantiles] : []) : quantiles.filter((_, i) => sources[i]! >= 0);
  const netAt = (t: number, q: number) =>
    byRun ? rows[t]!.money!.cumulative[quantiles.indexOf(q)]! : net(t, (rows[t]!.reachedQuantiles ?? rows[t]!.quantiles)[sources[quantiles.indexOf(q)]!]!);
  const table = rows.map(
    (_, t) =>
      ({
        ...Object.fromEntries(shown.map((q) => [`net_p${q}`, new Amount(netAt(t, q), money.digits)])),
        paidBack: rows[t]!.paidBack ?? 0,
      }) as Record<string, Cell>,
  );
  // The runs' revenue and net in each period, and their cumulative net, at every percentile: in JSON, a band per period of the run.
  const bands = sketched
    ? rows.map((row, t) => {
        const at = (values: readonly number[]) => Object.fromEntries(quantiles.map((q, i) => [`p${q}`, new Amount(values[i]!, money.digits)]));
        return { period: t, revenue: at(row.money!.revenue), net: at(row.money!.net), cumulativeNet: at(row.money!.cumulative) };
      })
    : null;
  if (table.some((row) => shown.some((q) => !Number.isFinite(Number((row[`net_p${q}`] as Amount).minor))))) {
    throw new Refusal(`the money of these runs passes what a double holds (1.8e308 cents): shorten ${say.flag}, or use smaller amounts`);
  }
  const last = table.length - 1;
  const lowQ = shown[0];
  const highQ = shown.at(-1);
  const share = rows[last]!.paidBack ?? 0;
  return {
    columns: [...shown.map((q) => `net_p${q}`), 'paidBack'],
    cells: (t) => table[t]!,
    shares: ['paidBack'],
    summary: (style) => {
      const format = amountFormat(style.locale, money.currency);
      const text = (minor: number) => format(new Amount(minor, money.digits));
      const lines: string[] = [];
      if (lowQ !== undefined && highQ !== undefined && lowQ !== highQ) {
        const row = table[last]!;
        lines.push(say.band(style, { low: text((row[`net_p${lowQ}`] as Amount).minor as number), high: text((row[`net_p${highQ}`] as Amount).minor as number), share: (highQ - lowQ) / 100 }));
      }
      const band = bands?.[last];
      if (band && quantiles.length > 1) {
        const [lo, hi] = [`p${quantiles[0]}`, `p${quantiles.at(-1)}`];
        lines.push(say.periodBands(style, { revenueLow: text(band.revenue[lo]!.minor as number), revenueHigh: text(band.revenue[hi]!.minor as number), netLow: text(band.net[lo]!.minor as number), netHigh: text(band.net[hi]!.minor as number), share: (quantiles.at(-1)! - quantiles[0]!) / 100 }));
      }
      lines.push(say.paidBack(style, { share, error: Math.sqrt((share * (1 - share)) / say.trials) }));
      return lines;
    },
    json: { money: { paidBackShare: share, ...(bands ? { bands: bands as unknown as Json } : {}) } },
  };
}
