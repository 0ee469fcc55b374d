import { describe, expect, it } from 'vitest';
import { marksOf, nlNlMarks, readNumber } from '../../src/cli/flags/number-reading.js';
import { environmentLocale, localeTag } from '../../src/cli/flags/parse.js';
import { expectUsageError, fans, spawnFans } from './harness.js';

/**
 * The table of forms (README, "Numbers as you write them"): for each locale, what a
 * whole-number flag (--market) and a share flag (--conversion) make of a text. A number is
 * the value read; a string is the start of the refusal after the flag's name.
 */
const nnbsp = '\u202f';
const nbsp = '\u00a0';
type Outcome = number | string;
const forms: Record<string, [text: string, market: Outcome, conversion: Outcome][]> = {
  'en-US': [
    ['10000', 10000, 'must be a share'],
    ['0.2', 'must be a whole number', 0.2],
    ['10,000', 10000, 'could be 10000 (comma between thousands) or 10 (comma as decimal mark)'],
    ['10.000', 'could be 10000 (dot between thousands) or 10 (dot as decimal mark), and en-US does not say which: write 10000 or 10', 'must be a share'],
    ['1.500', 'could be 1500 (dot between thousands) or 1.5', 'must be a share'],
    ['0,2', 'reads as 0.2 only with a decimal comma, which en-US does not use: write 0.2, or set --locale nl-NL', 'reads as 0.2 only with a decimal comma, which en-US does not use: write 0.2'],
    ['1,5', 'could be 1.5 (comma as decimal mark) or 15 (comma between thousands), and en-US writes neither that way: write 1.5 or 15', 'could be 1.5 (comma as decimal mark) or 15'],
    ['1,000,000', 1_000_000, 'must be a share'],
    ['1.000.000', 'reads as 1000000 only with a decimal comma, which en-US does not use: write 1,000,000 or 1000000', 'reads as 1000000 only with a decimal comma'],
    ['1,234.5', 'must be a whole number', 'must be a share'],
    ['20%', 'must be a whole number', 0.2],
    ['12,5%', 'must be a whole number', 'could be 12.5 (comma as decimal mark) or 125'],
    ['10 000', 'must be a whole number', 'must be a share'],
    ['1e4', 10000, 'must be a share'],
  ],
  'nl-NL': [
    ['10000', 10000, 'must be a share'],
    ['0.2', 'must be a whole number', 0.2],
    ['10.000', 10000, 'could be 10000 (dot between thousands) or 10 (dot as decimal mark), and nl-NL does not say which: write 10000 or 10'],
    ['1.500', 1500, 'could be 1500 (dot between thousands) or 1.5 (dot as decimal mark), and nl-NL does not say which: write 1500 or 1,5'],
    ['0,2', 'must be a whole number', 0.2],
    ['0,500', 'must be a whole number', 0.5],
    ['10,000', 'could be 10000 (comma between thousands) or 10 (comma as decimal mark), and nl-NL does not say which: write 10000 or 10', 'must be a share'],
    ['1.000.000', 1_000_000, 'must be a share'],
    ['1.234.567,5', 'must be a whole number', 'must be a share'],
    ['1,000,000', 'reads as 1000000 only with a decimal point and commas between thousands, which nl-NL does not use: write 1.000.000 or 1000000, or set --locale en-US', 'reads as 1000000'],
    ['12,5%', 'must be a whole number', 0.125],
    ['12,5 %', 'must be a whole number', 0.125],
    ['1e4', 10000, 'must be a share'],
  ],
  'de-DE': [
    ['10.000', 10000, 'could be 10000 (dot between thousands) or 10'],
    ['0,2', 'must be a whole number', 0.2],
    ['2.500.000', 2_500_000, 'must be a share'],
    ['1,234.5', 'reads as 1234.5 only with a decimal point and commas between thousands, which de-DE does not use: write 1.234,5 or 1234.5', 'reads as 1234.5'],
  ],
  'fr-FR': [
    [`10${nnbsp}000`, 10000, 'must be a share'],
    [`10${nbsp}000`, 10000, 'must be a share'],
    ['10 000', 10000, 'must be a share'],
    ['1 000 000', 1_000_000, 'must be a share'],
    ['0,2', 'must be a whole number', 0.2],
    ['10.000', 'could be 10000 (dot between thousands) or 10 (dot as decimal mark), and fr-FR does not say which', 'could be 10000'],
    ['10,000', 'could be 10000 (comma between thousands) or 10 (comma as decimal mark), and fr-FR does not say which', 'must be a share'],
    ['1,000,000', 'reads as 1000000 only with a decimal point and commas between thousands, which fr-FR does not use: write 1 000 000 or 1000000', 'reads as 1000000'],
  ],
  'en-IN': [
    ['1,00,000', 100000, 'must be a share'],
    ['12,34,567', 1_234_567, 'must be a share'],
    ['100,000', 100000, 'could be 100000 (comma between thousands) or 100'],
    ['10,000', 10000, 'could be 10000 (comma between thousands) or 10'],
    ['1.000.000', 'reads as 1000000 only with a decimal comma, which en-IN does not use: write 10,00,000 or 1000000', 'reads as 1000000'],
    ['0.2', 'must be a whole number', 0.2],
    ['1,0,000', 'must be a whole number', 'must be a share'],
  ],
};

