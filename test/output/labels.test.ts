import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fans, root } from '../cli/harness.js';
import { segmentCrosses } from '../../src/output/geometry.js';

/**
 * Labels never collide (#32 item 3): a corpus of pictures (every command, sampled and not,
 * dated and not, with money, a fit, long titles) in English and Dutch, at the shapes --size
 * gives, rendered in headless chromium: no two texts' boxes overlap, and none leaves the
 * picture. A picture is drawn 800 units wide at its size's shape and scaled, so 800x450
 * stands for every 16:9 size from 800x450 to 3840x2160; 2:1 and 1:2 are the flattest and
 * tallest shapes --size takes.
 */
const chromium = '/usr/bin/chromium';
const hasChromium = existsSync(chromium) && spawnSync(chromium, ['--version']).status === 0;

const env = { SOURCE_DATE_EPOCH: '1798761600' };
const records = join(root, 'examples', 'referrals.csv');
const corpus: string[][] = [
  ['simulate'],
  ['simulate', '--fanout', '2', '--depth', '12', '--trials', '2000', '--distribution', 'negbin', '--dispersion', '0.3', '--seed', '1', '--target', '500'],
  ['simulate', '--conversion', '30%', '--depth', '6', '--market', '50000', '--title', 'A title long enough to break over two lines, as the sales team writes them for the slide'],
  ['compound', '--rate', '0.5', '--years', '20', '--target', '1200', '--churn', '5%'],
  ['compound', '--start', '20', '--rate', '0.3', '--years', '8', '--value', '1250', '--per', 'year', '--reward', '100', '--cost', '40000', '--trials', '500', '--seed', '4'],
  ['simulate', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2028-12-31', '--by', 'month', '--value', '100', '--cost', '500'],
  ['goal', '600', '--by-date', '--start', '200', '--rate', '0.59', '--churn', '10%', '--cycle-spread', '2m', '--until', '2030-12-31', '--trials', '300', '--seed', '1', '--deadline', '2030-09-30'],
  ['goal', '1200', '--by-date', '--start', '20', '--rate', '0.5', '--cycle', '3m', '--trials', '400', '--seed', '2', '--value', '1250', '--per', 'year', '--deadline', '2031-06-30'],
  // The meeting's question with its money: the expected net under the chart, paid back in 2028 (rewards and a yearly cost first).
  ['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--trials', '300', '--seed', '1', '--value', '250/year', '--reward', '100', '--cost', '50000'],
  ['goal', '1000', '--fanout', '4'],
  // A money goal: its amounts on the axis, the target and the line's end in the currency, its band.
  ['goal', '--net', '1000000', '--by-date', '--start', '200', '--rate', '0.59', '--churn', '10%', '--value', '1250', '--per', 'year', '--reward', '100', '--cycle-spread', '2m', '--until', '2031-01-01', '--trials', '300', '--seed', '4', '--deadline', '2029-12-31', '--currency', 'EUR'],
  ['compare', join(root, 'examples', 'programmes.json')],
  ['compare', join(root, 'examples', 'calendar.json')],
  ['fit', records],
  // A forecast from dated records: the file's customers in the title, the longest of them.
  ['goal', '2500', '--fit', join(root, 'examples', 'crm.csv'), '--trials', '300', '--seed', '1', '--deadline', '2027-06-30'],
];
const sizes = ['800x450', '1600x800', '1024x768', '800x800', '900x1800'];

/** Whether the segment from `a` to `b` passes through the box, shrunk by a pixel: a line touching a glyph's box edge does not cross the glyph (segmentCrosses is checked on its own in geometry.test.ts). */
function crosses(a: [number, number], b: [number, number], box: { x: number; y: number; width: number; height: number }): boolean {
  const [x1, y1, x2, y2] = [box.x + 1, box.y + 1, box.x + box.width - 1, box.y + box.height - 1];
  return x2 > x1 && y2 > y1 && segmentCrosses(a, b, { x1, x2, y1, y2 });
}

describe.skipIf(!hasChromium)('labels never collide, at every shape of --size, in English and Dutch (headless chromium)', () => {
  it('no two texts of a picture overlap, and none leaves it', async () => {
    const { chromium: playwright } = await import('playwright-core');
    const browser = await playwright.launch({ executablePath: chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const problems: string[] = [];
    let pictures = 0;
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
      for (const args of corpus) {
        for (const lang of [[], ['--lang', 'nl', '--locale', 'nl-NL']]) {
          for (const size of sizes) {
            const ran = await fans([...args, ...lang, '--format', 'svg', '--size', size], { env });
            expect(ran.code, `${args.join(' ')}: ${ran.stderr}`).toBe(0);
            // Shown 800 pixels wide: a unit of the drawing is a pixel.
            const svg = ran.stdout.replace(/^<svg ([^>]*?)width="\d+" height="\d+"/, (_, before: string) => `<svg ${before}width="800"`);
            await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
            // Every text's box on the page (rotated ones too: the y axis's title), against the picture's own.
            const found: { boxes: { text: string; group: string; x: number; y: number; width: number; height: number }[]; lines: { name: string; points: [number, number][] }[]; frame: { width: number; height: number } } = await page.evaluate(`(() => {
              const svg = document.querySelector('svg');
              const frame = svg.getBoundingClientRect();
              const boxes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '').map((t) => {
                const b = t.getBoundingClientRect();
                return { text: t.textContent, group: t.closest('g') ? t.closest('g').getAttribute('class') : '', x: b.x - frame.x, y: b.y - frame.y, width: b.width, height: b.height };
              });
              // Every drawn line's points on the page: the series and the money's cumulative net.
              const lines = [...svg.querySelectorAll('polyline')].map((line) => {
                const m = line.getScreenCTM();
                return { name: line.getAttribute('data-name') || line.getAttribute('class') || '', points: [...line.points].map((p) => [m.a * p.x + m.c * p.y + m.e - frame.x, m.b * p.x + m.d * p.y + m.f - frame.y]) };
              });
              return { boxes, lines, frame: { width: frame.width, height: frame.height } };
            })()`);
            pictures++;
            const where = `${args.join(' ')} ${lang.join(' ')} --size ${size}`;
            // Glyph boxes include the font's ascent and descent: half a pixel of touching is not a collision.
            const slack = 0.5;
            for (const b of found.boxes) {
              if (b.x < -slack || b.y < -slack || b.x + b.width > found.frame.width + slack || b.y + b.height > found.frame.height + slack) problems.push(`"${b.text}" leaves the picture (${where})`);
            }
            // The labels placed among the lines (a mark's, the reached point's, a target's or market's,
            // the money's pays-back): none is crossed by a line.
            for (const b of found.boxes.filter((box) => /^(marks|mark|reached|target|market|deadline|payback|break-even)$/.test(box.group))) {
              for (const line of found.lines) {
                if (line.points.some((p, k) => k > 0 && crosses(line.points[k - 1]!, p, b))) problems.push(`"${b.text}" is crossed by the line ${line.name} (${where})`);
              }
            }
            for (let i = 0; i < found.boxes.length; i++) {
              for (let j = i + 1; j < found.boxes.length; j++) {
                const a = found.boxes[i]!;
                const b = found.boxes[j]!;
                if (a.x + slack < b.x + b.width && b.x + slack < a.x + a.width && a.y + slack < b.y + b.height && b.y + slack < a.y + a.height) problems.push(`"${a.text}" overlaps "${b.text}" (${where})`);
              }
            }
          }
        }
      }
    } finally {
      await browser.close();
    }
    expect(pictures).toBe(corpus.length * 2 * sizes.length);
    expect(problems).toEqual([]);
  }, 600_000);
});
