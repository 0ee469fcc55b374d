import { CommanderError, type Command } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io/io.js';
import { jobOf } from '../../src/cli/main.js';
import { type Job, buildProgram, namedOptions } from '../../src/cli/program.js';
import { hoistGlobalFlags } from '../../src/cli/flags/global-flags.js';
import { quietIo } from './harness.js';

/**
 * A run gives commander only the options its words name (start-up: simulate has 43, and making
 * them cost about 1 ms of a 9 ms start on Node 22). These tests hold that this changes nothing a
 * user sees: for any words, the job read (command, flags, arguments) and everything written
 * (help, errors and their suggestions, exit code) are those of a program with every option.
 */

/** What reading the words came to: the job, what was written, and commander's exit code if it stopped. */
interface Reading {
  job: (Omit<Job, 'program'> & { program?: [string, number][] }) | undefined;
  out: string;
  err: string;
  exit: number | null;
}

const capture = () => {
  const seen = { out: '', err: '' };
  const io: Io = { ...quietIo, stdout: (text) => void (seen.out += String(text)), stderr: (text) => void (seen.err += text) };
  return { io, seen };
};

const settle = async (read: (io: Io) => Promise<Job | undefined>): Promise<Reading> => {
  const { io, seen } = capture();
  try {
    const job = await read(io);
    // `fans completion` hands on the program: its commands and their options are what the script lists.
    const program = job?.program?.commands.map((command): [string, number] => [command.name(), command.options.length]);
    return { job: job && { command: job.command, flags: job.flags, args: job.args, ...(program ? { program } : {}) }, ...seen, exit: null };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { job: undefined, ...seen, exit: error.exitCode };
  }
};

/** The words read as before: every option of the command made. */
const withEveryOption = (argv: string[]) =>
  settle(async (io) => {
    let job: Job | undefined;
    await buildProgram(io, (read) => (job = read)).parseAsync(hoistGlobalFlags(argv), { from: 'user' });
    return job;
  });

/** The words read as a run reads them. */
const asRun = (argv: string[]) => settle((io) => jobOf(argv, io));

/** Every command's options, as `fans completion` sees them. */
async function everyOption(): Promise<Record<string, { flags: string; long: string; takesValue: boolean; choices: readonly string[] | undefined }[]>> {
  let program: Command | undefined;
  await buildProgram(quietIo, (job) => (program = job.program)).parseAsync(['completion', 'bash'], { from: 'user' });
  return Object.fromEntries(
    program!.commands.map((command) => [
      command.name(),
      command.options.map((option) => ({ flags: option.flags, long: option.long!, takesValue: option.required || option.optional, choices: option.argChoices })),
    ]),
  );
}

describe('namedOptions: the options a run names', () => {
  it('takes the command and the long flags, with or without =value', () => {
    expect(namedOptions(['simulate', '--fanout=3', '--depth', '5'])).toEqual({ command: 'simulate', options: new Set(['--fanout', '--depth']) });
    expect(namedOptions(['compound', '--years', '10', '--format', 'json', '--chart'])).toEqual({ command: 'compound', options: new Set(['--years', '--format', '--chart']) });
    expect(namedOptions(['--debug', 'goal', '1000'])).toEqual({ command: 'goal', options: new Set(['--debug']) });
    expect(namedOptions(['simulate'])).toEqual({ command: 'simulate', options: new Set() });
  });
  it('is null (every command and option) when help may be shown, a word has one dash or no command of fans is named', () => {
    for (const words of [['help', 'simulate'], ['simulate', '--help'], ['simulate', '-h'], ['simulate', '-f', 'json'], ['goal', '1000', '--rate', '-1'], ['simulate', '--title', 'help'], ['simulat', '--depth', '2'], ['completion', 'bash'], ['--debug'], []]) {
      expect(namedOptions(words)).toBeNull();
    }
  });
  it('a run of simulate makes only that command, and of its options only those it names and --scale (it has a default)', async () => {
    let job: Job | undefined;
    const program = buildProgram(quietIo, (read) => (job = read), namedOptions(['simulate', '--fanout', '3', '--format', 'json']));
    await program.parseAsync(['simulate', '--fanout', '3', '--format', 'json'], { from: 'user' });
    expect(program.commands.map((command) => command.name())).toEqual(['simulate']);
    const simulate = program.commands[0]!;
    expect(simulate.options.map((option) => option.long)).toEqual(['--fanout', '--format', '--scale']);
    expect(job!.flags).toMatchObject({ fanout: '3', format: 'json', scale: 'auto' });
    // Every command and option, as before, for help.
    const every = await everyOption();
    expect(Object.keys(every)).toEqual(['simulate', 'compound', 'goal', 'compare', 'fit', 'example', 'completion']);
    expect(every.simulate!.length).toBe(40);
  });
});

