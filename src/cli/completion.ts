import type { Command } from 'commander';
import { periodKinds } from '../model/calendar/dates.js';
import { distributions } from '../model/chains/offspring.js';

/** The shells `fans completion` writes a script for. */
export const shells = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof shells)[number];

/** One command as completion sees it: its name, what it does, its flags and their values. */
interface CommandSpec {
  name: string;
  description: string;
  options: { long: string; short: string | null; value: boolean; choices: readonly string[]; description: string }[];
}

/** Values of flags whose parser knows them (commander's own choices come with the option). */
const knownChoices: Record<string, readonly string[]> = {
  '--distribution': distributions,
  '--by': periodKinds,
  '--per': ['year', 'quarter', 'month', 'week', 'day'],
  '--lang': ['en', 'nl'],
  '--input': ['csv', 'tsv', 'json'],
};

/** The commands and flags of a built program (every command's options added), as completion needs them. */
export function commandSpecs(program: Command): CommandSpec[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    options: command.options.map((option) => ({
      long: option.long ?? option.flags,
      short: option.short ?? null,
      value: option.required || option.optional,
      choices: option.argChoices ?? knownChoices[option.long ?? ''] ?? [],
      description: option.description,
    })),
  }));
}

/** A word as a shell string in single quotes. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The completion script of a shell, from the program's own definitions: commands after
 * `fans`, each command's flags, and the values of flags that have a list (formats, laws,
 * periods, languages); files where a flag takes a file. Install with one line (see the README's "The `fans` command"):
 * bash `source <(fans completion bash)`, zsh the same, fish `fans completion fish | source`.
 */
export function completionScript(shell: Shell, specs: readonly CommandSpec[]): string {
  if (shell === 'fish') return fishScript(specs);
  const bash = bashScript(specs);
  // zsh runs bash completion functions through its bashcompinit.
  return shell === 'zsh' ? `#compdef fans\nautoload -U +X bashcompinit && bashcompinit\n${bash}` : bash;
}

function bashScript(specs: readonly CommandSpec[]): string {
  const lines = [
    '# fans completion for bash: source <(fans completion bash), or save it in ~/.local/share/bash-completion/completions/fans',
    '_fans() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command="${COMP_WORDS[1]}"',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    COMPREPLY=($(compgen -W ${quote([...specs.map((s) => s.name), '--help', '--version', '--no-color'].join(' '))} -- "$cur"))`,
    '    return',
    '  fi',
    '  case "$command $prev" in',
  ];
  for (const spec of specs) {
    for (const option of spec.options) {
      if (!option.value) continue;
      const names = [option.long, ...(option.short ? [option.short] : [])].map((name) => `${spec.name}\\ ${name}`).join('|');
      // A flag with a list of values completes them; another value (a number, a file) is left to the shell's default.
      lines.push(option.choices.length > 0 ? `    ${names}) COMPREPLY=($(compgen -W ${quote(option.choices.join(' '))} -- "$cur")); return ;;` : `    ${names}) return ;;`);
    }
  }
  lines.push('  esac', '  case "$command" in');
  for (const spec of specs) lines.push(`    ${spec.name}) COMPREPLY=($(compgen -W ${quote([...spec.options.map((o) => o.long), '--help'].join(' '))} -- "$cur")) ;;`);
  lines.push('  esac', '}', 'complete -o default -F _fans fans', '');
  return lines.join('\n');
}

function fishScript(specs: readonly CommandSpec[]): string {
  const lines = ['# fans completion for fish: fans completion fish | source, or save it in ~/.config/fish/completions/fans.fish', 'complete -c fans -f'];
  for (const spec of specs) lines.push(`complete -c fans -n __fish_use_subcommand -a ${spec.name} -d ${quote(spec.description)}`);
  for (const spec of specs) {
    for (const option of spec.options) {
      const flags = [`-l ${option.long.replace(/^--/, '')}`, ...(option.short ? [`-s ${option.short.replace(/^-/, '')}`] : [])].join(' ');
      const values = option.choices.length > 0 ? ` -x -a ${quote(option.choices.join(' '))}` : option.value ? ' -r -F' : '';
      lines.push(`complete -c fans -n ${quote(`__fish_seen_subcommand_from ${spec.name}`)} ${flags}${values} -d ${quote(option.description.slice(0, 80))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
