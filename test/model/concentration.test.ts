// Issue 13, item 3: the 80/20 view of the offspring distribution.
import { describe, expect, it } from 'vitest';
import { BlockRandom, gamma } from '../../src/model/chains/engine.js';
import { type Offspring, concentration } from '../../src/index.js';
import { poissonDraw } from '../../src/model/chains/poisson.js';

const negbin = (R: number, k: number): Offspring => ({ distribution: 'negbin', introductions: R, conversion: 1, dispersion: k });

describe('p80 against superspreading', () => {
  it.each([
    // tests/testthat/_snaps/proportion_transmission.md (R = 2, k = 0.5), and the vignette's table of Lloyd-Smith et al.'s estimates
    [2, 0.5, 0.264419],
    [1.63, 0.16, 0.1300095],
    [3.19, 0.37, 0.2405781],
    [0.32, 0.58, 0.1609538],
    [1.32, 1.37, 0.3392229],
    [0.7, 1.66, 0.3023708],
    [1.5, 5.1, 0.4315065],
  ])('R = %s, k = %s: p80 = %s', (R, k, p80) => {
    expect(concentration(negbin(R, k))!.p80).toBeCloseTo(p80, 6);
  });
});

/** p80 and t20 from a pmf written out term by term (factorials and powers, no recurrence). */
function direct(pmf: (j: number) => number, mean: number, terms: number) {
  const p = Array.from({ length: terms }, (_, j) => pmf(j));
  let brought = 0;
  let fans = 0;
  let p80 = NaN;
  for (let j = 0; j < terms; j++) {
    const share = (j * p[j]!) / mean;
    if (brought + share >= 0.2) {
      p80 = 1 - (fans + ((0.2 - brought) / share) * p[j]!);
      break;
    }
    brought += share;
    fans += p[j]!;
  }
  let top = 0;
  let theirs = 0;
  for (let j = terms - 1; j >= 0 && top < 0.2; j--) {
    const take = Math.min(p[j]!, 0.2 - top);
    top += take;
    theirs += j * take;
  }
  return { p80, t20: theirs / mean };
}
const factorial = (j: number) => Array.from({ length: j }, (_, i) => i + 1).reduce((a, b) => a * b, 1);

describe('p80 and t20 against sums written out', () => {
  it.each([0.5, 1.5, 4])('Poisson mean %s', (m) => {
    const expected = direct((j) => (Math.exp(-m) * m ** j) / factorial(j), m, 60);
    const got = concentration({ distribution: 'poisson', introductions: m, conversion: 1, dispersion: 1 })!;
    expect(got.p80).toBeCloseTo(expected.p80, 10);
    expect(got.t20).toBeCloseTo(expected.t20, 10);
  });

  it.each([0.5, 2, 5])('geometric mean %s', (m) => {
    const expected = direct((j) => (1 / (1 + m)) * (m / (1 + m)) ** j, m, 800);
    const got = concentration({ distribution: 'geometric', introductions: m, conversion: 1, dispersion: 1 })!;
    expect(got.p80).toBeCloseTo(expected.p80, 10);
    expect(got.t20).toBeCloseTo(expected.t20, 10);
  });

  it('fixed 2.5 at 50%: two or three introductions, half of them fans', () => {
    const b = (n: number, j: number) => (j > n ? 0 : (factorial(n) / (factorial(j) * factorial(n - j))) * 0.5 ** n);
    const expected = direct((j) => 0.5 * b(2, j) + 0.5 * b(3, j), 1.25, 4);
    const got = concentration({ distribution: 'fixed', introductions: 2.5, conversion: 0.5, dispersion: 1 })!;
    expect(got.p80).toBeCloseTo(expected.p80, 12);
    expect(got.t20).toBeCloseTo(expected.t20, 12);
  });

  it('nonreferrers put their zeros in: 30% never refer, the rest Poisson(3)', () => {
    const expected = direct((j) => (j === 0 ? 0.3 : 0) + (0.7 * Math.exp(-3) * 3 ** j) / factorial(j), 2.1, 60);
    const got = concentration({ distribution: 'poisson', introductions: 3, conversion: 1, dispersion: 1 }, 0.3)!;
    expect(got.p80).toBeCloseTo(expected.p80, 10);
    expect(got.t20).toBeCloseTo(expected.t20, 10);
  });
});

describe('p80 and t20 against sampled referral counts (200,000 fans, seed 13)', () => {
  /** Sorts sampled counts and measures both shares directly. */
  function measured(counts: number[]) {
    const sorted = [...counts].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    let sum = 0;
    let i = 0;
    while (sum < 0.8 * total) sum += sorted[i++]!;
    const top = Math.round(0.2 * sorted.length);
    return { p80: i / sorted.length, t20: sorted.slice(0, top).reduce((a, b) => a + b, 0) / total };
  }
  it.each([
    ['negbin R = 2, k = 0.5', negbin(2, 0.5)],
    ['Poisson 1.5', { distribution: 'poisson', introductions: 1.5, conversion: 1, dispersion: 1 } as Offspring],
  ])('%s', (_, o) => {
    const rng = new BlockRandom(13, 0);
    const n = 200_000;
    const k = o.introductions;
    const counts = Array.from({ length: n }, () => (o.distribution === 'poisson' ? poissonDraw(rng, k) : poissonDraw(rng, (gamma(rng, o.dispersion) * k) / o.dispersion)));
    const got = concentration(o)!;
    const seen = measured(counts);
    // The sample's shares move by about 1/sqrt(n) x a few: 0.01 is over 4 standard errors here.
    expect(Math.abs(seen.p80 - got.p80)).toBeLessThan(0.01);
    expect(Math.abs(seen.t20 - got.t20)).toBeLessThan(0.01);
  });
});
