import { isDigit, isLetter } from './flags/characters.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { version } from './version.js';
import { formats } from '../output/render.js';
import { scales } from '../output/scale.js';
import type { Io } from './io/io.js';
import { type OptionName, calendarOptions, moneyOptions, optionSpecs, trialOptions } from './flags/options.js';
import { safeText } from './flags/parse.js';

const maxSizeLimitText = '1,000';

/** What the user asked for, once commander has read the words. */
export interface Job {
  command: 'simulate' | 'compound' | 'goal' | 'compare' | 'fit' | 'example' | 'completion';
  /** `fans completion`: the program, every command's options added, to write the script from. */
  program?: Command;
  /** Flags as text, keyed by commander's camelCase names. */
  flags: Record<string, unknown>;
  /** Positional arguments: the goal's target or the compare file. */
  args: string[];
}

const articleExamples = `
The article's two claims:
  $ fans simulate --fanout 10 --depth 3    1 -> 10 -> 100 -> 1,000: 1,111 people in 3 steps
  $ fans compound --years 10               every fan brings one more a year: 1,024 fans`;

/** Help for `fans` with no command: what it is and the article's two examples. */
export const shortHelp = `fans ${version}: turn one raving fan into numbers.

Usage: fans <command> [options]

Commands:
  simulate   the tree model: only the newest fans refer, once each
  compound   the compound model: every fan refers every year
  goal       how deep, how many years, what fanout or rate to reach a target
  compare    scenarios from a JSON file side by side
  fit        K and its spread from your own referral records
  example    print a file shipped with fans (article, programmes, calendar, referrals)
  completion print a completion script for bash, zsh or fish
${articleExamples}

Run 'fans <command> --help' for a command's options and examples.
`;

/** The model flags each command takes (besides the output flags). */
export const commandFlags = {
  simulate: ['start', 'fanout', 'depth', 'conversion', 'nonreferrers', 'market', 'cycle', ...calendarOptions, 'paid', ...moneyOptions, ...trialOptions],
  compound: ['start', 'rate', 'years', 'conversion', 'nonreferrers', 'churn', 'market', 'cycle', ...calendarOptions, 'paid', ...moneyOptions, ...trialOptions],
  goal: ['start', 'fanout', 'depth', 'rate', 'years', 'conversion', 'nonreferrers', 'churn', 'market', 'cycle', 'startDate', 'until', 'cycleSpread', 'deadline', 'paid', ...moneyOptions, 'trials', 'seed', 'distribution', 'dispersion', 'fit'],
  compare: [],
  fit: [],
  example: [],
  completion: [],
} as const satisfies Record<Job['command'], readonly OptionName[]>;

/**
 * For an unknown flag that another command takes: which ones, so the error can say
 * "--churn applies to fans compound and fans goal" instead of suggesting a look-alike.
 */
export function elsewhere(flag: string, command: string | undefined): string | null {
  const name = flag.replace(/^--/, '');
  const takers = (Object.keys(commandFlags) as Job['command'][]).filter(
    (other) => other !== command && (commandFlags[other] as readonly string[]).includes(name),
  );
  if (takers.length === 0) return null;
  return `${flag} applies to ${takers.map((t) => `fans ${t}`).join(' and ')}${command ? `, not fans ${command}` : ''}`;
}

function modelOption(name: OptionName, showDefault = true): Option {
  const spec = optionSpecs[name];
  const shown = !showDefault || spec.description.includes('(default') || spec.default === 'none' ? '' : ` (default: ${spec.default})`;
  return new Option(spec.flags, spec.description + shown);
}

/**
 * The output flags of a command: every format, --title, --subtitle and --size of its picture;
 * with `charts` true (a chart of totals) --chart, --scale and --target too, with 'picture'
 * (a fit's picture of its own) not. Each is made only if `keep` keeps it, but --scale, whose
 * default a run reads.
 */
