import { type Cell, type CsvDialect, toCsv, toTsv } from './delimited.js';
import { toJson } from './json.js';
import type { ChartData } from './scale.js';
import type { Words } from './words/index.js';
import { numbersFor } from './words/numbers.js';
import { type ChartOptions, type Format, type Report, type Style, Unrenderable } from './report.js';

export * from './report.js';

/** Columns and rows for CSV and TSV: the report's, with its constants as last columns. */
function delimited(report: Report): [readonly string[], readonly Record<string, Cell>[]] {
  const constants = report.constants;
  if (!constants) return [report.columns, report.rows];
  return [[...report.columns, ...Object.keys(constants)], report.rows.map((row) => ({ ...row, ...constants }))];
}

/**
 * CSV or TSV of every table of a report: the report's first, then each further one (a fit's
 * observed and expected counts, its figures) as a section of its own after an empty line,
 * starting with its own header row. A reader wanting one table splits at the empty lines.
 */
function sections(report: Report, write: (columns: readonly string[], rows: readonly Record<string, Cell>[]) => string, blank: string, bom = ''): string {
  const parts = [write(...delimited(report)), ...(report.after ?? []).map((table) => write(table.columns, table.rows))];
  return parts.map((part, i) => (i === 0 ? part : part.slice(bom.length))).join(blank);
}

/** A fit's picture of observed and expected counts, as SVG (fit-svg.ts, loaded only for it). */
async function fitPicture(report: Report, charts: ChartOptions | undefined, locale: string, words: Words | undefined, size?: { width: number; height: number }): Promise<string> {
  const { renderFitSvg } = await import('./fit-svg.js');
  return renderFitSvg(report.fitChart!, words ?? (await import('./words/en.js')).en, locale, size, charts?.heading);
}

/**
 * An SVG shown at `size` pixels: its drawing (800 units wide, `size`'s shape) keeps its view
 * box, and the document's own width and height become the size asked.
 *
 * @example sized('<svg xmlns="…" width="800" height="600" viewBox="0 0 800 600">…', { width: 1024, height: 768 }) // => '<svg xmlns="…" width="1024" height="768" viewBox="0 0 800 600">…'
 */
function sized(svg: string, size: { width: number; height: number }): string {
  return svg.replace(/^(<svg [^>]*?)width="[\d.]+" height="[\d.]+"/, `$1width="${size.width}" height="${size.height}"`);
}

/** A picture of a report that has none: refused (main.ts answers an {@link Unrenderable} as a usage error). */
function drawn(chart: ChartData | null): ChartData {
  if (chart) return chart;
  throw new Unrenderable('this answer has no chart to draw: use --format table, json, csv, tsv, xlsx or html');
}

/** The report's chart with the chart flags applied, in the reader's words. */
function chartOf(report: Report, charts: ChartOptions | undefined, locale?: string): ChartData | null {
  if (!report.chart) return null;
  const chart = { ...report.chart, ...(charts?.heading ? { heading: charts.heading } : {}), ...(charts?.target != null ? { target: charts.target } : {}) };
  return charts?.words ? localizedChart(chart, charts.words, locale ?? charts.locale) : chart;
}

/**
 * A chart with its words in the reader's language: the title (--title, else the plain-language
 * caption, else the command), the subtitle (--subtitle, else the command under a caption),
 * period names, series roles, the band.
 */
export function localizedChart(chart: ChartData, words: Words, locale = 'en-US'): ChartData {
  const caption = chart.caption ? words.chart.caption(numbersFor(locale), chart.caption) : null;
  const title = chart.heading?.title ?? caption ?? chart.title;
  const subtitle = chart.heading?.subtitle ?? (title === chart.title ? undefined : chart.title);
  return {
    ...chart,
    title,
    ...(subtitle === undefined ? {} : { subtitle }),
    xLabel: words.column(chart.xLabel),
    series: chart.series.map((s) => (s.role ? { ...s, name: words.chart[s.role] } : chart.measure ? { ...s, name: words.column(s.name) } : s)),
    ...(chart.band?.quantiles ? { band: { ...chart.band, name: words.chart.band(...chart.band.quantiles) } } : {}),
  };
}

/** Whether the report's picture has a money panel: money by the chart's periods, or a chart that carries its own. */
const hasMoneyPanel = (report: Report) => report.columns.includes('cumulativeNet') || report.chart?.money !== undefined;

