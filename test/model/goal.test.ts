import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthToReach, fanoutToReach, rateToReach, yearsToReach } from '../../src/index.js';
import { en } from '../../src/output/words/en.js';
import { numbersFor } from '../../src/output/words/numbers.js';
import type { GoalAnswer } from '../../src/model/growth/goal.js';

/** A reason in the English words JSON carries (the model gives it as data). */
const reasonOf = (answer: GoalAnswer) => (answer.reachable ? '' : en.goal.why(numbersFor('en-US'), answer.why!));

const tree = { start: 1, conversion: 1, market: null };
const yearly = { start: 1, conversion: 1, churn: 0, market: null };

/** Geometric series total, from the formula: s (K^(d+1) - 1) / (K - 1). */
const seriesTotal = (s: number, k: number, d: number) => (k === 1 ? s * (d + 1) : (s * (k ** (d + 1) - 1)) / (k - 1));

describe('depthToReach', () => {
  it('1,000,000 with fanout 10 takes 6 steps (1,111,111; 5 steps give 111,111)', () => {
    expect(depthToReach(1e6, { ...tree, fanout: 10 }, 5000)).toEqual({ reachable: true, value: 6, why: null, attempt: { value: 6, period: 6 } });
  });

  it('is the true minimum of the geometric series for any target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e12 }), (s, f, target) => {
        const d = depthToReach(target, { ...tree, start: s, fanout: f }, 5000).value!;
        expect(seriesTotal(s, f, d)).toBeGreaterThanOrEqual(target);
        if (d > 0) expect(seriesTotal(s, f, d - 1)).toBeLessThan(target);
      }),
    );
  });

  it('is 0 when the start already reaches the target', () => {
    expect(depthToReach(5, { ...tree, start: 5, fanout: 0 }, 5000).value).toBe(0);
  });

  it.each([
    ['a market smaller than the target', { ...tree, fanout: 10, market: 500 }, /market \(500\) is smaller/],
    ['K < 1 with a limit below the target', { ...tree, fanout: 1, conversion: 0.5 }, /K = 0.5 < 1: the total never passes 2/],
    ['K = 0', { ...tree, fanout: 0 }, /K = 0 < 1/],
    ['K = 1, linear growth past the largest depth', { ...tree, fanout: 1 }, /not reached within 5,000 levels/],
  ])('reports %s as unreachable', (_, params, reason) => {
    const answer = depthToReach(1e6, params, 5000);
    expect(answer.reachable).toBe(false);
    expect(answer.value).toBeNull();
    expect(reasonOf(answer)).toMatch(reason);
  });
});

describe('fanoutToReach', () => {
  it('1,000 in 3 steps: the real root of 1 + f + f^2 + f^3 = 1000, and 10 as a whole number', () => {
    const answer = fanoutToReach(1000, { ...tree, depth: 3 }, 1e6);
    expect(answer.wholeValue).toBe(10);
    const f = answer.value!;
    const poly = (x: number) => 1 + x + x * x + x * x * x;
    expect(poly(f)).toBeCloseTo(1000, 9);
    expect(poly(9)).toBeLessThan(1000); // 820: the whole number one below fails
    expect(f).toBeGreaterThan(9.64);
    expect(f).toBeLessThan(9.65);
  });

  it('finds the least whole fanout, with conversion, for any target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.integer({ min: 2, max: 1e9 }), (d, c, target) => {
        const answer = fanoutToReach(target, { ...tree, depth: d, conversion: c }, 1e6);
        if (!answer.reachable) return;
        const w = answer.wholeValue!;
        expect(seriesTotal(1, w * c, d)).toBeGreaterThanOrEqual(target * (1 - 1e-12));
        // One below misses, up to rounding: at an exact tie the iterated sum and the closed form may differ by an ulp.
        if (w > 0) expect(seriesTotal(1, (w - 1) * c, d)).toBeLessThan(target * (1 + 1e-12));
        expect(answer.value!).toBeLessThanOrEqual(w);
        expect(answer.value!).toBeGreaterThan(w - 1);
        expect(seriesTotal(1, answer.value! * c, d)).toBeCloseTo(target, -Math.log10(target) + 9);
      }),
    );
  });

  it('is unreachable with depth 0, conversion 0 or a small market', () => {
    expect(reasonOf(fanoutToReach(10, { ...tree, depth: 0 }, 1e6))).toMatch(/depth 0/);
    expect(reasonOf(fanoutToReach(10, { ...tree, depth: 3, conversion: 0 }, 1e6))).toMatch(/conversion 0/);
    expect(reasonOf(fanoutToReach(10, { ...tree, depth: 3, market: 9 }, 1e6))).toMatch(/market/);
  });
});

describe('yearsToReach', () => {
  it('1,000,000 at rate 1 takes 20 years (2^20 = 1,048,576 >= 1e6 > 2^19)', () => {
    expect(yearsToReach(1e6, { ...yearly, rate: 1 }, 10000).value).toBe(20);
  });

  it('is the least t with s (1 + K - churn)^t >= target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 3, noNaN: true }), fc.double({ min: 0, max: 0.04, noNaN: true }), fc.integer({ min: 2, max: 1e9 }), (r, churn, target) => {
        const t = yearsToReach(target, { ...yearly, rate: r, churn }, 10000).value!;
        const g = 1 + r - churn;
        expect(g ** t).toBeGreaterThanOrEqual(target * (1 - 1e-9));
        expect(g ** (t - 1)).toBeLessThan(target * (1 + 1e-9));
      }),
    );
  });

  it('says when churn outruns referrals', () => {
    expect(reasonOf(yearsToReach(100, { ...yearly, rate: 0.1, churn: 0.2 }, 10000))).toMatch(/churn \(20% a year\) outruns/);
  });
});

