import { Chalk, supportsColor } from 'chalk';
import { countFormat } from '../output/number.js';
import type { Style } from '../output/render.js';
import type { Io } from './io.js';
import { isInvalid, environmentLocale, localeTag } from './parse.js';
import { UsageError } from './io.js';

/**
 * Colour level: 0 unless stdout is a terminal, NO_COLOR is unset or empty and `--no-color`
 * was not given; then what chalk detects for the terminal, at least basic colours.
 */
export function colourLevel(io: Pick<Io, 'env' | 'stdoutIsTTY'>, colourFlag: boolean): 0 | 1 | 2 | 3 {
  if (!colourFlag || (io.env.NO_COLOR ?? '') !== '' || !io.stdoutIsTTY) return 0;
  return supportsColor ? (Math.max(1, supportsColor.level) as 1 | 2 | 3) : 1;
}

/** How tables look: locale (from `--locale` or the environment) and colour. */
export function buildStyle(io: Io, flags: { locale?: unknown; color?: unknown }): Style & { locale: string } {
  let locale = environmentLocale(io.env);
  if (flags.locale !== undefined) {
    const tag = localeTag(String(flags.locale));
    if (isInvalid(tag)) throw new UsageError(`--locale ${tag.invalid} (got ${JSON.stringify(flags.locale)})`);
    locale = tag;
  }
  return { locale, count: countFormat(locale), chalk: new Chalk({ level: colourLevel(io, flags.color !== false) }) };
}
