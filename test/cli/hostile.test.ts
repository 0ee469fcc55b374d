import { describe, expect, it } from 'vitest';
import { expectUsageError, fans, scratchDir } from './harness.js';

const scratch = scratchDir('fans-hostile-');

/**
 * Every odd input, decided one by one: accepted with a documented meaning, or refused with
 * one line naming the flag, exit 2 and nothing on stdout. See README, "Limits and errors".
 */
type Case = [label: string, args: string[], outcome: { total: number | string } | RegExp];

const total = async (args: string[]) => {
  const ran = await fans([...args, '--format', 'json']);
  return { ran, doc: ran.code === 0 ? JSON.parse(ran.stdout) : null };
};

const cases: Case[] = [
  // Number syntax: plain decimals, `+`, exponents and blanks around them are fine.
  ['1e3 is 1000', ['simulate', '--fanout', '1e3', '--depth', '1'], { total: 1001 }],
  ['+3 is 3', ['simulate', '--fanout', '+3', '--depth', '1'], { total: 4 }],
  ['" 7 " is 7', ['simulate', '--fanout', ' 7 ', '--depth', '1'], { total: 8 }],
  ['.5 is 0.5', ['compound', '--rate', '.5', '--years', '1'], { total: 1.5 }],
  ['2e0 is a whole 2', ['simulate', '--depth', '2e0'], { total: 111 }],
  ['0x10 is refused', ['simulate', '--fanout', '0x10'], /^fans: --fanout must be a number from 0 to 1,000,000 \(got "0x10"\)$/],
  ['1_000 is refused', ['simulate', '--fanout', '1_000'], /^fans: --fanout must be a number/],
  ['1,5 under en-US is refused with both readings', ['compound', '--rate', '1,5'], /^fans: --rate could be 1\.5 \(comma as decimal mark\) or 15 \(comma between thousands\), and en-US writes neither that way: write 1\.5 or 15, or set --locale nl-NL to read numbers that way \(got "1,5"\)$/],
  ['Infinity is refused', ['compound', '--rate', 'Infinity'], /^fans: --rate must be a number/],
  ['NaN is refused', ['simulate', '--start', 'NaN'], /^fans: --start must be a whole number/],
  ['-0 is refused (no signs but +)', ['simulate', '--depth', '-0'], /^fans: --depth must be a whole number/],
  ['an empty value is refused', ['simulate', '--fanout', ''], /^fans: --fanout must be a number .* \(got ""\)$/],
  ['blanks alone are refused', ['simulate', '--fanout', '   '], /^fans: --fanout must be a number/],
  ['1e400 is refused (not finite)', ['simulate', '--start', '1e400'], /^fans: --start must be a whole number/],
  ['a flag given twice is refused', ['simulate', '--depth', '3', '--depth', '5'], /^fans: option '--depth <levels>' argument '5' is invalid\. --depth is given more than once; give it once$/],
  ['--flag=value is the same as --flag value', ['simulate', '--depth=2'], { total: 111 }],
  // Bounds: at the bound accepted, just past it refused.
  ['--depth 5000 is accepted', ['simulate', '--fanout', '1', '--depth', '5000'], { total: 5001 }],
  ['--depth 5001 is refused', ['simulate', '--depth', '5001'], /^fans: --depth must be a whole number from 0 to 5,000/],
  ['--years 10000 is accepted', ['compound', '--rate', '0', '--years', '10000'], { total: 1 }],
  ['--years 10001 is refused', ['compound', '--years', '10001'], /^fans: --years must be a whole number from 0 to 10,000/],
  ['--fanout 1000000 is accepted', ['simulate', '--fanout', '1000000', '--depth', '1'], { total: 1000001 }],
  ['--fanout 1000001 is refused', ['simulate', '--fanout', '1000001'], /^fans: --fanout must be/],
  ['--rate 1000 is accepted', ['compound', '--rate', '1000', '--years', '1'], { total: 1001 }],
  ['--rate 1000.5 is refused', ['compound', '--rate', '1000.5'], /^fans: --rate must be a number from 0 to 1,000/],
  ['--start 1e15 is accepted', ['simulate', '--start', '1e15', '--depth', '0'], { total: 1e15 }],
  ['--start 1e15+1 is refused', ['simulate', '--start', '1000000000000001'], /^fans: --start must be a whole number from 0 to 1,000,000,000,000,000/],
  ['--market 1 is accepted', ['simulate', '--market', '1', '--depth', '2'], { total: 1 }],
  ['--market 0 is refused', ['simulate', '--market', '0'], /^fans: --market must be a whole number from 1/],
  ['--market unlimited is the default spelled out', ['simulate', '--market', 'unlimited'], { total: 1111 }],
  ['--conversion 100% is accepted', ['simulate', '--conversion', '100%'], { total: 1111 }],
  ['--conversion 0% is accepted', ['simulate', '--conversion', '0%'], { total: 1 }],
  ['--conversion 100.5% is refused', ['simulate', '--conversion', '100.5%'], /^fans: --conversion must be a share/],
  ['--conversion 150% is refused', ['simulate', '--conversion', '150%'], /^fans: --conversion must be a share/],
  ['--conversion % is refused', ['simulate', '--conversion', '%'], /^fans: --conversion must be a share/],
  ['--churn 1 (everyone leaves) is accepted', ['compound', '--churn', '1', '--rate', '0', '--years', '1'], { total: 0 }],
  ['--cycle 100y is accepted', ['simulate', '--cycle', '100y', '--depth', '1'], { total: 11 }],
  ['--cycle 101y is refused', ['simulate', '--cycle', '101y'], /^fans: --cycle must be a duration/],
  ['--trials 10000000 is accepted by the flag', ['simulate', '--trials', '10000000', '--depth', '100'], /^fans: --depth must be at most 19 with --trials 10,000,000/],
  ['goal target 1e300 is accepted', ['goal', '1e300', '--fanout', '10'], { total: '1' + '1'.repeat(300) }],
  ['goal target 1e301 is refused', ['goal', '1e301', '--fanout', '10'], /^fans: <target> must be a number above 0 and up to/],
  // Results past what a double holds.
  ['exact integers are exact at any size: fanout 1,000,000, depth 500 has 3,001 digits', ['simulate', '--fanout', '1000000', '--depth', '500'], { total: '1' + '000001'.repeat(500) }],
  ['exact output past 40 million digits (2 Σ digits of new and total) is refused, naming the largest depth', ['simulate', '--fanout', '1000000', '--depth', '5000'], /^fans: --depth must be at most 2,581 with fanout 1,000,000: the exact rows would pass 40,000,000 digits$/],
  ['compound --years 10000 at rate 1 (2^10000) fits', ['compound', '--years', '10000', '--rate', '1'], { total: (2n ** 10000n).toString() }],
  ['compound --years 10000 at rate 1000 is refused', ['compound', '--years', '10000', '--rate', '1000'], /^fans: --years must be at most 3,650 with rate 1,000: the exact rows would pass/],
  ['expected values past 1.8e308 are refused, naming the largest depth', ['simulate', '--conversion', '99%', '--depth', '5000'], /^fans: --depth must be at most 309 with these parameters/],
  ['compound expected values past 1.8e308 are refused', ['compound', '--rate', '999', '--conversion', '0.5', '--years', '200'], /^fans: --years must be at most 114 with these parameters/],
];

