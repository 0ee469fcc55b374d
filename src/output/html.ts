import { cellFormatter } from './cells.js';
import { escapeMarkup } from './markup.js';
import { longestWord } from './wrap.js';
import { type Amount, amountFormat, isAmount } from './amount.js';
import { parameterList, parameterText } from './parameters.js';
import { type Report, type Style, type TableData, headingOf } from './report.js';
import type { ChartData } from './scale.js';
import type { Json } from './json.js';

const css = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.45; }
main { max-width: 960px; margin: 0 auto; padding: 24px 16px 40px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
.command { color: #555555; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85rem; margin: 0 0 16px; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 28px 0 8px; border-bottom: 1px solid #dddddd; padding-bottom: 4px; }
.summary p { margin: 0 0 6px; }
.answers { margin: 8px 0 18px; padding: 8px 14px; border-left: 4px solid #0072B2; background: #f3f8fc; }
.answers p { margin: 4px 0; font-size: 1.05rem; }
figure { margin: 16px 0; }
figure svg { width: 100%; height: auto; display: block; }
figure svg .title, figure svg .subtitle { display: none; } /* the page's heading says it already */
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9rem; }
th, td { padding: 4px 10px; text-align: right; border-bottom: 1px solid #eeeeee; white-space: nowrap; }
th { border-bottom: 2px solid #888888; white-space: normal; vertical-align: bottom; }
/* A wide table (many columns: sampled money by month) gets the page's width, smaller type and
   headings broken at spaces, so it shows whole at 1280 pixels; on paper it is split (below). */
main:has(.wide) { max-width: none; padding-left: 8px; padding-right: 8px; }
.wide table { font-size: 0.7rem; }
.wide th, .wide td { padding: 3px 3px; }
.print-only { display: none; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dt { color: #555555; }
dd { margin: 0; }
footer { margin-top: 32px; color: #666666; font-size: 0.8rem; }
@media (max-width: 600px) { main { padding: 12px 10px 28px; } h1 { font-size: 1.3rem; } table { font-size: 0.8rem; } }
@media print {
  @page { margin: 14mm; }
  main { max-width: none; padding: 0; }
  figure, table, tr, dl { break-inside: avoid; }
  h2 { break-after: avoid; }
  .scroll { overflow: visible; }
  .screen-only { display: none; }
  .print-only { display: block; }
  .print-only table { font-size: 8pt; margin: 0 0 12px; }
  .print-only th, .print-only td { padding: 2px 5px; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * One self-contained page for the people who decide: the plain-language title with the
 * command under it, the summary, the chart (inline SVG), the table, the parameters, the
 * method in two sentences and, for sampled runs, the seed. Inline CSS, no scripts, no
 * request to anywhere: it opens offline, prints on A4 or Letter and reads on a phone.
 */
export function renderHtml(report: Report, style: Style, svg: string | null, chart: Pick<ChartData, 'title' | 'subtitle'> | null): string {
  const { words } = style;
  const json = report.json;
  const command = typeof json.command === 'string' ? json.command : 'fans';
  // A goal runs the tree or the compound model: its Method explains the one that ran (a goal
  // by date names none, and has a rate only on the compound model).
  const goalParameters = (json.parameters ?? {}) as { readonly rate?: Json };
  const modelCommand = command !== 'goal' ? command : json.model === 'compound' || (json.model === undefined && typeof goalParameters.rate === 'number') ? 'compound' : 'simulate';
  const title = chart?.title ?? words.html.title(command);
  // Dated records: a fit that read join dates, or a forecast that starts from a file's customers.
  const dated = json.dated ? 'fit' : (json.fit as { dated?: unknown } | undefined)?.dated ? 'forecast' : null;
  const table = (data: TableData) => {
    const cell = cellFormatter(data, style.locale, words);
    const headings = data.columns.map((c) => headingOf(data, words, c));
    const texts = data.rows.map((row) => data.columns.map((c) => cell(row, c)));
    const markup = (columns: readonly number[], className: string) => {
      const head = columns.map((i) => `<th scope="col">${escapeMarkup(headings[i]!)}</th>`).join('');
      const body = texts.map((row) => `<tr>${columns.map((i) => `<td>${escapeMarkup(row[i]!)}</td>`).join('')}</tr>`).join('\n');
      return `<div class="${className}"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
    };
    const all = data.columns.map((_, i) => i);
    if (data.columns.length <= wideColumns) return markup(all, 'scroll');
    // On paper, the columns in parts that fit A4 portrait, each with the first column (the period) again.
    const parts = columnParts(headings, texts);
    return `${markup(all, 'scroll wide screen-only')}\n<div class="print-only">\n${parts.map((part) => markup(part, 'part')).join('\n')}\n</div>`;
  };
  // Every parameter and assumption (a goal's target and deadline too), named and written as the report's reader writes them.
  const named = (json.money as { currency?: unknown } | undefined)?.currency ?? (json.parameters as { currency?: unknown } | undefined)?.currency;
  const currency = typeof named === 'string' ? named : null;
  const parameters = parameterList(json)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `<dt>${escapeMarkup(words.parameter(k))}</dt><dd>${escapeMarkup(parameterText(k, v, style, currency))}</dd>`)
    .join('');
  const seed = (json.parameters as { seed?: unknown } | undefined)?.seed;
  const sampled = typeof seed === 'number';
  // A calendar run's JSON says its delay: how its figures were put on dates.
  const calendar = json.calendar as { delay?: { sdDays?: number } } | undefined;
  return `<!doctype html>
<html lang="${escapeMarkup(words.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeMarkup(title)}</title>
<style>${css}</style>
</head>
<body>
<main>
<h1>${escapeMarkup(title)}</h1>
${chart?.subtitle ? `<p class="command">${escapeMarkup(chart.subtitle)}</p>` : ''}
${answers(json, style, currency)}
<section class="summary">
${report.summary(style).map((line) => `<p>${escapeMarkup(line)}</p>`).join('\n')}
</section>
${svg ? `<figure>\n${svg.replace(/^<\?xml[^>]*>\s*/, '')}</figure>` : ''}
<h2>${escapeMarkup(words.html.table)}</h2>
${[report, ...(report.after ?? []).filter((extra) => !extra.filesOnly)].map(table).join('\n')}
${parameters ? `<h2>${escapeMarkup(words.html.parameters)}</h2>\n<dl>${parameters}</dl>` : ''}
<h2>${escapeMarkup(words.html.method)}</h2>
<p>${escapeMarkup(words.html.how(modelCommand, sampled))}</p>
${calendar ? `<p>${escapeMarkup(words.html.calendar(calendar.delay?.sdDays !== undefined && calendar.delay.sdDays > 0))}</p>` : ''}${dated ? `\n<p>${escapeMarkup(words.html.dated(dated))}</p>` : ''}
<footer>${escapeMarkup(words.html.footer(sampled ? seed : null))}</footer>
</main>
</body>
</html>
`;
}

/** Tables with more columns than this are wide: smaller on screen, split on paper. */
const wideColumns = 8;

/**
 * The columns of a wide table in parts that each fit A4 portrait's 718 pixels at 8 points
 * (about 6 pixels a character, 10 of padding; a heading breaks at spaces, so its longest
 * word counts), every part starting with the first column, which names the row.
 *
 * @example columnParts(['period', 'a', 'b'], [['2027-01', '1', '2']]) // => [[0, 1, 2]]
 */
export function columnParts(headings: readonly string[], rows: readonly (readonly string[])[], room = 700): number[][] {
  const widthOf = (i: number) => Math.max(longestWord(headings[i]!), ...rows.map((row) => row[i]!.length)) * 6 + 10;
  const first = widthOf(0);
  const parts: number[][] = [];
  let part = [0];
  let used = first;
  for (let i = 1; i < headings.length; i++) {
    const width = widthOf(i);
    if (part.length > 1 && used + width > room) {
      parts.push(part);
      part = [0];
      used = first;
    }
    part.push(i);
    used += width;
  }
  parts.push(part);
  return parts;
}

/**
 * A goal by date's three answers, first on the page (see the catalogue's `html.answers`): from
 * the run's JSON, the expected date, the band of the sampled dates, the share by the deadline
 * and the cumulative net by the expected date. Empty for any other run.
 */
function answers(json: Report['json'], style: Style, currency: string | null): string {
  const date = ('expectedDate' in json ? json.expectedDate : json.byDate) as string | null | undefined;
  if (json.command !== 'goal' || date === undefined) return '';
  // A count of fans, or a money goal's amount ({ net } or { revenue }), written in the currency.
  const amounts = json.target as { net?: unknown; revenue?: unknown } | number | null;
  const kind: 'net' | 'revenue' | null = amounts !== null && typeof amounts === 'object' ? (isAmount(amounts.net) ? 'net' : isAmount(amounts.revenue) ? 'revenue' : null) : null;
  const target = typeof amounts === 'number' ? amounts : kind !== null ? { kind, amount: amountFormat(style.locale, currency)((amounts as Record<string, Amount>)[kind]!) } : null;
  if (target === null) return '';
  const until = ((json.parameters ?? {}) as { until?: string }).until ?? '';
  const dates = json.dates as Record<string, string | null> | undefined;
  const keys = dates ? Object.keys(dates) : [];
  const q = (key: string) => Number(key.slice(1));
  // No band when no percentile comes before the horizon (the 'when' already says it is not reached).
  const band = dates && keys.length >= 2 && dates[keys[0]!] !== null ? { low: dates[keys[0]!]!, high: dates[keys.at(-1)!] ?? null, share: (q(keys.at(-1)!) - q(keys[0]!)) / 100 } : null;
  const deadline = json.deadline as { date: string; share: number } | undefined;
  const money = json.money as { date?: string; cumulativeNet?: unknown } | undefined;
  const net = money?.cumulativeNet;
  const worth = isAmount(net) ? amountFormat(style.locale, currency)(net) : null;
  const said = style.words.html.answers(style.numbers, { target, date, until, band, deadline: deadline ?? null, worth, worthDate: money?.date ?? null });
  return `<section class="answers">\n${[said.when, said.sure, said.worth].filter((line): line is string => line !== null).map((line) => `<p>${escapeMarkup(line)}</p>`).join('\n')}\n</section>`;
}

