import { isAmount } from './amount.js';
import { escapeMarkup } from './markup.js';
import type { Report } from './report.js';
import { type ChartData, type MoneyChart, xLabelOf } from './scale.js';
import { axes, colours, svgOpen, xAxisTicks } from './svg.js';
import { type Box, boxesOverlap, lineCrosses } from './geometry.js';
import { numbersFor } from './words/numbers.js';
import type { Words } from './words/index.js';

const escape = escapeMarkup;
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Round steps for a linear money axis: 1, 2 or 5 times a power of ten, about `about` of them
 * (five unless the panel is short) across `low` to `high` (which hold 0: the break-even line is always drawn).
 *
 * @example moneyTicks(-1500, 7000) // => [-2000, 0, 2000, 4000, 6000, 8000]
 * @example moneyTicks(-1500, 7000, 2) // => [-5000, 0, 5000, 10000]
 */
export function moneyTicks(low: number, high: number, about = 5): number[] {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / about;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = Math.floor(low / step) * step; v <= Math.ceil(high / step) * step + step / 2; v += step) ticks.push(Math.abs(v) < step / 2 ? 0 : v);
  return ticks;
}

/**
 * Amounts on the money axis, short: `$1.5M`, `€ 250K` (`€ 250K` in nl-NL is `€ 250.000`
 * up to a million, then `€ 1,5 mln.`), in the currency when there is one.
 */
function amountLabel(locale: string, currency: string | null): (units: number) => string {
  const format = new Intl.NumberFormat(locale, { ...(currency ? { style: 'currency', currency } : {}), notation: 'compact', maximumSignificantDigits: 3 });
  return (units) => format.format(units);
}

/**
 * The money panel under a chart: the cumulative net per period (and the band of sampled
 * runs), the break-even line at 0, and the period it pays back in marked; on the growth
 * chart's x axis (`plot`: its left and right edges and periods, so the two line up), `height`
 * pixels high and 800 wide. The plot's group carries its mapping as data- attributes, like
 * the growth chart's.
 */
export function moneyPanel(chart: ChartData, money: MoneyChart, plot: { left: number; right: number; periods: number }, height: number, locale: string, words: Words): string {
  const { left, right, periods } = plot;
  const top = 44;
  const bottom = height - 56;
  const values = money.values.filter((v): v is number => v !== null);
  const all = [0, ...values, ...(money.low ?? []), ...(money.high ?? [])].filter((v): v is number => v !== null && Number.isFinite(v));
  // Labels at least 18 pixels apart: a short panel (a picture twice as wide as high) gets fewer.
  let ticks = moneyTicks(Math.min(...all), Math.max(...all));
  for (let about = 4; about >= 1 && (bottom - top) / (ticks.length - 1) < 18; about--) ticks = moneyTicks(Math.min(...all), Math.max(...all), about);
  const low = ticks[0]!;
  const high = ticks.at(-1)!;
  const x = (t: number) => round(periods <= 1 ? (left + right) / 2 : left + (t / (periods - 1)) * (right - left));
  const y = (v: number) => round(bottom - ((v - low) / (high - low || 1)) * (bottom - top));
  const label = amountLabel(locale, money.currency);
  const xText = xLabelOf(chart, locale);
  const out: string[] = [];
  out.push(`<text class="money-title" x="400" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escape(words.chart.moneyTitle(money.currency))}</text>`);
  out.push('<g class="y-axis" stroke="#dddddd">');
  for (const tick of ticks) out.push(`<line x1="${left}" x2="${right}" y1="${y(tick)}" y2="${y(tick)}"/>`);
  out.push('</g>');
  out.push(...axes(ticks.map((tick) => ({ y: y(tick), label: label(tick) })), { left, right, top, bottom }, xAxisTicks(chart, right - left, periods, locale, words.lang), x, chart.xLabel));
  // Break-even: the line at 0, labelled at its right end (where a growing or a losing net is
  // far from it), above the line or below it, else at its left end: where the net's line does not cross the label.
  const net = money.values.flatMap((v, t) => (v === null ? [] : [[x(t), y(v)] as const]));
  const zero = y(0);
  const breakEvenWidth = words.chart.breakEven.length * 6.2;
  const legendBox: Box | null = money.low && money.high && money.bandName ? { x1: left, x2: left + 40 + Math.max(words.chart.mean.length, money.bandName.length) * 7, y1: top, y2: top + 34 } : null;
  const spots = [
    { x: right - 6, y: zero - 5, anchor: 'end' },
    { x: right - 6, y: zero + 13, anchor: 'end' },
    { x: left + 6, y: zero - 5, anchor: 'start' },
    { x: left + 6, y: zero + 13, anchor: 'start' },
  ].map((spot) => ({ ...spot, box: { x1: spot.anchor === 'end' ? spot.x - breakEvenWidth : spot.x, x2: spot.anchor === 'end' ? spot.x : spot.x + breakEvenWidth, y1: spot.y - 9, y2: spot.y + 2 } }));
  const fits = (box: Box) => box.y1 >= top && box.y2 <= bottom && !lineCrosses(net, box) && !(legendBox && boxesOverlap(legendBox, box));
  const spot = spots.find((s) => fits(s.box)) ?? spots[0]!;
  out.push(`<g class="break-even"><line x1="${left}" x2="${right}" y1="${zero}" y2="${zero}" stroke="#444444" stroke-width="1.2" stroke-dasharray="6 4"/><text x="${round(spot.x)}" y="${round(spot.y)}" text-anchor="${spot.anchor}" fill="#444444" font-size="11">${escape(words.chart.breakEven)}</text></g>`);
  out.push(`<g class="money-plot" data-low="${low}" data-high="${high}" data-left="${left}" data-right="${right}" data-top="${top}" data-bottom="${bottom}" data-periods="${periods}">`);
  const colour = colours[2]!;
  if (money.low && money.high) {
    const at = money.low.flatMap((v, t) => (v === null || money.high![t] === null || money.high![t] === undefined ? [] : [t]));
    const upper = at.map((t) => `${x(t)},${y(money.high![t]!)}`);
    const lower = at.map((t) => `${x(t)},${y(money.low![t]!)}`).reverse();
    if (at.length > 0) out.push(`<polygon class="band" fill="${colour}" fill-opacity="0.16" stroke="${colour}" stroke-opacity="0.5" stroke-width="0.8" stroke-dasharray="2 2" points="${[...upper, ...lower].join(' ')}"><title>${escape(money.bandName ?? '')}</title></polygon>`);
  }
  const points = money.values.flatMap((v, t) => (v === null ? [] : [{ t, v }]));
  out.push(`<polyline class="series" data-name="cumulativeNet" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linejoin="round" points="${points.map((p) => `${x(p.t)},${y(p.v)}`).join(' ')}"/>`);
  // The period it pays back in: a mark on the line and a vertical line, labelled.
  if (money.payback !== null && money.payback < periods) {
    const px = x(money.payback);
    const text = words.chart.paysBack(numbersFor(locale), { x: xText(money.payback), xLabel: chart.xLabel });
    const anchor = px > (left + right) / 2 ? 'end' : 'start';
    // The legend (sampled runs) stands in the top left corner: a label starting left of its
    // right edge goes under it, and so does the line where it would pass through the legend.
    const underLegend = legendBox !== null && px < legendBox.x2 + 2;
    const labelY = anchor === 'start' && underLegend ? top + 48 : top + 12;
    const lineTop = underLegend ? legendBox!.y2 + 2 : top;
    out.push(
      `<g class="payback" data-period="${money.payback}"><line x1="${px}" x2="${px}" y1="${lineTop}" y2="${bottom}" stroke="#000000" stroke-width="1" stroke-dasharray="3 3"/><circle cx="${px}" cy="${y(money.values[money.payback] ?? 0)}" r="6" fill="none" stroke="#000000" stroke-width="1.5"/><text x="${round(px + (anchor === 'end' ? -6 : 6))}" y="${labelY}" text-anchor="${anchor}" font-size="11">${escape(text)}</text></g>`,
    );
  }
  out.push('</g>');
  // With a band, a legend: the expected net's line and the runs' band.
  if (money.low && money.high && money.bandName) {
    out.push('<g class="legend">');
    out.push(`<line x1="${left + 12}" x2="${left + 34}" y1="${top + 8}" y2="${top + 8}" stroke="${colour}" stroke-width="2.5"/><text x="${left + 40}" y="${top + 12}">${escape(words.chart.mean)}</text>`);
    out.push(`<rect x="${left + 12}" y="${top + 20}" width="22" height="10" fill="${colour}" fill-opacity="0.16" stroke="${colour}" stroke-opacity="0.5" stroke-dasharray="2 2"/><text x="${left + 40}" y="${top + 30}">${escape(money.bandName)}</text>`);
    out.push('</g>');
  }
  const last = points.at(-1);
  if (last) out.push(`<text class="end-label" x="${round(x(last.t) + 8)}" y="${round(y(last.v) + 4)}" fill="${colour}" font-weight="bold">${escape(label(last.v))}</text>`);
  return out.join('\n');
}