describe('hostile and odd input', () => {
  it.each(cases)('%s', async (_, args, outcome) => {
    const { ran, doc } = await total(args);
    if (outcome instanceof RegExp) {
      expectUsageError(ran, outcome);
    } else {
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
      if (typeof outcome.total === 'string') {
        expect(ran.stdout).toContain(`"total": ${outcome.total}`);
      } else {
        expect(doc.total).toBeCloseTo(outcome.total, 9);
      }
    }
  });
});

describe('hostile scenario files', () => {
  const refused = async (stdin: string | Buffer, message: RegExp) => {
    const ran = await fans(['compare', '-'], { stdin });
    expectUsageError(ran, message);
  };

  it('refuses a file past 1 MiB without parsing it', async () => {
    await refused(`{"scenarios": [${'{"name": "x", "command": "simulate"},'.repeat(40_000)}]}`, /^fans: <stdin>: is larger than 1 MiB/);
  });

  it('refuses deep nesting by its position, without a stack overflow', async () => {
    await refused(`{"scenarios": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`, /^fans: <stdin>: is not valid JSON: nested deeper than 32 levels at line 1, column 46$/);
    await refused(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, /^fans: <stdin>: is not valid JSON: nested deeper than 32 levels at line 1, column 33$/);
  });

  it('refuses a key given twice, at any level, by its position', async () => {
    await refused('{"scenarios": [{"name": "a", "command": "simulate", "depth": 3, "depth": 7}]}', /^fans: <stdin>: gives the key "depth" twice in one object, at line 1, column 65: give each field once$/);
    await refused('{"scenarios": [],\n "scenarios": [{"name": "a", "command": "simulate"}]}', /^fans: <stdin>: gives the key "scenarios" twice in one object, at line 2, column 2/);
  });

  it('never echoes the file: a parse error names the position only', async () => {
    const ran = await fans(['compare', '-'], { stdin: 'root:$6$secrethash:19000:0:99999:7:::\n' });
    expectUsageError(ran, /^fans: <stdin>: is not valid JSON: unexpected character at line 1, column 1$/);
    expect(ran.stderr).not.toContain('secret');
    expect(ran.stderr).not.toContain('root');
  });

  it('refuses -0 and null as the flags do, saying how to get the default', async () => {
    await refused('{"scenarios": [{"name": "a", "command": "simulate", "depth": -0}]}', /^fans: <stdin>: scenarios\[0\]\.depth: must be a whole number from 0 to 5,000 \(got -0\)$/);
    await refused('{"scenarios": [{"name": "a", "command": "simulate", "market": null}]}', /^fans: <stdin>: scenarios\[0\]\.market: must be a number or a text \(null is not a value: leave the field out for its default\)$/);
  });

  it('refuses text that is not UTF-8, and reads a byte-order mark as UTF-8', async () => {
    await refused(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /^fans: <stdin>: is not UTF-8 text$/);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"scenarios": [{"name": "bom", "command": "simulate"}]}')]);
    const ran = await fans(['compare', '-', '--format', 'csv'], { stdin: withBom });
    expect(ran.stdout.split('\r\n')[0]).toBe('period,bom');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s field as unknown, and pollutes nothing', async (key) => {
    await refused(`{"scenarios": [{"name": "a", "command": "simulate", "${key}": {"polluted": true}}]}`, new RegExp(`^fans: <stdin>: scenarios\\[0\\]: unknown field "${key}"$`));
    await refused(`{"${key}": {"polluted": true}, "scenarios": [{"name": "a", "command": "simulate"}]}`, new RegExp(`^fans: <stdin>: unknown field "${key}"$`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes __proto__ and constructor as plain scenario names', async () => {
    const stdin = JSON.stringify({ scenarios: [{ name: '__proto__', command: 'simulate' }, { name: 'constructor', command: 'compound', years: 2 }] });
    const ran = await fans(['compare', '-', '--format', 'json'], { stdin });
    expect(ran.code).toBe(0);
    const doc = JSON.parse(ran.stdout);
    expect(doc.rows[1]).toEqual({ period: 1, ['__proto__']: 11, constructor: 2 });
    expect(Object.keys(doc.rows[1])).toEqual(['period', '__proto__', 'constructor']);
    expect((await fans(['compare', '-', '--format', 'csv'], { stdin })).stdout.split('\r\n')[0]).toBe('period,__proto__,constructor');
  });

  it('refuses scenarios whose output would be too big or overflow, naming the field', async () => {
    await refused('{"scenarios": [{"name": "a", "command": "simulate", "fanout": 1000000, "depth": 5000}]}', /^fans: <stdin>: scenarios\[0\]\.depth must be at most 2,581 with fanout 1,000,000: the exact rows would pass 40,000,000 digits$/);
    await refused('{"scenarios": [{"name": "a", "command": "compound", "rate": 0.5, "years": 10000}]}', /^fans: <stdin>: scenarios\[0\]\.years must be at most 1,750 with these parameters: expected values pass 1\.8e308/);
  });

  it('refuses a name that is not text, and a value of the wrong type', async () => {
    await refused('{"scenarios": [{"name": 3, "command": "simulate"}]}', /scenarios\[0\]\.name: must be a string$/);
    await refused('{"scenarios": [{"name": "a", "command": "simulate", "fanout": [10]}]}', /scenarios\[0\]\.fanout: must be a number or a text$/);
    await refused('{"scenarios": [{"name": "a", "command": "simulate", "fanout": true}]}', /scenarios\[0\]\.fanout: must be a number or a text$/);
  });
});

describe('long values (issue 12: linear parsers, capped values, short echoes)', () => {
  it.each([
    ['--cycle', ['simulate', '--cycle', `${'1'.repeat(100_000)}x`]],
    ['--depth', ['simulate', '--depth', `${'1'.repeat(100_000)}x`]],
    ['--conversion', ['simulate', '--conversion', `${'1'.repeat(100_000)}%`]],
    ['--quantiles', ['simulate', '--trials', '5', '--quantiles', `${'5,'.repeat(50_000)}5`]],
    ['--locale', ['simulate', '--locale', 'x'.repeat(100_000)]],
    ['<target>', ['goal', `${'9'.repeat(100_000)}x`, '--fanout', '10']],
  ])('%s of 100,000 characters is refused in one short line', async (flag, args) => {
    const ran = await fans(args);
    expectUsageError(ran, new RegExp(`^fans: ${flag.replace(/[<>]/g, '.')} `));
    expect(ran.stderr.length).toBeLessThan(300);
  });

  it('a 1 MiB-scale value in a scenario file is refused by its length, not parsed', async () => {
    const ran = await fans(['compare', '-'], { stdin: `{"scenarios": [{"name": "a", "command": "simulate", "depth": "${'1'.repeat(900_000)}x"}]}` });
    expectUsageError(ran, /^fans: <stdin>: scenarios\[0\]\.depth: is too long: at most 100 characters \(got "1{40}…", 900,001 characters\)$/);
  });

  it.each([
    [['simulate', '--format', `\u001b[31m${'x'.repeat(300)}`], /^fans: option '--format <format>' argument '\\u001b\[31mx{30}…' is invalid\./],
    [['simulate', `--${'x'.repeat(300)}`], /^fans: unknown option '--x{38}…'$/],
    [['x'.repeat(300)], /^fans: unknown command 'x{40}…'$/],
  ])("commander's own messages are cut and escaped too: %#", async (args, message) => {
    const ran = await fans(args);
    expectUsageError(ran, message);
    expect(ran.stderr.length).toBeLessThan(200);
  });

  it('escapes control characters, C1 controls and direction overrides in what it echoes', async () => {
    const ran = await fans(['simulate', '--depth', '\u001b]0;pwned\u0007\u009b2J\u202e']);
    expectUsageError(ran, /^fans: --depth must be a whole number from 0 to 5,000 \(got "\\u001b\]0;pwned\\u0007\\u009b2J\\u202e"\)$/);
    expect(ran.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });
});

describe('names from files reach terminals, SVG and spreadsheets safely (issue 12)', () => {
  const scenario = (name: string) => JSON.stringify({ scenarios: [{ name, command: 'simulate' }, { name: 'minus', command: 'compound', years: 1 }] });

  it.each(['a\u001b]0;title\u0007', 'tab\there', 'line\nbreak', 'c1\u009b2J', 'rtl\u202eevil'])('refuses control characters in a name: %j', async (name) => {
    const ran = await fans(['compare', '-'], { stdin: scenario(name) });
    expectUsageError(ran, /^fans: <stdin>: scenarios\[0\]\.name: must not hold control characters, tabs, line breaks, direction overrides or other invisible characters \(such as a zero-width space or a soft hyphen\)$/);
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)'])('guards a name a spreadsheet would run as a formula: %j', async (name) => {
    const csv = (await fans(['compare', '-', '--format', 'csv'], { stdin: scenario(name) })).stdout;
    const tsv = (await fans(['compare', '-', '--format', 'tsv'], { stdin: scenario(name) })).stdout;
    const header = csv.split('\r\n')[0]!;
    expect(header.startsWith(`period,"'${name.replaceAll('"', '""')}"`) || header.startsWith(`period,'${name}`)).toBe(true);
    expect(tsv.split('\n')[0]).toBe(`period\t'${name}\tminus`);
  });

  it('keeps negative numbers numbers', async () => {
    const { toCsv, toTsv } = await import('../../src/output/delimited.js');
    expect(toCsv(['a', 'b'], [{ a: -1.5, b: '-1.5' }])).toBe("a,b\r\n-1.5,'-1.5\r\n");
    expect(toTsv(['a'], [{ a: -3 }])).toBe('a\n-3\n');
  });

  it('writes a well-formed SVG whatever the file name holds', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { XMLValidator } = await import('fast-xml-parser');
    const file = join(scratch, 'odd\u0001\u001b[31m<name>&.json');
    writeFileSync(file, scenario('ok'));
    const svg = (await fans(['compare', file, '--format', 'svg'])).stdout;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('one output cap for a whole compare (issue 12)', () => {
  it('refuses 50 scenarios each under the cap whose rows together pass it, before computing any', async () => {
    const file = JSON.stringify({ scenarios: Array.from({ length: 50 }, (_, i) => ({ name: `s${i}`, command: 'simulate', fanout: 1000000, depth: 2500 })) });
    const ran = await fans(['compare', '-', '--format', 'csv'], { stdin: file });
    expectUsageError(ran, /^fans: <stdin>: the exact rows of all scenarios would pass 40,000,000 digits in all \(about [\d,]+\); shorten the depth or years, e.g\. of scenarios\[0\] \("s0"\)$/);
  });

  it('still takes many scenarios that fit together', async () => {
    const file = JSON.stringify({ scenarios: Array.from({ length: 50 }, (_, i) => ({ name: `s${i}`, command: 'compound', years: 1000 })) });
    expect((await fans(['compare', '-', '--format', 'csv'], { stdin: file })).code).toBe(0);
  });

  it('draws a chart of 14 scenarios of 10,000 years without overflowing the stack', async () => {
    const file = JSON.stringify({ scenarios: Array.from({ length: 14 }, (_, i) => ({ name: `s${i}`, command: 'compound', years: 10000, rate: 0.01 * (i + 1) / 100 })) });
    const svg = await fans(['compare', '-', '--format', 'svg'], { stdin: file });
    expect(svg.code).toBe(0);
    const chart = await fans(['compare', '-', '--chart', '--format', 'table'], { stdin: file });
    expect(chart.code).toBe(0);
  });
});

// Issue #34, item 11: the smaller holes a torture run found.
describe('small holes, closed', () => {
  const compare = (scenarios: string) => fans(['compare', '-', '--format', 'csv'], { stdin: `{"scenarios": [${scenarios}]}` });

  it('invisible characters in names are refused: U+061C, a zero-width space, a soft hyphen, a byte-order mark', async () => {
    for (const name of ['a\u061cb', 'a\u200bb', 'a\u00adb', 'a\ufeffb']) {
      expectUsageError(await compare(`{"name": ${JSON.stringify(name)}, "command": "simulate"}`), /must not hold control characters, tabs, line breaks, direction overrides or other invisible characters/);
    }
    // The joiners that Persian words and emoji sequences need are names like any other.
    expect((await compare('{"name": "\u0645\u06cc\u200c\u0631\u0648\u0645", "command": "simulate"}, {"name": "\ud83d\udc68\u200d\ud83d\udc69", "command": "simulate"}')).code).toBe(0);
  });

  it('a name of a blank then = reaches CSV as text, with the leading quote', async () => {
    const ran = await compare('{"name": " =1+1", "command": "simulate"}');
    expect(ran.code).toBe(0);
    expect(ran.stdout.split('\r\n')[0]).toContain("' =1+1");
  });

  it('NaN and Infinity are echoed as such by the library, not as null', async () => {
    const { treeGrowth } = await import('../../src/index.js');
    expect(() => treeGrowth({ start: 1, fanout: NaN, depth: 3, conversion: 1, market: null })).toThrow(/^fanout must be a number from 0 to 1,000,000 \(got NaN\)$/);
    expect(() => treeGrowth({ start: 1, fanout: Infinity, depth: 3, conversion: 1, market: null })).toThrow(/\(got Infinity\)$/);
  });

  it('SOURCE_DATE_EPOCH past the year 2999, or malformed, is named, not blamed on --depth or ignored', async () => {
    for (const epoch of ['999999999999', '1e9', '-5', '12.5']) {
      expectUsageError(await fans(['simulate', '--cycle', '1m', '--depth', '2'], { env: { SOURCE_DATE_EPOCH: epoch } }), /^fans: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 before the year 3000/);
    }
    const ran = await fans(['simulate', '--cycle', '1m', '--depth', '1', '--format', 'csv'], { env: { SOURCE_DATE_EPOCH: '1798761600' } });
    expect(ran.stdout).toContain('2027-01-01');
  });

  it('--output followed by a flag is refused, not written as a file named after the flag; --id beside --sizes is refused', async () => {
    expectUsageError(await fans(['fit', 'examples/referrals.csv', '--output', '--fit']), /^fans: --output needs a file name, not "--fit" \(a flag\?\): write \.\/--fit for a file of that name$/);
    expectUsageError(await fans(['fit', '-', '--sizes', '--id', 'x'], { stdin: 'size\n1\n2\n' }), /^fans: --id names the columns of who referred whom, not of --sizes/);
  });
});
