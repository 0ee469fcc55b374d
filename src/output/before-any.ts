/**
 * The part of `text` before the first of the characters `marks`, or all of it: what
 * `text.split(/[marks]/)[0]` gives, without a regular expression (V8 compiles each one a run
 * executes, twice when it runs more than once: about 0.02 to 0.1 ms of start-up apiece, which
 * no code cache keeps; docs/performance.md).
 *
 * @example beforeAny('nl_NL.UTF-8', '_.@-') // => 'nl'
 */
export function beforeAny(text: string, marks: string): string {
  for (let i = 0; i < text.length; i++) if (marks.includes(text[i]!)) return text.slice(0, i);
  return text;
}