describe('numbers as the reader writes them: the table of forms', () => {
  for (const [locale, rows] of Object.entries(forms)) {
    describe(locale, () => {
      it.each(rows)('%j', async (text, market, conversion) => {
        for (const [flag, outcome] of [['--market', market], ['--conversion', conversion]] as const) {
          const ran = await fans(['simulate', flag, text, '--locale', locale, '--format', 'json']);
          if (typeof outcome === 'number') {
            expect(ran.stderr, `${flag} ${text}`).toBe('');
            expect(JSON.parse(ran.stdout).parameters[flag.slice(2)]).toBe(outcome);
          } else {
            expectUsageError(ran, new RegExp(`^fans: ${flag} ${outcome.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.* \\(got "${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(nnbsp, '\u202f').replace(nbsp, '\u00a0')}"\\)$`));
          }
        }
      });
    });
  }

  it('the environment sets the locale when --locale is absent: LC_ALL, then LC_NUMERIC, then LANG', async () => {
    const market = async (env: Record<string, string>, text = '10.000') => {
      const ran = await fans(['simulate', '--market', text, '--format', 'json'], { env });
      return ran.code === 0 ? JSON.parse(ran.stdout).parameters.market : ran.stderr;
    };
    expect(await market({ LANG: 'nl_NL.UTF-8' })).toBe(10000);
    expect(await market({ LANG: 'en_US.UTF-8', LC_NUMERIC: 'de_DE.UTF-8' })).toBe(10000);
    expect(await market({ LANG: 'nl_NL.UTF-8', LC_ALL: 'C' })).toMatch(/^fans: --market could be 10000/);
    expect(await market({ LANG: 'nl_NL.UTF-8' }, '10000')).toBe(10000);
  });

  it('--locale wins over the environment', async () => {
    const ran = await fans(['simulate', '--market', '10,000', '--locale', 'en-US', '--format', 'json'], { env: { LANG: 'nl_NL.UTF-8' } });
    expect(JSON.parse(ran.stdout).parameters.market).toBe(10000);
  });

  it('every number flag reads by the same rule: start, fanout, depth, churn, the goal target, the cycle', async () => {
    const nl = { env: { LANG: 'nl_NL.UTF-8' } };
    const sim = JSON.parse((await fans(['simulate', '--start', '1.000', '--fanout', '2,5', '--depth', '2', '--cycle', '1,5m', '--format', 'json'], nl)).stdout);
    expect(sim.parameters).toMatchObject({ start: 1000, fanout: 2.5, cycle: '1.5m' });
    expect(sim.total).toBe(1000 * (1 + 2.5 + 6.25));
    const comp = JSON.parse((await fans(['compound', '--rate', '0,5', '--churn', '10%', '--years', '2', '--format', 'json'], nl)).stdout);
    expect(comp.parameters).toMatchObject({ rate: 0.5, churn: 0.1 });
    const goal = JSON.parse((await fans(['goal', '10.000', '--fanout', '10', '--format', 'json'], nl)).stdout);
    expect(goal.target).toBe(10000);
    // The old silent misreading: en-US `--start 1.000` used to start with 1 fan.
    expectUsageError(await fans(['simulate', '--start', '1.000']), /^fans: --start could be 1000 \(dot between thousands\) or 1 \(dot as decimal mark\)/);
    // Lists keep commas as separators: --quantiles reads plain numbers.
    const listed = await fans(['simulate', '--trials', '30', '--seed', '1', '--quantiles', '2,5,50,97,5', '--format', 'csv'], nl);
    expect(listed.stdout.split('\r\n')[0]).toMatch(/,p2,p5,p50,p97,/);
  });

  it('amounts of money read `1.000` as a thousand where the dot groups thousands (cents have two decimals, never three)', async () => {
    const value = async (text: string, locale: string) => {
      const ran = await fans(['compound', '--years', '1', '--value', text, '--format', 'json', '--locale', locale]);
      return ran.code === 0 ? JSON.parse(ran.stdout).money.value : ran.stderr;
    };
    expect(await value('1.000', 'nl-NL')).toBe(1000);
    expect(await value('€ 1.000', 'nl-NL')).toBe(1000);
    expect(await value('1.000,50', 'nl-NL')).toBe(1000.5);
    expect(await value('12,50', 'nl-NL')).toBe(12.5);
    expect(await value('2.500.000', 'de-DE')).toBe(2_500_000);
    expect(await value('1,000', 'en-US')).toBe(1000);
    expect(await value('12.50', 'en-US')).toBe(12.5);
    // The mark the locale does not group with, before three digits: refused with both readings, as for a count.
    expect(await value('1.500', 'en-US')).toMatch(/^fans: --value could be 1500 \(dot between thousands\) or 1\.5 \(dot as decimal mark\), and en-US does not say which/);
    expect(await value('1,500', 'nl-NL')).toMatch(/^fans: --value could be 1500 \(comma between thousands\) or 1\.5 \(comma as decimal mark\), and nl-NL does not say which: write 1500 or 1,5/);
    // Every money flag reads the same way.
    const money = JSON.parse((await fans(['simulate', '--value', '1.000', '--reward', '€ 1.500', '--cost', '2.000', '--cac', '1.250', '--format', 'json', '--locale', 'nl-NL'])).stdout);
    expect(money.money).toMatchObject({ value: 1000, reward: 1500, cost: 2000, cac: 1250 });
  });

  it('scenario files may give numbers as strings, read by the same rule', async () => {
    const file = JSON.stringify({ scenarios: [{ name: 'nl', command: 'simulate', market: '10.000', conversion: '12,5%', fanout: '2,5', depth: 2 }] });
    const ran = await fans(['compare', '-', '--format', 'json', '--locale', 'nl-NL'], { stdin: file });
    expect(ran.stderr).toBe('');
    expect(JSON.parse(ran.stdout).scenarios[0].parameters).toMatchObject({ market: 10000, conversion: 0.125, fanout: 2.5 });
    const en = await fans(['compare', '-', '--format', 'json', '--locale', 'en-US'], { stdin: JSON.stringify({ scenarios: [{ name: 'en', command: 'simulate', market: '10.000' }] }) });
    expectUsageError(en, /^fans: <stdin>: scenarios\[0\]\.market: could be 10000 \(dot between thousands\) or 10/);
  });

  it('reading asks the locale only for texts with a mark (ICU is not loaded for plain numbers)', () => {
    let asked = 0;
    const marks = () => (asked++, marksOf('nl-NL'));
    expect(readNumber('10000', 'whole', marks)).toEqual({ value: 10000, text: '10000' });
    expect(readNumber('0.25', 'fraction', marks)).toEqual({ value: 0.25, text: '0.25' });
    expect(asked).toBe(0);
    expect(readNumber('10.000', 'whole', marks)).toEqual({ value: 10000, text: '10000' });
    expect(asked).toBe(1);
  });
});

