import { type Distribution, distributions } from './chains/offspring.js';
import { bounds, ruleText } from './limits.js';

/**
 * A value the library does not accept: `name` is `FansInputError`, `field` the parameter,
 * and the message says what is allowed, in the CLI's words:
 * `fanout must be a number from 0 to 1,000,000 (got -1)`.
 */
export class FansInputError extends RangeError {
  override name = 'FansInputError';
  constructor(
    readonly field: string,
    rule: string,
    value: unknown,
  ) {
    super(`${field} ${rule} (got ${shown(value)})`);
  }
}

/** A value as an error message shows it: JSON where it can (NaN and Infinity as such, not JSON's null), cut to 100 characters. */
function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'bigint' ? `${value}n` : typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks a whole number from min to max. */
export function whole(field: string, value: unknown, min: number, max: number): void {
  if (!isNumber(value) || !Number.isInteger(value) || value < min || value > max) throw new FansInputError(field, ruleText.whole(min, max), value);
}

/** Checks a real number from min to max (above min when `above`). */
export function real(field: string, value: unknown, min: number, max: number, above = false): void {
  if (!isNumber(value) || (above ? value <= min : value < min) || value > max) throw new FansInputError(field, ruleText.real(min, max, above), value);
}

/** Checks a share from 0 to 1. */
export function share(field: string, value: unknown): void {
  if (!isNumber(value) || value < 0 || value > 1) throw new FansInputError(field, ruleText.share, value);
}

/** Checks a market: null (no limit), or a whole number from 1 to 1e15 and at least the start. */
export function market(value: unknown, start: number): void {
  if (value === null) return;
  whole('market', value, 1, bounds.market);
  if ((value as number) < start) throw new FansInputError('market', `must be at least the starting fans, ${start}`, value);
}

/** Checks a calendar date: a valid `Date` from 1900-01-01 to 2999-12-31 (the CLI's dates). */
export function date(field: string, value: unknown): void {
  const ok = value instanceof Date && !Number.isNaN(value.getTime()) && value.getFullYear() >= 1900 && value.getFullYear() <= 2999;
  if (!ok) throw new FansInputError(field, 'must be a valid Date from 1900-01-01 to 2999-12-31', value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : String(value));
}

/** Checks the parameters every model shares: start, conversion, market. */
export function common(p: { start: unknown; conversion: unknown; market: unknown }): void {
  whole('start', p.start, 0, bounds.start);
  share('conversion', p.conversion);
  market(p.market, p.start as number);
}

/** Checks a referral-count distribution's name and dispersion. */
export function offspring(o: { distribution: unknown; introductions: unknown; conversion: unknown; dispersion: unknown }, introductions: string): void {
  if (!distributions.includes(o.distribution as Distribution)) throw new FansInputError('distribution', `must be one of ${distributions.join(', ')}`, o.distribution);
  real(introductions, o.introductions, 0, introductions === 'rate' ? bounds.rate : bounds.fanout);
  share('conversion', o.conversion);
  real('dispersion', o.dispersion, 0, bounds.dispersion, true);
}
