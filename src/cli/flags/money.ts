import type { Money } from '../../model/money.js';
import { cycleDays } from '../../model/calendar/dates.js';
import { durationText } from '../../model/calendar/duration-text.js';
import { Amount } from '../../output/amount.js';
import { UsageError } from '../io/io.js';
import { type OptionName, flagName, moneyOptions, optionSpecs } from './options.js';
import type { Flags } from './flags.js';
import { type AmountText, type Duration, type PaidAmount, isInvalid, minorUnits, quoted } from './parse.js';

/**
 * The money flags, read once: --value, --reward, --referee-reward, --cost, --cac in the run's
 * currency, --currency, --per, --margin and --discount, as a {@link Money}; and the refusals
 * that name them.
 */

/** The currency of a region, for the default of --currency: the euro area, and the usual others. */
const regionCurrency: Record<string, string> = {
  ...Object.fromEntries(['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'].map((r) => [r, 'EUR'])),
  US: 'USD', GB: 'GBP', IN: 'INR', JP: 'JPY', CH: 'CHF', CA: 'CAD', AU: 'AUD', NZ: 'NZD', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', BR: 'BRL', MX: 'MXN', CN: 'CNY', ZA: 'ZAR', SG: 'SGD',
};

/**
 * The region a locale tag names as `ll-RR` or `lll-RR` (`nl-NL`: NL), or null: what
 * `/^[a-z]{2,3}-([A-Z]{2})$/` reads, without running a pattern (see flags/characters.ts).
 *
 * @example namedRegion('nl-NL') // => 'NL'
 */
export function namedRegion(locale: string): string | null {
  const dash = locale.indexOf('-');
  const lower = (c: string) => c >= 'a' && c <= 'z';
  const upper = (c: string) => c >= 'A' && c <= 'Z';
  if ((dash !== 2 && dash !== 3) || locale.length !== dash + 3) return null;
  return [...locale.slice(0, dash)].every(lower) && [...locale.slice(dash + 1)].every(upper) ? locale.slice(dash + 1) : null;
}

/** The default currency of a locale: its region's (nl-NL: EUR), or null where none is known. */
export function localeCurrency(locale: string): string | null {
  try {
    // A tag that names its region (en-US, nl-NL) says it without ICU's likely-subtags data.
    const region = namedRegion(locale) ?? new Intl.Locale(locale).maximize().region;
    return (region && regionCurrency[region]) ?? null;
  } catch {
    return null;
  }
}

const amountFlags = ['value', 'reward', 'refereeReward', 'cost', 'cac'] as const;

/**
 * The money flags, checked: each amount in the run's currency (a symbol or code written with
 * it must be that currency's), in whole minor units, as minor units. null when no amount is
 * given. `parsed` holds the flags as the option specs parse them.
 */
export function moneyOf(flags: Flags, locale: string, where = (name: string) => flagName(name)): Money | null {
  const parsed: Partial<Record<(typeof moneyOptions)[number], AmountText | string | null>> = {};
  for (const name of moneyOptions) {
    const text = flags[name];
    if (text === undefined || text === null) continue;
    const spec = optionSpecs[name as OptionName] as { parse: (t: string | number) => unknown };
    const value = spec.parse(typeof text === 'number' ? text : String(text));
    if (isInvalid(value)) throw new UsageError(`${where(name)} ${value.invalid} (got ${quoted(text)})`);
    parsed[name] = value as AmountText | string | null;
  }
  const given = amountFlags.filter((name) => parsed[name] !== undefined && parsed[name] !== null);
  const flagPer = (parsed.per ?? null) as unknown as Duration | null;
  // A period written with the value (`250/year`) is --per's.
  const valuePer = (parsed.value as PaidAmount | null | undefined)?.per ?? null;
  if (flagPer !== null && valuePer !== null && (flagPer.amount !== valuePer.amount || flagPer.unit !== valuePer.unit)) {
    throw new UsageError(`${where('value')} is paid every ${durationText(valuePer)} (got ${quoted(flags.value)}) and ${where('per')} says every ${durationText(flagPer)}: give the period once`);
  }
  const per = flagPer ?? valuePer;
  const margin = (parsed.margin ?? null) as unknown as number | null;
  const discount = (parsed.discount ?? null) as unknown as number | null;
  if (per !== null && !given.includes('value')) throw new UsageError(`${where('per')} says how often --value is paid: give --value too`);
  if (given.length === 0) {
    if (parsed.currency) throw new UsageError(`${where('currency')} names the currency of --value, --reward, --referee-reward, --cost or --cac: give one of them`);
    if (margin !== null) throw new UsageError(`${where('margin')} is the share of revenue that is profit: give --value too`);
    if (discount !== null) throw new UsageError(`${where('discount')} discounts the run's amounts: give --value, --reward, --cost or --cac too`);
    return null;
  }
  const currency = (parsed.currency as string | null | undefined) ?? localeCurrency(locale);
  const digits = currency ? currencyDigits(currency) : 2;
  // Asked of ICU only for an amount written with a mark (`€ 12,50`, `12 euro`): its currency
  // names are most of a money run's start-up.
  let marks: string[] | undefined;
  const minor = (name: (typeof amountFlags)[number]): number => {
    const a = parsed[name] as AmountText | null | undefined;
    if (!a) return 0;
    if (a.mark !== null) {
      if (!currency) throw new UsageError(`${where(name)} is written with ${quoted(a.mark)}, but no currency is set: add --currency CODE`);
      marks ??= currencyMarks(currency, locale);
      if (!marks.includes(a.mark.toUpperCase())) throw new UsageError(`${where(name)} is written in another currency than ${currency} (${quoted(a.mark)}): write the amount in ${currency}, or set --currency`);
    }
    // From the digits as typed, not through a double: 999999999999.99 is 99999999999999 cents.
    const whole = minorUnits(a.decimal, digits);
    if (whole === null) throw new UsageError(`${where(name)} has more decimals than ${currency ?? 'an amount'} has (${digits}) (got ${quoted(flags[name])})`);
    if (whole > BigInt(Number.MAX_SAFE_INTEGER)) {
      const most = new Amount(BigInt(Number.MAX_SAFE_INTEGER), digits).decimal();
      throw new UsageError(`${where(name)} must be at most ${most}${currency ? ` ${currency}` : ''} (2^53 - 1 minor units, the most that a double holds exactly) (got ${quoted(flags[name])})`);
    }
    return Number(whole);
  };
  const value = minor('value');
  return {
    currency,
    digits,
    // With --per the value is paid per period while a customer stays, not once on joining.
    amounts: { value: per ? 0 : value, recurring: per ? value : 0, margin: margin ?? 1, reward: minor('reward'), refereeReward: minor('refereeReward'), cost: minor('cost'), cac: given.includes('cac') ? minor('cac') : null },
    given: new Set(given),
    per,
    discount,
  };
}