function outputOptions(command: Command, keep: Keep, charts: true | 'picture' = true): Command {
  // No commander default: without --format, main.ts takes the format from --output's extension, else table.
  if (keep('--format')) command.addOption(new Option('-f, --format <format>', 'output format (default: the extension of --output, else table)').choices(formats));
  if (charts === true) {
    addKept(command, keep, ['--chart', 'draw a chart of the totals under the table']);
    command.addOption(new Option('--scale <scale>', 'y scale of the chart: log when values span over two orders of magnitude').choices(scales).default('auto'));
  }
  addKept(
    command,
    keep,
    ['--title <text>', charts === true ? "the chart's title (default: the run in plain words)" : "the picture's title (default: what it shows and the file's name)"],
    ['--subtitle <text>', charts === true ? 'small text under the title (default: the command)' : "small text under the title (default: the preferred model's K and k)"],
  );
  if (charts === true) addKept(command, keep, ['--target <fans>', 'draw a target line, and mark where the total reaches it']);
  return addKept(
    command,
    keep,
    ['--size <WxH>', 'pixels of --format png or svg, at most 2:1 either way (default: 1600x900)'],
    ['--locale <tag>', 'how numbers are read and written, e.g. nl-NL: 10.000 is ten thousand; with csv, ; and decimal commas (default: from LC_ALL, LC_NUMERIC or LANG, else en-US)'],
    ['--lang <language>', 'words of tables, summaries, charts and spreadsheets: en or nl (default: from LC_ALL, LC_MESSAGES or LANG, else en)'],
    ['--unit <one,many>', 'the noun for the people counted in summaries, titles and the y axis, singular and plural: customer,customers or klant,klanten (default: fan,fans)'],
    ['-o, --output <file>', 'write to this file (whole or not at all) instead of stdout; - is stdout'],
    ['--force', 'let --output replace an existing file'],
  );
}

/** Whether a command gets an option, by its flags (`-o, --output <file>`): see {@link namedOptions}. */
type Keep = (flags: string) => boolean;

/** Adds the options `keep` keeps, each made only then: its flags and description, as commander's Option takes them. */
function addKept(command: Command, keep: Keep, ...options: [flags: string, description: string][]): Command {
  for (const [flags, description] of options) if (keep(flags)) command.addOption(new Option(flags, description));
  return command;
}

/** What a run's words name: its command, and the long flags they hold (see {@link namedOptions}). */
export interface Named {
  command: string;
  options: ReadonlySet<string>;
}

/** The commands of `fans`, in the order help lists them. */
const commandNames = ['simulate', 'compound', 'goal', 'compare', 'fit', 'example', 'completion'] as const;

/**
 * The command and the options a run's words name (`--fanout 3` and `--fanout=3` name
 * --fanout), when those are all commander needs to read them: then only that command is
 * made, and of its options only those (and those with a default), where simulate has 40
 * (making them all cost about 1 ms of a 9 ms start on Node 22, and the other commands
 * 0.2 ms more; docs/performance.md). Null, for every command and option, when the words name
 * no command of fans or name `completion` (its script lists them all), could ask for help
 * (`help`, `-h`, `--help`: it lists them all) or hold a word with one dash (a short flag, or a
 * value such as -1). A word naming no option of the command makes commander fail; main.ts
 * then reads the words again with every option, so the error and its suggestion are the same
 * as ever.
 *
 * @example namedOptions(['simulate', '--fanout=3', '--depth', '5']) // => { command: 'simulate', options: Set { '--fanout', '--depth' } }
 * @example namedOptions(['simulate', '-f', 'json']) // => null
 */
export function namedOptions(words: readonly string[]): Named | null {
  const options = new Set<string>();
  for (const word of words) {
    if (word === 'help' || word === '--help' || (word.startsWith('-') && !word.startsWith('--'))) return null;
    if (word.startsWith('--')) options.add(word.includes('=') ? word.slice(0, word.indexOf('=')) : word);
  }
  // `fans completion` writes its script from every command.
  const command = words.find((word) => !word.startsWith('-'));
  return command !== undefined && command !== 'completion' && (commandNames as readonly string[]).includes(command) ? { command, options } : null;
}

