import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUsageError, fans, root } from '../cli/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'fans-pictures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The texts of one group of an SVG (`end-labels`, `title`), in order. */
const texts = (svg: string, group: string) => [...(svg.split(`<g class="${group}"`)[1]?.split('</g>')[0] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('slide-ready SVG: what the picture says', () => {
  it('a plain-language title, the command small under it, and every line labelled with its last value (the table’s)', async () => {
    const svg = (await fans(['simulate', '--format', 'svg'])).stdout;
    expect(svg).toContain('<text class="title" x="400" y="30" text-anchor="middle" font-size="18" font-weight="bold">1 fan, 10 introductions each, 3 steps</text>');
    expect(svg).toContain('fans simulate --fanout 10 --depth 3</text>');
    expect(texts(svg, 'end-labels')).toEqual(['1,111']);
    const sampled = await fans(['compound', '--years', '8', '--rate', '0.6', '--trials', '500', '--seed', '2', '--format', 'svg']);
    const table = JSON.parse((await fans(['compound', '--years', '8', '--rate', '0.6', '--trials', '500', '--seed', '2', '--format', 'json'])).stdout);
    const last = table.rows.at(-1);
    // People are labelled whole from 10 on: the mean 44.37 is 44 on the picture (the table keeps it exact).
    const format = (v: number) => (v >= 10 ? Math.round(v).toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
    expect(last.mean % 1).not.toBe(0);
    expect(texts(sampled.stdout, 'end-labels').sort()).toEqual([format(last.p50), format(last.mean)].sort());
  });

  it('no default title or subtitle holds a path, even for a file deep in folders', async () => {
    const deep = join(dir, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    const file = join(deep, 'plans.json');
    writeFileSync(file, JSON.stringify({ scenarios: [{ name: 'x', command: 'simulate' }, { name: 'y', command: 'compound' }] }));
    const svg = (await fans(['compare', file, '--format', 'svg'])).stdout;
    expect(texts(svg, 'title').join('')).not.toMatch(/[\\/]/);
    expect(svg.match(/<title>([^<]*)<\/title>/)![1]).toBe('2 scenarios: x, y');
    expect(svg).toContain('fans compare plans.json</text>');
  });

  it('--title and --subtitle win; --target draws a line and marks where the total reaches it; the market is drawn', async () => {
    const svg = (await fans(['compound', '--years', '20', '--rate', '0.5', '--market', '5000', '--target', '1000', '--title', 'Q3 plan', '--subtitle', 'for the board', '--format', 'svg'])).stdout;
    expect(texts(svg, 'title')).toEqual([]);
    expect(svg).toContain('font-weight="bold">Q3 plan</text>');
    expect(svg).toContain('fill="#555555">for the board</text>');
    expect(svg).toMatch(/<g class="target"><line [^>]*\/><text [^>]*>target 1,000<\/text><\/g>/);
    expect(svg).toMatch(/<g class="market"><line [^>]*\/><text [^>]*>market 5,000<\/text><\/g>/);
    expect(svg).toMatch(/<g class="reached">.*reached at year 18<\/text><\/g>/);
    // A goal draws its own target.
    const goal = (await fans(['goal', '1000000', '--fanout', '10', '--format', 'svg'])).stdout;
    expect(goal).toMatch(/target 1,000,000/);
  });

  const titleOf = (svg: string) => [...svg.matchAll(/<text class="title"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  const subtitleOf = (svg: string) => svg.match(/<text class="subtitle"[^>]*>([^<]*)<\/text>/)?.[1];

  it('calendar runs and goals by date have plain-language titles in the reader\'s language, the command under them', async () => {
    const spread = ['--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01'];
    const run = (await fans(['simulate', ...spread, '--until', '2028-12-31', '--format', 'svg'])).stdout;
    expect(titleOf(run)).toEqual(['1 fan, each making 1.5 introductions every month (give or take 10 days),', '2027-01-01 to 2028-12-31']);
    expect(subtitleOf(run)).toBe('fans simulate --fanout 1.5 --cycle 1m --cycle-spread 10d --by month');
    const dutch = (await fans(['simulate', ...spread, '--until', '2028-12-31', '--format', 'svg', '--lang', 'nl', '--locale', 'nl-NL'])).stdout;
    expect(titleOf(dutch).join(' ')).toBe('1 fan, 1,5 introducties per fan elke maand (plus of min 10 dagen), 1 januari 2027 tot 31 december 2028');
    const sampled = (await fans(['compound', '--rate', '0.4', '--cycle', '3m', '--cycle-spread', '2w', '--start-date', '2027-01-01', '--years', '2', '--trials', '200', '--seed', '1', '--format', 'svg'])).stdout;
    expect(titleOf(sampled).join(' ')).toBe('1 fan, each bringing 0.4 new fans every 3 months (give or take 2 weeks), 2027-01-01 to 2029-01-01: 200 sampled runs');
    const goal = (await fans(['goal', '1000', '--by-date', ...spread, '--format', 'svg', '--lang', 'nl', '--locale', 'nl-NL'])).stdout;
    expect(titleOf(goal).join(' ')).toBe('1 fan, 1,5 introducties per fan elke maand (plus of min 10 dagen), vanaf 1 januari 2027: wanneer 1.000?');
    const yearly = (await fans(['compound', '--rate', '0.3', '--cycle', '1y', '--years', '3', '--start-date', '2027-01-01', '--by', 'quarter', '--format', 'svg', '--lang', 'nl'])).stdout;
    // Dutch words, numbers of the locale (en-US here, no --locale).
    expect(titleOf(yearly).join(' ')).toBe('1 fan, 0.3 nieuwe fans per fan elk jaar, 1 januari 2027 tot 1 januari 2030');
  });

  it('a goal by date draws up to a quarter past the date it is reached, not the whole ten-year search', async () => {
    const svg = (await fans(['goal', '1000', '--by-date', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--format', 'svg'])).stdout;
    const json = JSON.parse((await fans(['goal', '1000', '--by-date', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--format', 'json'])).stdout);
    expect(json.byDate).toBe('2028-03-15');
    expect(svg).toMatch(/<g class="reached">.*reached at date 2028-03-15<\/text><\/g>/);
    // 439 days to the target: the last date drawn is 1.25 x 439 = 549 days on (2028-07-03), and the last total a few thousand, not 1e22.
    // The axis is labelled at quarters (calendar boundaries), the last at most 2028-07-03.
    const dates = texts(svg, 'x-labels');
    expect(dates).toEqual(['2027', 'Apr', 'Jul', 'Oct', '2028', 'Apr', 'Jul']);
    const end = Number(texts(svg, 'end-labels')[0]!.replace(/,/g, ''));
    expect(end).toBeGreaterThan(1000);
    expect(end).toBeLessThan(10_000);
  });

  it('x labels do not touch: full dates get fewer ticks than short labels', async () => {
    const positions = (svg: string) => [...(svg.split('<g class="x-labels"')[1]!.split('</g>')[0]!).matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({ x: Number(m[1]), text: m[2]! }));
    for (const args of [
      ['goal', '1000', '--by-date', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01'],
      ['simulate', '--fanout', '1.2', '--cycle', '1w', '--cycle-spread', '2d', '--start-date', '2027-01-01', '--until', '2027-12-31', '--by', 'day'],
      ['simulate', '--fanout', '2', '--depth', '30', '--cycle', '30d', '--start-date', '2027-01-01'],
    ]) {
      const labels = positions((await fans([...args, '--format', 'svg'])).stdout);
      expect(labels.length, args.join(' ')).toBeGreaterThanOrEqual(2);
      // About 7 px a character at 12 px: neighbours stand at least their half widths apart.
      for (let i = 1; i < labels.length; i++) expect(labels[i]!.x - labels[i - 1]!.x, `${labels[i - 1]!.text} | ${labels[i]!.text}`).toBeGreaterThanOrEqual(((labels[i]!.text.length + labels[i - 1]!.text.length) / 2) * 7);
    }
    // Short labels keep up to eleven ticks.
    expect(positions((await fans(['simulate', '--depth', '10', '--format', 'svg'])).stdout).map((l) => l.text)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('the point where the target is reached is labelled above it, or below and to its right when the target\'s own label is in the way', async () => {
    const reached = (svg: string) => svg.match(/<g class="reached">[^]*?<text ([^>]*)>([^<]*)<\/text><\/g>/)!;
    const late = reached((await fans(['simulate', '--fanout', '3', '--depth', '10', '--target', '1000', '--format', 'svg'])).stdout);
    expect(late[1]).toContain('text-anchor="middle"');
    const early = reached((await fans(['simulate', '--fanout', '3', '--depth', '10', '--target', '4', '--format', 'svg'])).stdout);
    expect(early[2]).toBe('reached at level 1');
    expect(early[1]).toContain('text-anchor="start"');
    // Reached early but far above the line (101 against 2 on a log scale): above is free.
    const high = reached((await fans(['simulate', '--fanout', '100', '--depth', '6', '--target', '2', '--format', 'svg'])).stdout);
    expect(high[1]).toContain('text-anchor="middle"');
  });

  it('sampled runs: the median solid, the mean dashed, the band hatched; a median on the axis drawn thicker', async () => {
    const svg = (await fans(['simulate', '--trials', '2000', '--seed', '1', '--fanout', '2', '--depth', '6', '--distribution', 'negbin', '--dispersion', '0.3', '--format', 'svg'])).stdout;
    const median = svg.match(/<polyline class="series" data-name="median \(p50\)"[^>]*>/)![0];
    const mean = svg.match(/<polyline class="series" data-name="mean"[^>]*>/)![0];
    expect(median).not.toContain('stroke-dasharray');
    expect(median).toContain('stroke-width="4"');
    expect(mean).toContain('stroke-dasharray="9 4"');
    expect(svg).toMatch(/<polygon class="band"[^>]*stroke-dasharray="2 2"/);
  });
});

/** A PNG file's pixels. */
const decode = (bytes: Buffer) => PNG.sync.read(bytes);
const inked = (png: PNG) => {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 240 || png.data[i + 1]! < 240 || png.data[i + 2]! < 240) count++;
  return count / (png.width * png.height);
};

describe('--format png', () => {
  it('1600x900 by default, --size as asked, and not blank', async () => {
    const file = join(dir, 'tree.png');
    expect((await fans(['simulate', '--format', 'png', '--output', file])).code).toBe(0);
    const png = decode(readFileSync(file));
    expect([png.width, png.height]).toEqual([1600, 900]);
    expect(inked(png)).toBeGreaterThan(0.02);
    const square = join(dir, 'square.png');
    await fans(['compound', '--format', 'png', '--size', '800x800', '--output', square]);
    expect([decode(readFileSync(square)).width, decode(readFileSync(square)).height]).toEqual([800, 800]);
  });

  it('--size with svg: shown at the size asked, drawn 800 units wide in its shape, as the PNG of that size is', async () => {
    const svg = (await fans(['compound', '--value', '100', '--format', 'svg', '--size', '1024x768'])).stdout;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1024" height="768" viewBox="0 0 800 600" /);
    // The money panel stacked under the chart fills the same shape.
    expect(svg).toMatch(/<g class="money" transform="translate\(0 375\)"/);
  });

  // A handful of pictures, each looked at by a person when recorded (UPDATE_GOLDEN=1 rewrites them; review the PNGs).
  it.each([
    ['png-simulate.png', ['simulate']],
    // Calendar boundaries on a date axis, the money panel, Dutch words and numbers.
    ['png-calendar-money-nl.png', ['simulate', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2028-12-31', '--by', 'month', '--value', '100', '--cost', '500', '--lang', 'nl', '--locale', 'nl-NL', '--size', '800x450']],
    // A sampled goal by date: its percentile marks and the deadline on the target line.
    ['png-goal-marks.png', ['goal', '1200', '--by-date', '--start', '20', '--rate', '0.5', '--cycle', '3m', '--start-date', '2027-01-01', '--trials', '400', '--seed', '2', '--deadline', '2030-06-30', '--size', '800x450']],
    // The fit's picture: observed bars, every candidate's curve, the legend under the plot.
    ['png-fit.png', ['fit', join(root, 'examples', 'referrals.csv'), '--size', '800x450']],
  ])('%s matches its golden render within a small pixel tolerance (the shipped font: the same on every machine)', async (name, args) => {
    const file = join(dir, name);
    const ran = await fans([...args, '--format', 'png', '--output', file], { env: { SOURCE_DATE_EPOCH: '1798761600' } });
    expect(ran.code, ran.stderr).toBe(0);
    const golden = join(root, 'test', 'golden', name);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, readFileSync(file));
    const [a, b] = [decode(readFileSync(file)), decode(readFileSync(golden))];
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let differ = 0;
    for (let i = 0; i < a.data.length; i += 4) if (Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[i + c]! - b.data[i + c]!))) > 32) differ++;
    // At most 0.5% of pixels visibly different (anti-aliasing between renderer versions).
    expect(differ / (a.width * a.height)).toBeLessThan(0.005);
  });
});

describe('pictures: bad input, one line, exit 2', () => {
  it.each([
    ['a 10,000-character title', ['simulate', '--format', 'svg', '--title', 'x'.repeat(10_000)], /^fans: --title must be at most 200 characters, without control characters or line breaks \(got "x{40}…", 10,000 characters\)$/],
    ['a title with control characters', ['simulate', '--format', 'svg', '--title', 'a\u001b[31mb'], /^fans: --title must be at most 200 characters, without control characters/],
    ['--target 0', ['simulate', '--format', 'svg', '--target', '0'], /^fans: --target must be a number above 0/],
    ['--size 10x10', ['simulate', '--format', 'png', '--size', '10x10', '--output', '/tmp/never.png'], /^fans: --size must be WIDTHxHEIGHT, width 320 to 4,000 and height 180 to 4,000 pixels, at most twice as wide as high or as high as wide, such as 1600x900 \(got "10x10"\)$/],
    // A strip: its title would sit over its plot.
    ['--size 4000x180', ['simulate', '--format', 'png', '--size', '4000x180', '--output', '/tmp/never.png'], /^fans: --size must be WIDTHxHEIGHT, .*at most twice as wide as high or as high as wide/],
    ['--size 320x4000', ['simulate', '--format', 'svg', '--size', '320x4000'], /^fans: --size must be WIDTHxHEIGHT, .*at most twice as wide as high or as high as wide/],
    ['--size 100000x100000', ['simulate', '--format', 'png', '--size', '100000x100000', '--output', '/tmp/never.png'], /^fans: --size must be WIDTHxHEIGHT/],
    ['--title without a chart', ['simulate', '--title', 'x'], /^fans: --title goes on a chart: add --chart, or --format svg, png or html$/],
    ['--size without a picture', ['simulate', '--format', 'html', '--size', '800x600'], /^fans: --size is the size of --format png or svg$/],
  ])('%s', async (_, args, message) => {
    expectUsageError(await fans(args as string[]), message as RegExp);
  });

  it('--format png to a terminal without --output', async () => {
    expectUsageError(await fans(['simulate', '--format', 'png'], { tty: true }), /^fans: --format png writes a binary file, not text for a terminal: add --output FILE\.png/);
  });
});

/** Debian's chromium, driven by playwright-core; `.ci/run` installs it. */
const chromium = '/usr/bin/chromium';
const hasChromium = existsSync(chromium) && spawnSync(chromium, ['--version']).status === 0;

describe.skipIf(!hasChromium)('--format html in a real browser (headless chromium)', () => {
  it('no console errors, no network requests, chart and table visible, phone and desktop screenshots not blank, one or two A4 pages', async () => {
    const { chromium: playwright } = await import('playwright-core');
    const file = join(dir, 'report.html');
    writeFileSync(file, (await fans(['simulate', '--conversion', '30%', '--depth', '5', '--format', 'html'])).stdout);
    const browser = await playwright.launch({
      executablePath: chromium,
      // A fresh profile each launch (playwright's own); no network at start (see the field notes).
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${file}`);
      expect(errors).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      expect(await page.locator('figure svg').isVisible()).toBe(true);
      expect(await page.locator('table').isVisible()).toBe(true);
      expect(await page.locator('h1').textContent()).toBe('1 fan, 10 introductions each (30% convert), 5 steps');
      const desktop = decode(await page.screenshot());
      expect(inked(desktop)).toBeGreaterThan(0.02);
      await page.setViewportSize({ width: 390, height: 844 });
      const phone = decode(await page.screenshot());
      expect(phone.width).toBe(390);
      expect(inked(phone)).toBeGreaterThan(0.02);
      // Nothing wider than the phone's screen but the table's own scrolling box.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('a wide table (sampled money by month, 17 columns) shows whole at 1280 pixels and prints on A4 portrait with every cell, in parts (#32 item 4)', async () => {
    const { chromium: playwright } = await import('playwright-core');
    const file = join(dir, 'plan.html');
    const args = ['simulate', '--fanout', '10', '--depth', '3', '--trials', '1000', '--cycle', '1m', '--cycle-spread', '2w', '--by', 'month', '--value', '1250', '--start-date', '2027-01-01', '--seed', '1', '--lang', 'nl', '--locale', 'nl-NL'];
    writeFileSync(file, (await fans([...args, '--format', 'html'])).stdout);
    const browser = await playwright.launch({ executablePath: chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`file://${file}`);
      // On screen: no scroll bar, the page no wider than the window.
      const widths: number[][] = await page.evaluate(`[...document.querySelectorAll('.scroll')].map((e) => [e.scrollWidth, e.clientWidth])`);
      expect(widths.length).toBeGreaterThan(0);
      for (const [scroll, client] of widths) expect(scroll).toBeLessThanOrEqual(client!);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
      const cells: string[] = await page.evaluate(`[...document.querySelectorAll('.screen-only td')].map((td) => td.textContent)`);
      expect(cells.length).toBe(4 * 17);
      // On paper: A4 portrait's 718 pixels of content hold the parts, and the PDF's text holds every cell.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 718, height: 1000 });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(718);
      const pdf = join(dir, 'plan.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4' }));
      if (spawnSync('pdftotext', ['-v']).error) return; // poppler-utils missing: .ci/run installs it
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const cell of cells) expect(text, cell).toContain(cell.replace(/\s+/g, ' '));
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('a sampled goal by date (its percentile and deadline marks) and a run with money (its panel): no two labels overlap, none leaves the picture, in English and Dutch', async () => {
    const { chromium: playwright } = await import('playwright-core');
    const env = { SOURCE_DATE_EPOCH: '1798761600' };
    const pictures = [
      ['goal', '600', '--by-date', '--start', '200', '--rate', '0.59', '--churn', '10%', '--cycle-spread', '2m', '--until', '2030-12-31', '--trials', '300', '--seed', '1', '--deadline', '2030-09-30'],
      ['goal', '1000', '--by-date', '--fanout', '3', '--conversion', '50%', '--cycle', '1m', '--cycle-spread', '2w', '--until', '2030-01-01', '--trials', '1000', '--seed', '3', '--deadline', '2028-06-30'],
      ['compound', '--start', '20', '--rate', '0.3', '--years', '8', '--value', '1250', '--per', 'year', '--reward', '100', '--cost', '40000', '--trials', '500', '--seed', '4'],
      // Pays back in its first period, where the money panel's legend stands: the label goes under it.
      ['compound', '--rate', '0.3', '--cycle', '3m', '--cycle-spread', '6w', '--years', '3', '--by', 'quarter', '--start', '10', '--start-date', '2027-01-01', '--trials', '500', '--seed', '2', '--value', '1250', '--per', 'year'],
    ];
    const browser = await playwright.launch({ executablePath: chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      for (const args of pictures) {
        for (const lang of [[], ['--lang', 'nl', '--locale', 'nl-NL']]) {
          const svg = (await fans([...args, ...lang, '--format', 'svg'], { env })).stdout;
          expect(svg).toMatch(/class="(marks|money)"/);
          await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
          // Every text's box in the picture's own units: the mark and money labels, and those they must keep clear of.
          const boxes: { text: string; x: number; y: number; width: number; height: number }[] = await page.evaluate(`(() => {
            const svg = document.querySelector('svg');
            const view = svg.viewBox.baseVal;
            // The y axis's title is turned a quarter: left out (its box is not where getBBox says without the turn).
            return [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '' && t.getCTM().b === 0).map((t) => {
              const b = t.getBBox();
              const m = t.getCTM();
              return { text: t.textContent, x: b.x + m.e, y: b.y + m.f, width: b.width, height: b.height, w: view.width, h: view.height };
            });
          })()`);
          const { w, h } = boxes[0] as unknown as { w: number; h: number };
          for (const b of boxes) {
            expect(b.x, b.text).toBeGreaterThanOrEqual(0);
            expect(b.y, b.text).toBeGreaterThanOrEqual(0);
            expect(b.x + b.width, b.text).toBeLessThanOrEqual(w);
            expect(b.y + b.height, b.text).toBeLessThanOrEqual(h);
          }
          const marked = boxes.filter((b) => /^(p\d+ \d{4}|deadline|pays back|terugverdiend|break-even)/.test(b.text));
          expect(marked.length, args.join(' ')).toBeGreaterThan(0);
          for (const a of marked) {
            for (const b of boxes) {
              if (a === b) continue;
              const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
              expect(overlap, `"${a.text}" overlaps "${b.text}" (${args.join(' ')} ${lang.join(' ')})`).toBe(false);
            }
          }
        }
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe('--format html, read as text', () => {
  it('lists every parameter and assumption in the report\'s language and number format: the target and the deadline too (#32 item 4)', async () => {
    const html = (await fans(['goal', '1.200', '--by-date', '--start', '200', '--rate', '0,59', '--cycle', '1j', '--cycle-spread', '4m', '--start-date', '2-12-2026', '--trials', '200', '--seed', '1', '--deadline', '31-12-2030', '--lang', 'nl', '--locale', 'nl-NL', '--value', '1250', '--per', 'jaar', '--conversion', '30%', '--format', 'html'])).stdout;
    const list: Record<string, string> = Object.fromEntries([...html.split('<dl>')[1]!.split('</dl>')[0]!.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => [m[1]!, m[2]!]));
    expect(list).toMatchObject({
      tempo: '0,59',
      conversie: '30%',
      startdatum: '2 december 2026',
      cyclus: '1 jaar',
      'spreiding van de cyclus': '4 maanden',
      waarde: '€\u00a01.250,00',
      'betaald per': '1 jaar',
      runs: '1.000'.replace('1.000', '200'),
      doel: '1.200',
      deadline: '31 december 2030',
    });
    // No name left in the JSON's English, no number with a decimal dot.
    expect(Object.keys(list)).not.toContain('cycleSpread');
    expect(Object.values(list).filter((v: string) => /\d\.\d{1,2}$/.test(v))).toEqual([]);
    const money = (await fans(['goal', '--net', '1000', '--value', '100', '--rate', '0.5', '--format', 'html'])).stdout;
    expect(money).toContain('<dt>target: cumulative net</dt><dd>$1,000.00</dd>');
  });

  it("a goal's Method explains the model that ran: compound for a rate, tree for a fanout, by date or not", async () => {
    const method = async (args: string[]) => (await fans([...args, '--format', 'html'])).stdout.split('<h2>Method</h2>')[1]!.slice(0, 40);
    expect(await method(['goal', '1200', '--rate', '0.59', '--start', '200'])).toContain('The compound model');
    expect(await method(['goal', '1200', '--by-date', '--rate', '0.59', '--start', '200', '--cycle', '1y'])).toContain('The compound model');
    expect(await method(['goal', '--net', '1000', '--value', '100', '--rate', '0.5'])).toContain('The compound model');
    expect(await method(['goal', '1200', '--fanout', '3'])).toContain('The tree model');
    expect(await method(['goal', '1200', '--by-date', '--fanout', '3', '--cycle', '1m'])).toContain('The tree model');
  });

  it('fans fit as a page: the input file named, its picture of observed and expected counts, both tables (#32 item 5)', async () => {
    const html = (await fans(['fit', '-', '--format', 'html'], { stdin: `referrals\n${[0, 0, 1, 2, 0, 5, 1, 0, 3, 0].join('\n')}\n` })).stdout;
    // Two tables on screen (the wide one also as the parts that fit A4 for print, the first column in each); the fit's figures are for files only.
    expect(html.match(/<div class="scroll[^"]*"><table>/g)).toHaveLength(2);
    expect(html.match(/<div class="part"><table>/g)!.length).toBeGreaterThanOrEqual(1);
    expect(html).toContain('<th scope="col">observed</th>');
    expect(html).not.toContain('<th scope="col">quantity</th>');
    expect(html).toContain('<h1>Referrals per fan in &#60;stdin&#62;: observed and fitted</h1>');
    // The picture: a bar a bin, the observed counts as the data say (0 to 5, then 10+ with none).
    const bars = [...html.matchAll(/<rect class="bar"[^>]*data-bin="([^"]*)" data-value="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(bars).toEqual([['0', 5], ['1', 2], ['2', 1], ['3', 1], ['4', 0], ['5', 1], ['6', 0], ['7', 0], ['8', 0], ['9', 0], ['10+', 0]]);
    // The file, and the columns read, among the parameters.
    expect(html).toContain('<dt>file</dt><dd>&#60;stdin&#62;</dd>');
    expect(html).toContain('<dt>columns read</dt><dd>referrals</dd>');
  });

  it('escapes what comes from a file: a scenario named like markup stays text', async () => {
    const stdin = JSON.stringify({ scenarios: [{ name: '<img src=x onerror=alert(1)>', command: 'simulate' }, { name: 'b', command: 'compound' }] });
    const html = (await fans(['compare', '-', '--format', 'html'], { stdin })).stdout;
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe("the HTML report's three answers first (#32 item 4)", () => {
  const answers = (html: string) => [...(html.split('<section class="answers">')[1]?.split('</section>')[0] ?? '').matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]);
  it('when, how sure, what it is worth: before the summary, the chart and the tables, in Dutch with Dutch dates', async () => {
    const args = ['goal', '1.200', '--by-date', '--start', '200', '--rate', '0,59', '--cycle', '1j', '--cycle-spread', '4m', '--start-date', '2-12-2026', '--trials', '400', '--seed', '1', '--deadline', '31-12-2030', '--lang', 'nl', '--locale', 'nl-NL', '--value', '1250', '--per', 'jaar'];
    const html = (await fans([...args, '--format', 'html'])).stdout;
    const doc = JSON.parse((await fans([...args, '--format', 'json'])).stdout);
    const long = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    expect(answers(html)).toEqual([
      `Wanneer: 1.200 op ${long(doc.expectedDate)} (verwacht); 90% van de runs tussen ${long(doc.dates.p5)} en ${long(doc.dates.p95)}.`,
      `Hoe zeker: ${(doc.deadline.share * 100).toLocaleString('nl-NL', { maximumFractionDigits: 2 })}% van de runs haalt het uiterlijk op 31 december 2030.`,
      `Wat het waard is: netto cumulatief €\u00a0${doc.money.cumulativeNet.toLocaleString('nl-NL', { minimumFractionDigits: 2 })} tot en met ${long(doc.money.date)}.`,
    ]);
    expect(html.indexOf('class="answers"')).toBeLessThan(html.indexOf('class="summary"'));
    expect(html.indexOf('class="summary"')).toBeLessThan(html.indexOf('<figure>'));
  });

  it('only what was asked: one answer without runs or money; none for other commands; not reached said so', async () => {
    const plain = (await fans(['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--start-date', '2026-12-02', '--format', 'html'])).stdout;
    expect(answers(plain)).toEqual(['When: 1,200 on 2030-12-02 (expected).']);
    expect((await fans(['simulate', '--format', 'html'])).stdout).not.toContain('class="answers"');
    const never = (await fans(['goal', '100000', '--by-date', '--start', '200', '--rate', '0.1', '--cycle', '1y', '--start-date', '2026-12-02', '--trials', '100', '--seed', '1', '--deadline', '2030-01-01', '--format', 'html'])).stdout;
    expect(answers(never)).toEqual(['When: the expected total does not reach 100,000 by 2036-12-02.', 'How sure: 0% of runs reach it by 2030-01-01.']);
  });

  it('a money goal answers when its cumulative net (or revenue) reaches the amount, and how sure, in either language', async () => {
    const args = ['goal', '--net', '1000000', '--by-date', '--start', '200', '--rate', '0.59', '--value', '1250', '--per', 'year', '--cycle-spread', '2m', '--start-date', '2026-12-02', '--until', '2031-01-01', '--trials', '400', '--seed', '4', '--deadline', '2029-12-31', '--currency', 'EUR'];
    const doc = JSON.parse((await fans([...args, '--format', 'json'])).stdout);
    const said = answers((await fans([...args, '--format', 'html'])).stdout);
    expect(said[0]).toBe(`When: a cumulative net of €1,000,000.00 on ${doc.expectedDate} (expected); 90% of runs between ${doc.dates.p5} and ${doc.dates.p95}.`);
    // The share as the summary writes it (a percent to at most two decimals): the JSON's share.
    const sure = /^How sure: ([\d.]+)% of runs reach it by 2029-12-31\.$/.exec(said[1] ?? '');
    expect(sure, said[1]).not.toBeNull();
    expect(Number(sure![1])).toBeCloseTo(doc.deadline.share * 100, 1);
    expect(said).toHaveLength(2);
    const nl = (await fans(['goal', '--revenue', '5.000.000', '--by-date', '--start', '200', '--rate', '0,59', '--value', '1250', '--per', 'jaar', '--cycle-spread', '2m', '--start-date', '2-12-2026', '--until', '1-1-2028', '--trials', '100', '--seed', '4', '--currency', 'EUR', '--lang', 'nl', '--locale', 'nl-NL', '--format', 'html'])).stdout;
    expect(answers(nl)![0]).toBe('Wanneer: de verwachte cumulatieve omzet haalt €\u00a05.000.000,00 niet tot en met 1 januari 2028.');
  });
});
