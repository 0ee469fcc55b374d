import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fans, root } from './harness.js';

/**
 * `fans fit` on dated records (#31 item 2): the delay from joining to a referee's joining,
 * and K and k corrected for the time each fan has had. The shipped `crm` example is a
 * simulated export whose truth is known (scripts/crm-example.js: K = 0.8, k = 0.5, gamma
 * delays of mean 40 days and sd 28.3).
 */
const crm = readFileSync(join(root, 'examples', 'crm.csv'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'fans-dated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Dated {
  column: string;
  from: string;
  asOf: string;
  fans: number;
  referrals: number;
  naiveK: number;
  preferred: string;
  fits: { delay: string; K: { value: number; low: number; high: number }; k: { value: number; low: number; high: number }; meanDays: { value: number; low: number; high: number }; sdDays: { value: number; low: number; high: number }; aic: number; weight: number }[];
  projection: string;
}

const datedOf = async (stdin: string, extra: string[] = []): Promise<Dated> => {
  const ran = await fans(['fit', '-', '--format', 'json', ...extra], { stdin });
  expect(ran.code, ran.stderr).toBe(0);
  return JSON.parse(ran.stdout).dated;
};

describe('fans fit on dated records: the delay measured, K corrected for recent fans', () => {
  it('the shipped CRM export: the intervals hold the truth it was simulated from, and the plain mean is below them', async () => {
    const dated = await datedOf(crm);
    expect(dated).toMatchObject({ column: 'signed_up_at', from: '2026-01-01', asOf: '2026-12-31', fans: 2041, referrals: 1311, preferred: 'gamma' });
    expect(dated.naiveK).toBe(1311 / 2041);
    const gamma = dated.fits.find((f) => f.delay === 'gamma')!;
    for (const [name, estimate, truth] of [['K', gamma.K, 0.8], ['k', gamma.k, 0.5], ['mean delay', gamma.meanDays, 40], ['sd of the delay', gamma.sdDays, 40 / Math.sqrt(2)]] as const) {
      expect(estimate.low, name).toBeLessThan(truth);
      expect(estimate.high, name).toBeGreaterThan(truth);
    }
    expect(dated.naiveK).toBeLessThan(gamma.K.low);
    expect(dated.fits.map((f) => f.delay)).toEqual(['negbin', 'gamma', 'lognormal']);
    expect(dated.fits.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1, 12);
    expect(dated.projection).toBe('fans simulate --fanout 0.744213 --distribution negbin --dispersion 0.449079 --cycle 41d --cycle-spread 30d --start-date 2026-12-31 --trials 100000');
  });

  it('the summary says what was read, the delay, the corrected K beside the plain mean, and the command for the calendar; the projection runs', async () => {
    const out = (await fans(['fit', '-'], { stdin: crm })).stdout;
    expect(out).toContain('Dated by signed_up_at: 2,041 fans joined from 2026-01-01 to the export on 2026-12-31, 1,311 referrals seen.');
    expect(out).toMatch(/Referral delay \(joining to the referee's joining; gamma, Akaike weight [\d.]+%\): mean 40\.7 days \(95%: [\d.]+ to [\d.]+\), sd 29\.7/);
    expect(out).toMatch(/K for the time each fan has had: K = 0\.744 \(95%: 0\.683 to 0\.811\), k = 0\.449 .*the plain mean, 0\.642,/);
    const command = /Project it on the calendar: fans (.*)$/m.exec(out)![1]!.split(' ');
    const projected = await fans([...command.slice(0, -1), '1000', '--seed', '1', '--format', 'json']);
    expect(projected.code, projected.stderr).toBe(0);
    const nl = (await fans(['fit', '-', '--lang', 'nl', '--locale', 'nl-NL'], { stdin: crm })).stdout;
    expect(nl).toContain('Gedateerd met signed_up_at: 2.041 fans kwamen erbij van 1 januari 2026 tot de export op 31 december 2026, 1.311 aanbevelingen gezien.');
    expect(nl).toMatch(/K naar de tijd die elke fan had: K = 0,744/);
  });

  it('--as-of: a later export date gives every fan more time, so the corrected K comes nearer the plain mean', async () => {
    const later = await datedOf(crm, ['--as-of', '2028-12-31']);
    const now = await datedOf(crm);
    const K = (d: Dated) => d.fits.find((f) => f.delay === d.preferred)!.K.value;
    expect(later.asOf).toBe('2028-12-31');
    expect(K(later)).toBeLessThan(K(now));
    expect(Math.abs(K(later) - later.naiveK) / later.naiveK).toBeLessThan(0.02);
  });

  it('the same fit, to the last digit, from dates as ISO, ISO with a time, as nl-NL writes them, and as spreadsheet serials', async () => {
    const lines = crm.trimEnd().split('\n');
    const rewrite = (date: (iso: string) => string) => [lines[0], ...lines.slice(1).map((line) => line.replace(/\d{4}-\d{2}-\d{2}$/, (iso) => date(iso)))].join('\n') + '\n';
    const serial = (iso: string) => String(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25_569);
    const dutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    const base = await datedOf(crm);
    expect(await datedOf(rewrite((iso) => `${iso}T09:30:00Z`))).toEqual(base);
    expect(await datedOf(rewrite(serial))).toEqual(base);
    expect(await datedOf(rewrite(dutch), ['--locale', 'nl-NL'])).toEqual(base);
  });

  it.skipIf(spawnSync('soffice', ['--version']).status !== 0)('the same fit from an .xlsx LibreOffice saved (its dates as date cells)', async () => {
    const csv = join(dir, 'crm.csv');
    writeFileSync(csv, crm);
    const made = spawnSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', dir, csv], { encoding: 'utf8', timeout: 120_000 });
    expect(made.status, made.stderr).toBe(0);
    const ran = await fans(['fit', join(dir, 'crm.xlsx'), '--format', 'json']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout).dated).toEqual(await datedOf(crm));
  }, 180_000);

  it('a sheet a table in xlsx: the delay laws on their own sheet', async () => {
    const file = join(dir, 'dated.xlsx');
    expect((await fans(['fit', '-', '--output', file], { stdin: crm })).code).toBe(0);
    const python = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl, sys; print([ws.title for ws in openpyxl.load_workbook(sys.argv[1]).worksheets])', file], { encoding: 'utf8' });
    if (python.status === 0) expect(python.stdout.trim()).toBe("['Results', 'Observed and expected', 'Fit', 'Delays', 'Parameters']");
    const csv = (await fans(['fit', '-', '--format', 'csv'], { stdin: crm })).stdout.split('\r\n\r\n');
    expect(csv).toHaveLength(4);
    expect(csv[3]!.split('\r\n')[0]).toBe('delay,K,K_low,K_high,k,k_low,k_high,meanDays,meanDays_low,meanDays_high,sdDays,sdDays_low,sdDays_high,logLik,AIC,weight');
  });
});

describe('dated records: bad input, one line naming the file and row, exit 2', () => {
  const file = (rows: string[]) => `id,referred_by,joined\n${rows.join('\n')}\n`;
  it.each([
    ['a referee who joined before their referrer', file(['a,,2027-01-10', 'b,a,2027-01-05']), /^fans: <stdin>: row 3, column "joined": joined 2027-01-05, before their referrer \(row 2, 2027-01-10\)\n$/, []],
    ['a join after --as-of', file(['a,,2027-01-10', 'b,a,2027-02-05']), /^fans: <stdin>: row 3, column "joined": 2027-02-05 is after the export's date, --as-of 2027-01-31\n$/, ['--as-of', '2027-01-31']],
    ['a date that is not one', file(['a,,2027-02-30']), /^fans: <stdin>: row 2, column "joined": is not a date of the calendar \(2027-02-30\) \(got "2027-02-30"\)\n$/, []],
    ['text in the dates', file(['a,,soon']), /^fans: <stdin>: row 2, column "joined": must be a date written YYYY-MM-DD/, []],
    ['an empty date', file(['a,,2027-01-01', 'b,a,']), /^fans: <stdin>: row 3, column "joined": is empty; a dated fit needs every fan's join date/, []],
    ['--joined naming no column', file(['a,,2027-01-01']), /^fans: <stdin>: no column "signup" \(--joined\); the columns are "id", "referred_by", "joined"\n$/, ['--joined', 'signup']],
    ['--as-of that is not a date', file(['a,,2027-01-01']), /^fans: --as-of must be a date written YYYY-MM-DD/, ['--as-of', 'tomorrow']],
    // Each evaluation reads the delay law day by day across the span: bounded at ten years.
    ['dates over more than ten years', file(['a,,2015-01-01', 'b,a,2026-01-02']), /^fans: <stdin>: column "joined": the dates span 2015-01-01 to 2026-01-02, more than the 3,653 days \(ten years\) a dated fit reads/, []],
    ['a year before 1900', file(['a,,1899-12-31']), /^fans: <stdin>: row 2, column "joined": is before 1900/, []],
  ])('%s', async (_, stdin, message, extra) => {
    const ran = await fans(['fit', '-', ...extra], { stdin });
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr).toMatch(message);
  });

  it('--joined and --as-of on counts or sizes, which carry no dates', async () => {
    const counts = await fans(['fit', join(root, 'examples', 'referrals.csv'), '--joined', 'x']);
    expect(counts).toMatchObject({ code: 2, stdout: '' });
    expect(counts.stderr).toMatch(/^fans: --joined dates who referred whom, and .*referrals\.csv holds a column of counts \("referrals"\)/);
    const sizes = await fans(['fit', '-', '--sizes', '--as-of', '2027-01-01'], { stdin: 'size\n1\n2\n' });
    expect(sizes.stderr).toMatch(/^fans: --as-of dates who referred whom \(columns id and referred_by\), not chain sizes\n$/);
    const undated = await fans(['fit', '-', '--as-of', '2027-01-01'], { stdin: 'id,referred_by\na,\nb,a\n' });
    expect(undated.stderr).toMatch(/^fans: --as-of dates the records, and <stdin> has no column of join dates: name it with --joined\n$/);
  });
});
