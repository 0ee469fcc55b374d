import { describe, expect, it } from 'vitest';
import { calendarPeriods, cycleDate, dateOf, isoDate, periodCount } from '../../src/model/calendar/dates.js';
import { discreteGrowthRate, growthRate, pascalDelay, pascalGrowthRate, pascalSd, pascalWeights } from '../../src/model/calendar/delays.js';
import { renewalDays } from '../../src/model/calendar/renewal.js';
import { runCalendarBlock } from '../../src/model/calendar/engine.js';
import { runEventBlock } from '../../src/model/calendar/events.js';
import type { CalendarChain } from '../../src/model/calendar/chain.js';
import type { TotalsSink } from '../../src/model/chains/sink.js';
import type { ChainParams } from '../../src/model/chains/montecarlo.js';

const day = (text: string) => dateOf(text) as Date;

describe('calendar arithmetic (date-fns)', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'], // a leap year
    ['2027-01-31', 2, '2027-03-31'], // counted from the start, not from 28 February
    ['2027-01-31', 3, '2027-04-30'],
    ['2027-01-31', 12, '2028-01-31'],
    ['2028-02-29', 12, '2029-02-28'],
  ])('%s plus %i months is %s', (start, months, expected) => {
    expect(isoDate(cycleDate(day(start), { amount: 1, unit: 'm' }, months))).toBe(expected);
  });

  it('adds days, weeks, years and a fractional month', () => {
    expect(isoDate(cycleDate(day('2027-12-25'), { amount: 30, unit: 'd' }, 3))).toBe('2028-03-24');
    expect(isoDate(cycleDate(day('2027-01-01'), { amount: 2, unit: 'w' }, 2))).toBe('2027-01-29');
    expect(isoDate(cycleDate(day('2028-02-29'), { amount: 1, unit: 'y' }, 4))).toBe('2032-02-29');
    // 1.5 months: one month, then half of the next month's 28 days.
    expect(isoDate(cycleDate(day('2027-01-15'), { amount: 1.5, unit: 'm' }, 1))).toBe('2027-03-01');
    // The rest is a share of the days to the next whole-month date from the start (29 March to 29 April 2028: 31 days, half is 16),
    // not of the next calendar month's days (April's 30 would give 15 and 13 April): the README's example (issue #29).
    expect(isoDate(cycleDate(day('2028-02-29'), { amount: 1.5, unit: 'm' }, 1))).toBe('2028-04-14');
  });

  it("chooses the stage count by the variance, as the README says: a 1m cycle with spread 3d has 24 stages (sd 2.857), not 23 (sd 3.137, nearer in sd)", () => {
    const month = 365.2425 / 12;
    const d = pascalDelay(month, 3)!;
    expect(d.stages).toBe(24);
    expect(pascalSd(d)).toBeCloseTo(2.857, 3);
    expect(pascalSd({ stages: 23, chance: 23 / month })).toBeCloseTo(3.137, 3);
  });

  it('refuses what is no date, saying why', () => {
    expect(dateOf('2027-02-30')).toEqual({ invalid: 'is no date: February 2027 has 28 days' });
    expect(dateOf('2028-02-30')).toEqual({ invalid: 'is no date: February 2028 has 29 days' });
    expect(dateOf('27-1-1')).toEqual({ invalid: 'must be a date written YYYY-MM-DD, such as 2027-01-31' });
    expect(dateOf('2027-13-01')).toEqual({ invalid: 'is no date: there is no month 13' });
    expect(isoDate(day('2028-02-29'))).toBe('2028-02-29');
  });

  it('splits a run into calendar periods, the first one partial when the start is mid-period', () => {
    // 15 February 2027 to 15 August 2027, by quarter.
    const periods = calendarPeriods(day('2027-02-15'), 181, 'quarter');
    expect(periods).toEqual([
      { name: '2027-Q1', first: 0, last: 44 }, // 15 February to 31 March
      { name: '2027-Q2', first: 45, last: 135 }, // 1 April to 30 June
      { name: '2027-Q3', first: 136, last: 181 }, // 1 July to 15 August
    ]);
    // 1 January 2027 is a Friday of ISO week 53 of 2026.
    expect(calendarPeriods(day('2027-01-01'), 3, 'week').map((p) => p.name)).toEqual(['2026-W53', '2027-W01']);
    expect(calendarPeriods(day('2028-02-28'), 2, 'day').map((p) => p.name)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('counts periods as it lists them', () => {
    for (const by of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      for (const [start, days] of [['2027-01-01', 0], ['2027-02-15', 181], ['2028-12-31', 1000], ['2026-06-30', 3653]] as const) {
        expect(periodCount(day(start), days, by)).toBe(calendarPeriods(day(start), days, by).length);
      }
    }
  });
});

/** The root of 1 = K E[e^(-rT)] for a gamma T, with E by numerical integration of the density (Simpson's rule). */
function gammaRateByQuadrature(K: number, mean: number, sd: number): number {
  const shape = (mean * mean) / (sd * sd);
  const scale = (sd * sd) / mean;
  const logNorm = -shape * Math.log(scale) - lgamma(shape);
  const transform = (r: number) => {
    const steps = 20_000;
    const top = mean + 40 * sd;
    const h = top / steps;
    let sum = 0;
    for (let i = 0; i <= steps; i++) {
      const t = i * h || 1e-300;
      const f = Math.exp(logNorm + (shape - 1) * Math.log(t) - t / scale - r * t);
      sum += (i === 0 || i === steps ? 1 : i % 2 ? 4 : 2) * f;
    }
    return (sum * h) / 3;
  };
  let low = -0.5 / scale;
  let high = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (K * transform(mid) > 1) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** ln Γ by Lanczos (g = 7), for the test's own quadrature. */
function lgamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

describe('growth rate: 1 = K E[e^(-rT)] (Wallinga and Lipsitch 2007)', () => {
  it('a fixed delay of 2.85 days with K = e^(0.2 x 2.85) grows 0.2 a day', () => {
    expect(growthRate(Math.exp(0.2 * 2.85), 2.85, null)).toBeCloseTo(0.2, 14);
    // A Pascal delay with q = 1 is a fixed delay of k days.
    expect(pascalGrowthRate(Math.exp(0.2 * 3), { stages: 3, chance: 1 })).toBeCloseTo(0.2, 14);
  });

  it.each([
    [1.5, 30, 10],
    [3, 7, 7],
    [0.8, 30, 15],
    [10, 14, 3],
  ])('the gamma formula (μ/σ²)(K^(σ²/μ²) - 1) for K %f, μ %f, σ %f agrees with a numerical root', (K, mean, sd) => {
    const r = growthRate(K, mean, sd)!;
    expect(Math.abs(r - gammaRateByQuadrature(K, mean, sd))).toBeLessThan(1e-7);
    expect(Math.sign(r)).toBe(Math.sign(K - 1));
  });

  it.each([
    [1.5, 30, 10],
    [2, 10, 9],
    [0.7, 60, 20],
  ])('the Pascal closed form ln(1 + q(K^(1/k) - 1)) for K %f, μ %f, σ %f agrees with the root over its daily chances', (K, mean, sd) => {
    const delay = pascalDelay(mean, sd)!;
    expect(pascalGrowthRate(K, delay)!).toBeCloseTo(discreteGrowthRate(K, pascalWeights(delay, 5000))!, 10);
  });

  it('a Pascal delay of many short days tends to the gamma of the same shape', () => {
    const rate = pascalGrowthRate(2, { stages: 4, chance: 4 / 10_000 })!;
    expect(rate / growthRate(2, 10_000, 5_000)!).toBeCloseTo(1, 3);
  });
});

describe('Pascal delays', () => {
  it.each([
    [30, 10],
    [30.436875, 14],
    [7, 2],
    [365.2425, 60],
  ])('mean %f is exact and the spread %f the nearest whole stages allow', (mean, sd) => {
    const delay = pascalDelay(mean, sd)!;
    expect(delay.stages / delay.chance).toBeCloseTo(mean, 10);
    const w = pascalWeights(delay, 36_525);
    let total = 0;
    let first = 0;
    let second = 0;
    w.forEach((p, s) => {
      total += p;
      first += p * s;
      second += p * s * s;
    });
    expect(total).toBeCloseTo(1, 10);
    expect(first).toBeCloseTo(mean, 6);
    expect(Math.sqrt(second - first * first)).toBeCloseTo(pascalSd(delay), 6);
    // One stage more or fewer would be further from the spread asked for.
    for (const stages of [delay.stages - 1, delay.stages + 1]) {
      if (stages < 1 || stages > mean) continue;
      expect(Math.abs(pascalSd({ stages, chance: stages / mean }) ** 2 - sd * sd)).toBeGreaterThanOrEqual(Math.abs(pascalSd(delay) ** 2 - sd * sd));
    }
  });

  it('has no delay past one stage of spread: sd above about the mean', () => {
    expect(pascalDelay(30, 90)).toBeNull();
    expect(pascalDelay(30, 29)).toEqual({ stages: 1, chance: 1 / 30 });
  });
});

describe('the renewal equation', () => {
  const fixed = (days: number) => Float64Array.from({ length: days + 1 }, (_, s) => (s === days ? 1 : 0));

  it("with a fixed delay gives Skok's U(t) = U0 (K^(t/ct + 1) - 1)/(K - 1) at whole cycles", () => {
    const [U0, K, ct] = [3, 1.7, 12];
    // As chances by day, and as a Pascal delay of 12 stages each left for sure after a day.
    for (const interval of [{ weights: fixed(ct) }, { delay: { stages: ct, chance: 1 } }]) {
      const fresh = renewalDays({ model: 'tree', start: U0, K, market: null, ...interval, days: 10 * ct });
      let total = 0;
      fresh.forEach((n, t) => {
        total += n;
        if (t % ct === 0) expect(total).toBeCloseTo((U0 * (K ** (t / ct + 1) - 1)) / (K - 1), 9);
        else expect(n).toBe(0);
      });
    }
  });

  it('with a fixed delay compounds: (1 + K)^t at whole cycles', () => {
    for (const interval of [{ weights: fixed(5) }, { delay: { stages: 5, chance: 1 } }]) {
      const fresh = renewalDays({ model: 'compound', start: 1, K: 0.5, market: null, ...interval, days: 50 });
      let total = 0;
      fresh.forEach((n, t) => {
        total += n;
        if (t % 5 === 0) expect(total).toBeCloseTo(1.5 ** (t / 5), 10);
      });
    }
  });

  it('grows at the Euler-Lotka rate once the start is forgotten', () => {
    const delay = pascalDelay(30, 10)!;
    for (const [model, K] of [['tree', 1.5], ['compound', 0.3]] as const) {
      for (const interval of [{ weights: pascalWeights(delay, 2000) }, { delay }]) {
        const fresh = renewalDays({ model, start: 1, K, market: null, ...interval, days: 2000 });
        const r = pascalGrowthRate(model === 'tree' ? K : 1 + K, delay)!;
        expect(Math.log(fresh[2000]! / fresh[1999]!)).toBeCloseTo(r, 9);
      }
    }
  });

  it("run in a Pascal delay's stages, gives what its chances by day give, to what those leave off (1e-12 a generation): with churn, a market and customers already there", () => {
    const yearly = pascalDelay(365.2425, 121.75)!;
    const quarterly = pascalDelay(91.3, 45)!;
    const cases = [
      { model: 'compound', start: 200, K: 0.59, market: null, delay: yearly, days: 3653 },
      { model: 'compound', start: 10, K: 0.3, market: 5000, delay: quarterly, days: 2922, leave: 0.001 },
      { model: 'tree', start: 5, K: 1.5, market: 1e6, delay: pascalDelay(30.44, 3)!, days: 730 },
      { model: 'tree', start: 40, K: 0.8, market: null, delay: quarterly, days: 1000, arrivals: Float64Array.from({ length: 1001 }, (_, t) => (t > 0 && t <= 100 ? 0.3 : 0)) },
    ] as const;
    for (const { delay, ...run } of cases) {
      const bySum = renewalDays({ ...run, weights: pascalWeights(delay, run.days) });
      const byStages = renewalDays({ ...run, delay });
      let most = 0;
      for (let t = 0; t <= run.days; t++) most = Math.max(most, Math.abs(byStages[t]! - bySum[t]!) / Math.max(bySum[t]!, 1e-6));
      // Each generation of referrals adds what the chances by day leave off (1e-12) once more: a hundred of them at most here.
      expect(most).toBeLessThan(1e-10);
    }
  });

  it('never passes a market', () => {
    const fresh = renewalDays({ model: 'compound', start: 10, K: 2, market: 1000, weights: pascalWeights(pascalDelay(10, 3)!, 400), days: 400 });
    const total = fresh.reduce((a, b) => a + b);
    expect(total).toBeLessThanOrEqual(1000);
    expect(total).toBeGreaterThan(990);
  });
});

// Issue #33: the fan-by-fan engine (events.ts) is held to the same theory as the day engine,
// by events (a run turning to stages only past 4,096 of them) and turning runs to stages early
// (past 8 events a run).
const engines = [
  ['day engine', runCalendarBlock],
  ['event engine', (p: ChainParams, c: CalendarChain, seed: number, block: number, count: number, sink: TotalsSink) => runEventBlock(p, c, seed, block, count, sink, 4096)],
  ['event engine turning to stages', (p: ChainParams, c: CalendarChain, seed: number, block: number, count: number, sink: TotalsSink) => runEventBlock(p, c, seed, block, count, sink, 8)],
] as const;

describe.each(engines)('sampled calendar runs, %s', (_engine, runBlock) => {
  const chain = (model: 'tree' | 'compound', distribution: 'poisson' | 'negbin' | 'fixed', introductions: number, conversion = 1): ChainParams => ({
    model,
    start: 1,
    periods: 3,
    offspring: { distribution, introductions, conversion, dispersion: 0.5 },
    churn: 0,
    market: null,
  });

  /** Mean and standard error of the runs' totals on each day of `ends`. */
  function runs(p: ChainParams, delay: ReturnType<typeof pascalDelay> & object, days: number, ends: number[], trials: number, seed: number) {
    const sums = ends.map(() => 0);
    const squares = ends.map(() => 0);
    let extinct = 0;
    for (let block = 0, done = 0; done < trials; block++) {
      const count = Math.min(1024, trials - done);
      const out = runBlock(p, { delay, days, ends }, seed, block, count, (period, totals) => {
        for (let i = 0; i < count; i++) {
          sums[period]! += totals[i]!;
          squares[period]! += totals[i]! ** 2;
        }
      });
      extinct += out.extinct[ends.length - 1]!;
      done += count;
    }
    return {
      extinct: extinct / trials,
      means: sums.map((s, i) => ({ mean: s / trials, se: Math.sqrt((squares[i]! / trials - (s / trials) ** 2) / trials) })),
    };
  }

  const delay = pascalDelay(30, 10)!;
  const ends = [40, 90, 150, 200];
  it.each([
    ['tree', 'poisson', 1.5, 1],
    ['tree', 'negbin', 1.5, 1],
    ['tree', 'fixed', 3, 0.5],
    ['compound', 'poisson', 0.3, 1],
    ['compound', 'negbin', 0.3, 1],
    ['compound', 'fixed', 1, 0.5],
  ] as const)('%s with %s referrals: the mean totals are the renewal equation within 4 standard errors (seed 11, 10,000 runs)', (model, distribution, introductions, conversion) => {
    const p = chain(model, distribution, introductions, conversion);
    const K = introductions * conversion;
    const fresh = renewalDays({ model, start: 1, K, market: null, weights: pascalWeights(delay, 200), days: 200 });
    let total = 0;
    const expected = Array.from(fresh, (n) => (total += n));
    const { means } = runs(p, delay, 200, ends, 10_000, 11);
    means.forEach(({ mean, se }, i) => expect(Math.abs(mean - expected[ends[i]!]!)).toBeLessThan(4 * se));
  });

  it('dies out as often as a Galton-Watson chain: q = G(q) for Poisson K = 1.5, within 4 standard errors', () => {
    // Poisson: q = exp(K (q - 1)), iterated from 0.
    let q = 0;
    for (let i = 0; i < 200; i++) q = Math.exp(1.5 * (q - 1));
    const { extinct } = runs(chain('tree', 'poisson', 1.5), delay, 720, [720], 10_000, 5);
    expect(Math.abs(extinct - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / 10_000));
  });
});

// Issue #34, item 10: the library's calendar helpers hold the CLI's bounds (calendarPeriods
// of 1e8 days did not return; renewalDays of 1e8 days allocated 800 MB): FansInputError at once.
describe('calendar helpers refuse what the CLI refuses', () => {
  const start = new Date(2027, 0, 1);
  it.each([
    ['calendarPeriods, 1e8 days', () => calendarPeriods(start, 1e8, 'day'), /^days must be a whole number from 0 to 36,525 \(got 100000000\)$/],
    ['periodCount, 1e8 days', () => periodCount(start, 1e8, 'month'), /^days must be a whole number from 0 to 36,525/],
    ['calendarPeriods, an invalid date', () => calendarPeriods(new Date(NaN), 10, 'day'), /^start must be a valid Date from 1900-01-01 to 2999-12-31/],
    ['calendarPeriods, a kind of period that is none', () => calendarPeriods(start, 10, 'fortnight' as 'day'), /^by must be day, week, month, quarter or year/],
    ['renewalDays, 1e8 days', () => renewalDays({ model: 'tree', start: 1, K: 2, market: null, weights: Float64Array.from([0, 1]), days: 1e8 }), /^days must be a whole number from 0 to 36,525/],
    ['renewalDays, 1e6 weights', () => renewalDays({ model: 'tree', start: 1, K: 2, market: null, weights: new Float64Array(1e6), days: 10 }), /^weights must be a Float64Array of at most 36526 chances/],
    ['renewalDays, weights and a delay', () => renewalDays({ model: 'tree', start: 1, K: 2, market: null, weights: Float64Array.from([0, 1]), delay: { stages: 1, chance: 1 }, days: 10 }), /^delay is given in place of weights, not with them/],
    ['renewalDays, a delay of no stages', () => renewalDays({ model: 'tree', start: 1, K: 2, market: null, delay: { stages: 0, chance: 1 }, days: 10 }), /^delay\.stages must be a whole number/],
    ['pascalWeights, 1e8 days', () => pascalWeights({ stages: 2, chance: 0.1 }, 1e8), /^maxDays must be a whole number from 0 to 36,525/],
    ['pascalWeights, 1e6 stages', () => pascalWeights({ stages: 1e6, chance: 0.5 }, 10), /^stages must be a whole number from 1 to 100/],
  ])('%s: FansInputError', (_, call, message) => {
    expect(call).toThrow(message);
    try {
      call();
    } catch (error) {
      expect((error as Error).name).toBe('FansInputError');
    }
  });

  it('and take what the CLI takes: 36,525 days by day are 36,526 periods', () => {
    expect(calendarPeriods(start, 36_525, 'day')).toHaveLength(36_526);
    expect(renewalDays({ model: 'tree', start: 1, K: 2, market: null, weights: Float64Array.from([0, 1]), days: 3 })).toEqual(Float64Array.from([1, 2, 4, 8]));
  });
});

describe('isoDate', () => {
  it("writes what date-fns's format(date, 'yyyy-MM-dd') writes, every 13th day from 1900 to 2999 and the days around each new year", async () => {
    const { format } = await import('date-fns');
    for (let t = new Date(1900, 0, 1); t.getFullYear() < 3000; t = new Date(t.getFullYear(), t.getMonth(), t.getDate() + 13)) expect(isoDate(t)).toBe(format(t, 'yyyy-MM-dd'));
    for (let year = 1900; year < 3000; year += 7) for (const d of [new Date(year, 0, 1), new Date(year, 11, 31), new Date(year, 1, 29)]) expect(isoDate(d)).toBe(format(d, 'yyyy-MM-dd'));
  });
});