describe('rateToReach', () => {
  it('1,000 in 10 years needs (1 + r)^10 = 1000: r = 10^0.3 - 1', () => {
    const r = rateToReach(1000, { ...yearly, years: 10 }, 1000).value!;
    expect(r).toBeCloseTo(10 ** 0.3 - 1, 12);
    expect((1 + r) ** 10).toBeGreaterThanOrEqual(1000 * (1 - 1e-12));
  });

  it('takes conversion and churn into account: (1 + r c - churn)^t', () => {
    const r = rateToReach(1e4, { ...yearly, years: 8, conversion: 0.5, churn: 0.1 }, 1000).value!;
    expect(1 + r * 0.5 - 0.1).toBeCloseTo(1e4 ** (1 / 8), 10);
  });

  it('is unreachable in 0 years', () => {
    expect(rateToReach(10, { ...yearly, years: 0 }, 1000).reachable).toBe(false);
  });
});

/** The compound model written out once more, independently of src/: [total, reached] by year. */
function compoundPath(p: { start: number; rate: number; conversion: number; churn: number; market: number | null }, years: number): number[] {
  const totals = [p.start];
  let total = p.start;
  let reached = p.start;
  for (let t = 1; t <= years; t++) {
    const m = p.market ?? Infinity;
    const fresh = Math.min(total * p.rate * p.conversion * (1 - reached / m), m - reached);
    total = Math.min(total * (1 - p.churn) + fresh, reached + fresh);
    reached += fresh;
    totals.push(total);
  }
  return totals;
}
const reachesWithin = (p: Parameters<typeof compoundPath>[0], years: number, target: number) => compoundPath(p, years).some((t) => t >= target);

describe('rateToReach with churn and a market (the best total is not monotone in the rate)', () => {
  it('finds 6.6133 for 938,377 in 50 years with churn 30% and a market of 1,000,000, reached in year 7', () => {
    const p = { start: 1, conversion: 1, churn: 0.3, market: 1e6 };
    const answer = rateToReach(938377, { ...p, years: 50 }, 1000);
    expect(answer.value!).toBeCloseTo(6.6133, 4);
    expect(answer.attempt.period).toBe(7);
    // 968.47, what plain bisection answered, reaches too: the answer is far below it.
    expect(reachesWithin({ ...p, rate: 968.47 }, 50, 938377)).toBe(true);
    expect(compoundPath({ ...p, rate: answer.value! }, 7)[7]!).toBeGreaterThanOrEqual(938377);
  });

  it('is the least rate that reaches: no rate of a random grid below it reaches (brute force)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.6, noNaN: true }),
        fc.integer({ min: 1000, max: 1e7 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (start, conversion, churn, market, share, years) => {
          const p = { start, conversion, churn, market };
          const target = Math.max(start + 1, Math.floor(market * share));
          const answer = rateToReach(target, { ...p, years }, 1000);
          // A grid of 400 rates, log-spaced over 1e-3..1000, each checked by the independent path.
          const grid = Array.from({ length: 400 }, (_, i) => 10 ** (-3 + (6 * i) / 399));
          const reaching = grid.filter((rate) => reachesWithin({ ...p, rate }, years, target));
          if (!answer.reachable) {
            expect(reaching).toEqual([]);
            return;
          }
          expect(reachesWithin({ ...p, rate: answer.value! }, years, target * (1 - 1e-9))).toBe(true);
          if (reaching.length > 0) expect(answer.value!).toBeLessThanOrEqual(reaching[0]! * (1 + 1e-9));
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('fanoutToReach with a market: the tree total grows with the fanout at every level', () => {
  it('holds on a random grid, so bisection finds the least fanout', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 100, max: 1e7 }), fc.integer({ min: 1, max: 12 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (start, market, depth, conversion) => {
        let previous = -1;
        for (let i = 0; i <= 200; i++) {
          const fanout = 10 ** (-2 + (5 * i) / 200);
          const m = Math.max(market, start);
          let fresh = start;
          let total = start;
          for (let g = 1; g <= depth; g++) {
            fresh = Math.min(fresh * fanout * conversion * (1 - total / m), m - total);
            total = Math.min(total + fresh, m);
          }
          expect(total).toBeGreaterThanOrEqual(previous * (1 - 1e-12));
          previous = total;
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('an unreachable goal keeps its evidence', () => {
  it('names the peak and its year when churn wins after the market fills (1,000 from 50 fans: peaks at 340 in year 35)', () => {
    const p = { start: 50, rate: 1, conversion: 0.2, churn: 0.1, market: 2000 };
    const answer = yearsToReach(1000, p, 10000);
    const path = compoundPath(p, 200);
    const peak = Math.max(...path);
    expect(answer.reachable).toBe(false);
    expect(answer.attempt.period).toBe(path.indexOf(peak));
    expect(path.indexOf(peak)).toBe(35);
    expect(reasonOf(answer)).toMatch(/the total peaks at 340\.\d+ in year 35; after that churn/);
  });

  it('shows the K < 1 tree until it has levelled off, and the churn-bound compound at its start', () => {
    const tree = depthToReach(1e6, { start: 1, fanout: 1, conversion: 0.5, market: null }, 5000);
    expect(tree.attempt.period).toBe(10); // 0.5^10 < 1e-3 <= 0.5^9
    expect(yearsToReach(100, { ...yearly, rate: 0.1, churn: 0.2 }, 10000).attempt).toEqual({ value: 0, period: 0 });
  });
});
