/**
 * The months as ICU (CLDR) writes them in English and Dutch, for dates written by hand
 * (making an Intl.DateTimeFormat loads ICU's calendar data: 10 to 20 ms of a start on Node 22).
 * Tests hold every date written with them equal to Intl.DateTimeFormat.
 */

/** `Jan` … `Dec`: en's short months (`Sep`, not `Sept`). */
export const englishShortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `jan` … `dec`: nl's short months, without a full stop (`mrt`, `okt`). */
export const dutchShortMonths = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

/** `januari` … `december`: nl's months written out. */
export const dutchMonths = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;