describe('a run reads its words as a program with every option does', () => {
  const fixed = [
    ['simulate', '--fanout', '10', '--depth', '3'],
    ['simulate', '--fanot', '3'],
    ['simulate', '--rate', '2'],
    ['simulate', '--depth', '3', '--depth', '4'],
    ['simulate', '--format', 'xml'],
    ['simulate', '--format=json', '--scale', 'cubic'],
    ['simulate', '--chart', '--scale=linear', '--title', '--fanout'],
    ['simulate', '--title'],
    ['simulate', 'extra'],
    ['simulate', '--no-chart'],
    ['simulate', '--', '--fanout'],
    ['--lang', 'nl', 'simulate', '--depth', '2'],
    ['goal', '1000', '--fanout', '10', '--by-date', '--cycle', '1m'],
    ['goal', '--net', '5000', '--value', '250/jaar'],
    ['goal'],
    ['compare', 'file.json', '--chart', '--fanout', '2'],
    ['compare'],
    ['fit', 'data.csv', '--sizes', '--censored-at', '50', '--chart'],
    ['fit', 'data.csv', '--referred-by', 'parent', '--joined=created'],
    ['example', 'article', '--format', 'json'],
    ['completion', 'bash'],
    ['completion', 'tcsh', '--debug'],
    ['simulat', '--depth', '2'],
    ['--debug', 'compound', '--years', '2'],
    ['compound', '--help'],
    ['help', 'goal'],
    ['--version'],
  ];
  it.each(fixed.map((words) => [words.join(' '), words]))('fans %s', async (_, words) => {
    expect(await asRun(words as string[])).toEqual(await withEveryOption(words as string[]));
  });

  it('for words made of every command and option, values and junk (property, 300 cases)', async () => {
    const options = await everyOption();
    const commands = [...Object.keys(options), 'simulat', 'help'];
    const longs = [...new Set(Object.values(options).flatMap((list) => list.map((option) => option.long)))];
    const takesValue = new Set(Object.values(options).flatMap((list) => list.filter((option) => option.takesValue).map((option) => option.long)));
    const choices = Object.values(options).flatMap((list) => list.flatMap((option) => option.choices ?? []));
    const values = ['3', '10%', '0.5', '2027-01-01', '1m', '250/jaar', 'x', '', '-1', '--', '--fanout', 'help', ...choices];
    const word = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...longs).chain((long) => (takesValue.has(long) ? fc.oneof(fc.constantFrom(...values).map((value) => [long, value]), fc.constantFrom(...values).map((value) => [`${long}=${value}`]), fc.constant([long])) : fc.constant([long]))) },
      { weight: 1, arbitrary: fc.constantFrom('--fanot', '--no-chart', '--no-color', '--debug', '-f', '-o', '-x', '--', '1000', 'file.csv', 'bash').map((one) => [one]) },
    );
    const words = fc.tuple(fc.constantFrom(...commands), fc.array(word, { maxLength: 6 })).map(([command, rest]) => [command, ...rest.flat()]);
    await fc.assert(
      fc.asyncProperty(words, async (argv) => {
        expect(await asRun(argv)).toEqual(await withEveryOption(argv));
      }),
      { numRuns: 300, seed: 29 },
    );
  });
});
