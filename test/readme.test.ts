import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './cli/harness.js';

/**
 * The console examples of the README and of every page in docs/, run as written with the
 * built `fans` (in examples/, where referrals.csv is): each `$ fans ...` line's output (stdout
 * and stderr) must be the text under it. An example whose output changes fails here, so the
 * documentation cannot go stale.
 */
const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** The reference pages under docs/, whose examples run too. */
const pages = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort();
const texts = [readme, ...pages.map((name) => readFileSync(join(root, 'docs', name), 'utf8'))];
const examples: [string, string][] = [];
for (const block of texts.flatMap((text) => [...text.matchAll(/```console\n([\s\S]*?)```/g)])) {
  const lines = block[1]!.split('\n');
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.startsWith('$ fans ')) {
      i++;
      continue;
    }
    const command = lines[i]!.slice(2);
    const output: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('$ '); i++) output.push(lines[i]!);
    examples.push([command, output.join('\n').trimEnd()]);
  }
}
const hasJq = spawnSync('jq', ['--version']).status === 0;

describe('the README examples', () => {
  it('are there to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it('the README counts the refusals of docs/combinations.md as its table lists them', () => {
    const table = readFileSync(join(root, 'docs', 'combinations.md'), 'utf8').split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| refused') && !line.startsWith('| ---'));
    expect(readme).toContain(`the ${table.length} combinations refused`);
  });

  it('the README is short (about 200 lines), and every page it lists is there', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(220);
    const linked = [...readme.matchAll(/\]\(((?:docs\/)?[A-Za-z-]+\.md)\)/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThanOrEqual(pages.length);
    for (const file of linked) expect(existsSync(join(root, file)), file).toBe(true);
    // Every page in docs/ is in the README's table.
    for (const page of pages) expect(linked, page).toContain(`docs/${page}`);
  });

  it.each(examples)('$ %s', (command, expected) => {
    if (command.includes('| jq') && !hasJq) return; // jq shapes the output only; the rest runs everywhere
    const ran = spawnSync('bash', ['-c', `${command.replace(/^fans /, `"${process.execPath}" "${join(root, 'bin', 'fans.js')}" `)} 2>&1`], {
      cwd: join(root, 'examples'),
      env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(ran.stdout.trimEnd()).toBe(expected);
  });
});
