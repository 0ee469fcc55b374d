import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compoundDefaults, compoundGrowth } from '../../src/index.js';

const compound = (over: Partial<typeof compoundDefaults>) => compoundGrowth({ ...compoundDefaults, ...over });

describe('compoundGrowth, exact', () => {
  it('reproduces the article: one fan becomes 2^10 = 1,024 in 10 years', () => {
    const rows = compound({});
    expect(rows.map((r) => r.total)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024].map(BigInt));
    expect(rows.map((r) => r.new)).toEqual([1, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map(BigInt));
  });

  it('is exact past 2^53: 100 years is 2^100 = 1267650600228229401496703205376', () => {
    expect(compound({ years: 100 }).at(-1)!.total).toBe(1267650600228229401496703205376n);
    expect(compound({ years: 5000 }).at(-1)!.total).toBe(2n ** 5000n);
  });

  it('equals start (1 + rate)^years for whole inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 60 }), (s, r, t) => {
        const rows = compound({ start: s, rate: r, years: t });
        rows.forEach((row, year) => expect(row.total).toBe(BigInt(s) * BigInt(1 + r) ** BigInt(year)));
      }),
    );
  });
});

describe('compoundGrowth, expected values', () => {
  it('equals start (1 + rate x conversion - churn)^years without a market', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 40 }),
        (s, r, c, d, t) => {
          const rows = compound({ start: s, rate: r + 0.5, conversion: c, churn: d, years: t });
          const factor = 1 + (r + 0.5) * c - d;
          rows.forEach((row, year) => {
            const expected = s * factor ** year;
            expect(Math.abs((row.total as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
          });
        },
      ),
    );
  });

  it('1.5^10 for rate 0.5 over 10 years', () => {
    expect(compound({ rate: 0.5 }).at(-1)!.total).toBeCloseTo(1.5 ** 10, 10);
  });

  it('loses churn x the fans at the start of each year', () => {
    const rows = compound({ start: 100, rate: 0.5, churn: 0.1, years: 3 });
    // year 1: new 50, lost 10, total 140; year 2: new 70, lost 14, total 196
    expect(rows[1]).toMatchObject({ new: 50, lost: 10, total: 140 });
    expect(rows[2]!.new).toBeCloseTo(70, 12);
    expect(rows[2]!.lost).toBeCloseTo(14, 12);
    expect(rows[2]!.total).toBeCloseTo(196, 12);
  });

  it('scales new fans by the unreached market and never passes it', () => {
    // start 10, rate 1, market 100: year 1: 10 x (1 - 10/100) = 9, total 19;
    // year 2: 19 x (1 - 19/100) = 15.39, total 34.39
    const rows = compound({ start: 10, market: 100, years: 60 });
    expect(rows[1]!.new).toBeCloseTo(9, 12);
    expect(rows[2]!.new).toBeCloseTo(15.39, 12);
    expect(rows[2]!.total).toBeCloseTo(34.39, 12);
    for (const row of rows) expect(row.total).toBeLessThanOrEqual(100);
    expect(rows.at(-1)!.total).toBeCloseTo(100, 6);
  });

  it('keeps the digits near saturation: the unreached share is (market - reached) / market, not 1 - reached / market', () => {
    // K = 10 x 0.3 x 0.3 = 0.9; 100 of 360,478,281,264 left: new = 360478281164 x 0.9 x 100 / 360478281264,
    // worked in exact rationals: 89.99999997503318... (1 - reached / market gave 89.99999461478417).
    const start = 360478281164;
    const rows = compound({ start, rate: 10, years: 1, churn: 1, conversion: 0.3, nonreferrers: 0.7, market: 360478281264 });
    const exact = (360478281164n * 9n * 100n * 10n ** 20n) / (10n * 360478281264n);
    expect(Math.abs(Number(rows[1]!.new) - Number(exact) / 1e20)).toBeLessThan(1e-12);
    expect(Number(rows[1]!.total)).toBeCloseTo(89.99999997503318, 12);
  });
});

describe('compoundGrowth near full churn', () => {
  it('keeps its digits when churn is near 1: total(t) = start (1 + K - churn)^t', () => {
    // (1 + 0 - (1 - 1e-12))^3 = 1e-36 (to the precision of 1 - churn as a double); total - lost would cancel to 1e-4.
    const churn = 1 - 1e-12;
    const rows = compound({ rate: 0, churn, years: 3 });
    const expected = (1 - churn) ** 3;
    expect(Math.abs(Number(rows[3]!.total) / expected - 1)).toBeLessThan(1e-12);
    const withRate = compound({ rate: 0.5, conversion: 1e-12, churn, years: 2 });
    const growth = (1 - churn) + 0.5 * 1e-12; // 1 - churn is exact in doubles (Sterbenz), so this keeps its digits
    expect(Math.abs(Number(withRate[2]!.total) / growth ** 2 - 1)).toBeLessThan(1e-9);
  });
});
