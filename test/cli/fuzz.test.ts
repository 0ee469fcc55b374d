import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fans } from './harness.js';

/**
 * Drives the CLI in-process with argument lists built from its real vocabulary plus junk.
 * Whatever the words: main never throws, exits 0 or 2 (1 would be a bug), writes nothing to
 * stdout when it fails, and on success writes output that parses in the chosen format.
 * `npm test` runs 300 cases; a longer campaign: FC_RUNS=20000 FC_SEED=$RANDOM npx vitest run test/cli/fuzz.test.ts
 */
const commands = ['simulate', 'compound', 'goal', 'compare', 'example', 'simulat', 'help'];
const valueFlags: Record<string, string[]> = {
  '--start': ['0', '1', '5', '1e15', '1e16'],
  '--fanout': ['0', '1', '2', '10', '1000001'],
  '--depth': ['0', '3', '10', '50', '5001'],
  '--rate': ['0', '0.5', '1', '2', '1000.5'],
  '--years': ['0', '10', '100', '10001'],
  '--conversion': ['0', '30%', '0.5', '1', '150%'],
  '--churn': ['0', '10%', '1', '-0.1'],
  '--market': ['0', '1', '100', '5000', 'unlimited'],
  '--cycle': ['30d', '6w', '3m', '1y', '0d', 'soon'],
  '--trials': ['0', '1', '10', '300', '-1'],
  '--seed': ['0', '42', '4294967296'],
  '--distribution': ['fixed', 'poisson', 'negbin', 'geometric', 'gauss'],
  '--dispersion': ['0', '0.3', '2'],
  '--quantiles': ['5,50,95', '10,90', '50', '0,100'],
  '--threads': ['1', '2', '0'],
  '--format': ['table', 'json', 'csv', 'tsv', 'svg', 'xml'],
  '--locale': ['en-US', 'nl-NL', 'de', 'xx-!!'],
  '--scale': ['auto', 'log', 'linear', 'cubic'],
};
const booleanFlags = ['--chart', '--no-color', '--debug', '--fanot', '-x', '--'];
const junk = ['', ' ', 'NaN', 'Infinity', '1e3', '0x10', '1_000', '1,5', '+3', '-0', '-', '1000000', 'abc', 'ä', '\u0000', 'x'.repeat(300), '{}'];

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

/** Checks RFC 4180 CSV: every record, quoted fields included, has as many fields as the header. */
function csvShape(text: string): boolean {
  const records: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') records.at(-1)!.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') records.at(-1)!.push(field), (field = ''), records.push([]), i++;
    else field += c;
  }
  records.pop();
  return !quoted && records.length >= 2 && records.every((r) => r.length === records[0]!.length);
}

describe('fuzzing the CLI', () => {
  it('never throws, exits 0 or 2, writes nothing on failure and parseable output on success', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const ran = await fans(args, { stdin });
        expect([0, 2]).toContain(ran.code);
        if (ran.code === 2) {
          expect(ran.stdout).toBe('');
          expect(ran.stderr).toMatch(/^fans: [^\n]+\n$/);
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
          default:
            expect(ran.stdout.length).toBeGreaterThan(0);
        }
        expect(ran.stderr).toBe('');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  }, 120_000);
});
