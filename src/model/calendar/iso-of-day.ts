/**
 * A day number (days from 1970-01-01, UTC) as `YYYY-MM-DD`.
 *
 * @example isoOfDay(20849) // => '2027-01-31'
 */
export const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