/**
 * The report's chart as SVG: with money, the chart and the money panel under it (money-svg.ts),
 * 800 wide and `size`'s shape (720 high by default: the chart 450, the panel 270).
 */
async function picture(report: Report, chart: ChartData, charts: ChartOptions | undefined, locale = 'en-US', words?: Words, size?: { width: number; height: number }): Promise<string> {
  const { renderSvg } = await import('./svg.js');
  const scale = charts?.scale ?? 'auto';
  const withMoney = hasMoneyPanel(report) ? await import('./money-svg.js') : null;
  const lang = words ?? (await import('./words/en.js')).en;
  // A chart that carries its money (a goal by date, whose rows are not the chart's dates), else the report's rows.
  const money = chart.money ?? withMoney?.moneyChartOf(report, lang) ?? null;
  if (!withMoney || !money) return renderSvg(chart, scale, locale, words, size);
  // Not rounded: resvg scales 800 wide to the width asked, and the height must come out as asked too.
  const height = size ? (800 * size.height) / size.width : 720;
  const growthHeight = Math.round(height * 0.625);
  const growth = renderSvg(chart, scale, locale, words, { width: 800, height: growthHeight });
  const plot = /data-left="([\d.]+)" data-right="([\d.]+)"[^>]*data-periods="(\d+)"/.exec(growth)!;
  const panel = withMoney.moneyPanel(chart, money, { left: Number(plot[1]), right: Number(plot[2]), periods: Number(plot[3]) }, height - growthHeight, locale, lang);
  return withMoney.stacked(growth, panel, growthHeight, height, chart.title);
}

/**
 * The report as text in the chosen format, ending with a newline. The table's style and
 * cli-table3 are loaded only for tables: machine formats start faster without them.
 */
export async function render(report: Report, format: Format, style: () => Promise<Style>, charts?: ChartOptions, csv?: CsvDialect): Promise<string | Uint8Array> {
  switch (format) {
    case 'svg': {
      const svg = report.fitChart ? await fitPicture(report, charts, charts?.locale ?? 'en-US', charts?.words, charts?.size) : await picture(report, drawn(chartOf(report, charts)), charts, charts?.locale, charts?.words, charts?.size);
      return charts?.size ? sized(svg, charts.size) : svg;
    }
    case 'png': {
      if (report.fitChart) {
        const size = charts?.size ?? { width: 1600, height: 900 };
        return (await import('./png.js')).renderPng(await fitPicture(report, charts, charts?.locale ?? 'en-US', charts?.words, size), size);
      }
      // With money the picture has a panel under the chart: taller by default, the chart keeping 16:9.
      const size = charts?.size ?? { width: 1600, height: hasMoneyPanel(report) ? 1440 : 900 };
      const svg = await picture(report, drawn(chartOf(report, charts)), charts, charts?.locale, charts?.words, size);
      return (await import('./png.js')).renderPng(svg, size);
    }
    case 'html': {
      const look = await style();
      if (report.fitChart) {
        const { fitHeading } = await import('./fit-svg.js');
        return (await import('./html.js')).renderHtml(report, look, await fitPicture(report, charts, look.locale, look.words), fitHeading(report.fitChart, look.words, look.locale, charts?.heading));
      }
      const chart = chartOf(report, charts, look.locale);
      const svg = chart ? await picture(report, chart, charts, look.locale, look.words) : null;
      return (await import('./html.js')).renderHtml(report, look, svg, chart);
    }
    case 'json':
      return toJson(report.json) + '\n';
    case 'csv':
      return sections(report, (columns, rows) => toCsv(columns, rows, csv), '\r\n', csv ? '\ufeff' : '');
    case 'tsv':
      return sections(report, toTsv, '\n');
    case 'xlsx': {
      const { renderXlsx } = await import('./xlsx.js');
      return renderXlsx(report, await style());
    }
    case 'table': {
      const { renderTable } = await import('./table.js');
      const look = await style();
      const table = renderTable(report, look);
      if (!charts?.chart || !report.chart) return table;
      const { renderTerminalChart } = await import('./chart.js');
      return `${table}\n${renderTerminalChart(chartOf(report, charts, look.locale)!, { width: charts.width, scale: charts.scale, paint: look.chalk, locale: look.locale, words: look.words })}`;
    }
  }
}
