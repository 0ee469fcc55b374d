/**
 * The year, month and day of a `YYYY-MM-DD` text, as written, or null for any other text:
 * `/^(\d{4})-(\d{2})-(\d{2})$/`'s groups, read without running a pattern (V8 compiles each
 * pattern at its first use in a process, about 0.05 ms of a calendar run's start apiece, and
 * no code cache keeps that; docs/performance.md). Whether it is a date is dateOf's question
 * (dates.ts).
 *
 * @example isoDateParts('2027-02-30') // => { year: '2027', month: '02', day: '30' }
 */
export function isoDateParts(text: string): { year: string; month: string; day: string } | null {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return null;
  for (const at of [0, 1, 2, 3, 5, 6, 8, 9]) if (!(text[at]! >= '0' && text[at]! <= '9')) return null;
  return { year: text.slice(0, 4), month: text.slice(5, 7), day: text.slice(8) };
}
