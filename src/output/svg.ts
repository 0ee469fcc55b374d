import type { Count } from '../model/count.js';
import { countFormat, peopleFormat } from './number.js';
import { type AxisTick, dateTicks } from './date-ticks.js';
import { type ChartData, type ScaleChoice, chooseScale, extent, xLabelOf, xTicks } from './scale.js';
import { type Box, boxesOverlap, lineCrosses } from './geometry.js';
import { escapeMarkup } from './markup.js';
import { en } from './words/en.js';
import { numbersFor } from './words/numbers.js';
import type { Words } from './words/index.js';

/**
 * The Okabe-Ito palette, safe for the common colour-blindnesses (Okabe and Ito 2008), darkest
 * first; each series also gets its own dash pattern, so lines stay apart printed in grey.
 */
export const colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
export const dashes = ['', '9 4', '2 3', '12 3 3 3', '5 5', '1 3', '14 4', '6 2 1 2'];

const escape = escapeMarkup;
const round = (x: number) => Math.round(x * 100) / 100;

/** Where the plot sits in a picture of 800 by 450 (16:9), in pixels; other sizes keep the margins. */
export const svgFrame = { width: 800, height: 450, left: 80, right: 690, top: 74, bottom: 390 } as const;

/** About the width of a character of the axis labels (sans-serif at 12 px, digits and dashes), with a gap between labels. */
const labelCharWidth = 7;
const labelGap = 16;
/** The same at 11 px, the size of the target's and the reached point's labels. */
const smallCharWidth = 6.2;
/** About the width of a character of the bold end labels (12 px). */
const boldCharWidth = 7.6;

/**
 * How many x labels fit across `width` pixels without touching, at most eleven: the widest
 * label (of every period's) decides.
 *
 * @example xTickRoom(610, 731, () => '2027-01-01') // => 7
 */
export function xTickRoom(width: number, periods: number, label: (t: number) => string): number {
  let widest = 1;
  for (let t = 0; t < periods; t++) widest = Math.max(widest, label(t).length);
  return Math.max(2, Math.min(11, Math.floor(width / (widest * labelCharWidth + labelGap))));
}

/** The frame for a picture of `width` by `height` pixels, drawn 800 wide. */
export function frameFor(size?: { width: number; height: number }) {
  if (!size) return svgFrame;
  const height = Math.round((800 * size.height) / size.width);
  return { width: 800, height, left: 80, right: 690, top: 74, bottom: height - 60 };
}

/**
 * A standalone SVG line chart of the totals: a title (plain language, or --title) with the
 * command small under it, axes with round tick labels, log or linear scale (see
 * chooseScale), the band of sampled runs, one line per series (each its colour and dash
 * pattern: the median solid, the mean dashed), the last value of each line written at its
 * end, the target and market as labelled lines with the point where a line first reaches the
 * target marked, and a legend when there are several lines. No fonts, scripts or links from
 * outside: it opens in a browser and pastes into a slide. The plot's group carries its
 * mapping as data- attributes, so every point can be read back to its value.
 */
