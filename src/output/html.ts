import { cellFormatter } from './cells.js';
import { escapeMarkup } from './markup.js';
import type { Cell } from './delimited.js';
import { isAmount } from './amount.js';
import type { Report, Style, TableData } from './report.js';
import type { ChartData } from './scale.js';

const css = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.45; }
main { max-width: 960px; margin: 0 auto; padding: 24px 16px 40px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
.command { color: #555555; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85rem; margin: 0 0 16px; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 28px 0 8px; border-bottom: 1px solid #dddddd; padding-bottom: 4px; }
.summary p { margin: 0 0 6px; }
figure { margin: 16px 0; }
figure svg { width: 100%; height: auto; display: block; }
figure svg .title, figure svg .subtitle { display: none; } /* the page's heading says it already */
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9rem; }
th, td { padding: 4px 10px; text-align: right; border-bottom: 1px solid #eeeeee; white-space: nowrap; }
th { border-bottom: 2px solid #888888; }
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
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * One self-contained page for the people who decide: the plain-language title with the
 * command under it, the summary, the chart (inline SVG), the table, the parameters, the
 * method in two sentences and, for sampled runs, the seed. Inline CSS, no scripts, no
 * request to anywhere: it opens offline, prints on A4 or Letter and reads on a phone.
 */
export function renderHtml(report: Report, style: Style, svg: string | null, chart: ChartData | null): string {
  const { words } = style;
  const json = report.json as Record<string, unknown>;
  const command = typeof json.command === 'string' ? json.command : 'fans';
  // A goal runs the tree or the compound model: its Method explains the one that ran (a goal
  // by date names none, and has a rate only on the compound model).
  const goalParameters = (json.parameters ?? {}) as Record<string, unknown>;
  const modelCommand = command !== 'goal' ? command : json.model === 'compound' || (json.model === undefined && typeof goalParameters.rate === 'number') ? 'compound' : 'simulate';
  const title = chart?.title ?? words.html.title(command);
  const table = (data: TableData) => {
    const cell = cellFormatter(data, style.locale, words);
    const head = data.columns.map((c) => `<th scope="col">${escapeMarkup(words.column(c))}</th>`).join('');
    const body = data.rows.map((row) => `<tr>${data.columns.map((c) => `<td>${escapeMarkup(cell(row, c))}</td>`).join('')}</tr>`).join('\n');
    return `<div class="scroll"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
  };
  const parameters = Object.entries((json.parameters ?? {}) as Record<string, Cell>)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `<dt>${escapeMarkup(k)}</dt><dd>${escapeMarkup(Array.isArray(v) ? v.join(', ') : isAmount(v) ? v.decimal() : typeof v === 'object' ? JSON.stringify(v) : String(v))}</dd>`)
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
<section class="summary">
${report.summary(style).map((line) => `<p>${escapeMarkup(line)}</p>`).join('\n')}
</section>
${svg ? `<figure>\n${svg.replace(/^<\?xml[^>]*>\s*/, '')}</figure>` : ''}
<h2>${escapeMarkup(words.html.table)}</h2>
${[report, ...(report.after ?? [])].map(table).join('\n')}
${parameters ? `<h2>${escapeMarkup(words.html.parameters)}</h2>\n<dl>${parameters}</dl>` : ''}
<h2>${escapeMarkup(words.html.method)}</h2>
<p>${escapeMarkup(words.html.how(modelCommand, sampled))}</p>
${calendar ? `<p>${escapeMarkup(words.html.calendar(calendar.delay?.sdDays !== undefined && calendar.delay.sdDays > 0))}</p>` : ''}
<footer>${escapeMarkup(words.html.footer(sampled ? seed : null))}</footer>
</main>
</body>
</html>
`;
}