/**
 * The long flag of an option's flags: `-o, --output <file>` is --output (the first `--` with a
 * letter, digit or `-` after it, and those that follow: `/--[A-Za-z0-9-]+/`, scanned without
 * compiling a pattern at start-up), else the flags as given.
 */
export function longFlag(flags: string): string {
  const flagCharacter = (c: string | undefined) => c === '-' || isDigit(c) || isLetter(c);
  for (let at = flags.indexOf('--'); at >= 0; at = flags.indexOf('--', at + 1)) {
    if (!flagCharacter(flags[at + 2])) continue;
    let end = at + 3;
    while (flagCharacter(flags[end])) end++;
    return flags.slice(at, end);
  }
  return flags;
}

/**
 * The commander program: parses words into a {@link Job} handed to `onJob`; writes help,
 * version and usage errors through `io`, one line each for errors. With `named` (from
 * {@link namedOptions}), the program has only the command named, with only the options
 * named, and writes no error: the caller reads the words again without it on any usage error.
 */
export function buildProgram(io: Io, onJob: (job: Job) => void, named: Named | null = null): Command {
  let active: string | undefined; // the command being parsed, for error messages
  const quiet = named !== null;
  const program = new Command('fans')
    .description('Turn one raving fan into numbers: referral growth as a tree or compounding, exact.')
    .version(version, '-V, --version', 'print the version')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR does the same)')
    .option('--debug', 'show the stack trace of an unexpected error')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      // commander writes help to stderr only for `fans help <unknown>`: one line instead.
      writeErr: (text) => {
        if (!quiet) io.stderr(text.startsWith('Usage:') ? 'fans: help knows the commands simulate, compound, goal, compare and example\n' : text);
      },
      outputError: (text, write) => {
        if (quiet) return;
        const unknown = /unknown option '(--[A-Za-z-]+)(?:=[^']*)?'/.exec(text);
        const hint = unknown ? elsewhere(unknown[1]!, active) : null;
        // An option's short form is left out of its message: "option '--format <format>'", as the long form is what the docs name.
        write(hint ? `fans: ${hint}\n` : oneLine(text.replace(/option '-[A-Za-z], (--[A-Za-z-]+(?: <[^>]+>)?)'/, "option '$1'")));
      },
      // Help fits the terminal through io (80 columns elsewhere) and has no colour.
      getOutHelpWidth: () => io.columns ?? 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', (context) => (context.error ? '' : articleExamples));

  const job = (command: Job['command']) =>
    function (this: Command, ...args: unknown[]) {
      onJob({ command, flags: this.optsWithGlobals(), args: args.slice(0, -2).filter((a) => a !== undefined).map(String) });
    };

  // A command's options are added only when it runs or shows its help (`fans help goal`
  // shows it without running it): building options a run does not use is start-up time
  // spent for nothing. The command list says `[options]` for every command all the same.
  const pendingOptions = new Map<Command, (command: Command, keep: Keep) => void>();
  const every: Keep = () => true;
  const withOptions = (command: Command, keep = every) => {
    const add = pendingOptions.get(command);
    if (!add) return;
    pendingOptions.delete(command);
    add(command, keep);
    onlyOnce(command);
  };
  const optionsLater = (command: Command, add: (command: Command, keep: Keep) => void) => {
    pendingOptions.set(command, add);
    command.on('beforeHelp', () => withOptions(command));
  };
  program.hook('preSubcommand', (_, command) => {
    active = command.name();
    withOptions(command, named === null ? every : (flags) => named.options.has(longFlag(flags)));
  });

  // With `named`, only the command the words name is made: the others are start-up time spent
  // for nothing (their names serve help and an unknown command's suggestion, which read the
  // words with every command).
  const building: Building = { program, job, optionsLater, withOptions, onJob };
  for (const name of commandNames) if (named === null || named.command === name) commandDefinitions[name](building);

  program.configureHelp({
    subcommandTerm: (command) =>
      [
        command.name(),
        ...(command.options.length > 0 || pendingOptions.has(command) ? ['[options]'] : []),
        ...command.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)),
      ].join(' '),
  });
  return program;
}

