import type { FitChart } from './report.js';
import { linearTicks } from './scale.js';
import { axes, colours, dashes, frameFor, pictureHead } from './svg.js';
import { escapeMarkup } from './markup.js';
import { numbersFor } from './words/numbers.js';
import type { Words } from './words/index.js';

const escape = escapeMarkup;
const round = (x: number) => Math.round(x * 100) / 100;

/** Legend rows: 11 px text, two entries a row. */
const legendRow = 16;

/**
 * The title and the line under it of a fit's picture: --title, else `Referrals per fan in
 * referrals.csv: observed and fitted`; --subtitle, else the preferred model's K and k with
 * their 95% profile intervals (the legend names the model and its weight).
 */
export function fitHeading(chart: FitChart, words: Words, locale: string, heading?: { title?: string | undefined; subtitle?: string | undefined }): { title: string; subtitle: string } {
  return {
    title: heading?.title ?? words.fit.chartTitle({ file: chart.file, sizes: chart.sizes }),
    subtitle: heading?.subtitle ?? words.fit.estimate(numbersFor(locale), { ...chart.estimate, interval: 'profile' }),
  };
}

/**
 * A fit as a picture: the observed counts of each value (0 to 9, then 10+; chain sizes from
 * 1) as grey bars, and every candidate's expected counts in the same bins as a line with a
 * point at each bin, the preferred model solid and first, the others dashed, each named in
 * the legend under the plot with its Akaike weight. The y axis is linear from 0. Bars and
 * points carry their values as data- attributes and titles.
 *
 * @example renderFitSvg(fitChart, en, 'en-US') // => '<svg …><title>Referrals per fan in referrals.csv: observed and fitted</title>…'
 */
export function renderFitSvg(chart: FitChart, words: Words, locale = 'en-US', size?: { width: number; height: number }, heading?: { title?: string | undefined; subtitle?: string | undefined }): string {
  const n = numbersFor(locale);
  const { title, subtitle } = fitHeading(chart, words, locale, heading);
  const frame = frameFor(size);
  const { width, height, top } = frame;
  const entries = [{ name: words.column('observed'), bar: true, colour: '#9a9a9a', dash: '' }, ...chart.curves.map((c, i) => ({ name: words.fit.legend(n, { model: c.model, weight: c.weight }), bar: false, colour: colours[(i + 1) % colours.length]!, dash: i === 0 ? '' : dashes[(i + 1) % dashes.length]! }))];
  const legendHeight = Math.ceil(entries.length / 2) * legendRow;
  // The legend goes under the x axis's title; the plot gives up that much height.
  const bottom = frame.bottom - legendHeight;
  const high = Math.max(1, ...chart.observed, ...chart.curves.flatMap((c) => c.expected.filter(Number.isFinite)));
  const ticks = linearTicks(0, high, locale);
  const top_ = ticks.at(-1)!.at;
  const widestY = ticks.reduce((most, tick) => Math.max(most, tick.label.length), 0);
  const left = Math.max(frame.left, Math.ceil(28 + widestY * 7 + 8));
  const right = width - 30;
  const band = (right - left) / chart.bins.length;
  const x = (i: number) => round(left + (i + 0.5) * band);
  const y = (v: number) => round(bottom - (v / top_) * (bottom - top));
  // The subtitle in one line at 11 px (about 6 px a character): cut with an ellipsis where it would leave the picture.
  const out = pictureHead(width, height, title, subtitle, Math.floor((width - 20) / 6));
  out.push('<g class="y-axis" stroke="#dddddd">');
  for (const tick of ticks) out.push(`<line x1="${left}" x2="${right}" y1="${y(tick.at)}" y2="${y(tick.at)}"/>`);
  out.push('</g>');
  out.push(...axes(ticks.map((tick) => ({ y: y(tick.at), label: tick.label })), { left, right, top, bottom }, chart.bins.map((label, i) => ({ at: i, label })), x, words.column(chart.sizes ? 'size' : 'referrals')));
  out.push(`<text transform="translate(18 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(words.fit.chartAxis(chart.sizes))}</text>`);
  out.push(`<g class="plot" data-left="${left}" data-right="${right}" data-top="${top}" data-bottom="${bottom}" data-high="${top_}" data-bins="${chart.bins.length}">`);
  const observed = words.column('observed');
  chart.observed.forEach((count, i) => {
    const barWidth = round(band * 0.7);
    out.push(`<rect class="bar" x="${round(x(i) - barWidth / 2)}" y="${y(count)}" width="${barWidth}" height="${round(bottom - y(count))}" fill="#9a9a9a" fill-opacity="0.55" data-bin="${escape(chart.bins[i]!)}" data-value="${count}"><title>${escape(`${observed}, ${chart.bins[i]}: ${n.count(count)}`)}</title></rect>`);
  });
  // The preferred model last, so its line is on top.
  [...chart.curves.keys()].reverse().forEach((i) => {
    const curve = chart.curves[i]!;
    const entry = entries[i + 1]!;
    const points = curve.expected.map((v, b) => ({ b, v: Number.isFinite(v) ? v : 0 }));
    out.push(`<polyline class="series" data-name="${curve.model}" fill="none" stroke="${entry.colour}" stroke-width="${i === 0 ? 2.5 : 1.6}" stroke-linejoin="round"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''} points="${points.map((p) => `${x(p.b)},${y(p.v)}`).join(' ')}"/>`);
    for (const p of points) out.push(`<circle cx="${x(p.b)}" cy="${y(p.v)}" r="${i === 0 ? 3.5 : 2.5}" fill="${entry.colour}" data-value="${p.v}"><title>${escape(`${words.fit.model(curve.model)}, ${chart.bins[p.b]}: ${n.real(Number(p.v.toPrecision(3)))}`)}</title></circle>`);
  });
  out.push('</g>');
  // The legend: two entries a row, under the x axis's title.
  out.push('<g class="legend" font-size="11">');
  entries.forEach((entry, i) => {
    const lx = 40 + (i % 2) * ((width - 40) / 2);
    const ly = frame.bottom - legendHeight + 58 + Math.floor(i / 2) * legendRow;
    out.push(
      entry.bar
        ? `<rect x="${lx}" y="${ly - 8}" width="22" height="10" fill="${entry.colour}" fill-opacity="0.55"/>`
        : `<line x1="${lx}" x2="${lx + 22}" y1="${ly - 3}" y2="${ly - 3}" stroke="${entry.colour}" stroke-width="2.5"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}/>`,
    );
    out.push(`<text x="${lx + 28}" y="${ly}">${escape(entry.name)}</text>`);
  });
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n') + '\n';
}
