import { describe, expect, it } from 'vitest';
import { dateTicks, handDates, intlDates, periodStart } from '../../src/output/date-ticks.js';
import { peopleFormat } from '../../src/output/number.js';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Every day from `from`, `n` of them, as a by-day run's axis holds them. */
const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => iso(Date.parse(from) + i * 86_400_000));
const months = (fromYear: number, n: number) => Array.from({ length: n }, (_, i) => `${fromYear + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

describe('periodStart: the first day of the period a label names', () => {
  it('reads days, months, quarters, ISO weeks and years', () => {
    expect(iso(periodStart('2027-03-07')!.time)).toBe('2027-03-07');
    expect(iso(periodStart('2027-03')!.time)).toBe('2027-03-01');
    expect(iso(periodStart('2027-Q2')!.time)).toBe('2027-04-01');
    expect(iso(periodStart('2027')!.time)).toBe('2027-01-01');
    // ISO 8601 weeks start on Monday, week 1 holding 4 January: 2027-W01 starts 2027-01-04,
    // 2026 has 53 weeks (1 January 2026 is a Thursday), 2026-W53 starts 2026-12-28, and
    // 2020-W01 starts in 2019 (30 December).
    expect(iso(periodStart('2027-W01')!.time)).toBe('2027-01-04');
    expect(iso(periodStart('2026-W53')!.time)).toBe('2026-12-28');
    expect(iso(periodStart('2020-W01')!.time)).toBe('2019-12-30');
  });

  it('is null for anything else, and then the axis keeps its period labels', () => {
    for (const label of ['3', 'year 3', '2027-13', '2027-02-30', '2027-Q5', '2027-W54', '27-01-01', '']) expect(periodStart(label)).toBeNull();
    expect(dateTicks(['0', '1', '2'], () => true)).toBeNull();
    // Dates out of order (no run has them) are not an axis of time either.
    expect(dateTicks(['2027-02-01', '2027-01-01'], () => true)).toBeNull();
  });
});

describe('dateTicks: labels on calendar boundaries, the finest that fit', () => {
  it('a by-day run of 1,000 days from 2026-12-02: years fit where quarters do not, each at its own day', () => {
    const axis = days('2026-12-02', 1000);
    const ticks = dateTicks(axis, (t) => t.length <= 4)!;
    expect(ticks.map((t) => t.label)).toEqual(['2027', '2028', '2029']);
    // Each tick stands exactly on the day it names: the index of 1 January in the run.
    for (const tick of ticks) expect(axis[tick.at]).toBe(`${tick.label}-01-01`);
  });

  it('chooses by what fits: half-years, quarters, months as room allows', () => {
    const axis = months(2027, 36);
    expect(dateTicks(axis, (t) => t.length <= 7)!.map((t) => t.label)).toEqual(['2027', 'Jul', '2028', 'Jul', '2029', 'Jul']);
    expect(dateTicks(axis, (t) => t.length <= 12)!.map((t) => t.label)).toEqual(['2027', 'Apr', 'Jul', 'Oct', '2028', 'Apr', 'Jul', 'Oct', '2029', 'Apr', 'Jul', 'Oct']);
    expect(dateTicks(axis, (t) => t.length <= 36)!).toHaveLength(36);
    // Calendar months are never labelled finer than their own grain (no Mondays on a month axis).
    expect(dateTicks(axis, () => true)!).toHaveLength(36);
    expect(dateTicks(axis, () => false)).toBeNull();
  });

  it('places a boundary between two periods where it falls in time', () => {
    // Quarterly cycle dates from 15 February: 1 January 2028 lies 47 of the 92 days from 15 November to 15 February.
    const axis = ['2027-02-15', '2027-05-15', '2027-08-15', '2027-11-15', '2028-02-15'];
    const year = dateTicks(axis, (t) => t.length <= 1)!;
    expect(year).toEqual([{ at: 3 + 47 / 92, label: '2028' }]);
  });

  it('the first tick names its year, so an axis inside one year says which; month names in the language', () => {
    const axis = days('2027-03-05', 200);
    expect(dateTicks(axis, (t) => t.length <= 7, 'en')!.map((t) => t.label)).toEqual(['Apr 2027', 'May', 'Jun', 'Jul', 'Aug', 'Sep']);
    expect(dateTicks(axis, (t) => t.length <= 7, 'nl')!.map((t) => t.label)).toEqual(['apr 2027', 'mei', 'jun', 'jul', 'aug', 'sep']);
    // Weeks start on Monday; day ticks are written as day and month.
    const short = dateTicks(days('2027-03-05', 30), (t) => t.length <= 5, 'nl')!;
    expect(short.map((t) => t.label)).toEqual(['8 mrt 2027', '15 mrt', '22 mrt', '29 mrt']);
    expect(short[0]!.at).toBe(3);
  });

  it('every other Monday where every Monday is too many: the same Mondays on every axis', () => {
    const ticks = dateTicks(days('2027-01-05', 86), (t) => t.length <= 11, 'en')!;
    expect(ticks.map((t) => t.label)).toEqual(['Jan 18, 2027', 'Feb', 'Feb 15', 'Mar', 'Mar 15', 'Mar 29']);
    for (const tick of ticks) if (!/^(Feb|Mar)$/.test(tick.label)) expect(new Date(`${days('2027-01-05', 86)[tick.at]}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('stays bounded on a long axis: no more than 400 ticks of any interval are tried', () => {
    let tried = 0;
    const axis = days('2000-01-01', 40_000);
    const ticks = dateTicks(axis, (t) => {
      tried = Math.max(tried, t.length);
      return t.length <= 11;
    })!;
    expect(tried).toBeLessThanOrEqual(400);
    expect(ticks.map((t) => t.label)).toEqual(['2000', '2010', '2020', '2030', '2040', '2050', '2060', '2070', '2080', '2090', '2100']);
  });
});

describe('tick labels by hand, as Intl writes them', () => {
  it.each(['en', 'nl', 'en-US', 'nl-NL'])('%s: every day of 2027 and 2028, as a month and as a day, with and without its year', (locale) => {
    const ours = handDates(locale)!;
    const theirs = intlDates(locale);
    let days = 0;
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000, days++) {
      const date = new Date(t);
      for (const kind of ['month', 'day'] as const) for (const withYear of [false, true]) expect(ours(date, kind, withYear)).toBe(theirs(date, kind, withYear));
    }
    expect(days).toBe(365 + 366);
    expect(handDates('en')!(new Date(Date.UTC(2027, 8, 7)), 'day', true)).toBe('Sep 7, 2027');
    expect(handDates('nl')!(new Date(Date.UTC(2027, 2, 7)), 'day', true)).toBe('7 mrt 2027');
  });

  it('leaves other languages to Intl', () => {
    expect(handDates('de')).toBeNull();
    expect(dateTicks(['2027-02', '2027-03', '2027-04', '2027-05'], () => true, 'de')![0]!.label).toBe(intlDates('de')(new Date(Date.UTC(2027, 1, 1)), 'month', true));
  });
});

describe('peopleFormat: counts of people on a picture', () => {
  it('whole from 10 on, as countFormat below', () => {
    expect(peopleFormat('nl-NL')(3231.56)).toBe('3.232');
    expect(peopleFormat('en-US')(3231.5)).toBe('3,232');
    expect(peopleFormat('en-US')(9.5)).toBe('9.5');
    expect(peopleFormat('en-US')(1111n)).toBe('1,111');
    expect(peopleFormat('en-US')(1.5e20)).toBe('1.5E20');
  });
});
