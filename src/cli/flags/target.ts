import { UsageError } from '../io/io.js';
import { bounds } from './options.js';
import { isInvalid, quoted, realNumber } from './parse.js';

const targetRule = realNumber(0, bounds.target, true, 'whole');

/**
 * A number of fans to reach, above 0 and up to 1e300 (`<target>` of `fans goal`, or
 * `--target` of a chart); `name` heads the message. Its own file: a chart's --target is read
 * without loading the goal command.
 *
 * @example readTarget('1,200', '--target') // => 1200
 */
export function readTarget(text: unknown, name: string): number {
  const target = targetRule(String(text));
  if (isInvalid(target)) throw new UsageError(`${name} ${target.invalid} (got ${quoted(text)})`);
  return target;
}
