import { spawnSync } from 'node:child_process';
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
    const format = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
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

  it('matches its golden render within a small pixel tolerance (the shipped font: the same on every machine)', async () => {
    const file = join(dir, 'golden.png');
    await fans(['simulate', '--format', 'png', '--output', file]);
    const golden = join(root, 'test', 'golden', 'png-simulate.png');
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, readFileSync(file));
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
    ['--size 10x10', ['simulate', '--format', 'png', '--size', '10x10', '--output', '/tmp/never.png'], /^fans: --size must be WIDTHxHEIGHT, each from 320 \(180 high\) to 4,000 pixels/],
    ['--size 100000x100000', ['simulate', '--format', 'png', '--size', '100000x100000', '--output', '/tmp/never.png'], /^fans: --size must be WIDTHxHEIGHT/],
    ['--title without a chart', ['simulate', '--title', 'x'], /^fans: --title goes on a chart: add --chart, or --format svg, png or html$/],
    ['--size without png', ['simulate', '--format', 'svg', '--size', '800x600'], /^fans: --size is the size of --format png$/],
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

});

describe('--format html, read as text', () => {
  it('fans fit as a page: both tables (the candidates, observed and expected), no chart', async () => {
    const html = (await fans(['fit', '-', '--format', 'html'], { stdin: `referrals\n${[0, 0, 1, 2, 0, 5, 1, 0, 3, 0].join('\n')}\n` })).stdout;
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html).not.toContain('<svg');
    expect(html).toContain('<th scope="col">observed</th>');
  });

  it('escapes what comes from a file: a scenario named like markup stays text', async () => {
    const stdin = JSON.stringify({ scenarios: [{ name: '<img src=x onerror=alert(1)>', command: 'simulate' }, { name: 'b', command: 'compound' }] });
    const html = (await fans(['compare', '-', '--format', 'html'], { stdin })).stdout;
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
