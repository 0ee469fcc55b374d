import { describe, expect, it } from 'vitest';
import { numbersFor } from '../../src/output/words/numbers.js';
import { en } from '../../src/output/words/en.js';
import { nl } from '../../src/output/words/nl.js';
import { withUnit } from '../../src/output/words/unit.js';
import { expectUsageError, fans } from '../cli/harness.js';

const customers = withUnit(en, { one: 'customer', many: 'customers' });
const klanten = withUnit(nl, { one: 'klant', many: 'klanten' });

describe('--unit: the noun for the people counted (#32 item 2)', () => {
  it('names them in the axis, the titles and the sentences, singular and plural, in either language', () => {
    const n = numbersFor('en-US');
    expect(customers.chart.yAxis('log')).toBe('total customers (log scale)');
    expect(customers.compound.becomes(n, { start: 1, total: 1024, years: 10 })).toBe('1 customer becomes 1,024 customers in 10 years.');
    expect(customers.chart.caption(n, { kind: 'compound', start: 200, rate: 0.59, periods: 4, conversion: 1, churn: 0 })).toBe('200 customers, 0.59 new customers each a year, 4 years');
    const m = numbersFor('nl-NL');
    expect(klanten.chart.yAxis('linear')).toBe('totaal aantal klanten (lineaire schaal)');
    expect(klanten.compound.becomes(m, { start: 1, total: 1024, years: 10 })).toBe('1 klant wordt 1.024 klanten in 10 jaar.');
  });

  it('leaves words that only start with fan, the program name and column headings alone', () => {
    const n = numbersFor('en-US');
    expect(customers.chart.caption(n, { kind: 'tree', start: 1, rate: 10, periods: 3, conversion: 0.5, churn: 0 })).not.toMatch(/\bfans?\b/);
    expect(customers.html.footer(7)).toBe(en.html.footer(7));
    expect(customers.html.title('simulate')).toBe('fans simulate');
    expect(customers.column('new')).toBe(en.column('new'));
    // The same catalogue, key by key: nothing lost in the wrapping.
    expect(Object.keys(customers).sort()).toEqual(Object.keys(en).sort());
  });

  it("keeps a user's names as given", () => {
    const n = numbersFor('en-US');
    const line = customers.compare.dated(n, { name: 'fans only', total: 12, date: '2027-01-01', command: 'compound', net: null });
    expect(line.startsWith('fans only: ')).toBe(true);
    expect(customers.chart.caption(n, { kind: 'compare', names: ['fans only', 'klein'] })).toContain('fans only');
  });

  it('from the command line: a Dutch slide says klanten; a bad --unit is one line naming the flag', async () => {
    const svg = (await fans(['compound', '--years', '4', '--rate', '0,59', '--start', '200', '--lang', 'nl', '--locale', 'nl-NL', '--unit', 'klant,klanten', '--format', 'svg'])).stdout;
    expect(svg).toContain('>200 klanten, 0,59 nieuwe klanten per klant per jaar, 4 jaar</text>');
    expect(svg).toContain('>totaal aantal klanten (lineaire schaal)</text>');
    const text = (await fans(['--unit', 'customer,customers', 'compound', '--years', '10'])).stdout;
    expect(text).toContain('1 customer becomes 1,024 customers in 10 years.');
    expectUsageError(await fans(['simulate', '--unit', 'klant']), /^fans: --unit must be the singular and the plural, letters separated by a comma, such as customer,customers or klant,klanten \(got "klant"\)$/);
    expectUsageError(await fans(['simulate', '--unit', 'a,<script>']), /^fans: --unit must be/);
    // Apostrophes, straight and curly (written \u2019 in the source, which stays ASCII), are letters' company.
    expect((await fans(['compound', '--years', '2', '--unit', "friend’s pal,friend's pals"])).stdout).toContain("1 friend’s pal becomes 4 friend's pals in 2 years.");
  });
});
