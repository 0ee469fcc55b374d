import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { delimitedRecords, fans } from './harness.js';

/**
 * Drives the CLI in-process with argument lists built from its real vocabulary plus junk.
 * Whatever the words: main never throws, exits 0 or 2 (1 would be a bug), writes nothing to
 * stdout when it fails, and on success writes output that parses in the chosen format.
 * `npm test` runs 300 cases; a longer campaign: FC_RUNS=20000 FC_SEED=$RANDOM npx vitest run test/cli/fuzz.test.ts
 */
const commands = ['simulate', 'compound', 'goal', 'compare', 'fit', 'example', 'simulat', 'help'];
const valueFlags: Record<string, string[]> = {
  '--start': ['0', '1', '5', '1e15', '1e16'],
  '--fanout': ['0', '1', '2', '10', '1000001'],
  '--depth': ['0', '3', '10', '50', '5001'],
  '--rate': ['0', '0.5', '1', '2', '1000.5'],
  '--years': ['0', '10', '100', '10001'],
  '--conversion': ['0', '30%', '0.5', '1', '150%', '0,2', '12,5%', '1.500'],
  '--churn': ['0', '10%', '1', '-0.1'],
  '--market': ['0', '1', '100', '5000', 'unlimited', '10.000', '10,000', '1.000.000', '10 000'],
  '--cycle': ['30d', '6w', '3m', '1y', '0d', 'soon'],
  '--trials': ['0', '1', '10', '300', '-1'],
  '--seed': ['0', '42', '4294967296'],
  '--distribution': ['fixed', 'poisson', 'negbin', 'geometric', 'gauss'],
  '--dispersion': ['0', '0.3', '2'],
  '--quantiles': ['5,50,95', '10,90', '50', '0,100'],
  '--threads': ['1', '2', '0'],
  '--format': ['table', 'json', 'csv', 'tsv', 'svg', 'xlsx', 'xml'],
  '--locale': ['en-US', 'nl-NL', 'de', 'fr-FR', 'en-IN', 'xx-!!'],
  '--lang': ['en', 'nl', 'fr'],
  '--fit': ['-', 'no-such-file.csv'],
  '--value': ['600', '€1.500,00', '0.30', '-5', '1e16', '$5'],
  '--reward': ['40', '0', '12.345'],
  '--cost': ['100', '1.000'],
  '--cac': ['100'],
  '--paid': ['0', '3', '1e15'],
  '--currency': ['EUR', 'jpy', 'XXY'],
  '--net': ['1000', '0'],
  '--sizes': ['1'],
  '--fans': ['10', '0', '1e9'],
  '--column': ['referrals', 'x'],
  '--scale': ['auto', 'log', 'linear', 'cubic'],
  '--start-date': ['2027-01-31', '2028-02-29', '2027-02-30', '27-1-1', '1899-12-31', '2999-12-31'],
  '--until': ['2027-03-31', '2030-01-01', '2126-01-01', '2020-01-01'],
  '--cycle-spread': ['1d', '10d', '2w', '5y'],
  '--by': ['day', 'week', 'month', 'quarter', 'year', 'hour'],
  '--deadline': ['2028-06-30', '2100-01-01'],
};
const booleanFlags = ['--chart', '--no-color', '--debug', '--fanot', '-x', '--', '--max-reward', '--force', '--by-date'];
const junk = [
  '', ' ', 'NaN', 'Infinity', '1e3', '0x10', '1_000', '1,5', '+3', '-0', '-', '1000000', 'abc', 'ä', '\u0000', 'x'.repeat(300), '{}',
  // Hostile lengths (past every parser's 100-character cap) and control characters.
  `${'1'.repeat(100_000)}x`, `${'9'.repeat(5000)}`, `${'1.'.repeat(2000)}5`, `30${' '.repeat(500)}d`,
  '\u001b[31m', '\u001b]0;title\u0007', '\u009b2J', 'rtl\u202e', 'tab\there', 'line\nbreak', '\r',
];

/** Exit 0, or exit 2 with nothing on stdout and one line on stderr without control characters (then true). */
function refusedInOneLine(ran: { code: number; stdout: string; stderr: string }): boolean {
  expect([0, 2]).toContain(ran.code);
  if (ran.code !== 2) return false;
  expect(ran.stdout).toBe('');
  expect(ran.stderr).toMatch(/^fans: [^\n]+\n$/);
  expect(ran.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  return true;
}

const token = fc.oneof(
  fc.constantFrom(...Object.keys(valueFlags)).chain((flag) =>
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valueFlags[flag]!) }, { weight: 1, arbitrary: fc.constantFrom(...junk) }).map((value) => [flag, value]),
  ),
  fc.constantFrom(...Object.keys(valueFlags)).chain((flag) => fc.constantFrom(...valueFlags[flag]!).map((value) => [`${flag}=${value}`])),
  fc.constantFrom(...booleanFlags).map((flag) => [flag]),
  fc.constantFrom(...junk, '1000', '1e6').map((word) => [word]),
);
const argv = fc.tuple(fc.constantFrom(...commands), fc.array(token, { maxLength: 7 })).map(([command, tokens]) => [command, ...tokens.flat()]);