/**
 * Digits after the decimal mark of a currency, as ICU (CLDR) has them: 2 for EUR and USD,
 * known without ICU (the default currencies of nl-NL and en-US, held equal to Intl by a
 * test), 0 for JPY.
 *
 * @example currencyDigits('JPY') // => 0
 */
export function currencyDigits(currency: string): number {
  if (currency === 'EUR' || currency === 'USD') return 2;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The marks a currency may be written with: its code and its symbols (en-US's and the locale's). */
function currencyMarks(currency: string, locale: string): string[] {
  // Its symbols, and its names, one and more (`euro`, `euros`, `dollars`), as the locale and en-US write them.
  const symbols = [locale, 'en-US'].flatMap((l) =>
    (['symbol', 'name'] as const).flatMap((display) =>
      [1, 2].flatMap((n) => {
        try {
          return new Intl.NumberFormat(l, { style: 'currency', currency, currencyDisplay: display }).formatToParts(n).filter((p) => p.type === 'currency').map((p) => p.value.trim().toUpperCase());
        } catch {
          return [];
        }
      }),
    ),
  );
  return [currency, ...new Set(symbols)];
}

/**
 * The customer-periods one customer on the books at a period's end pays for: the period's
 * length over --per's (a yearly cycle with --per month: 12), 0 without --per. A tree's level
 * has no length without --cycle: refused there.
 */
export function billingRatio(money: Money, cycle: Duration | null, tree: boolean): number {
  if (money.per === null) return 0;
  if (cycle === null) {
    if (tree) throw new UsageError('--per bills each customer per period of time, and a tree level has no length: give --cycle (e.g. --cycle 1m)');
    return cycleDays({ amount: 1, unit: 'y' }) / cycleDays(money.per);
  }
  return cycleDays(cycle) / cycleDays(money.per);
}

/**
 * The years one step of a run lasts, for --discount: a compound year (1) or the cycle's
 * length (`1m` is 1/12 of a year, `30d` 30/365.2425). A tree's level has no length without
 * --cycle: refused there.
 *
 * @example stepYears({ amount: 3, unit: 'm' }, true) // => 0.25
 */
export function stepYears(cycle: Duration | null, tree: boolean): number {
  if (cycle === null) {
    if (tree) throw new UsageError('--discount counts time, and a tree level has no length: give --cycle (e.g. --cycle 1m)');
    return 1;
  }
  return cycle.unit === 'y' ? cycle.amount : cycle.unit === 'm' ? cycle.amount / 12 : cycleDays(cycle) / cycleDays({ amount: 1, unit: 'y' });
}

/** Refuses rewards where nobody is ever referred: nothing to pay them for. */
export function rewardsPayable(money: Money, k: number, horizon: number, flag: string): void {
  const rewarded = ['reward', 'refereeReward'].find((name) => money.given.has(name));
  if (rewarded && (k === 0 || horizon === 0)) {
    throw new UsageError(`${flagName(rewarded)} pays for referred fans, and ${horizon === 0 ? `with ${flag} 0` : 'with K = 0'} nobody is referred`);
  }
}