describe('en-US and nl-NL without ICU', () => {
  /** The marks as Intl reports them (what marksOf asks ICU for any other locale). */
  const intlMarks = (locale: string) => {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(123456789.5);
    return { decimal: parts.find((p) => p.type === 'decimal')?.value, group: parts.find((p) => p.type === 'group')?.value };
  };

  it("nl-NL's marks are Intl's", () => {
    expect(marksOf('nl-NL')).toBe(nlNlMarks);
    expect(intlMarks('nl-NL')).toEqual({ decimal: nlNlMarks.decimal, group: nlNlMarks.group });
    expect(intlMarks('en-US')).toEqual({ decimal: marksOf('en-US').decimal, group: marksOf('en-US').group });
  });

  it.each(['nl-NL', 'nl_NL', 'nl_NL.UTF-8', ' nl-NL ', 'en-US', 'en_US.utf8'])('the tag %j is the one ICU gives', (text) => {
    const written = text.trim().replace(/\.[\w-]+$/, '').replace(/_/g, '-');
    const [canonical] = Intl.getCanonicalLocales(written);
    expect(Intl.NumberFormat.supportedLocalesOf([canonical!])).toEqual([canonical]);
    expect(localeTag(text)).toBe(canonical);
  });

  it('the environment names them as before: nl_NL.UTF-8 and nl_NL@euro are nl-NL, C is en-US', () => {
    expect(environmentLocale({ LANG: 'nl_NL.UTF-8' })).toBe('nl-NL');
    expect(environmentLocale({ LC_ALL: 'nl_NL@euro', LANG: 'en_US.UTF-8' })).toBe('nl-NL');
    expect(environmentLocale({ LC_NUMERIC: 'en_US.UTF-8', LANG: 'nl_NL.UTF-8' })).toBe('en-US');
    expect(environmentLocale({ LANG: 'C.UTF-8' })).toBe('en-US');
    expect(environmentLocale({ LANG: 'de_DE.UTF-8' })).toBe('de-DE');
    expect(environmentLocale({ LANG: 'xx_YY' })).toBe('en-US');
  });
});

