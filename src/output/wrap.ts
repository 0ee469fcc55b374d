/**
 * A line broken at spaces into lines of at most `width` characters (a word longer than the
 * width stands alone); the line unchanged when `width` is undefined (piped output).
 *
 * @example wrapWords('one two three', 8) // => ['one two', 'three']
 */
export function wrapWords(line: string, width: number | undefined): string[] {
  if (width === undefined || line.length <= width) return [line];
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}

/**
 * The length of a text's longest word: how narrow a heading broken at spaces can go.
 *
 * @example longestWord('cumulative net') // => 10
 */
export const longestWord = (text: string): number => Math.max(...text.split(' ').map((word) => word.length));
