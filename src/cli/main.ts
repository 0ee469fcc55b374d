import { extname } from 'node:path';
import { CommanderError } from 'commander';
import { beforeAny } from '../output/before-any.js';
import { type ChartOptions, type Format, type Report, binaryFormats, chartFormats, render } from '../output/render.js';
import { type Language, type Words, environmentLanguage, languageNames, wordsOf } from '../output/words/index.js';
import type { ScaleChoice } from '../output/scale.js';
import { yearlyRows } from './commands/compound.js';
import { compoundReport } from '../report/compound.js';
import { readTarget } from './flags/target.js';
import { type Interrupted, type Io, UsageError, stopSignals } from './io/io.js';
import { goalByDateOptions, moneyTargets } from './flags/options.js';
import { environmentLocale, fileLabel, hasUnsafeCharacters, isInvalid, localeTag, quoted } from './flags/parse.js';
import { type Job, buildProgram, namedOptions, shortHelp } from './program.js';
import { type Plan, type ReportCommand, flagsOf, planOf } from './plan.js';
import { treeRows } from './commands/simulate.js';
import { simulateReport } from '../report/simulate.js';
import { once } from './flags/validate.js';
import { marksOf, readNumbersUnder } from './flags/number-reading.js';
import { readText } from './io/read-text.js';
import { type Unit, withUnit } from '../output/words/unit.js';
import { hoistGlobalFlags } from './flags/global-flags.js';

/** Exit codes: 0 success, 1 an unexpected failure (a bug), 2 a usage or input error, 130 Ctrl-C (129 SIGHUP, 143 SIGTERM). */
export const exitCodes = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/**
 * The whole CLI: reads `argv` (without `node` and the script), writes through `io` and
 * resolves to the exit code. Output is built whole and written once, so a failure never
 * leaves half an answer on stdout.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    if (argv.length === 0) {
      io.stdout(shortHelp);
      return exitCodes.ok;
    }
    const job = await jobOf(argv, io);
    if (job?.command === 'example') io.stdout(await example(job.args[0], io));
    else if (job?.command === 'completion') io.stdout(await completion(job.args[0]!, job.program!));
    else if (job) await run({ ...job, command: job.command }, io);
    return exitCodes.ok;
  } catch (error) {
    return failed(error, io, argv.includes('--debug'));
  }
}

/**
 * What the words ask for, read by commander (undefined when commander answered them itself:
 * help, the version). The command run gets only the options the words name
 * ({@link namedOptions}); should commander fail so, the words are read again with every
 * option, for the same message and suggestion as ever (a CommanderError, thrown).
 */
export async function jobOf(argv: readonly string[], io: Io): Promise<Job | undefined> {
  const words = hoistGlobalFlags(argv);
  const named = namedOptions(words);
  let job: Job | undefined;
  try {
    await buildProgram(io, (read) => (job = read), named).parseAsync(words, { from: 'user' });
  } catch (error) {
    if (named === null || !(error instanceof CommanderError) || error.exitCode === 0) throw error;
    job = undefined;
    await buildProgram(io, (read) => (job = read)).parseAsync(words, { from: 'user' });
  }
  return job;
}

