/**
 * What the models accept, in one place: the bounds (enough for any real programme, small
 * enough never to hang) and the words that say them. The CLI's flags and the library's
 * functions check against the same rules and say them the same way
 * (`depth must be a whole number from 0 to 5,000`).
 */
export const bounds = {
  start: 1e15,
  fanout: 1_000_000,
  depth: 5_000,
  rate: 1_000,
  years: 10_000,
  market: 1e15,
  target: 1e300,
  trials: 10_000_000,
  /** trials x periods: about a minute of work on one core, so nothing seems to hang. */
  trialPeriods: 200_000_000,
  seed: 2 ** 32 - 1,
  dispersion: 1e6,
  threads: 64,
  /** Days of a run by day or period (100 years): the CLI's horizon and the calendar helpers' bound. */
  days: 36_525,
  /** Stages of a spread-out delay. */
  stages: 100,
} as const;

/**
 * A whole number with commas between thousands (`1,000,000`, `-1,000`), for messages:
 * written without ICU or a regular expression; anything but a whole number as `String` writes it.
 */
export function thousands(x: number): string {
  if (!Number.isSafeInteger(x)) return String(x);
  const digits = String(Math.abs(x));
  let out = x < 0 ? '-' : '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return out;
}

/** The words of each rule: what a value must be. */
export const ruleText = {
  whole: (min: number, max: number) => `must be a whole number from ${thousands(min)} to ${thousands(max)}`,
  real: (min: number, max: number, above = false) => (above ? `must be a number above ${thousands(min)} and up to ${thousands(max)}` : `must be a number from ${thousands(min)} to ${thousands(max)}`),
  share: 'must be a share from 0 to 1',
} as const;