export function renderSvg(chart: ChartData, choice: ScaleChoice, locale = 'en-US', words: Words = en, size?: { width: number; height: number }): string {
  const scale = chooseScale(chart, choice, locale);
  // Amounts (a money goal's) in the currency, to the whole unit; else counts, and people whole from 10.
  const amountText = chart.measure?.currency ? wholeAmounts(locale, chart.measure.currency) : null;
  const valueText = amountText ?? countFormat(locale);
  const endText = amountText ?? peopleFormat(locale);
  const xText = xLabelOf(chart, locale);
  const frame = frameFor(size);
  const { width, height, top, bottom } = frame;
  // The y labels stand right-aligned 8 px left of the plot, clear of the axis title (x 12 to
  // 24): a wider label (nl-NL `100 mln.`) moves the plot's left edge right.
  const widestY = scale.ticks.reduce((most, tick) => Math.max(most, tick.label.length), 0);
  const left = Math.max(frame.left, Math.ceil(28 + widestY * labelCharWidth + 8));
  // Each line's last value is written 8 px right of its end, in bold: a long one (11,111,111,111)
  // moves the plot's right edge left so that it stays in the picture.
  const widestEnd = chart.series.reduce((most, s) => {
    const last = s.values.findLast((v) => v !== null);
    return last === undefined || last === null ? most : Math.max(most, endText(last).length);
  }, 0);
  const right = Math.min(frame.right, Math.floor(width - 6 - 8 - widestEnd * boldCharWidth));
  const periods = Math.max(extent(chart.series.map((s) => s.values.length))[1], chart.band?.low.length ?? 0, 1);
  const x = (t: number) => round(periods <= 1 ? (left + right) / 2 : left + (t / (periods - 1)) * (right - left));
  const y = (v: Count) => round(bottom - scale.position(v) * (bottom - top));
  const yAt = (units: number) => round(bottom - ((units - scale.low) / (scale.high - scale.low)) * (bottom - top));
  const out: string[] = pictureHead(width, height, chart.title, chart.subtitle, 120);
  // Grid and y ticks.
  out.push('<g class="y-axis" stroke="#dddddd">');
  for (const tick of scale.ticks) out.push(`<line x1="${left}" x2="${right}" y1="${yAt(tick.at)}" y2="${yAt(tick.at)}"/>`);
  out.push('</g>');
  out.push(...axes(scale.ticks.map((tick) => ({ y: yAt(tick.at), label: tick.label })), { left, right, top, bottom }, xAxisTicks(chart, right - left, periods, locale, words.lang), x, chart.xLabel));
  out.push(`<text transform="translate(18 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(yAxisLabel(chart, scale.kind, words))}</text>`);
  if (scale.zeros) out.push(`<text class="note" x="${right}" y="${bottom + 42}" text-anchor="end" font-size="11" fill="#555555">${escape(words.chart.zeros)}</text>`);
  const legend = [...chart.series.map((s, i) => ({ name: s.name, colour: colours[i % colours.length]!, dash: s.role === 'mean' ? dashes[1]! : s.role === 'median' || s.role === 'total' ? '' : dashes[i % dashes.length]!, band: false })),
    ...(chart.band ? [{ name: chart.band.name, colour: colours[0]!, dash: '', band: true }] : []),
    ...chart.series.flatMap((s, i) => (s.band ? [{ name: s.band.name, colour: colours[i % colours.length]!, dash: '', band: true }] : [])),
  ];
  // The legend's box (top left, a row of 18 px an entry), which the lines' labels keep clear of.
  const legendBox: Box | null = legend.length > 1 ? { x1: left + 12, x2: left + 40 + Math.max(...legend.map((item) => item.name.length)) * labelCharWidth, y1: top, y2: top + 14 + (legend.length - 1) * 18 } : null;
  const labelBoxes: Box[] = legendBox ? [legendBox] : [];
  // The target and the market: labelled dashed lines across the plot, each label above its
  // line at the left, or below it where the legend is.
  for (const [kind, value] of [['target', chart.target], ['market', chart.market]] as const) {
    if (typeof value !== 'number' || !(value > 0)) continue;
    const ly = y(value);
    const text = `${words.chart[kind]} ${valueText(value)}`;
    const box = (ty: number): Box => ({ x1: left + 6, x2: left + 6 + text.length * smallCharWidth, y1: ty - 11, y2: ty + 3 });
    const ty = legendBox && boxesOverlap(box(ly - 5), legendBox) ? ly + 14 : ly - 5;
    labelBoxes.push(box(ty));
    out.push(`<g class="${kind}"><line x1="${left}" x2="${right}" y1="${ly}" y2="${ly}" stroke="#444444" stroke-width="1.2" stroke-dasharray="6 4"/><text x="${left + 6}" y="${round(ty)}" fill="#444444" font-size="11">${escape(text)}</text></g>`);
  }
  out.push(
    `<g class="plot" data-scale="${scale.kind}" data-low="${scale.low}" data-high="${scale.high}" data-left="${left}" data-right="${right}" data-top="${top}" data-bottom="${bottom}" data-periods="${periods}">`,
  );
  if (chart.band) {
    const { low, high } = chart.band;
    const upper = high.map((v, t) => `${x(t)},${y(v)}`);
    const lower = low.map((v, t) => `${x(t)},${y(v)}`).reverse();
    out.push(`<polygon class="band" fill="${colours[0]}" fill-opacity="0.16" stroke="${colours[0]}" stroke-opacity="0.5" stroke-width="0.8" stroke-dasharray="2 2" points="${[...upper, ...lower].join(' ')}"><title>${escape(chart.band.name)}</title></polygon>`);
  }
  // Each line's own band (sampled scenarios side by side), in its colour, over the stretch where it has values.
  chart.series.forEach((series, i) => {
    if (!series.band) return;
    const colour = colours[i % colours.length]!;
    const { low, high } = series.band;
    const at = low.flatMap((v, t) => (v === null || high[t] === null || high[t] === undefined ? [] : [t]));
    if (at.length === 0) return;
    const upper = at.map((t) => `${x(t)},${y(high[t]!)}`);
    const lower = at.map((t) => `${x(t)},${y(low[t]!)}`).reverse();
    out.push(`<polygon class="band" data-name="${escape(series.name)}" fill="${colour}" fill-opacity="0.12" stroke="${colour}" stroke-opacity="0.5" stroke-width="0.8" stroke-dasharray="2 2" points="${[...upper, ...lower].join(' ')}"><title>${escape(series.band.name)}</title></polygon>`);
  });
  const ends: { x: number; y: number; text: string; colour: string; name: string }[] = [];
  chart.series.forEach((series, i) => {
    const colour = colours[i % colours.length]!;
    const dash = series.role === 'mean' ? dashes[1]! : series.role === 'median' || series.role === 'total' ? '' : dashes[i % dashes.length]!;
    const points = series.values.flatMap((v, t) => (v === null ? [] : [{ t, v }]));
    // A line on the bottom axis (a median of 0) stays visible: drawn over the axis, thicker.
    const width = points.every((p) => y(p.v) >= bottom - 0.5) ? 4 : 2.5;
    out.push(`<polyline class="series" data-name="${escape(series.name)}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${points.map((p) => `${x(p.t)},${y(p.v)}`).join(' ')}"/>`);
    if (points.length <= 60) {
      for (const p of points) out.push(`<circle cx="${x(p.t)}" cy="${y(p.v)}" r="3" fill="${colour}"><title>${escape(`${series.name}, ${chart.xLabel} ${xText(p.t)}: ${valueText(p.v)}`)}</title></circle>`);
    }
    const last = points.at(-1);
    if (last) ends.push({ x: x(last.t), y: y(last.v), text: endText(last.v), colour, name: series.name });
    // Where the first line reaches the target (with marks of sampled dates, the p50 mark says it: the circle alone).
    if (i === 0 && typeof chart.target === 'number' && chart.target > 0) {
      const hit = points.find((p) => Number(p.v) >= chart.target!);
      if (hit && chart.marks?.length) out.push(`<g class="reached"><circle cx="${x(hit.t)}" cy="${y(hit.v)}" r="6" fill="none" stroke="#000000" stroke-width="1.5"/></g>`);
      else if (hit) {
        const text = words.chart.reached(numbersFor(locale), { x: xText(hit.t), xLabel: chart.xLabel });
        // Above the mark, unless it would run into the target's own label at the left of its
        // line (a target reached early, the mark near the line): then below, to its right.
        const targetLabelEnd = left + 6 + (words.chart.target.length + 1 + valueText(chart.target).length) * smallCharWidth;
        const nearLine = Math.abs(y(hit.v) - y(chart.target)) < 24;
        const above = !nearLine || x(hit.t) - (text.length * smallCharWidth) / 2 > targetLabelEnd + 8;
        const at = above ? `x="${x(hit.t)}" y="${round(y(hit.v) - 10)}" text-anchor="middle"` : `x="${round(x(hit.t) + 10)}" y="${round(y(hit.v) + 18)}" text-anchor="start"`;
        out.push(`<g class="reached"><circle cx="${x(hit.t)}" cy="${y(hit.v)}" r="6" fill="none" stroke="#000000" stroke-width="1.5"/><text ${at} font-size="11">${escape(text)}</text></g>`);
      }
    }
  });
  out.push('</g>');
  if (chart.marks?.length && typeof chart.target === 'number' && chart.target > 0) out.push(...targetMarks(chart, x, y, y(chart.target), top, bottom, left, right, locale, words, labelBoxes));
  // End labels, nudged apart where two would overlap.
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) if (ends[i]!.x === ends[i - 1]!.x && ends[i]!.y - ends[i - 1]!.y < 14) ends[i]!.y = ends[i - 1]!.y + 14;
  out.push('<g class="end-labels" font-weight="bold">');
  // Beside each line's last point (lines that end early too), in the line's colour.
  for (const end of ends) out.push(`<text x="${round(end.x + 8)}" y="${round(end.y + 4)}" fill="${end.colour}" data-name="${escape(end.name)}">${escape(end.text)}</text>`);
  out.push('</g>');
  if (legend.length > 1) {
    out.push('<g class="legend">');
    legend.forEach((item, i) => {
      const ly = top + 8 + i * 18;
      out.push(
        item.band
          ? `<rect x="${left + 12}" y="${ly - 6}" width="22" height="10" fill="${item.colour}" fill-opacity="0.16" stroke="${item.colour}" stroke-opacity="0.5" stroke-dasharray="2 2"/>`
          : `<line x1="${left + 12}" x2="${left + 34}" y1="${ly}" y2="${ly}" stroke="${item.colour}" stroke-width="2.5"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>`,
      );
      out.push(`<text x="${left + 40}" y="${ly + 4}">${escape(item.name)}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/**
 * The x labels of a plot `width` pixels wide: every period when each one's label fits;
 * else, on a date axis (the chart's `xDates`), calendar boundaries chosen by span (see
 * {@link dateTicks}); otherwise whole periods at an even step, at most eleven, no more than their labels leave room for (dates, 10
 * characters, fit about seven across). Numbers follow `locale`; month names the language, `lang`.
 */
export function xAxisTicks(chart: Pick<ChartData, 'xDates' | 'xValues'>, width: number, periods: number, locale = 'en-US', lang = 'en'): AxisTick[] {
  const step = periods <= 1 ? width : width / (periods - 1);
  const room = (label: string) => label.length * labelCharWidth;
  const fits = (ticks: readonly AxisTick[]) =>
    ticks.length <= 11 && ticks.every((tick, i) => i === 0 || (tick.at - ticks[i - 1]!.at) * step >= (room(tick.label) + room(ticks[i - 1]!.label)) / 2 + labelGap);
  const xText = xLabelOf(chart, locale);
  const even = xTicks(periods - 1, xTickRoom(width, periods, xText)).map((t) => ({ at: t, label: xText(t) }));
  // Few enough periods to label each (cycle dates, a few quarters): their own dates say most.
  if (even.length === periods || !chart.xDates || chart.xDates.length !== periods) return even;
  return dateTicks(chart.xDates, fits, lang) ?? even;
}

/**
 * A plot's axes: the y labels at their heights, the x labels (see {@link xAxisTicks}), the
 * two axis lines and the x axis's title.
 */
export function axes(yLabels: readonly { y: number; label: string }[], box: { left: number; right: number; top: number; bottom: number }, xLabels: readonly AxisTick[], x: (t: number) => number, xLabel: string): string[] {
  const { left, right, top, bottom } = box;
  return [
    '<g class="y-labels" text-anchor="end" fill="#333333">',
    ...yLabels.map((tick) => `<text x="${left - 8}" y="${round(tick.y + 4)}">${escape(tick.label)}</text>`),
    '</g>',
    '<g class="x-labels" text-anchor="middle" fill="#333333">',
    ...xLabels.map((tick) => `<text x="${round(x(tick.at))}" y="${bottom + 18}">${escape(tick.label)}</text>`),
    '</g>',
    `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#888888"/>`,
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#888888"/>`,
    `<text x="${(left + right) / 2}" y="${bottom + 42}" text-anchor="middle">${escape(xLabel)}</text>`,
  ];
}

/**
 * The y axis's name: the fans (`total fans (log scale)`), or the amount a money goal draws
 * with its currency (`cumulative net (EUR) (log scale)`).
 */
export function yAxisLabel(chart: ChartData, kind: 'log' | 'linear', words: Words): string {
  if (!chart.measure) return words.chart.yAxis(kind);
  return `${words.column(chart.measure.column)}${chart.measure.currency ? ` (${chart.measure.currency})` : ''} ${words.chart.scale(kind)}`;
}

/**
 * Amounts in a currency to the whole unit, for a money goal's target and end labels.
 * @example wholeAmounts('nl-NL', 'EUR')(1462464.4) // => '€ 1.462.464'
 */
function wholeAmounts(locale: string, currency: string): (value: Count) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  return (value) => format.format(Number(value));
}

/**
 * The marks of a sampled goal on its target line: a tick at each percentile's date, labelled
 * (`p50 2030-09-11`), and the deadline as a dashed line across the plot with the share of runs
 * there by then. Each label goes where it is nearest the line without touching the curve or a
 * label placed before it: above or below the line, to the right or the left of its tick
 * (inside the plot), moved out a row at a time until it is clear.
 */
function targetMarks(chart: ChartData, x: (t: number) => number, y: (v: Count) => number, lineY: number, top: number, bottom: number, left: number, right: number, locale: string, words: Words, taken: readonly Box[] = []): string[] {
  const out = ['<g class="marks" font-size="11">'];
  const curve = (chart.series[0]?.values ?? []).flatMap((v, t) => (v === null ? [] : [[x(t), y(v)] as const]));
  // Boxes taken: each label's, and the curve's points as small boxes; and no segment of the curve may cross a label.
  const boxes: Box[] = [...taken, ...curve.map(([cx, cy]) => ({ x1: cx - 2, x2: cx + 2, y1: cy - 2, y2: cy + 2 }))];
  const clear = (b: Box) => b.y1 >= top && b.y2 <= bottom && !boxes.some((o) => boxesOverlap(o, b)) && !lineCrosses(curve, b);
  for (const mark of [...chart.marks!].sort((a, b) => a.at - b.at)) {
    const mx = x(mark.at);
    const text = mark.kind === 'percentile' ? words.chart.percentileMark(mark.q, mark.date) : words.chart.deadlineMark(numbersFor(locale), { date: mark.date, share: mark.share });
    const width = text.length * smallCharWidth;
    if (mark.kind === 'deadline') {
      const anchor = mx + 4 + width > right ? 'end' : 'start';
      out.push(`<g class="deadline"><line x1="${mx}" x2="${mx}" y1="${top}" y2="${bottom}" stroke="#444444" stroke-width="1" stroke-dasharray="2 3"/><text x="${round(anchor === 'end' ? mx - 4 : mx + 4)}" y="${top + 12}" text-anchor="${anchor}" fill="#444444">${escapeMarkup(text)}</text></g>`);
      boxes.push({ x1: anchor === 'end' ? mx - 4 - width : mx + 4, x2: anchor === 'end' ? mx - 4 : mx + 4 + width, y1: top, y2: top + 14 });
      continue;
    }
    let best: { ty: number; anchor: 'start' | 'end'; box: Box; distance: number } | null = null;
    for (const below of [true, false]) {
      for (const anchor of ['start', 'end'] as const) {
        const x1 = anchor === 'start' ? mx : mx - width;
        if (x1 < left || x1 + width > right) continue;
        // The baseline 16 px below the line (or 8 above), then a row at a time outwards.
        for (let row = 0; row < 12; row++) {
          const ty = below ? lineY + 16 + row * 14 : lineY - 8 - row * 14;
          const box = { x1, x2: x1 + width, y1: ty - 11, y2: ty + 3 };
          if (!clear(box)) continue;
          const distance = Math.abs(ty - lineY);
          if (best === null || distance < best.distance) best = { ty, anchor, box, distance };
          break;
        }
      }
    }
    // No room anywhere: the tick alone (its date is in the table and the summary).
    const label = best ? `<text x="${round(mx)}" y="${round(best.ty)}" text-anchor="${best.anchor}">${escapeMarkup(text)}</text>` : '';
    if (best) boxes.push(best.box);
    out.push(`<g class="mark" data-q="${mark.q}"><line x1="${mx}" x2="${mx}" y1="${round(lineY - 5)}" y2="${round(lineY + 5)}" stroke="#000000" stroke-width="1.5"/>${label}</g>`);
  }
  out.push('</g>');
  return out;
}

/**
 * The start of a picture: the SVG element (drawn `width` by `height`), its title for screen
 * readers and tabs, a white background, the title in one or two lines (see {@link titleLines})
 * and, when there is one, the subtitle under it in one line cut at `clipAt` characters.
 */
export function pictureHead(width: number, height: number, title: string, subtitle: string | undefined, clipAt: number): string[] {
  const out = svgOpen(width, height, title);
  const lines = titleLines(title);
  lines.forEach((line, i) => out.push(`<text class="title" x="${width / 2}" y="${lines.length > 1 ? 22 + i * 19 : 30}" text-anchor="middle" font-size="${lines.length > 1 ? 15 : 18}" font-weight="bold">${escape(line)}</text>`));
  if (subtitle) out.push(`<text class="subtitle" x="${width / 2}" y="${lines.length > 1 ? 62 : 50}" text-anchor="middle" font-size="11" fill="#555555">${escape(clip(subtitle, clipAt))}</text>`);
  return out;
}

/** An SVG document's opening: the element, its title, a white background. */
export function svgOpen(width: number, height: number, title: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escape(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
}

/** A text cut to `max` characters with an ellipsis. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A title in one line, or two split at the space nearest the middle when it would not fit
 * the width: after a comma when one is near the middle (a quarter of the title either
 * way) and neither line passes 80 characters (what fits at 15 px in 800), and in a command (`fans simulate --fanout 10 ...`) before a flag, so a flag and its
 * value stay together.
 *
 * @example titleLines('1 fan, 1.5 introductions each every month (give or take 10 days), 2027-01-01 to 2028-12-31') // => ['1 fan, 1.5 introductions each every month (give or take 10 days),', '2027-01-01 to 2028-12-31']
 */
export function titleLines(title: string): string[] {
  if (title.length <= 64) return [title];
  if (title.length > 180) title = `${title.slice(0, 179)}…`;
  const middle = title.length / 2;
  const nearest = (fits: (space: number) => boolean) => {
    let cut = -1;
    for (let i = title.indexOf(' '); i >= 0; i = title.indexOf(' ', i + 1)) if (fits(i) && (cut < 0 || Math.abs(i - middle) < Math.abs(cut - middle))) cut = i;
    return cut;
  };
  const beforeFlag = title.startsWith('fans ') ? nearest((i) => title.startsWith('--', i + 1)) : -1;
  // After a comma, unless that leaves a line past what a title line holds (about 80 characters at 15 px in 800).
  const afterComma = nearest((i) => title[i - 1] === ',' && Math.abs(i - middle) <= title.length / 4 && Math.max(i, title.length - i - 1) <= 80);
  const cut = beforeFlag >= 0 ? beforeFlag : afterComma >= 0 ? afterComma : nearest(() => true);
  return cut < 0 ? [title] : [title.slice(0, cut), title.slice(cut + 1)];
}
