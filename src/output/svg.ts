import type { Count } from '../model/count.js';
import { countFormat } from './number.js';
import { type ChartData, type ScaleChoice, chooseScale, extent, numberLabel, xTicks } from './scale.js';
import { en } from './words/en.js';
import type { Words } from './words/index.js';

/** A palette readable on screens and slides (the Tableau 10 colours). */
const colours = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

/**
 * Text for SVG (XML 1.0): markup characters as character references, and characters XML
 * cannot hold at all (controls other than tab and line breaks, lone surrogates, U+FFFE and
 * U+FFFF) as U+FFFD, so the document stays well-formed whatever a title holds.
 */
const escape = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const round = (x: number) => Math.round(x * 100) / 100;

/** Where the plot sits in the picture, in pixels. */
export const svgFrame = { width: 800, height: 450, left: 80, right: 780, top: 60, bottom: 390 } as const;

/**
 * A standalone SVG line chart of the totals: a title, axes with round tick labels, log or
 * linear scale (see chooseScale), the band of sampled runs, one line per series and a
 * legend when there are several. No fonts, scripts or links from outside: it opens in a
 * browser and pastes into a slide. The plot's group carries its mapping as data-
 * attributes, so every point can be read back to its value.
 */
export function renderSvg(chart: ChartData, choice: ScaleChoice, locale = 'en-US', words: Words = en): string {
  const scale = chooseScale(chart, choice, locale);
  const valueText = countFormat(locale);
  const xText = (t: number) => (chart.xValues ? numberLabel(locale)(chart.xValues[t] ?? t) : String(t));
  const { width, height, left, right, top, bottom } = svgFrame;
  const periods = Math.max(extent(chart.series.map((s) => s.values.length))[1], chart.band?.low.length ?? 0, 1);
  const x = (t: number) => round(periods <= 1 ? (left + right) / 2 : left + (t / (periods - 1)) * (right - left));
  const y = (v: Count) => round(bottom - scale.position(v) * (bottom - top));
  const yAt = (units: number) => round(bottom - ((units - scale.low) / (scale.high - scale.low)) * (bottom - top));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<title>${escape(chart.title)}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  titleLines(chart.title).forEach((line, i, lines) =>
    out.push(`<text x="${width / 2}" y="${lines.length > 1 ? 20 + i * 18 : 28}" text-anchor="middle" font-size="${lines.length > 1 ? 14 : 16}" font-weight="bold">${escape(line)}</text>`),
  );
  // Grid and y ticks.
  out.push('<g class="y-axis" stroke="#dddddd">');
  for (const tick of scale.ticks) out.push(`<line x1="${left}" x2="${right}" y1="${yAt(tick.at)}" y2="${yAt(tick.at)}"/>`);
  out.push('</g>');
  out.push('<g class="y-labels" text-anchor="end" fill="#333333">');
  for (const tick of scale.ticks) out.push(`<text x="${left - 8}" y="${round(yAt(tick.at) + 4)}">${escape(tick.label)}</text>`);
  out.push('</g>');
  // x ticks: whole periods at an even step, at most eleven of them.
  out.push('<g class="x-labels" text-anchor="middle" fill="#333333">');
  for (const t of xTicks(periods - 1, 11)) out.push(`<text x="${x(t)}" y="${bottom + 18}">${escape(xText(t))}</text>`);
  out.push('</g>');
  out.push(`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#333333"/>`);
  out.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#333333"/>`);
  out.push(`<text x="${(left + right) / 2}" y="${bottom + 42}" text-anchor="middle">${escape(chart.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(words.chart.yAxis(scale.kind))}</text>`);
  if (scale.zeros) out.push(`<text class="note" x="${right}" y="${bottom + 42}" text-anchor="end" font-size="11" fill="#555555">${escape(words.chart.zeros)}</text>`);
  out.push(
    `<g class="plot" data-scale="${scale.kind}" data-low="${scale.low}" data-high="${scale.high}" data-left="${left}" data-right="${right}" data-top="${top}" data-bottom="${bottom}" data-periods="${periods}">`,
  );
  if (chart.band) {
    const { low, high } = chart.band;
    const upper = high.map((v, t) => `${x(t)},${y(v)}`);
    const lower = low.map((v, t) => `${x(t)},${y(v)}`).reverse();
    out.push(`<polygon class="band" fill="${colours[0]}" fill-opacity="0.18" stroke="none" points="${[...upper, ...lower].join(' ')}"><title>${escape(chart.band.name)}</title></polygon>`);
  }
  chart.series.forEach((series, i) => {
    const colour = colours[i % colours.length]!;
    const points = series.values.flatMap((v, t) => (v === null ? [] : [{ t, v }]));
    out.push(`<polyline class="series" data-name="${escape(series.name)}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linejoin="round" points="${points.map((p) => `${x(p.t)},${y(p.v)}`).join(' ')}"/>`);
    if (points.length <= 60) {
      for (const p of points) out.push(`<circle cx="${x(p.t)}" cy="${y(p.v)}" r="3" fill="${colour}"><title>${escape(`${series.name}, ${chart.xLabel} ${xText(p.t)}: ${valueText(p.v)}`)}</title></circle>`);
    }
  });
  out.push('</g>');
  const legend = [...chart.series.map((s, i) => ({ name: s.name, colour: colours[i % colours.length]!, band: false })), ...(chart.band ? [{ name: chart.band.name, colour: colours[0]!, band: true }] : [])];
  if (legend.length > 1) {
    out.push('<g class="legend">');
    legend.forEach((item, i) => {
      const ly = top + 8 + i * 18;
      out.push(
        item.band
          ? `<rect x="${left + 12}" y="${ly - 6}" width="18" height="10" fill="${item.colour}" fill-opacity="0.18"/>`
          : `<line x1="${left + 12}" x2="${left + 30}" y1="${ly}" y2="${ly}" stroke="${item.colour}" stroke-width="2.5"/>`,
      );
      out.push(`<text x="${left + 36}" y="${ly + 4}">${escape(item.name)}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** A title in one line, or two split at a word near the middle when it would not fit the width. */
export function titleLines(title: string): string[] {
  if (title.length <= 80) return [title];
  const middle = title.length / 2;
  let cut = -1;
  for (let i = title.indexOf(' '); i >= 0; i = title.indexOf(' ', i + 1)) if (cut < 0 || Math.abs(i - middle) < Math.abs(cut - middle)) cut = title.startsWith('--', i + 1) || cut < 0 ? i : cut;
  return cut < 0 ? [title] : [title.slice(0, cut), title.slice(cut + 1)];
}
