/**
 * The files shipped in the package's examples/ folder, so that the help's examples work
 * after an install: scenario files (`fans example article | fans compare -`) and referral
 * records (`fans example referrals | fans fit -`).
 */
export const examples = {
  article: { file: 'article.json', about: "scenarios: the article's two claims, 3 steps of 10 introductions beside one a year for 10 years" },
  programmes: { file: 'programmes.json', about: 'scenarios: a cautious and a hopeful programme, and a tree with 30% conversion' },
  calendar: { file: 'calendar.json', about: 'scenarios on dates: monthly, quarterly and yearly referrals from 1 January 2027, on one time axis' },
  referrals: { file: 'referrals.csv', about: 'records for fans fit: how many new customers each of 300 customers brought' },
  crm: { file: 'crm.csv', about: "dated records for fans fit: a year's CRM export, who referred whom and when each customer signed up" },
} as const;
export type ExampleName = keyof typeof examples;

/** Where examples/ is: beside dist/ in the package, or at the top of a checkout (tests run src/). */
export function examplesFolder(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../../examples/', import.meta.url) : new URL('../examples/', import.meta.url);
}

/** The list `fans example` prints without a name. */
export function exampleList(): string {
  const width = Math.max(...Object.keys(examples).map((n) => n.length));
  return [
    'Files shipped with fans:',
    ...Object.entries(examples).map(([name, { about }]) => `  ${name.padEnd(width)}  ${about}`),
    '',
    'Print one with `fans example NAME`: pipe scenarios into `fans compare -` and records into `fans fit -`, or save one to edit.',
    '',
  ].join('\n');
}
