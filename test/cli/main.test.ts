import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { expectGolden, expectUsageError, fans, scratchDir } from './harness.js';

const scratch = scratchDir('fans-o-');

const ansi = /\u001b\[/;

describe('fans simulate and fans compound: golden output', () => {
  it.each([
    ['simulate', 'table'],
    ['simulate', 'json'],
    ['simulate', 'csv'],
    ['simulate', 'tsv'],
    ['compound', 'table'],
    ['compound', 'json'],
    ['compound', 'csv'],
    ['compound', 'tsv'],
  ])('%s --format %s', async (command, format) => {
    const ran = await fans([command, '--format', format]);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expectGolden(`${command}.${format}`, ran.stdout);
  });

  it('prints the article numbers', async () => {
    expect((await fans(['simulate'])).stdout).toContain('1 fan reaches 1,111 people in 3 steps.');
    expect((await fans(['compound'])).stdout).toContain('1 fan becomes 1,024 fans in 10 years.');
  });

  it('writes exact integers at any size in JSON', async () => {
    const tree = await fans(['simulate', '--fanout', '10', '--depth', '30', '--format', 'json']);
    expect(tree.stdout).toMatch(/"total": 1111111111111111111111111111111,\n/);
    const years = await fans(['compound', '--years', '100', '--format', 'json']);
    expect(years.stdout).toMatch(/"total": 1267650600228229401496703205376,\n/);
  });

  it('writes every effective parameter into JSON, rows flat', async () => {
    const doc = JSON.parse((await fans(['compound', '--rate', '0.5', '--years', '2', '--format', 'json'])).stdout);
    expect(doc.parameters).toEqual({ start: 1, rate: 0.5, years: 2, conversion: 1, nonreferrers: 0, churn: 0, market: null });
    expect(doc.rows).toEqual([
      { year: 0, new: 1, total: 1 },
      { year: 1, new: 0.5, total: 1.5 },
      { year: 2, new: 0.75, total: 2.25 },
    ]);
    expect(doc.total).toBe(2.25);
  });

  it('groups numbers by --locale, else by LC_ALL / LC_NUMERIC / LANG', async () => {
    expect((await fans(['simulate', '--locale', 'nl-NL'])).stdout).toContain('1.111 people');
    expect((await fans(['simulate'], { env: { LANG: 'de_DE.UTF-8' } })).stdout).toContain('1.111 people');
    expect((await fans(['simulate'], { env: { LC_ALL: 'C', LANG: 'de_DE.UTF-8' } })).stdout).toContain('1,111 people');
    expect((await fans(['simulate'], { env: { LC_NUMERIC: 'nl_NL.UTF-8' } })).stdout).toContain('1.111 people');
    // The environment's locale never touches machine formats; an explicit decimal-comma
    // --locale makes CSV the way that locale's spreadsheets read it (; and decimal commas).
    expect((await fans(['simulate', '--format', 'csv'], { env: { LANG: 'nl_NL.UTF-8' } })).stdout).toContain('3,1000,1111\r\n');
    expect((await fans(['compound', '--rate', '0.5', '--years', '1', '--format', 'csv', '--locale', 'nl-NL'])).stdout).toBe('\ufeffyear;new;total\r\n0;1;1\r\n1;0,5;1,5\r\n');
    expect((await fans(['compound', '--rate', '0.5', '--years', '1', '--format', 'csv', '--locale', 'en-GB'])).stdout).toBe('year,new,total\r\n0,1,1\r\n1,0.5,1.5\r\n');
    expect((await fans(['compound', '--rate', '0.5', '--years', '1', '--format', 'tsv', '--locale', 'nl-NL'])).stdout).toBe('year\tnew\ttotal\n0\t1\t1\n1\t0.5\t1.5\n');
  });

  it('rounds expected values in tables, full precision in CSV', async () => {
    const table = await fans(['compound', '--rate', '0.5']);
    expect(table.stdout).toContain('57.67');
    const csv = await fans(['compound', '--rate', '0.5', '--format', 'csv']);
    expect(csv.stdout).toContain(`10,${1.5 ** 9 * 0.5},${1.5 ** 10}\r\n`);
  });
});

describe('colour', () => {
  it('colours a terminal', async () => {
    expect((await fans(['simulate'], { tty: true })).stdout).toMatch(ansi);
  });
  it.each([
    ['piped', { tty: false }],
    ['NO_COLOR set', { tty: true, env: { NO_COLOR: '1' } }],
  ])('never colours when %s', async (_, options) => {
    expect((await fans(['simulate'], options)).stdout).not.toMatch(ansi);
  });
  it('never colours with --no-color', async () => {
    expect((await fans(['simulate', '--no-color'], { tty: true })).stdout).not.toMatch(ansi);
  });
});

describe('help and version', () => {
  it('prints short help with both article examples for bare `fans`', async () => {
    const ran = await fans([]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('fans simulate --fanout 10 --depth 3');
    expect(ran.stdout).toContain('fans compound --years 10');
  });
  it.each(['simulate', 'compound', 'goal', 'compare'])('`fans %s --help` shows examples', async (command) => {
    const ran = await fans([command, '--help']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Examples:');
    expect(ran.stdout).toContain(`$ fans ${command}`);
  });
  // Each command's options are built only when it runs or shows its help; the help must not show it.
  it.each([
    ['help.txt', ['--help']],
    ['help-simulate.txt', ['simulate', '--help']],
    ['help-goal.txt', ['help', 'goal']],
    ['help-compare.txt', ['compare', '--help']],
  ])('help matches %s (80 columns)', async (name, args) => {
    const ran = await fans(args);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expectGolden(name, ran.stdout);
  });
  it('lists every command with its arguments and [options]', async () => {
    const { stdout } = await fans(['--help']);
    for (const term of ['simulate [options]', 'compound [options]', 'goal [options] [target]', 'fit [options] <file>', 'compare [options] <file>', 'help [command]']) {
      expect(stdout).toMatch(new RegExp(`^  ${term.replace(/[[\]]/g, '\\$&')} `, 'm'));
    }
  });
  it.each(['simulate', 'compound', 'goal', 'compare'])('`fans help %s` equals `fans %s --help`', async (command) => {
    const viaHelp = await fans(['help', command]);
    expect(viaHelp.stdout).toContain('--format <format>');
    expect(viaHelp).toEqual(await fans([command, '--help']));
  });
  it('prints the package version', async () => {
    expect(await fans(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('bad input: one line on stderr naming the flag, exit 2, empty stdout', () => {
  it.each([
    [['simulate', '--fanout', '-1'], /^fans: --fanout must be a number from 0 to 1,000,000 \(got "-1"\)$/],
    [['simulate', '--depth', '2.5'], /^fans: --depth must be a whole number/],
    [['compound', '--years', 'ten'], /^fans: --years must be a whole number/],
    [['compound', '--rate', 'NaN'], /^fans: --rate must be a number from 0 to 1,000/],
    [['compound', '--rate', ''], /^fans: --rate must be/],
    [['simulate', '--depth', '5001'], /^fans: --depth must be a whole number from 0 to 5,000/],
    [['compound', '--years', '10001'], /^fans: --years must be a whole number from 0 to 10,000/],
    [['simulate', '--fanout', '1000001'], /^fans: --fanout must be/],
    [['simulate', '--start', '-3'], /^fans: --start must be/],
    [['simulate', '--fanot', '3'], /^fans: unknown option '--fanot' \(did you mean --fanout\?\)$/],
    [['simulat'], /^fans: unknown command 'simulat' \(did you mean simulate\?\)$/],
    [['simulate', '--format', 'xml'], /^fans: option '--format <format>' argument 'xml' is invalid\. Allowed choices are table, json, csv, tsv, xlsx, html, svg, png\.$/],
    [['simulate', '--locale', 'xx-!!'], /^fans: --locale must be a locale tag/],
    [['simulate', '--depth'], /^fans: option '--depth <levels>' argument missing$/],
    [['simulate', 'extra'], /^fans: too many arguments for 'simulate'/],
    [['compound', '--rate', '0.5', '--years', '10000'], /^fans: --years must be at most 1,750 with these parameters/],
  ])('%j', async (args, message) => {
    expectUsageError(await fans(args), message);
  });
});

describe('command-line habits (clig.dev, issue #28 item 7)', () => {
  it('-f is --format and -o is --output; the output flags may come before the command, with the same output byte for byte', async () => {
    const after = await fans(['simulate', '--depth', '2', '--format', 'csv', '--lang', 'nl', '--locale', 'nl-NL']);
    expect(after.code).toBe(0);
    for (const args of [
      ['simulate', '--depth', '2', '-f', 'csv', '--lang', 'nl', '--locale', 'nl-NL'],
      ['--lang', 'nl', '--locale', 'nl-NL', 'simulate', '--depth', '2', '-f', 'csv'],
      ['-f', 'csv', '--lang=nl', '--locale', 'nl-NL', 'simulate', '--depth', '2'],
      ['--no-color', '--format', 'csv', 'simulate', '--lang', 'nl', '--locale', 'nl-NL', '--depth', '2'],
    ]) expect(await fans(args), args.join(' ')).toEqual(after);
    // -o -: standard output; -o FILE before the command writes the file.
    expect((await fans(['-o', '-', 'simulate', '--depth', '2', '-f', 'json'])).stdout).toBe((await fans(['simulate', '--depth', '2', '--format', 'json'])).stdout);
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(scratch, 'tree.json');
    expect((await fans(['-o', file, 'simulate', '--depth', '2'])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).total).toBe(111);
  });

  it('a global flag with no command after it is still a usage error, one line', async () => {
    expectUsageError(await fans(['--lang', 'nl']), /^fans: unknown option '--lang'/);
  });
});

describe('Dutch as it is typed (issue #32, item 8, in part)', () => {
  it('--lang NL and nl-NL are nl; --locale nl_NL and nl_NL.UTF-8 are nl-NL; the same output as nl and nl-NL', async () => {
    const want = await fans(['compound', '--years', '2', '--value', '1.250', '--lang', 'nl', '--locale', 'nl-NL']);
    expect(want.code).toBe(0);
    for (const [lang, locale] of [['NL', 'nl_NL'], ['nl-NL', 'nl_NL.UTF-8'], ['nl_NL', 'nl-nl']]) expect(await fans(['compound', '--years', '2', '--value', '1.250', '--lang', lang!, '--locale', locale!])).toEqual(want);
    expectUsageError(await fans(['simulate', '--lang', 'fr']), /^fans: --lang must be one of en, nl \(got "fr"\)$/);
  });

  it('durations in Dutch: 1j, 1 jaar, 2 maanden, 6 weken, 30 dagen; --per jaar, kwartaal, maand', async () => {
    const dates = async (cycle: string) => JSON.parse((await fans(['simulate', '--depth', '1', '--cycle', cycle, '--start-date', '2027-01-01', '--format', 'json'])).stdout).rows[1].date;
    expect(await dates('1j')).toBe('2028-01-01');
    expect(await dates('1 jaar')).toBe('2028-01-01');
    expect(await dates('2 maanden')).toBe('2027-03-01');
    expect(await dates('6 weken')).toBe('2027-02-12');
    expect(await dates('30 dagen')).toBe('2027-01-31');
    const per = async (p: string) => JSON.parse((await fans(['compound', '--years', '1', '--value', '120', '--per', p, '--format', 'json'])).stdout).rows[1].revenue;
    expect([await per('jaar'), await per('kwartaal'), await per('maand')]).toEqual([240, 960, 2880]);
  });
});