/** What a command's definition needs of the program being built (see buildProgram). */
interface Building {
  program: Command;
  /** The action of a command: hands its job to the caller. */
  job: (command: Job['command']) => (this: Command, ...args: unknown[]) => void;
  /** Adds a command's options when it runs or shows its help, those `keep` keeps. */
  optionsLater: (command: Command, add: (command: Command, keep: Keep) => void) => void;
  /** Adds a command's options now, every one. */
  withOptions: (command: Command) => void;
  onJob: (job: Job) => void;
}

/** Each command of `fans`, defined on the program being built. */
const commandDefinitions: Record<(typeof commandNames)[number], (building: Building) => void> = {
  simulate: simulateCommand,
  compound: compoundCommand,
  goal: goalCommand,
  compare: compareCommand,
  fit: fitCommand,
  example: exampleCommand,
  completion: completionCommand,
};

/** `fans simulate`: the tree model. */
function simulateCommand({ program, job, optionsLater }: Building): void {
  const simulate = program.command('simulate').description('the tree model: each fan introduces --fanout people, once; only the newest level refers').action(job('simulate'));
  optionsLater(simulate, (command, keep) => {
    for (const name of commandFlags.simulate) if (keep(optionSpecs[name].flags)) command.addOption(modelOption(name));
    outputOptions(command, keep).addHelpText('after', `
Examples:
  $ fans simulate                                  1 + 10 + 100 + 1,000 = 1,111
  $ fans simulate --fanout 3 --conversion 30% --depth 10 --cycle 30d
  $ fans simulate --fanout 3 --conversion 50% --cycle 1m --cycle-spread 2w --start-date 2027-01-01 --until 2028-12-31 --by quarter
                                                   referrals spread out in time, a row per quarter
  $ fans simulate --depth 30 --format json         exact at any size
  $ fans simulate --format csv > tree.csv          for a spreadsheet
  $ fans simulate --depth 8 --chart                the growth as a chart under the table
  $ fans simulate --depth 8 --format svg > tree.svg   a chart for slides
  $ fans simulate --fanout 2 --depth 10 --trials 100000 --distribution negbin --dispersion 0.3 --seed 7
                                                   uneven referrals: percentiles and the chance the chain dies out

More in the package's docs/: models.md, monte-carlo.md, calendar.md, money.md.`);
  });
}

/** `fans compound`: the compound model. */
function compoundCommand({ program, job, optionsLater }: Building): void {
  const compound = program.command('compound').description('the compound model: every fan brings --rate new fans every year').action(job('compound'));
  optionsLater(compound, (command, keep) => {
    for (const name of commandFlags.compound) if (keep(optionSpecs[name].flags)) command.addOption(modelOption(name));
    outputOptions(command, keep).addHelpText('after', `
Examples:
  $ fans compound                                  1 -> 2 -> 4 -> ... -> 1,024 in 10 years
  $ fans compound --rate 0.5 --churn 10% --market 100000 --years 20
  $ fans compound --years 100 --format json        exact: 1267650600228229401496703205376
  $ fans compound --years 30 --rate 0.5 --chart --scale linear
  $ fans compound --rate 0.5 --churn 20% --years 15 --trials 20000 --seed 1   sampled runs
  $ fans compound --rate 0.1 --cycle 1m --years 2 --start-date 2027-01-01   24 monthly cycles, with dates

More in the package's docs/: models.md, monte-carlo.md, calendar.md, money.md.`);
  });
}