const stdin = JSON.stringify({ scenarios: [{ name: 'a', command: 'simulate' }, { name: 'b', command: 'compound', years: 3 }] });

/**
 * Checks RFC 4180 CSV: every record, quoted fields included, has as many fields as the
 * header. A leading byte-order mark means the decimal-comma dialect: `;` between fields.
 */
function csvShape(text: string): boolean {
  const { records, open } = delimitedRecords(text, text.startsWith('\ufeff') ? ';' : ',');
  return !open && records.length >= 2 && records.every((r) => r.length === records[0]!.length);
}

/**
 * Mostly valid: every flag of a command with a value from its accepted range, ends
 * included, where the run is still cheap enough for a test (the costly ends are measured by
 * `npm run limits`): each must succeed, or be refused in one line (a combination past a
 * joint limit), never fail otherwise.
 */
const nearLimits: Record<string, Record<string, string[]>> = {
  simulate: {
    '--start': ['0', '1', '1000000000000000'],
    '--fanout': ['0', '1', '2', '1000000'],
    '--depth': ['0', '1', '2', '5000'],
    '--conversion': ['0', '0.000001', '99.9999%', '1'],
    '--market': ['1', '1000000000000000', 'unlimited'],
    '--cycle': ['1d', '100y', '0.5w', '1200m', '1m'],
    '--cycle-spread': ['1d', '29d', '30y'],
    '--start-date': ['1900-01-01', '2999-12-31', '2028-02-29'],
    '--until': ['2999-12-31', '2027-06-30'],
    '--by': ['day', 'week', 'quarter'],
    '--format': ['table', 'json', 'csv', 'tsv', 'svg', 'xlsx'],
    '--locale': ['en-US', 'nl-NL', 'fr-FR', 'en-IN'],
    '--lang': ['en', 'nl'],
    '--value': ['0', '90071992547409.91', '0.01'],
    '--reward': ['0', '90071992547409.91'],
    '--paid': ['0', '1', '1000'],
  },
  compound: {
    '--start': ['0', '1', '1000000000000000'],
    '--rate': ['0', '0.000001', '1', '1000'],
    '--years': ['0', '1', '10000'],
    '--conversion': ['0', '1e-6', '1'],
    '--churn': ['0', '1e-12', '0.999999999999', '1'],
    '--market': ['1', '1000000000000000', 'unlimited'],
    '--format': ['table', 'json', 'csv', 'tsv', 'svg'],
  },
};
const trialFlags: Record<string, string[]> = {
  '--trials': ['1', '2', '20'],
  '--seed': ['0', '4294967295'],
  '--distribution': ['fixed', 'poisson', 'negbin', 'geometric'],
  '--dispersion': ['0.000001', '1000000'],
  '--quantiles': ['0.5,99.5', '50', '1,2,3,4,5,6,7,8,9'],
  '--threads': ['1', '64'],
};
const mostlyValid = fc
  .constantFrom('simulate', 'compound')
  .chain((command) =>
    fc.tuple(
      fc.constant(command),
      fc.subarray(Object.keys(nearLimits[command]!)).chain((flags) => fc.tuple(...flags.map((f) => fc.constantFrom(...nearLimits[command]![f]!).map((v) => [f, v])))),
      fc.boolean().chain((sampled) => (sampled ? fc.subarray(Object.keys(trialFlags), { minLength: 1 }).chain((flags) => fc.tuple(...['--trials', ...flags.filter((f) => f !== '--trials')].map((f) => fc.constantFrom(...trialFlags[f]!).map((v) => [f, v])))) : fc.constant([] as string[][]))),
    ),
  )
  .map(([command, model, trials]) => [command, ...(model as string[][]).flat(), ...(trials as string[][]).flat()]);

