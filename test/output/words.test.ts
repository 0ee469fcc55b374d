import { describe, expect, it } from 'vitest';
import { numbersFor } from '../../src/output/words/numbers.js';
import { en } from '../../src/output/words/en.js';
import { environmentLanguage, languageNames, wordsOf } from '../../src/output/words/index.js';
import { datum, nl } from '../../src/output/words/nl.js';
import { fans } from '../cli/harness.js';

/** Every path to a leaf of a catalogue, with the leaf's type: `goal.steps: function`. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${path}: ${typeof value}`];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
}

describe('the catalogues of words', () => {
  it('every language has every message, of the same kind', async () => {
    for (const lang of languageNames) expect(leaves(await wordsOf(lang)), lang).toEqual(leaves(en));
    expect(await wordsOf('nl')).toBe(nl);
  });

  it("the delay line names where the spread it is nearest to came from: --cycle-spread's sd (asked) or a dated fit's (fitted)", () => {
    const n = numbersFor('en-US');
    const s = { mean: 41, sd: 28.3, stages: 2, asked: 35 };
    expect(en.calendar.delay(n, { ...s, fitted: false })).toBe('Referrals come 41 days after a fan joins on average, give or take 28.3 days (a Pascal delay of 2 stages: the nearest to the 35 days asked).');
    expect(en.calendar.delay(n, { ...s, fitted: true })).toBe('Referrals come 41 days after a fan joins on average, give or take 28.3 days (a Pascal delay of 2 stages: the nearest to the 35 days fitted).');
    expect(nl.calendar.delay(numbersFor('nl-NL'), { ...s, fitted: true })).toContain('het dichtst bij de gefitte 35 dagen');
    // Within 5% of what was asked or fitted, the stages say it all.
    expect(en.calendar.delay(n, { ...s, asked: 29.7, fitted: true })).toBe('Referrals come 41 days after a fan joins on average, give or take 28.3 days (a Pascal delay of 2 stages).');
  });

  it('Dutch words are Dutch: no text message is left in English (but for words both languages share)', () => {
    const shared = new Set(['xlsx.parameters', 'xlsx.parameter', 'html.parameters']);
    const texts = (words: object) => Object.fromEntries(leaves(words).filter((l) => l.endsWith(': string')).map((l) => l.split(':')[0]!).map((path) => [path, path.split('.').reduce<any>((o, k) => o[k], words)]));
    const english = texts(en);
    for (const [path, text] of Object.entries(texts(nl))) if (path !== 'lang' && !shared.has(path)) expect(text, path).not.toBe(english[path]);
  });

  it('every column a report shows has a Dutch heading', () => {
    for (const column of ['level', 'year', 'new', 'lost', 'total', 'mean', 'meanTheory', 'sdTheory', 'extinct', 'extinctTheory', 'days', 'weeks', 'months', 'years', 'period', 'percentile', 'target', 'net_p5', 'net_p97.5']) {
      expect(nl.column(column), column).not.toBe(column);
    }
    expect(nl.column('net_p97.5')).toBe('netto p97.5');
    expect(nl.column('my scenario')).toBe('my scenario');
  });

  // Each report's headings as a table shows them (the HTML report's, the same words), in English and in Dutch.
  const reports = [
    ['simulate'],
    ['compound', '--churn', '10%'],
    ['simulate', '--trials', '200', '--seed', '1'],
    ['compound', '--trials', '200', '--seed', '1', '--churn', '10%'],
    ['simulate', '--cycle', '30d', '--start-date', '2027-01-01'],
    ['simulate', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2027-12-31', '--by', 'month', '--trials', '200', '--seed', '1'],
    ['goal', '1000', '--by-date', '--fanout', '1.5', '--cycle', '1m', '--start-date', '2027-01-01'],
    ['goal', '1000', '--by-date', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--trials', '200', '--seed', '1'],
    ['simulate', '--value', '100', '--reward', '10', '--cost', '5', '--trials', '200', '--seed', '1'],
    ['fit', 'examples/referrals.csv'],
    ['compare', 'examples/calendar.json'],
  ];
  it.each(reports.map((args) => [args.join(' '), args]))('every heading of `fans %s` is Dutch with --lang nl (but for names both languages use)', async (_, args) => {
    const headings = async (lang: string) => {
      const ran = await fans([...args, '--format', 'html', '--lang', lang]);
      expect(ran.stderr).toBe('');
      return [...ran.stdout.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]!);
    };
    const [english, dutch] = [await headings('en'), await headings('nl')];
    expect(dutch.length).toBe(english.length);
    expect(english.length).toBeGreaterThan(1);
    // A comparison's other columns are the scenarios' own names, as written in the file.
    const checked = args[0] === 'compare' ? 1 : english.length;
    const shared = /^(p[\d.]+|K|k|model|AIC|log L|seed)$/;
    for (let i = 0; i < checked; i++) if (!shared.test(english[i]!)) expect(dutch[i], english[i]).not.toBe(english[i]);
  });

  it('every reason a goal can fail for is worded in both languages', () => {
    const n = numbersFor('nl-NL');
    const reasons = [
      { kind: 'peaks', total: 340.5, unit: 'year', at: 35 },
      { kind: 'levelsOff', total: 2, unit: 'level', at: 9 },
      { kind: 'noPeriods', flag: 'depth' },
      { kind: 'noConversion' },
      { kind: 'allNonreferrers' },
      { kind: 'marketSmall', market: 500 },
      { kind: 'belowOne', k: 0.5, limit: 2 },
      { kind: 'notWithin', max: 5000, unit: 'level' },
      { kind: 'churnOutruns', churn: 0.2, k: 0.1 },
      { kind: 'notEvenWith', name: 'rate', max: 1000 },
      { kind: 'notAny', name: 'rate', max: 1000, total: 900, year: 7, best: 6.5 },
    ] as const;
    for (const why of reasons) {
      const [english, dutch] = [en.goal.why(n, why), nl.goal.why(n, why)];
      expect(english.length, why.kind).toBeGreaterThan(10);
      expect(dutch, why.kind).not.toBe(english);
    }
    expect(nl.goal.why(n, reasons[0])).toBe('het totaal piekt op 340,5 in jaar 35; daarna verliest churn elk jaar meer fans dan aanbevelingen opleveren');
  });

  it('the language comes from --lang, else LC_ALL, LC_MESSAGES, LANG; unknown languages are English', () => {
    expect(environmentLanguage({ LANG: 'nl_NL.UTF-8' })).toBe('nl');
    expect(environmentLanguage({ LC_MESSAGES: 'nl_BE.UTF-8', LANG: 'en_US.UTF-8' })).toBe('nl');
    expect(environmentLanguage({ LC_ALL: 'C', LANG: 'nl_NL.UTF-8' })).toBe('en');
    expect(environmentLanguage({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(environmentLanguage({})).toBe('en');
  });
});

describe('a Dutch report', () => {
  it('tables and summaries in Dutch, numbers in the locale, from --lang and --locale', async () => {
    const ran = await fans(['simulate', '--lang', 'nl', '--locale', 'nl-NL', '--conversion', '30%', '--market', '10.000', '--cycle', '30d', '--start-date', '2027-01-01']);
    expect(ran.stdout).toBe(
      [
        '┌────────┬───────┬────────────┬───────┬────────┐',
        '│ niveau │ dagen │      datum │ nieuw │ totaal │',
        '├────────┼───────┼────────────┼───────┼────────┤',
        '│      0 │     0 │ 2027-01-01 │  1,00 │   1,00 │',
        '│      1 │    30 │ 2027-01-31 │  3,00 │   4,00 │',
        '│      2 │    60 │ 2027-03-02 │  9,00 │  13,00 │',
        '│      3 │    90 │ 2027-04-01 │ 26,95 │  39,95 │',
        '│                              totaal │  39,95 │',
        '└─────────────────────────────────────┴────────┘',
        '1 fan groeit tot 39,95 fans in 3 stappen (90 dagen): 129,95 introducties, waarvan 38,95 (29,97%) nieuwe fans werden.',
        'Groeitempo 3,66% per dag: het aantal nieuwe fans verdubbelt elke 18,9 dagen.',
        'Aanbevelingsfactor K = 3 (fanout 10 × conversie 30%).',
        'Markt: 10.000 personen; 0,4% bereikt.',
        '',
      ].join('\n'),
    );
  });

  it('the environment chooses Dutch too; JSON keys, reasons and CSV headers stay English (an interface)', async () => {
    const env = { LANG: 'nl_NL.UTF-8' };
    expect((await fans(['compound', '--years', '2'], { env })).stdout).toContain('1 fan wordt 4 fans in 2 jaar.');
    expect((await fans(['compound', '--years', '2', '--format', 'csv'], { env })).stdout.split('\r\n')[0]).toBe('year,new,total');
    const goal = await fans(['goal', '1000', '--rate', '0.1', '--churn', '0.2', '--format', 'json'], { env });
    expect(JSON.parse(goal.stdout).reason).toMatch(/^churn \(20% a year\) outruns referrals/);
    const table = await fans(['goal', '1000', '--rate', '0.1', '--churn', '0.2'], { env });
    expect(table.stdout).toContain('Het doel van 1.000 is niet te halen: churn (20% per jaar) is groter dan de aanwas (K = 0,1 per jaar)');
  });

  it('sampled runs and charts speak Dutch', async () => {
    const ran = await fans(['simulate', '--trials', '100', '--seed', '1', '--lang', 'nl', '--chart']);
    expect(ran.stdout).toContain('100 runs met Poisson-aanbevelingen, gemiddelde K = 10 (seed 1; --seed 1 herhaalt het).');
    expect(ran.stdout).toContain('mediaan (p50)');
    expect(ran.stdout.replace(/\n/g, ' ')).toMatch(/\(logaritmische schaal\)/);
    const svg = await fans(['compound', '--years', '20', '--lang', 'nl', '--format', 'svg']);
    expect(svg.stdout).toContain('totaal aantal fans (logaritmische schaal)');
    expect(svg.stdout).toContain('>jaar</text>');
  });

  it('--lang takes en or nl only', async () => {
    const ran = await fans(['simulate', '--lang', 'fr']);
    expect(ran).toMatchObject({ code: 2, stdout: '', stderr: 'fans: --lang must be one of en, nl (got "fr")\n' });
  });
});

describe('Dutch dates as a reader writes them (#32)', () => {
  it('days long in sentences, short on a chart\'s marks; months, quarters and weeks by name', () => {
    expect(datum('2031-02-07')).toBe('7 februari 2031');
    expect(datum('2027-03-01')).toBe('1 maart 2027');
    expect(datum('2031-02-07', true)).toBe('7 feb 2031');
    expect(datum('2028-03')).toBe('maart 2028');
    expect(datum('2027-Q1')).toBe('Q1 2027');
    expect(datum('2027-W05')).toBe('week 5 van 2027');
    // A level or a year number stays as it is.
    expect(datum('4')).toBe('4');
    expect(datum('2031')).toBe('2031');
  });

  it('written by hand as Intl.DateTimeFormat("nl-NL") writes them: every day of a leap year and a common year, and every month', () => {
    const utc = { timeZone: 'UTC' } as const;
    const long = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', ...utc });
    const short = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', ...utc });
    const month = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', ...utc });
    let days = 0;
    for (let t = Date.UTC(2028, 0, 1); t < Date.UTC(2030, 0, 1); t += 86_400_000, days++) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(datum(iso), iso).toBe(long.format(t));
      expect(datum(iso, true), iso).toBe(short.format(t));
      if (iso.endsWith('-01')) expect(datum(iso.slice(0, 7))).toBe(month.format(t));
    }
    expect(days).toBe(366 + 365);
    for (const [iso, t] of [['1900-01-01', Date.UTC(1900, 0, 1)], ['9999-12-31', Date.UTC(9999, 11, 31)]] as const) expect(datum(iso)).toBe(long.format(t));
    // Not a month: left as it is.
    expect(datum('2031-13')).toBe('2031-13');
  });

  it('in jaar 4, op 7 februari 2031, in maart 2028: the preposition the axis needs', () => {
    const n = numbersFor('nl-NL');
    expect(nl.chart.reached(n, { x: '4', xLabel: 'jaar' })).toBe('bereikt in jaar 4');
    expect(nl.chart.reached(n, { x: '2031-02-07', xLabel: 'datum' })).toBe('bereikt op 7 februari 2031');
    expect(nl.chart.paysBack(n, { x: '2028-03', xLabel: 'periode' })).toBe('terugverdiend in maart 2028');
    expect(nl.chart.paysBack(n, { x: '3', xLabel: 'niveau' })).toBe('terugverdiend in niveau 3');
  });

  it('the summary stands under the table, and says so', async () => {
    const dutch = (await fans(['goal', '1000', '--fanout', '10', '--market', '500', '--lang', 'nl'])).stdout;
    expect(dutch).toContain('De beste poging staat in de tabel (500).');
    expect(dutch.indexOf('┌')).toBeLessThan(dutch.indexOf('De beste poging'));
    expect(dutch).not.toContain('hieronder');
  });
});