function failed(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // commander has written its message (one line) or the help already.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  // By name, not instanceof: lazily loaded files of the bundle carry their own copy of the class.
  if (error instanceof Error && error.name === 'Interrupted') {
    io.stderr('fans: interrupted\n');
    return stopSignals[(error as Interrupted).signal] ?? exitCodes.interrupted;
  }
  if (error instanceof Error && error.name === 'WriteFailed') {
    io.stderr(`fans: ${error.message}\n`);
    return exitCodes.failure;
  }
  // The model's and the report's refusals (model/refusal.ts) and the output layer's (a picture of an answer with no chart) are usage errors too.
  if (error instanceof Error && (error.name === 'UsageError' || error.name === 'Refusal' || error.name === 'Unrenderable')) {
    io.stderr(`fans: ${error.message}\n`);
    return exitCodes.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`fans: unexpected error: ${message}${debug ? '' : ' (run again with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return exitCodes.failure;
}

/** `fans completion SHELL`: the shell's completion script, from the program's own commands and flags. */
async function completion(shell: string, program: import('commander').Command): Promise<string> {
  const { commandSpecs, completionScript, shells } = await import('./completion.js');
  if (!(shells as readonly string[]).includes(shell)) throw new UsageError(`completion knows the shells ${shells.join(', ')} (got ${quoted(shell)})`);
  return completionScript(shell as (typeof shells)[number], commandSpecs(program));
}

/** `fans example [name]`: the shipped scenario file, as it is, or the list of them. */
async function example(name: string | undefined, io: Io): Promise<string> {
  const { examples, examplesFolder, exampleList } = await import('./commands/examples.js');
  if (name === undefined) return exampleList();
  if (!Object.hasOwn(examples, name)) throw new UsageError(`example must be one of ${Object.keys(examples).join(', ')} (got ${quoted(name)})`);
  const path = new URL(examples[name as keyof typeof examples].file, examplesFolder());
  return new TextDecoder().decode(await io.readBytes((await import('node:url')).fileURLToPath(path), maxScenarioBytes));
}

/** Scenario files are small: anything past 1 MiB is a mistake (or an attack), not a plan. */
export const maxScenarioBytes = 1024 * 1024;

/**
 * --chart and --scale, checked against the format (`fromFile`: taken from --output's
 * extension, not given); the chart fits the terminal, or 80 columns.
 */
function chartOptions(job: Job, format: Format, io: Io, locale: string, words: Words, fromFile: string | null): ChartOptions {
  const chart = job.flags.chart === true;
  if (chart && format !== 'table') {
    throw new UsageError(
      fromFile === null
        ? `--chart draws under the table; it does not go with --format ${format} (for a chart file use --format svg)`
        : `--chart draws under the table, and --output ${fileLabel(fromFile)} writes ${format}${chartFormats.includes(format) ? ', a chart already: leave out --chart' : ': leave out --chart, or add --format table'}`,
    );
  }
  const drawn = chart || chartFormats.includes(format);
  if (job.flags.scale !== undefined && job.flags.scale !== 'auto' && !drawn) throw new UsageError('--scale applies to --chart and --format svg, png or html');
  for (const name of ['title', 'subtitle', 'target'] as const) {
    if (job.flags[name] !== undefined && !drawn) throw new UsageError(`--${name} goes on a ${job.command === 'fit' ? 'picture: add' : 'chart: add --chart, or'} --format svg, png or html`);
  }
  if (job.flags.size !== undefined && format !== 'png' && format !== 'svg') throw new UsageError('--size is the size of --format png or svg');
  const heading = { title: headingText('title', job.flags.title), subtitle: headingText('subtitle', job.flags.subtitle) };
  // Asked only for a chart: telling a terminal apart from /dev/null loads node:tty.
  const columns = chart && io.stdoutIsTTY ? io.columns : undefined;
  const width = columns && columns >= 40 ? Math.min(columns, 200) : 80;
  return {
    chart,
    scale: (job.flags.scale as ScaleChoice | undefined) ?? 'auto',
    width,
    locale,
    words,
    ...(heading.title !== undefined || heading.subtitle !== undefined ? { heading } : {}),
    ...(job.flags.target !== undefined ? { target: readTarget(job.flags.target, '--target') } : {}),
    ...(job.flags.size !== undefined ? { size: pictureSize(job.flags.size) } : {}),
  };
}

/** The longest --title or --subtitle: two lines of a chart. */
const maxHeading = 200;

/** A --title or --subtitle: at most 200 characters, none of them control characters. */
function headingText(flag: string, text: unknown): string | undefined {
  if (text === undefined) return undefined;
  const value = String(text);
  if (value.length > maxHeading || hasUnsafeCharacters(value)) {
    throw new UsageError(`--${flag} must be at most ${maxHeading} characters, without control characters or line breaks (got ${quoted(value)}, ${value.length.toLocaleString('en-US')} characters)`);
  }
  return value;
}

/** --size WIDTHxHEIGHT, each 320 to 4,000 pixels. */
function pictureSize(text: unknown): { width: number; height: number } {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(String(text).trim());
  const [width, height] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  // Drawn 800 wide, a picture needs height for its title, plot and labels: no flatter than 2:1 (a
  // 4000x180 strip had its title over the plot), and no taller than 1:2.
  if (!(width >= 320 && width <= 4000 && height >= 180 && height <= 4000 && width <= 2 * height && height <= 2 * width)) {
    throw new UsageError(`--size must be WIDTHxHEIGHT, width 320 to 4,000 and height 180 to 4,000 pixels, at most twice as wide as high or as high as wide, such as 1600x900 (got ${quoted(text)})`);
  }
  return { width, height };
}

/** The language of words for people: `--lang`, else the environment's, else English. */
function languageOf(job: Job, io: Io): Language {
  const lang = job.flags.lang;
  if (lang === undefined) return environmentLanguage(io.env);
  // NL, nl-NL and nl_NL name the language nl.
  const name = typeof lang === 'string' ? beforeAny(lang.trim().toLowerCase(), '-_.') : '';
  if ((languageNames as readonly string[]).includes(name)) return name as Language;
  throw new UsageError(`--lang must be one of ${languageNames.join(', ')} (got ${quoted(lang)})`);
}

/**
 * `--unit one,many`: the noun for the people counted, singular and plural (`klant,klanten`),
 * each 1 to 40 letters, spaces, hyphens or apostrophes.
 */
function unitOf(text: unknown): Unit {
  const parts = String(text).split(',').map((part) => part.trim());
  const word = /^[\p{L}\p{M}][\p{L}\p{M} '\u2019-]{0,39}$/u;
  if (parts.length === 2 && parts.every((part) => word.test(part))) return { one: parts[0]!, many: parts[1]! };
  throw new UsageError(`--unit must be the singular and the plural, letters separated by a comma, such as customer,customers or klant,klanten (got ${quoted(text)})`);
}

/** A `--locale` value, checked: a UsageError names the flag when this system does not know it. */
function checkedLocale(text: unknown): string {
  const tag = localeTag(String(text));
  if (isInvalid(tag)) throw new UsageError(`--locale ${tag.invalid} (got ${quoted(text)})`);
  return tag;
}

/** A job whose answer is a report (every command but `example`). */
type ReportJob = Job & { command: ReportCommand };

/** What a run writes: text, or the bytes of a binary format. */
type Output = string | Uint8Array;

/**
 * Computes the job's report, renders it, and writes it: to `--output FILE` whole or not at
 * all (see output-file.ts), else to stdout. Throws UsageError for bad input.
 */
async function run(job: ReportJob, outer: Io): Promise<void> {
  // Notes on the input (a file read as Windows-1252, referrers outside an export's window) are
  // said once the run has an answer: a refused run says one line, why. Progress bars (no
  // "fans: ") go at once. The getters of `outer` (the terminal checks) stay lazy.
  const notes: string[] = [];
  const io: Io = Object.create(outer, { stderr: { value: (text: string) => (text.startsWith('fans: ') ? void notes.push(text) : outer.stderr(text)) } });
  const sayNotes = () => notes.splice(0).forEach((note) => outer.stderr(note));
  // Checked now, so a bad --locale fails whatever the format; the table's style (chalk, and
  // ICU for locales other than en-US) loads only when a table is drawn.
  const locale = job.flags.locale === undefined ? undefined : checkedLocale(job.flags.locale);
  const lang = languageOf(job, io);
  const unit = job.flags.unit === undefined ? null : unitOf(job.flags.unit);
  const file = job.flags.output === undefined || isStdout(String(job.flags.output)) ? undefined : String(job.flags.output);
  // `fans fit rec.csv --output --fit`: the next flag taken for the file's name, not a file to make.
  if (file?.startsWith('-')) throw new UsageError(`--output needs a file name, not ${quoted(file)} (a flag?): write ./${fileLabel(file)} for a file of that name`);
  // The file whose extension chose the format, when --format was not given.
  const fromFile = job.flags.format === undefined && file !== undefined ? file : null;
  const format = formatOf(job.flags.format, file);
  const force = job.flags.force === true;
  if (force && file === undefined) throw new UsageError('--force replaces the file of --output: add --output FILE');
  // Checked before any work: a run of minutes should not end in "file exists".
  const files = file === undefined ? undefined : await import('./io/output-file.js');
  if (files && file !== undefined) files.outputTarget(file, force);
  else if (binaryFormats.includes(format) && io.stdoutIsTTY) {
    throw new UsageError(`--format ${format} writes a binary file, not text for a terminal: add --output FILE.${format} (or redirect: > FILE.${format})`);
  }
  // The locale numbers are read and written under: --locale, else the environment's, resolved
  // once and only when asked (checking the environment's tag loads ICU).
  const reading = once(() => locale ?? environmentLocale(io.env));
  // Numbers in flags and scenario files are read the locale's way (`10.000` under nl-NL).
  const restore = readNumbersUnder(() => marksOf(reading()));
  let output: Output;
  try {
    const words = await wordsOf(lang);
    output = await renderRun(job, format, io, { given: locale, reading }, unit === null ? words : withUnit(words, unit), fromFile);
  } finally {
    restore();
  }
  if (files && file !== undefined) {
    const bytes = typeof output === 'string' ? new TextEncoder().encode(output) : output;
    // A signal during the write removes the temporary file (see output-file.ts).
    const stop = new AbortController();
    const stopListening = io.onInterrupt((signal) => stop.abort(signal));
    try {
      await files.writeWhole(file, bytes, force, stop.signal);
    } finally {
      stopListening();
    }
    sayNotes();
    outer.stderr(`fans: wrote ${fileLabel(file)} (${files.sizeText(bytes.length)})\n`);
  } else {
    sayNotes();
    io.stdout(output);
  }
}

async function renderRun(job: ReportJob, format: Format, io: Io, locales: { given: string | undefined; reading: () => string }, words: Words, fromFile: string | null): Promise<Output> {
  const locale = locales.given;
  const style = async () => (await import('./io/style.js')).buildStyle(io, { locale: locales.reading(), color: job.flags.color, words });
  // The environment's locale is looked up only for a chart: checking a tag loads ICU.
  const drawn = job.flags.chart === true || chartFormats.includes(format);
  const charts = chartOptions(job, format, io, drawn ? locales.reading() : (locale ?? 'en-US'), words, fromFile);
  // Spreadsheets of a decimal-comma locale read `;` and decimal commas; only an explicit
  // --locale asks for that: without it CSV stays the same for every script.
  const dialect = format === 'csv' && locale !== undefined && marksOf(locale).decimal === ',' ? ({ separator: ';', decimal: ',' } as const) : undefined;
  // Amounts in flags are read under the locale: --locale, else the environment's.
  const reading = locales.reading();
  return render(await report(await planOf(io, job.command, flagsOf(job.flags), job.args, reading, { drawn }), io, reading), format, style, charts, dialect);
}

/**
 * Whether --output names standard output: `-`, as for most command-line tools, or a name of
 * descriptor 1 (/dev/stdout, /dev/fd/1, /proc/self/fd/1), written as stdout is (a pipe, a
 * socket or a file), not opened again by name.
 */
const isStdout = (file: string) => file === '-' || file === '/dev/stdout' || file === '/dev/fd/1' || file === '/proc/self/fd/1';

/** Formats an --output file's extension names: `groei.xlsx` is xlsx, `groei.htm` html. */
const extensionFormats: Record<string, Format> = { csv: 'csv', tsv: 'tsv', json: 'json', xlsx: 'xlsx', html: 'html', htm: 'html', svg: 'svg', png: 'png' };

/**
 * The output format: --format as given; without it, the one --output's extension names
 * (`--output groei.xlsx` writes xlsx, not a text table under that name), else `table`.
 * An extension naming a format the command does not write is a UsageError.
 */
export function formatOf(given: unknown, file: string | undefined): Format {
  if (given !== undefined) return given as Format;
  const extension = file === undefined ? '' : extname(file).slice(1).toLowerCase();
  // No extension, or .txt, is the text table; an extension no format has (plan.pdf) is not written as one.
  if (extension === '' || extension === 'txt') return 'table';
  const format = extensionFormats[extension];
  if (format === undefined) throw new UsageError(`--output ${fileLabel(file!)}: fans writes no .${extension} file; name it .txt (a table), .csv, .tsv, .json, .xlsx, .html, .svg or .png, or give --format`);
  return format;
}

/** The report a plan asks for. */
async function report(plan: Plan, io: Io, locale: string): Promise<Report> {
  const { flags, trials, money: amounts } = plan;
  // Money is rare: its reports load only when amounts are given.
  const money = amounts ? await import('./commands/money.js') : null;
  switch (plan.command) {
    case 'simulate': {
      // A calendar run (calendar.ts, loaded with date-fns only for one).
      if (plan.calendar) return (await import('./commands/calendar.js')).calendarReport(io, plan, money && amounts ? { amounts, module: money } : null);
      const p = plan.model;
      if (trials === null) {
        const rows = treeRows(p);
        return simulateReport(p, rows, money && amounts ? [money.treeMoney(p, rows, amounts)] : []);
      }
      return (await import('./commands/sampled.js')).sampledReport(io, { command: 'simulate', p }, trials, flags, amounts);
    }
    case 'compound': {
      if (plan.calendar) return (await import('./commands/calendar.js')).calendarReport(io, plan, money && amounts ? { amounts, module: money } : null);
      const p = plan.model;
      if (trials === null) {
        const rows = yearlyRows(p);
        return compoundReport(p, rows, money && amounts ? [money.yearlyMoney(p, rows, amounts)] : []);
      }
      return (await import('./commands/sampled.js')).sampledReport(io, { command: 'compound', p }, trials, flags, amounts);
    }
    case 'goal': {
      if (goalByDateOptions.some((name) => flags[name] !== undefined)) return (await import('./commands/goal-by-date.js')).calendarGoal(io, plan);
      // Each command's own code is a file of the build of its own, loaded when it runs (#29).
      const goal = await import('./commands/goal.js');
      const model = plan.model;
      if (moneyTargets.some((name) => flags[name] !== undefined)) {
        const goals = await import('./commands/goal-money.js');
        return goals.moneyGoalReport(goals.moneyTarget(flags, plan.args[0], amounts)!, model, amounts!);
      }
      return goal.goalReport(goal.parseTarget(plan.args[0]), goal.solvedFor(model), model, amounts);
    }
    case 'fit':
      return (await import('./commands/fit.js')).fitCommand(io, plan.args[0]!, flags);
    case 'compare': {
      const file = plan.args[0]!;
      const text = await readText(io, file, maxScenarioBytes, 'is larger than 1 MiB; a scenario file holds at most 50 scenarios');
      // Each scenario with a field beyond the model's runs as its command, planned as its flags would be, side by side.
      return (await import('./commands/compare.js')).compareCommand(text, file, locale, io.env, async (command, scenario) => report(await planOf(io, command, scenario, [], locale), io, locale));
    }
  }
}