describe('fuzzing the CLI', () => {
  it('mostly valid, near the limits: succeeds with parseable output, or refuses in one line', async () => {
    await fc.assert(
      fc.asyncProperty(mostlyValid, async (args) => {
        const ran = await fans(args);
        expect([0, 2]).toContain(ran.code);
        if (ran.code === 2) {
          expect(ran.stdout).toBe('');
          expect(ran.stderr).toMatch(/^fans: [^\n]+\n$/);
          return;
        }
        expect(ran.stdout.length).toBeGreaterThan(0);
        expect(ran.stdout).not.toMatch(/NaN|undefined/);
        const format = args[args.indexOf('--format') + 1];
        if (args.includes('--format') && format === 'json') expect(() => JSON.parse(ran.stdout)).not.toThrow();
        if (args.includes('--format') && format === 'svg') expect(XMLValidator.validate(ran.stdout)).toBe(true);
      }),
      { numRuns: Math.ceil(Number(process.env.FC_RUNS ?? 300) / 3) },
    );
  }, 300_000);

  it('never throws, exits 0 or 2, writes nothing on failure and parseable output on success', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const ran = await fans(args, { stdin });
        expect([0, 2]).toContain(ran.code);
        if (ran.code === 2) {
          expect(ran.stdout).toBe('');
          expect(ran.stderr).toMatch(/^fans: [^\n]+\n$/);
          // Short, and nothing raw for a terminal: no control characters but the final newline.
          expect(ran.stderr.length).toBeLessThan(400);
          expect(ran.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
          return;
        }
        expect(ran.stdout).not.toMatch(/NaN|undefined|Infinity/);
        if (args.some((a) => a === 'help' || a === '--help' || a === '-h') || ran.stdout.startsWith('Usage:')) return;
        const formats = args.flatMap((a, i) => (a === '--format' ? [args[i + 1]] : a.startsWith('--format=') ? [a.slice(9)] : []));
        const format = formats.at(-1) ?? 'table';
        switch (format) {
          case 'json':
            expect(() => JSON.parse(ran.stdout)).not.toThrow();
            break;
          case 'csv':
            expect(csvShape(ran.stdout)).toBe(true);
            break;
          case 'tsv': {
            const lines = ran.stdout.trimEnd().split('\n');
            expect(new Set(lines.map((l) => l.split('\t').length)).size).toBe(1);
            break;
          }
          case 'svg':
            expect(XMLValidator.validate(ran.stdout)).toBe(true);
            break;
          case 'xlsx':
            expect(ran.bytes!.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
            break;
          default:
            expect(ran.stdout.length).toBeGreaterThan(0);
        }
        expect(ran.stderr).toBe('');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  }, 120_000);

  it('fans fit on records of random shape: exits 0 with parseable JSON, or 2 with one line naming the file', async () => {
    const cell = fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 0, max: 30 }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('', '-1', '2.5', '1e9', '1e10', 'x', '"3"', '"a,b"', '1.000', '0,5', '\u001b[31m', 'ann', 'bob') },
    );
    const header = fc.constantFrom('referrals', 'id,referred_by', 'size', 'a,b', 'referrals;klant', '');
    const records = fc.tuple(header, fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'));
    const extra = fc.subarray(['--sizes', '--zero-truncated', '--fans', '50', '--censored-at', '20', '--input', 'json']);
    await fc.assert(
      fc.asyncProperty(records, extra, async ([head, rows, separator, newline], flags) => {
        const text = [head, ...rows.map((r) => r.join(separator))].join(newline);
        const ran = await fans(['fit', '-', '--format', 'json', ...flags], { stdin: text });
        if (refusedInOneLine(ran)) return;
        const doc = JSON.parse(ran.stdout);
        expect(doc.command).toBe('fit');
        expect(doc.n).toBeGreaterThan(0);
      }),
      { numRuns: Math.ceil(Number(process.env.FC_RUNS ?? 300) / 3) },
    );
  }, 300_000);

  it('dated records of random shape, fitted and forecast from: exits 0 with parseable JSON, or 2 with one line', async () => {
    const iso = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const date = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 800 }).map(iso) },
      { weight: 1, arbitrary: fc.constantFrom('', '2027-02-30', '31-01-2027', '46418', '1/31/2027', '1899-12-31', 'soon', '2026-13-01', '9999-12-31', '2026-03-01T10:00:00Z', '\u001b[31m') },
    );
    // A fan: whom it was referred by (an earlier fan, nobody, or an id not in the file) and when it joined.
    const fan = fc.tuple(fc.constantFrom('earlier', 'earlier', 'nobody', 'outside'), fc.nat(1000), date);
    const records = fc.array(fan, { minLength: 1, maxLength: 60 });
    const command = fc.constantFrom(
      ['fit', '-'],
      ['fit', '-', '--as-of', '2028-01-01'],
      ['fit', '-', '--as-of', '2026-02-01'],
      ['simulate', '--fit', '-', '--trials', '20', '--seed', '1', '--until', '2029-12-31'],
      ['goal', '200', '--fit', '-', '--trials', '20', '--seed', '1'],
      ['simulate', '--fit', '-', '--trials', '20', '--cycle', '30d'],
    );
    await fc.assert(
      fc.asyncProperty(records, command, async (fans_, args) => {
        const rows = fans_.map(([by, pick, joined], i) => `f${i},${by === 'earlier' && i > 0 ? `f${pick % i}` : by === 'outside' ? `x${pick}` : ''},${joined}`);
        const text = ['id,referred_by,signed_up_at', ...rows].join('\n');
        const ran = await fans([...args, '--format', 'json'], { stdin: text });
        if (refusedInOneLine(ran)) return;
        const doc = JSON.parse(ran.stdout);
        expect(doc.command).toBe(args[0]);
      }),
      // A dated fit of a few odd rows can take seconds (the simplex, where Newton's steps do not converge): fewer cases.
      { numRuns: Math.ceil(Number(process.env.FC_RUNS ?? 300) / 20) },
    );
  }, 600_000);
});
