import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { field, fields, optionalField, parseFlags } from '../../src/cli/flags/fields.js';
import { compoundFlags, goalFlags, goalOptional, simulateFlags } from '../../src/cli/flags/models.js';
import { type OptionName, type OptionSpec, optionSpecs, readFlags, trialOptions } from '../../src/cli/flags/options.js';
import { pick } from '../../src/cli/flags/validate.js';

/**
 * A command's own flags are read without zod (options.ts's readFlags: a plain run then loads no
 * schema library, about 0.35 ms of each start on Node 22 to 26). These tests hold it to the zod
 * schemas the plan used before, built here as they were: the same values, or the same first
 * problem in the same words, for any flags.
 */
const asBefore = {
  simulate: z.object(fields(simulateFlags)),
  compound: z.object(fields(compoundFlags)),
  goal: z.object(Object.fromEntries(goalFlags.map((name) => [name, (goalOptional as readonly string[]).includes(name) ? optionalField(optionSpecs[name] as OptionSpec<unknown>) : field(optionSpecs[name] as OptionSpec<unknown>)]))),
  trials: z.strictObject(fields(trialOptions)),
};
const readNow = {
  simulate: (flags: Record<string, unknown>) => readFlags(flags, simulateFlags),
  compound: (flags: Record<string, unknown>) => readFlags(flags, compoundFlags),
  goal: (flags: Record<string, unknown>) => readFlags(flags, goalFlags, goalOptional),
  trials: (flags: Record<string, unknown>) => readFlags(flags, trialOptions),
};

/** A value read, or the words of the error it is refused with. */
const outcome = (read: () => unknown) => {
  try {
    return { value: read() };
  } catch (error) {
    return { refused: (error as Error).message, name: (error as Error).name };
  }
};

const value = fc.oneof(
  fc.constantFrom('3', '10', '0', '1', '0.5', '50%', '150%', '1e3', '1.000', '1,5', '10,000', 'none', 'poisson', 'negbin', '1m', '30d', '2y', '5,50,95', 'auto', '7', '1/3', ' 4 '),
  fc.constantFrom('abc', '-1', '', '-0', 'x'.repeat(101), '1e400', 'NaN', '∞'),
  fc.constantFrom(3, 0, -0, 1.5, -2, 1e21, Number.NaN, 0.25),
  fc.constantFrom(null, true, false, {}, [], undefined),
  fc.string({ maxLength: 6 }),
);
const flagsOf = (names: readonly string[]) =>
  fc.record(Object.fromEntries([...names, 'format', 'unknown'].map((name) => [name, value])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;

describe('readFlags reads a command\'s flags as the zod schemas did', () => {
  it.each([
    ['simulate', simulateFlags],
    ['compound', compoundFlags],
    ['goal', goalFlags],
    ['trials', trialOptions],
  ] as const)('%s: the same values, or the same first problem, for any flags (property)', (command, names) => {
    fc.assert(
      fc.property(flagsOf(names), (flags) => {
        const schema = asBefore[command];
        const before = outcome(() => parseFlags(schema, pick(flags, schema.def.shape)));
        expect(outcome(() => readNow[command](flags))).toEqual(before);
      }),
      { numRuns: 3000, seed: 29 },
    );
  });
  it('defaults fill what is not given; a goal leaves the half it solves for undefined; the first flag in order that does not read is the error', () => {
    expect(readFlags({}, simulateFlags)).toEqual({ start: 1, fanout: 10, depth: 3, conversion: 1, nonreferrers: 0, market: null, cycle: null, paid: 0 });
    expect(readFlags({ fanout: '3' }, goalFlags, goalOptional)).toMatchObject({ fanout: 3, depth: undefined, rate: undefined, years: undefined, churn: undefined });
    expect(() => readFlags({ depth: 'x', fanout: '-1' }, simulateFlags)).toThrow('--fanout must be a number from 0 to 1,000,000 (got "-1")');
    const names: readonly OptionName[] = simulateFlags;
    expect(names.every((name) => name in optionSpecs)).toBe(true);
  });
});