/** `fans goal`: what reaches a target. */
function goalCommand({ program, job, optionsLater }: Building): void {
  const goal = program
    .command('goal')
    .argument('[target]', 'the number of fans to reach (or a money target: --net, --revenue, --max-reward)')
    .description('solve for what reaches a target: depth, fanout, years or rate')
    .action(job('goal'));
  optionsLater(goal, (command, keep) => {
    for (const name of commandFlags.goal) {
      if (keep(optionSpecs[name].flags)) command.addOption(modelOption(name, !['fanout', 'depth', 'rate', 'years'].includes(name)));
    }
    addKept(
      command,
      keep,
      ['--net <amount>', 'reach this cumulative net (with --value), instead of a number of fans'],
      ['--revenue <amount>', 'reach this cumulative revenue (with --value), instead of a number of fans'],
      ['--max-reward', 'with a whole scenario (--fanout and --depth, or --rate and --years): the largest reward that still pays back'],
      ['--by-date', 'with --cycle (and a whole scenario): the date the total reaches the target; with --trials, its percentiles'],
    );
    outputOptions(command, keep).addHelpText('after', `
Give one half of a pair; fans solves for the other, with every other flag taken into account:
  --fanout F   the smallest depth (tree model)      --depth D   the smallest fanout
  --rate R     the smallest number of years         --years Y   the smallest yearly rate

Examples:
  $ fans goal 1000000 --fanout 10                 6 steps
  $ fans goal 1000 --depth 3                      fanout 9.64, or 10 as a whole number
  $ fans goal 1000000 --rate 1                    20 years
  $ fans goal 1000 --years 10                     a yearly rate of 0.995
  $ fans goal 1000000 --rate 0.5 --churn 10% --market 5000000 --format json
  $ fans goal 1000 --by-date --fanout 3 --conversion 50% --cycle 1m --cycle-spread 2w --until 2030-01-01 --trials 10000 --deadline 2028-06-30

More in the package's docs/: goal.md, calendar.md, money.md.`);
  });
}

/** `fans compare`: scenarios from a file. */
function compareCommand({ program, job, optionsLater }: Building): void {
  const compare = program
    .command('compare')
    .argument('<file>', 'a JSON file of scenarios, or - for standard input')
    .description('compare named scenarios from a JSON file: a column of totals per scenario')
    .action(job('compare'));
  optionsLater(compare, (command, keep) => {
    outputOptions(command, keep).addHelpText('after', `
The file holds {"scenarios": [...]}, each a name, a command and that command's flags:
  {"scenarios": [
    {"name": "article tree", "command": "simulate", "fanout": 10, "depth": 3},
    {"name": "one a year", "command": "compound", "years": 10, "conversion": "50%"}]}
Every flag of the command is a field, spelled as the flag is ("cycleSpread": "2w",
"trials": 1000): sampled scenarios show their p5 and p95 beside the mean.

Examples:
  $ fans example article | fans compare -
  $ fans example article | fans compare - --chart     one line per scenario, with a legend
  $ fans example programmes > programmes.json         a file to edit
  $ fans compare programmes.json --format csv > programmes.csv
  $ fans compare programmes.json --format svg > programmes.svg

'fans example' prints the files shipped with fans; save one to edit it. The package's
docs/compare.md describes every field.`);
  });
}

