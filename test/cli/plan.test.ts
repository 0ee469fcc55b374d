import { describe, expect, it } from 'vitest';
import { planOf } from '../../src/cli/plan.js';
import { quietIo } from './harness.js';
import { marksOf, readNumbersUnder } from '../../src/cli/flags/number-reading.js';

/** No plan of these flags reads a file (none has --fit): the quiet Io rejects a read. */
const io = quietIo;

describe('the plan: a run read once into typed values (issue #28)', () => {
  it('reads the model by the command\'s schema, with its defaults', async () => {
    const tree = await planOf(io, 'simulate', { fanout: '3' }, [], 'en-US');
    expect(tree.command).toBe('simulate');
    expect(tree.model).toMatchObject({ start: 1, fanout: 3, depth: 3, conversion: 1, nonreferrers: 0, market: null, cycle: null, paid: 0 });
    const compound = await planOf(io, 'compound', { rate: '0.5', churn: '10%' }, [], 'en-US');
    expect(compound.model).toMatchObject({ rate: 0.5, years: 10, churn: 0.1 });
    // A goal's given half of a pair has no default: the other stays undefined.
    const goal = await planOf(io, 'goal', { fanout: '10' }, ['1000'], 'en-US');
    if (goal.command !== 'goal') throw new Error('a goal plan');
    expect(goal.model).toMatchObject({ fanout: 10, start: 1 });
    expect(goal.model.depth).toBeUndefined();
    expect(goal.model.rate).toBeUndefined();
    expect(goal.args).toEqual(['1000']);
    const fit = await planOf(io, 'fit', { sizes: true }, ['f.csv'], 'en-US');
    expect(fit.model).toBeNull();
  });

  it('refuses a market smaller than the starting fans, for every model and a scenario file alike, once every flag reads', async () => {
    const message = '--market must be at least the starting fans, 5 (got 3)';
    for (const command of ['simulate', 'compound', 'goal'] as const) {
      await expect(planOf(io, command, { start: '5', market: '3', fanout: '2' }, ['100'], 'en-US')).rejects.toThrow(message);
      // A market as large as the start, or none, is a market.
      await expect(planOf(io, command, { start: '5', market: '5', fanout: '2' }, ['100'], 'en-US')).resolves.toMatchObject({ model: { start: 5, market: 5 } });
      await expect(planOf(io, command, { start: '5', fanout: '2' }, ['100'], 'en-US')).resolves.toMatchObject({ model: { market: null } });
    }
    // A flag that does not read is the error, not the market.
    await expect(planOf(io, 'simulate', { start: '5', market: '3', depth: '-1' }, [], 'en-US')).rejects.toThrow(/^--depth /);
    const { fans } = await import('./harness.js');
    const ran = await fans(['compare', '-'], { stdin: JSON.stringify({ scenarios: [{ name: 'a', command: 'simulate', start: 5, market: 3 }] }) });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe('fans: <stdin>: scenarios[0].market: must be at least the starting fans, 5 (got 3)\n');
  });

  it('reads --trials and its companions once, or none: `none` is no trials, and a companion alone is refused', async () => {
    expect((await planOf(io, 'simulate', {}, [], 'en-US')).trials).toBeNull();
    expect((await planOf(io, 'simulate', { trials: 'none' }, [], 'en-US')).trials).toBeNull();
    const sampled = await planOf(io, 'compound', { trials: '1000', seed: '7', quantiles: '10,90' }, [], 'en-US');
    expect(sampled.trials).toMatchObject({ trials: 1000, seed: 7, quantiles: [10, 90], distribution: 'poisson', dispersion: null, fit: null, threads: null });
    await expect(planOf(io, 'simulate', { seed: '7' }, [], 'en-US')).rejects.toThrow('--seed applies to sampled runs only: add --trials N');
    await expect(planOf(io, 'simulate', { trials: 'none', seed: '7' }, [], 'en-US')).rejects.toThrow('--seed applies to sampled runs only');
    await expect(planOf(io, 'simulate', { trials: '0' }, [], 'en-US')).rejects.toThrow('--trials must be a whole number from 1 to 10,000,000 (got "0")');
    // A goal refuses them itself, beside --by-date (goal-by-date.ts says why).
    expect((await planOf(io, 'goal', { fanout: '2', seed: '7' }, ['100'], 'en-US')).trials).toBeNull();
  });

  it('reads numbers the locale\'s way (as main.ts sets it) and takes the currency from the locale it is given', async () => {
    const restore = readNumbersUnder(() => marksOf('nl-NL'));
    try {
      const nl = await planOf(io, 'simulate', { trials: '10.000', value: '1.250,50' }, [], 'nl-NL');
      expect(nl.trials!.trials).toBe(10_000);
      expect(nl.money!.currency).toBe('EUR');
      expect((await planOf(io, 'simulate', { trials: '10' }, [], 'nl-NL')).money).toBeNull();
    } finally {
      restore();
    }
  });

  it('tells a calendar run by a calendar flag or --cycle, for the models only', async () => {
    expect((await planOf(io, 'simulate', { fanout: '2' }, [], 'en-US')).calendar).toBe(false);
    expect((await planOf(io, 'simulate', { cycle: '1m' }, [], 'en-US')).calendar).toBe(true);
    expect((await planOf(io, 'compound', { by: 'month' }, [], 'en-US')).calendar).toBe(true);
    expect((await planOf(io, 'compare', {}, ['s.json'], 'en-US')).calendar).toBe(false);
  });
});
