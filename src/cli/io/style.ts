import { type Paint, type Style, plainPaint } from '../../output/render.js';
import type { Io } from './io.js';
import type { Words } from '../../output/words/index.js';
import { numbersFor } from '../../output/words/numbers.js';

/**
 * Colour level, by the usual rules in this order: `--no-color` or a non-empty NO_COLOR
 * (https://no-color.org) means none; FORCE_COLOR means colour even when piped (`0` or
 * `false`: none; empty, `1` or `true`: basic; `2`: 256 colours; `3`: true colour, as chalk
 * and Node read it); TERM=dumb means none; otherwise colour only on a terminal, at the
 * level chalk detects for it (at least basic colours).
 */
export async function colourLevel(io: Pick<Io, 'env' | 'stdoutIsTTY'>, colourFlag: boolean): Promise<0 | 1 | 2 | 3> {
  if (!colourFlag || (io.env.NO_COLOR ?? '') !== '') return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === 'false' || force === '0') return 0;
    if (force === '' || force === 'true') return 1;
    const level = Number.parseInt(force, 10);
    return Number.isFinite(level) && level > 0 ? (Math.min(level, 3) as 1 | 2 | 3) : 1;
  }
  if (io.env.TERM === 'dumb' || !io.stdoutIsTTY) return 0;
  const { supportsColor } = await import('chalk');
  return supportsColor ? (Math.max(1, supportsColor.level) as 1 | 2 | 3) : 1;
}

/**
 * How tables look: the locale (a checked `--locale`, else the environment's: main.ts resolves
 * it once) and colour. chalk is loaded only when there is colour to paint.
 */
export async function buildStyle(io: Io, flags: { locale: string; color?: unknown; words: Words }): Promise<Style> {
  const locale = flags.locale;
  const level = await colourLevel(io, flags.color !== false);
  const chalk = level === 0 ? plainPaint : painted(new (await import('chalk')).Chalk({ level }));
  // Sentences wrap at the terminal's width (at spaces); piped output is not wrapped.
  const wrap = io.stdoutIsTTY && io.columns && io.columns >= 40 ? io.columns : undefined;
  const numbers = numbersFor(locale);
  return { locale, count: numbers.count, chalk, wrap, words: flags.words, numbers };
}

/** Paint from a chalk instance: bold, dim, and a colour per chart series. */
function painted(chalk: import('chalk').ChalkInstance): Paint {
  const colours = [chalk.cyan, chalk.magenta, chalk.yellow, chalk.green, chalk.blue, chalk.red];
  return { bold: (t) => chalk.bold(t), dim: (t) => chalk.dim(t), color: (i, t) => colours[i % colours.length]!(t) };
}
