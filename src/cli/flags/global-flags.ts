/**
 * Output flags every command takes, which may come before the command's name as well
 * (`fans --lang nl simulate`, clig.dev): `--lang`, `--locale`, `--format`/`-f`,
 * `--output`/`-o` with a value, `--force` without. commander reads a command's own options
 * after its name, so these are moved there, in order, before anything else is read.
 */
const withValue = new Set(['--lang', '--unit', '--locale', '--format', '-f', '--output', '-o']);
const without = new Set(['--force']);

/**
 * The words of a command line with the output flags before the command moved after it.
 *
 * @example hoistGlobalFlags(['--lang', 'nl', 'simulate', '--depth', '2']) // => ['simulate', '--lang', 'nl', '--depth', '2']
 */
export function hoistGlobalFlags(argv: readonly string[]): string[] {
  const before: string[] = [];
  const moved: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const word = argv[i]!;
    const name = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
    if (withValue.has(name)) {
      moved.push(word);
      if (!word.includes('=') && i + 1 < argv.length) moved.push(argv[++i]!);
    } else if (without.has(word)) moved.push(word);
    else before.push(word);
  }
  // No command after them (`fans --lang nl`): left as they are, for commander to say so.
  if (moved.length === 0 || i >= argv.length) return [...argv];
  return [...before, argv[i]!, ...moved, ...argv.slice(i + 1)];
}
