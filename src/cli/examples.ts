/**
 * The scenario files shipped in the package's examples/ folder, so that the help's examples
 * work after an install: `fans example article | fans compare -`.
 */
export const examples = {
  article: "the article's two claims: 3 steps of 10 introductions beside one a year for 10 years",
  programmes: 'a cautious and a hopeful programme, and a tree with 30% conversion',
} as const;
export type ExampleName = keyof typeof examples;

/** Where examples/ is: beside dist/ in the package, or at the top of a checkout (tests run src/). */
export function examplesFolder(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../examples/', import.meta.url) : new URL('../examples/', import.meta.url);
}

/** The list `fans example` prints without a name. */
export function exampleList(): string {
  const width = Math.max(...Object.keys(examples).map((n) => n.length));
  return [
    'Scenario files for fans compare, shipped with fans:',
    ...Object.entries(examples).map(([name, about]) => `  ${name.padEnd(width)}  ${about}`),
    '',
    'Print one with `fans example NAME`: pipe it into `fans compare -`, or save it to edit.',
    '',
  ].join('\n');
}