/**
 * A report's money as its chart's panel: the cumulative net of each row (a row a period of
 * the chart), the band of its lowest and highest `net_pN` columns (sampled runs), the period
 * the summary says it pays back in; null where the report has no money, or its rows are not
 * the chart's periods.
 */
export function moneyChartOf(report: Report, words: Words): MoneyChart | null {
  const chart = report.chart;
  if (!chart || !report.columns.includes('cumulativeNet')) return null;
  const periods = Math.max(...chart.series.map((s) => s.values.length), 0);
  if (report.rows.length !== periods) return null;
  const units = (column: string) => report.rows.map((row) => (isAmount(row[column]) ? (row[column] as { units(): number }).units() : null));
  const percentiles = report.columns.flatMap((c) => {
    const match = /^net_p([\d.]+)$/.exec(c);
    return match ? [{ column: c, q: Number(match[1]) }] : [];
  });
  const lowest = percentiles.reduce<{ column: string; q: number } | null>((a, b) => (a === null || b.q < a.q ? b : a), null);
  const highest = percentiles.reduce<{ column: string; q: number } | null>((a, b) => (a === null || b.q > a.q ? b : a), null);
  const money = (report.json as { money?: { payback?: number | string | null; currency?: string | null } }).money;
  const payback = money?.payback ?? null;
  const at = typeof payback === 'number' ? payback : typeof payback === 'string' ? report.rows.findIndex((row) => row.period === payback) : -1;
  return {
    currency: report.currency ?? money?.currency ?? null,
    values: units('cumulativeNet'),
    ...(lowest && highest && lowest.q < highest.q ? { low: units(lowest.column), high: units(highest.column), bandName: words.chart.band(lowest.q, highest.q) } : {}),
    payback: at < 0 ? null : at,
  };
}

/**
 * The growth chart and the money panel as one picture, 800 wide: the chart's own SVG on top,
 * the panel under it.
 */
export function stacked(growth: string, panel: string, growthHeight: number, height: number, title: string): string {
  const inner = growth.replace(/^<svg[^>]*>\n?/, '').replace(/<\/svg>\n?$/, '');
  return [
    ...svgOpen(800, height, title),
    `<g class="growth">`,
    inner,
    '</g>',
    `<g class="money" transform="translate(0 ${growthHeight})">`,
    panel,
    '</g>',
    '</svg>',
  ].join('\n') + '\n';
}