describe('every file of the bundle reads numbers under the run\'s locale', () => {
  // The built CLI: sampled runs, the calendar and goal-by-date load files of their own, each
  // with its own copy of the number reader; in-process runs of src/ cannot show it.
  it.each([
    [['simulate', '--trials', '2.000', '--seed', '1', '--format', 'json'], (doc: { parameters: Record<string, unknown> }) => expect(doc.parameters.trials).toBe(2000)],
    [['simulate', '--market', '10.000', '--cycle', '30d', '--start-date', '2027-01-01', '--format', 'json'], (doc: { parameters: Record<string, unknown> }) => expect(doc.parameters.market).toBe(10000)],
    [['goal', '1.000', '--fanout', '3', '--cycle', '1m', '--by-date', '--start-date', '2027-01-01', '--format', 'json'], (doc: { target: number }) => expect(doc.target).toBe(1000)],
  ] as const)('nl-NL: fans %j', (args, check) => {
    const ran = spawnFans([...args, '--locale', 'nl-NL']);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    (check as (doc: unknown) => void)(JSON.parse(ran.stdout));
  });
});

// Issue #28, item 7: a refusal's suggestion never repeats the refused text.
describe('suggestions that differ from what was refused', () => {
  it('fans goal 936.746 under en-US suggests 936746 or 936.7460, not 936.746 again', async () => {
    const { fans } = await import('./harness.js');
    const ran = await fans(['goal', '936.746']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/write 936746 or 936\.7460 \(got "936\.746"\)\n$/);
  });
});
