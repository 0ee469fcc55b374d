import type { Words } from './words.js';

/** The noun for the people a run counts, singular and plural: `klant`, `klanten` (`--unit klant,klanten`). */
export interface Unit {
  one: string;
  many: string;
}

/** Catalogue entries that never name the people counted: column headings, and the program's own name (`fans simulate`, `Made with fans`). */
const untouched = new Set(['column', 'html.title', 'html.footer']);

/**
 * A catalogue whose sentences, titles and axis name the people counted with `unit` instead of
 * fan/fans (Fan/Fans at a sentence's start keeps its capital): `1 fan becomes 1,024 fans in 10
 * years` reads `1 customer becomes 1,024 customers in 10 years`; `het aantal nieuwe fans
 * verdubbelt` reads `het aantal nieuwe klanten verdubbelt`. Words that only start with `fan`
 * (fanout) stay. Names a user gave (a scenario's `name`, a chart's `names`, a records `file`: `fans.csv`) are passed through
 * as they are, whatever they hold.
 *
 * @example withUnit(en, { one: 'customer', many: 'customers' }).chart.yAxis('log') // => 'total customers (log scale)'
 */
export function withUnit(words: Words, unit: Unit): Words {
  const noun = (text: string) =>
    text.replace(/\b([Ff])an(s?)\b/g, (_, f: string, s: string) => {
      const word = s ? unit.many : unit.one;
      return f === 'F' ? word.charAt(0).toLocaleUpperCase() + word.slice(1) : word;
    });
  return wrap(words, '', noun) as Words;
}

/** `value` with every string it holds, or returns, passed through `noun` (except the untouched entries). */
function wrap(value: unknown, path: string, noun: (text: string) => string): unknown {
  if (untouched.has(path.replace(/^\./, ''))) return value;
  if (typeof value === 'string') return noun(value);
  if (typeof value === 'function') {
    return (...args: unknown[]) => {
      // A user's names go in as tokens and come out as they were given.
      const names: string[] = [];
      const shielded = args.map((arg) => shield(arg, names));
      const out = (value as (...a: unknown[]) => unknown)(...shielded);
      if (typeof out !== 'string') return out;
      return noun(out).replace(/\u0000(\d+)\u0000/g, (_, i: string) => names[Number(i)]!);
    };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wrap(inner, `${path}.${key}`, noun)]));
  }
  return value;
}

/** An argument with its `name`, `names` and `file` fields (a user's words, a file's name) replaced by tokens that {@link wrap} restores. */
function shield(arg: unknown, names: string[]): unknown {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return arg;
  const token = (name: string) => `\u0000${names.push(name) - 1}\u0000`;
  const copy: { name?: unknown; file?: unknown; names?: unknown } = { ...arg };
  if (typeof copy.name === 'string') copy.name = token(copy.name);
  if (typeof copy.file === 'string') copy.file = token(copy.file);
  if (Array.isArray(copy.names)) copy.names = copy.names.map((n) => (typeof n === 'string' ? token(n) : n));
  return copy;
}
