import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { existingArrivals } from '../../src/model/calendar/existing.js';
import { pascalDelay, pascalWeights } from '../../src/model/calendar/delays.js';
import { renewalDays } from '../../src/model/calendar/renewal.js';
import { fans, root } from './harness.js';
import { titleFileName } from '../../src/report/calendar.js';
import { fileName } from '../../src/cli/flags/parse.js';

/**
 * A forecast from dated records (#31 item 3): `--fit FILE` with join dates takes K, k and the
 * delay from the file and starts from its customers as they are, on the export's date. The
 * shipped CRM export: 2,041 fans who joined in 2026, exported on 2026-12-31.
 */
const crm = join(root, 'examples', 'crm.csv');

interface Forecast {
  parameters: { start: number; cycle: string; cycleSpread: string; startDate: string };
  rows: { period: string; new: number; mean: number; p5: number; p95: number }[];
  fit: { file: string; K: number; k: number; dated: { asOf: string; customers: number; naiveK: number; delay: { law: string; meanDays: number; sdDays: number } } };
}

describe('a forecast from a dated export', () => {
  it('starts from the file\'s 2,041 customers on its export date, with K, k and the delay of the dated fit; the runs\' means are the renewal equation with the customers\' referrals still to come', async () => {
    const ran = await fans(['simulate', '--fit', crm, '--trials', '4000', '--seed', '3', '--until', '2027-06-30', '--format', 'json']);
    expect(ran.code, ran.stderr).toBe(0);
    const out = JSON.parse(ran.stdout) as Forecast;
    expect(out.fit.dated).toMatchObject({ asOf: '2026-12-31', customers: 2041, naiveK: 1311 / 2041, delay: { law: 'gamma' } });
    expect(out.fit.K).toBeCloseTo(0.744, 3); // fans fit's corrected K, not the plain mean 0.642
    expect(out.parameters).toMatchObject({ start: 2041, startDate: '2026-12-31' });
    expect(out.rows[0]).toMatchObject({ period: '2026-12', mean: 2041, p5: 2041, p95: 2041 });
    // The expected run at the fitted values (the runs draw K and k around them: their mean is near it, not equal).
    const { meanDays, sdDays } = out.fit.dated.delay;
    const delay = pascalDelay(Math.round(meanDays), Math.round(sdDays))!;
    const ages = await agesOf();
    const days = 181;
    const expected = renewalDays({ model: 'tree', start: 2041, K: out.fit.K, market: null, weights: pascalWeights(delay, days), days, arrivals: existingArrivals({ ages }, delay, out.fit.K, out.fit.k, days) });
    const january = expected.slice(1, 32).reduce((s, n) => s + n, 0);
    // No lull: the first month brings about as many as the programme's pace (the file's December: 162 joined).
    expect(out.rows[1]!.new).toBeGreaterThan(100);
    expect(out.rows[1]!.new / january).toBeGreaterThan(0.95);
    expect(out.rows[1]!.new / january).toBeLessThan(1.05);
    const total = expected.reduce((s, n) => s + n, 0);
    expect(out.rows.at(-1)!.mean / total).toBeGreaterThan(0.97);
    expect(out.rows.at(-1)!.mean / total).toBeLessThan(1.03);
  });

  it('says what came from the file, in English and in Dutch', async () => {
    const en = await fans(['simulate', '--fit', crm, '--trials', '500', '--seed', '1', '--until', '2027-03-31']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain(`From ${crm}: its 2,041 customers as of 2026-12-31, each bringing the referrals still to come for their time so far and what they made; K = 0.744 and k = 0.449`);
    expect(en.stdout).toContain('From 2026-12-31 to 2027-03-31, 2,041 fans grow to a mean of');
    expect(en.stdout).toMatch(/Theory: 100% eventually \(every line the 2,041 customers still start dies out/);
    // The delay is the fit's (sd 29.7 days), not one the user asked for: no "days asked" (the 2 stages' 28.3 is within 5% of it).
    expect(en.stdout).toContain('give or take 28.3 days (a Pascal delay of 2 stages).');
    expect(en.stdout).not.toContain('days asked');
    const nl = await fans(['simulate', '--fit', crm, '--trials', '500', '--seed', '1', '--until', '2027-03-31', '--lang', 'nl', '--locale', 'nl-NL']);
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stdout).toContain(`Uit ${crm}: de 2.041 klanten op 31 december 2026`);
  });

  it('the HTML report\'s Method says how the dates were read, and how the forecast starts from the customers, in either language', async () => {
    const fit = await fans(['fit', crm, '--format', 'html']);
    expect(fit.stdout).toContain('With join dates: the delay from a referrer&#39;s joining');
    const forecast = await fans(['goal', '2500', '--fit', crm, '--trials', '200', '--seed', '1', '--format', 'html', '--lang', 'nl', '--locale', 'nl-NL']);
    expect(forecast.code, forecast.stderr).toBe(0);
    expect(forecast.stdout).toContain('Uit gedateerde gegevens: de run begint bij de klanten van het bestand op de exportdatum.');
    const plain = await fans(['simulate', '--trials', '200', '--seed', '1', '--format', 'html']);
    expect(plain.stdout).not.toContain('dated records');
  });

  it('answers the manager\'s question: when 2,500 customers, how sure by a deadline', async () => {
    const ran = await fans(['goal', '2500', '--fit', crm, '--trials', '2000', '--seed', '1', '--deadline', '2027-06-30', '--format', 'json']);
    expect(ran.code, ran.stderr).toBe(0);
    const out = JSON.parse(ran.stdout);
    expect(out.fit.dated.customers).toBe(2041);
    const { p5, p50, p95 } = out.dates as Record<string, string>;
    expect(p5! < p50! && p50! < p95!).toBe(true);
    // The expected run reaches it in spring 2027 (2,500 is 459 past the 2,041 there are; about 155 a month at first, fewer later).
    expect(out.expectedDate > '2027-03-01' && out.expectedDate < '2027-07-01').toBe(true);
    expect(p50! > '2027-03-01' && p50! < '2027-07-01').toBe(true);
    expect(out.deadline.share).toBeGreaterThan(0.8);
  });

  it('from standard input, as the built CLI runs it: the file is read once (each lazy file is one module, whichever file loads it)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { readFileSync } = await import('node:fs');
    const ran = spawnSync(process.execPath, [join(root, 'bin', 'fans.js'), 'simulate', '--fit', '-', '--trials', '50', '--seed', '1', '--until', '2027-03-31', '--format', 'json'], { input: readFileSync(crm), encoding: 'utf8' });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout).fit.dated.customers).toBe(2041);
  });

  it('counts the customers\' days of joining in the work a run may do', async () => {
    const ran = await fans(['simulate', '--fit', crm, '--trials', '10000000', '--until', '2036-12-31']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe('fans: --trials 10,000,000 over 3,654 days with a delay of 2 stages from 357 days of joining customers is too much work: at most 124,657 runs for this horizon (runs x days and days of joining x (stages + 4) may be at most 3,000,000,000)\n');
  });

  it.each([
    [['simulate', '--cycle', '30d'], `--cycle is what --fit ${crm} gives from its join dates (the referral delay it fitted: mean 40.7 days, sd 29.7): leave it out`],
    [['simulate', '--cycle-spread', '10d'], `--cycle-spread is what --fit ${crm} gives from its join dates`],
    [['simulate', '--start-date', '2027-01-01'], `--start-date is what --fit ${crm} gives from its join dates (the forecast starts on the export's date, 2026-12-31, from the customers as they were then): leave it out`],
    [['simulate', '--start', '10'], `--start is what --fit ${crm} gives from its join dates (its 2,041 customers, each part way through their referrals): leave it out`],
    [['compound'], `--fit ${crm} has join dates: who referred whom, each fan's referrals over their whole time after a delay (the tree model); forecast it with fans simulate --fit or fans goal --fit`],
    [['goal', '3000', '--years', '3'], `--years asks for the compound model, and --fit ${crm} has join dates`],
    [['simulate', '--market', '2000'], `--market 2,000 is below the 2,041 customers of ${crm} the forecast starts from: a market holds at least them`],
    [['goal', '3000', '--market', '2000'], `--market 2,000 is below the 2,041 customers of ${crm} the forecast starts from`],
    [['simulate', '--paid', '5'], `--paid buys fans every cycle, and a forecast from --fit ${crm}'s join dates runs day by day with the delays the file gave: there are no cycles to buy in (leave out --paid)`],
  ])('refuses %j beside a dated --fit, saying why', async (args, message) => {
    const ran = await fans([...args, '--fit', crm, '--trials', '100']);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toContain(message);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe("a forecast's chart title names the file, not its folders", () => {
  it('by its name, cut to 40 characters: a long folder (a temporary one in CI) pushed the Dutch title out of the picture', async () => {
    // The name without its folders is the one `fans fit`'s picture takes (fileName); the forecast's title cuts it to 40.
    expect(fileName('/tmp/tmp.5TuBdwrCeN/examples/crm.csv')).toBe('crm.csv');
    expect(fileName('crm.csv')).toBe('crm.csv');
    expect(fileName('exports/')).toBe('exports');
    expect(fileName('-')).toBe('<stdin>');
    expect(titleFileName(fileName(`/data/${'x'.repeat(60)}.csv`))).toBe(`${'x'.repeat(39)}…`);
    expect(titleFileName('crm.csv')).toBe('crm.csv');
    const { mkdtempSync, copyFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const folder = join(mkdtempSync(join(tmpdir(), 'fans-')), 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW');
    (await import('node:fs')).mkdirSync(folder);
    copyFileSync(crm, join(folder, 'crm.csv'));
    try {
      const ran = await fans(['goal', '2500', '--fit', join(folder, 'crm.csv'), '--trials', '300', '--seed', '1', '--lang', 'nl', '--locale', 'nl-NL', '--format', 'svg']);
      expect(ran.code, ran.stderr).toBe(0);
      const title = /<title>([^<]*)<\/title>/.exec(ran.stdout)![1]!;
      expect(title).toContain('klanten van crm.csv zoals ze nu zijn');
      expect(ran.stdout).not.toContain('WWWW');
    } finally {
      rmSync(join(folder, '..'), { recursive: true, force: true });
    }
  });
});

describe('dated records too short to measure the delay', () => {
  // 40 fans over 99 days, each referred a day to two months after their referrer: the truncated
  // likelihood prefers a delay far longer than the window (most of it after the export), and K to match.
  const short = 'id,referred_by,signed_up_at\nf0,,2026-01-10\nf1,f0,2026-01-11\nf2,f0,2026-01-12\nf3,f2,2026-01-13\nf4,f3,2026-01-14\nf5,f3,2026-01-15\nf6,f4,2026-01-16\nf7,f3,2026-01-17\nf8,f6,2026-01-18\nf9,f8,2026-01-19\nf10,f7,2026-02-10\nf11,f7,2026-02-11\nf12,f6,2026-02-12\nf13,f12,2026-02-13\nf14,f12,2026-02-14\nf15,f1,2026-02-15\nf16,f15,2026-02-16\nf17,f6,2026-02-17\nf18,f4,2026-02-18\nf19,f0,2026-02-19\nf20,f11,2026-03-10\nf21,f5,2026-03-11\nf22,f13,2026-03-12\nf23,f16,2026-03-13\nf24,f17,2026-03-14\nf25,f6,2026-03-15\nf26,f6,2026-03-16\nf27,f23,2026-03-17\nf28,f0,2026-03-18\nf29,f27,2026-03-19\nf30,f25,2026-04-10\nf31,f21,2026-04-11\nf32,f17,2026-04-12\nf33,f6,2026-04-13\nf34,f6,2026-04-14\nf35,f27,2026-04-15\nf36,f17,2026-04-16\nf37,f1,2026-04-17\nf38,f22,2026-04-18\nf39,f29,2026-04-19';
  it('fans fit warns, prints no calendar command, and says so in JSON; a forecast from them is refused with the reason', async () => {
    const fit = await fans(['fit', '-'], { stdin: short });
    expect(fit.code, fit.stderr).toBe(0);
    expect(fit.stdout).toMatch(/Warning: these records are too short to measure the delay: its fitted mean, [\d,]+ days, is past the 99 days the longest-standing fan has had/);
    expect(fit.stdout).not.toContain('Project it on the calendar');
    const json = JSON.parse((await fans(['fit', '-', '--format', 'json'], { stdin: short })).stdout);
    expect(json.dated).toMatchObject({ measured: false, projection: null });
    const forecast = await fans(['simulate', '--fit', '-', '--trials', '20'], { stdin: short });
    expect(forecast.code).toBe(2);
    expect(forecast.stderr).toMatch(/^fans: --fit <stdin>: its records are too short to measure the referral delay \(the fitted mean, [\d.e+]+ days, is past the 99 days the longest-standing fan has had\), and a forecast from dated records runs on it: export a longer window\n$/);
    // The shipped export measures it.
    expect(JSON.parse((await fans(['fit', crm, '--format', 'json'])).stdout).dated.measured).toBe(true);
  });
});

/** The shipped export's fans by days before 2026-12-31 and the referrals they made, read independently of fans. */
async function agesOf() {
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(crm, 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const [id, by, joined] = ['id', 'referred_by', 'signed_up_at'].map((name) => header.indexOf(name));
  const rows = lines.slice(1).map((line) => line.split(','));
  const made = new Map<string, number>();
  for (const row of rows) if (row[by!]) made.set(row[by!]!, (made.get(row[by!]!) ?? 0) + 1);
  const asOf = Date.UTC(2026, 11, 31);
  const ages = new Map<number, { age: number; fans: number; referred: number }>();
  for (const row of rows) {
    const [y, m, d] = row[joined!]!.split('-').map(Number);
    const age = Math.round((asOf - Date.UTC(y!, m! - 1, d!)) / 86_400_000);
    const group = ages.get(age) ?? { age, fans: 0, referred: 0 };
    group.fans++;
    group.referred += made.get(row[id!]!) ?? 0;
    ages.set(age, group);
  }
  return [...ages.values()];
}