/** `fans fit`: K and k from records. */
function fitCommand({ program, job, optionsLater }: Building): void {
  const fit = program
    .command('fit')
    .argument('<file>', 'referral records: CSV, TSV, JSON or an .xlsx workbook, or - for standard input')
    .description('fit K and k to your referral records: per-fan counts, who referred whom, or chain sizes')
    .action(job('fit'));
  optionsLater(fit, (command, keep) => {
    addKept(
      command,
      keep,
      ['--input <format>', 'csv, tsv or json (default: from the content)'],
      ['--sheet <name>', 'the sheet of an .xlsx workbook to read (default: the first)'],
      ['--column <name>', 'the column of counts (sizes with --sizes); default: referrals (size), or the only numeric column'],
      ['--fans <n>', 'all fans, when the file lists only those who referred someone: the rest are zeros'],
      ['--zero-truncated', 'the file lists only fans with 1 or more referrals, and how many fans there are is unknown'],
      ['--id <name>', 'who referred whom: the column of fan ids (default: id)'],
      ['--referred-by <name>', 'who referred whom: the column naming the referrer, empty for a seed (default: referred_by)'],
      ['--counts-per <period>', 'the counts are per year (quarter, month, week, day), not over each fan\'s whole time: the compound rate, projected with fans compound'],
      ['--joined <name>', 'who referred whom, dated: the column of join dates (default: joined, signed_up_at, created_at, … when there is one)'],
      ['--as-of <date>', "with join dates: the export's date (default: the latest join)"],
      ['--sizes', 'the file holds chain sizes: one total per seed, its whole referral tree'],
      ['--censored-at <n>', `with --sizes: trees of this size or more are still growing (2..${maxSizeLimitText})`],
      ['--min-size <n>', `with --sizes: only trees of at least this size are listed (2..${maxSizeLimitText})`],
    );
    outputOptions(command, keep, 'picture').addHelpText('after', `
Examples:
  $ fans example referrals | fans fit -            300 customers' referrals, shipped with fans
  $ fans fit referrals.csv                        a column of how many new fans each fan brought
  $ fans fit crm.csv --id customer --referred-by referrer   who referred whom
  $ fans fit export.xlsx --sheet Klanten          a sheet of a workbook
  $ fans fit referrers.csv --fans 5000            only fans who referred are listed; 5,000 in all
  $ fans fit chains.csv --sizes --censored-at 50  whole referral trees, the big ones still growing
  $ fans simulate --fit referrals.csv --trials 20000 --depth 5   a forecast that carries the fit's uncertainty

More in the package's docs/fit.md.`);
  });
}

/** `fans example`: the files shipped with fans. */
function exampleCommand({ program, job }: Building): void {
  program
    .command('example')
    .argument('[name]', 'article, programmes, calendar or referrals; without a name, the list')
    .description('print a file shipped with fans: scenarios for fans compare, records for fans fit')
    .action(job('example'));
}

/** `fans completion`: a completion script, from every command and option. */
function completionCommand({ program, withOptions, onJob }: Building): void {
  program
    .command('completion')
    .argument('<shell>', 'bash, zsh or fish')
    .description('print a completion script for your shell: source <(fans completion bash)')
    .action((shell: string) => {
      for (const command of program.commands) withOptions(command);
      onJob({ command: 'completion', flags: {}, args: [shell], program });
    });
}

/**
 * A flag that takes a value may be given once: `--depth 3 --depth 5` is more likely a
 * slip than a wish, and taking either silently could print the wrong answer.
 */
function onlyOnce(command: Command): void {
  const seen = new Set<string>();
  for (const option of command.options) {
    if (!option.required && !option.optional) continue; // boolean flags: twice is harmless
    const inner = option.parseArg;
    const flag = option.long ?? option.flags;
    option.argParser((value: string, previous: unknown) => {
      if (seen.has(flag)) throw new InvalidArgumentError(`${flag} is given more than once; give it once`);
      seen.add(flag);
      return inner ? inner(value, previous) : value;
    });
  }
}

/**
 * commander's error text as one line: `fans: unknown option '--fanot' (did you mean --fanout?)`.
 */
export function oneLine(text: string): string {
  const words = text
    .trim()
    .replace(/^error:\s*/, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (line.startsWith('(Did you mean') ? line.replace('(Did', '(did') : line))
    .join(' ');
  return `fans: ${safeText(words)}\n`;
}
