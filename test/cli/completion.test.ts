import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError, fans, scratchDir } from './harness.js';

// Issue #29, item 4: `fans completion bash|zsh|fish` prints a script from the same
// definitions commander uses; each shell loads it (zsh and fish where .ci/run installed them).

const dir = scratchDir('fans-completion-');
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
async function script(shell: string): Promise<string> {
  const ran = await fans(['completion', shell]);
  expect(ran.code).toBe(0);
  const file = join(dir, `fans.${shell}`);
  writeFileSync(file, ran.stdout);
  return file;
}

describe('fans completion', () => {
  it('bash: complete -p fans, commands, a command\'s flags (the newest too) and the values of a flag with a list', async () => {
    const file = await script('bash');
    const complete = (words: string[]) =>
      spawnSync('bash', ['-c', `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _fans; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(spawnSync('bash', ['-c', `source ${file}; complete -p fans`], { encoding: 'utf8' }).stdout.trim()).toBe('complete -o default -F _fans fans');
    expect(complete(['fans', 'co'])).toEqual(['compound', 'compare', 'completion']);
    expect(complete(['fans', 'compound', '--pe'])).toEqual(['--per']);
    expect(complete(['fans', 'simulate', '--format', ''])).toEqual(['table', 'json', 'csv', 'tsv', 'xlsx', 'html', 'svg', 'png']);
    expect(complete(['fans', 'simulate', '--by', 'q'])).toEqual(['quarter']);
    expect(complete(['fans', 'fit', 'x.csv', '--inp'])).toEqual(['--input']);
  });

  it.skipIf(!has('zsh'))('zsh: loads through bashcompinit and defines _fans', async () => {
    const file = await script('zsh');
    const ran = spawnSync('zsh', ['-c', `autoload -U compinit && compinit -u; source ${file}; print \${+functions[_fans]}; complete -p fans`], { encoding: 'utf8' });
    // zsh's `complete -p` lists what bashcompinit holds: fans's line among them.
    const lines = ran.stdout.trim().split('\n');
    expect(lines[0]).toBe('1');
    expect(lines).toContain('complete -o default -F _fans fans');
  });

  it.skipIf(!has('fish'))('fish: completes commands, flags and the values of --format', async () => {
    const file = await script('fish');
    const complete = (line: string) => spawnSync('fish', ['-c', `source ${file}; complete -C "${line}"`], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(complete('fans sim')).toEqual(['simulate']);
    expect(complete('fans goal --by-d')).toEqual(['--by-date']);
    expect(complete('fans compound --format x')).toEqual(['xlsx']);
  });

  it('another shell: one line, exit 2', async () => {
    expectUsageError(await fans(['completion', 'tcsh']), /^fans: completion knows the shells bash, zsh, fish \(got "tcsh"\)$/);
  });
});
