/** The options of Intl.NumberFormat that `fans` uses. */
export interface NumberOptions {
  style?: 'decimal' | 'percent';
  notation?: 'standard' | 'scientific';
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  maximumSignificantDigits?: number;
}

/**
 * Intl.NumberFormat('en-US', options) written out by hand, for the options `fans` uses:
 * the first use of Intl loads ICU, which costs about a fifth of Node's start-up here, and
 * en-US is the default locale. Like ICU, it rounds the shortest decimal form of the number
 * (so 1.005 rounds to 1.01) half away from zero, scales percentages in decimal, and groups
 * thousands with commas. A property test holds it equal to Intl.
 *
 * @example enUsFormat({ maximumFractionDigits: 2 })(1234.567) // => '1,234.57'
 */
export function enUsFormat(options: NumberOptions): (value: number | bigint) => string {
  const percent = options.style === 'percent';
  const scientific = options.notation === 'scientific';
  const minFraction = options.minimumFractionDigits ?? 0;
  const zeros = minFraction > 0 && !scientific ? `.${'0'.repeat(minFraction)}` : '';
  return (value) => {
    if (typeof value === 'bigint' && !scientific) return (value < 0n ? '-' : '') + group((value < 0n ? -value : value).toString()) + zeros;
    if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '-∞';
    const sign = value < 0 || Object.is(value, -0) ? '-' : '';
    // Shortest decimal form: digits d1 d2 ... and the power of ten of d1 (a bigint's own digits).
    const [mantissa, power] =
      typeof value === 'bigint'
        ? ((text) => [text, String(text.length - 1)])((value < 0n ? -value : value).toString())
        : (Math.abs(value).toExponential().split('e') as [string, string]);
    let digits = mantissa.replace('.', '');
    let exponent = Number(power) + (percent ? 2 : 0);
    const suffix = percent ? '%' : '';
    if (withoutTrailingZeros(digits) === '') return `${sign}0${scientific ? 'E0' : zeros}${suffix}`;
    // How many digits to keep: significant ones, or those up to the last fraction digit.
    const keep = options.maximumSignificantDigits ?? (scientific ? 6 : exponent + 1 + (options.maximumFractionDigits ?? 3));
    if (keep < 0) return `${sign}0${zeros}${suffix}`;
    if (digits.length > keep) {
      const roundUp = digits.charCodeAt(keep) >= 53; // '5'
      digits = digits.slice(0, keep);
      if (roundUp) {
        const carried = increment(digits);
        if (carried.length > digits.length) exponent += 1;
        digits = carried.slice(0, Math.max(keep, 1));
      }
    }
    digits = withoutTrailingZeros(digits);
    if (digits === '') return `${sign}0${zeros}${suffix}`;
    if (scientific) return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}E${exponent}${suffix}`;
    const whole = exponent >= 0 ? digits.slice(0, exponent + 1).padEnd(exponent + 1, '0') : '0';
    const fraction = (exponent >= 0 ? digits.slice(exponent + 1) : '0'.repeat(-exponent - 1) + digits).padEnd(minFraction, '0');
    return `${sign}${group(whole)}${fraction ? `.${fraction}` : ''}${suffix}`;
  };
}

/** A string of decimal digits plus one, as a string (`'199'` gives `'200'`, `'99'` gives `'100'`). */
function increment(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== '9') {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return `1${chars.join('')}`;
}

/**
 * Commas between groups of three digits, as en-US writes them: `1234567` gives `1,234,567`.
 * Plain string work (no ICU), for tables, messages and chart labels alike.
 */
export function group(digits: string): string {
  // Linear in the length (a lookahead regular expression is quadratic on 40 million digits).
  const first = digits.length % 3 || 3;
  if (digits.length <= 3) return digits;
  const parts = [digits.slice(0, first)];
  for (let i = first; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return parts.join(',');
}

/**
 * Intl.NumberFormat('nl-NL', options) written out by hand: en-US's digits with the marks
 * swapped, a dot between groups and a decimal comma. ICU writes nl-NL so for every option
 * `fans` uses (the same minus sign, percent sign, `E` and grouping from four digits); a
 * property test holds it equal to Intl. Dutch is the other language `fans` speaks, and
 * nl_NL.UTF-8 the locale of most of its readers: this spares them ICU's loading at start-up.
 *
 * @example nlNlFormat({ maximumFractionDigits: 2 })(1234.567) // => '1.234,57'
 */
export function nlNlFormat(options: NumberOptions): (value: number | bigint) => string {
  const enUs = enUsFormat(options);
  return (value) => dutchMarks(enUs(value));
}

/**
 * A number written the en-US way, with nl-NL's marks: its dots and commas swapped.
 *
 * @example dutchMarks('-1,234.50') // => '-1.234,50'
 */
export function dutchMarks(enUs: string): string {
  let swapped = '';
  for (const c of enUs) swapped += c === '.' ? ',' : c === ',' ? '.' : c;
  return swapped;
}

/**
 * Digits without their trailing zeros (`digits.replace(/0+$/, '')`, with no regular expression
 * to compile at start-up; see output/before-any.ts).
 *
 * @example withoutTrailingZeros('12500') // => '125'
 */
export function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits[end - 1] === '0') end--;
  return digits.slice(0, end);
}

/** Dutch short words of thousands to trillions after a number, as ICU's nl-NL compact notation writes them. */
const dutchPowers = ['', 'K', '\u00a0mln.', '\u00a0mld.', '\u00a0bln.'];

/**
 * Intl.NumberFormat('nl-NL', { notation: 'compact', maximumSignificantDigits: 3 }) by hand:
 * three significant digits, then the short word of the rounded number's thousands (`1,5K`,
 * `1,5 mln.`, `12,5 mld.`, `1 bln.`: 10^12, a *biljoen*), so 999,999 is `1 mln.` as in ICU.
 * For the labels of a Dutch chart's axis; a test holds it equal to Intl.
 *
 * @example nlNlCompact(1_500_000) // => '1,5\u00a0mln.'
 */
export function nlNlCompact(x: number): string {
  const short = nlNlFormat({ maximumSignificantDigits: 3 });
  if (!Number.isFinite(x)) return short(x);
  // Rounded to three significant digits: below 999.5 a plain number; from there on the
  // rounding falls on whole numbers (and 999.5 itself), which a double holds exactly.
  const rounded = Number(Math.abs(x).toPrecision(3));
  if (rounded < 1000) return short(x);
  const thousands = Math.min(Math.floor(Number(rounded.toExponential().split('e')[1]) / 3), dutchPowers.length - 1);
  const mantissa = rounded / 10 ** (3 * thousands);
  // Past the last word (from 10^15) ICU counts biljoenen, grouped from five digits on (as
  // compact notation groups): 1000 bln., 10.000 bln.
  return `${x < 0 ? '-' : ''}${mantissa >= 1000 && mantissa < 10000 ? String(mantissa) : short(mantissa)}${dutchPowers[thousands]}`;
}

/**
 * A formatter for a locale: the hand-written one for en-US and nl-NL (no ICU to load), else
 * Intl.NumberFormat.
 *
 * @example numberFormat('nl-NL', { maximumFractionDigits: 0 })(1111) // => '1.111'
 */
export function numberFormat(locale: string, options: NumberOptions): (value: number | bigint) => string {
  if (locale === 'en-US') return enUsFormat(options);
  if (locale === 'nl-NL') return nlNlFormat(options);
  const intl = new Intl.NumberFormat(locale, options);
  return (value) => intl.format(value);
}
