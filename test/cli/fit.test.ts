import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUsageError, fans, spawnFans } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'fans-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const json = async (args: string[], options = {}) => {
  const ran = await fans([...args, '--format', 'json'], options);
  expect(ran.stderr).toBe('');
  return JSON.parse(ran.stdout);
};

/** 40 fans: 20 zeros, 10 ones, 5 twos, 3 threes, 2 sevens (sum 43). */
const counts = [...Array(20).fill(0), ...Array(10).fill(1), ...Array(5).fill(2), ...Array(3).fill(3), 7, 7];

describe('fans fit: the three shapes of records', () => {
  it('per-fan counts: the `referrals` column of a CSV, the only numeric column, or --column', async () => {
    const named = await json(['fit', file('a.csv', `name,referrals\n${counts.map((c, i) => `fan${i},${c}`).join('\n')}\n`)]);
    expect(named).toMatchObject({ command: 'fit', shape: 'counts', columns: ['referrals'], n: 40, mean: 43 / 40 });
    const only = await json(['fit', file('b.csv', `name,brought\n${counts.map((c, i) => `fan${i},${c}`).join('\n')}\n`)]);
    expect(only.columns).toEqual(['brought']);
    const chosen = await json(['fit', file('c.csv', `x,y\n${counts.map((c) => `${c},${c + 1}`).join('\n')}\n`), '--column', 'x']);
    expect(chosen.mean).toBe(43 / 40);
    // The Poisson K is the mean, exactly, in every shape.
    expect(chosen.candidates.find((c: { model: string }) => c.model === 'poisson').K).toBe(43 / 40);
  });

  it('TSV, JSON, a headerless column, and Dutch CSV (; and 1.000) read alike', async () => {
    const tsv = await json(['fit', file('a.tsv', `referrals\n${counts.join('\n')}\n`)]);
    const fromJson = await json(['fit', file('a.json', JSON.stringify(counts))]);
    const objects = await json(['fit', file('o.json', JSON.stringify(counts.map((c) => ({ referrals: c }))))]);
    const bare = await json(['fit', file('bare.csv', `${counts.join('\n')}\n`)]);
    const stdin = await json(['fit', '-'], { stdin: counts.join('\n') });
    for (const doc of [tsv, fromJson, objects, bare, stdin]) expect(doc).toMatchObject({ n: 40, mean: 43 / 40 });
    const dutch = await json(['fit', file('nl.csv', 'klant;referrals\na;1.000\nb;0\n'), '--locale', 'nl-NL']);
    expect(dutch.mean).toBe(500);
  });

  it('--fans adds the zeros an export of referrers leaves out; without it, a warning', async () => {
    const referrers = counts.filter((c) => c > 0);
    const path = file('referrers.csv', `referrals\n${referrers.join('\n')}\n`);
    const warned = await fans(['fit', path]);
    expect(warned.stdout).toContain('Warning: no zeros.');
    const all = await json(['fit', path, '--fans', '40']);
    expect(all).toMatchObject({ n: 40, mean: 43 / 40 });
    const truncated = await json(['fit', path, '--zero-truncated']);
    expect(truncated.n).toBe(20);
    expect(truncated.candidates.map((c: { model: string }) => c.model)).toEqual(['poisson', 'geometric', 'negbin']);
  });

  it('who referred whom: each fan counts the rows naming them, zeros included', async () => {
    const rows = ['id,referred_by', 'ann,', 'bob,ann', 'cy,ann', 'dee,bob', 'eve,', 'fay,eve', 'gus,ann'];
    const doc = await json(['fit', file('tree.csv', `${rows.join('\n')}\n`)]);
    // ann 3, bob 1, cy 0, dee 0, eve 1, fay 0, gus 0
    expect(doc).toMatchObject({ shape: 'referrals', n: 7, mean: 5 / 7 });
    expect(doc.table[0]).toMatchObject({ from: 0, observed: 4 });
    const renamed = await json(['fit', file('crm.csv', 'customer,referrer\nann,\nbob,ann\n'), '--id', 'customer', '--referred-by', 'referrer']);
    expect(renamed).toMatchObject({ n: 2, mean: 0.5 });
  });

  it('chain sizes: Poisson R = 1 - 1/mean size exactly; censored and minimum sizes taken', async () => {
    const sizes = [1, 1, 1, 2, 3, 1, 1, 5, 2, 1, 1, 1, 4, 2, 1];
    const doc = await json(['fit', file('sizes.csv', `size\n${sizes.join('\n')}\n`), '--sizes']);
    expect(doc.candidates.find((c: { model: string }) => c.model === 'poisson').K).toBe(1 - 1 / (27 / 15));
    expect(doc.candidates.map((c: { model: string }) => c.model)).toEqual(['poisson', 'geometric', 'negbin']);
    const censored = await json(['fit', file('sizes2.csv', `size\n${[...sizes, 40, 60].join('\n')}\n`), '--sizes', '--censored-at', '20']);
    expect(censored.table.at(-1)).toMatchObject({ from: 10, observed: 2 });
  });

  it('the table, and words in Dutch', async () => {
    const path = file('t.csv', `referrals\n${counts.join('\n')}\n`);
    const table = (await fans(['fit', path])).stdout;
    expect(table).toMatch(/│\s+model │\s+K │ K low │ K high │/);
    expect(table).toContain('Project it: fans simulate --fanout');
    expect(table).toMatch(/What it means: a new fan's chain dies out with probability \d/);
    const dutch = (await fans(['fit', path, '--lang', 'nl'])).stdout;
    expect(dutch).toContain('waargenomen');
    expect(dutch).toContain('Doorrekenen: fans simulate');
  });

  it('the projection runs as written and has the fitted mean', async () => {
    const doc = await json(['fit', file('p.csv', `referrals\n${counts.join('\n')}\n`)]);
    const args = (doc.projection as string).split(' ').slice(1).map((a) => (a === '100000' ? '2000' : a));
    const sim = await json([...args, '--seed', '1', '--depth', '1']);
    expect(sim.rows[1].meanTheory).toBeCloseTo(1 + 43 / 40, 4);
  });

  it('the projection reads the same under a Dutch locale, even when K has three decimals (1.537 is written 1.5370)', async () => {
    // 1,000 fans, 1,537 new fans: K = 1.537 exactly.
    const doc = await json(['fit', file('k3.csv', `referrals\n${[...Array(537).fill(2), ...Array(463).fill(1)].join('\n')}\n`)]);
    expect(doc.projection).toMatch(/^fans simulate --fanout 1\.5370 /);
    const args = (doc.projection as string).split(' ').slice(1).map((a) => (a === '100000' ? '2000' : a));
    const sim = await json([...args, '--seed', '1', '--depth', '1'], { env: { LANG: 'nl_NL.UTF-8' } });
    expect(sim.parameters.fanout).toBe(1.537);
    expect(sim.rows[1].meanTheory).toBeCloseTo(2.537, 10);
  });
});

describe('fans fit: bad records, one line naming file, row and column, exit 2', () => {
  const cases: [string, string, string[], RegExp][] = [
    ['an empty file', '', [], /^fans: .*empty\.csv: is empty; expected a header row/],
    ['a header only', 'referrals\n', [], /^fans: .*: has a header but no rows of data$/],
    ['a negative count', 'referrals\n1\n-2\n', [], /^fans: .*: row 3, column "referrals": must be a whole number from 0 to 1,000,000,000 \(got "-2"\)$/],
    ['a fractional count', 'referrals\n1\n2.5\n', [], /^fans: .*: row 3, column "referrals": must be a whole number/],
    ['text in the count column', 'referrals\n1\nmany\n', [], /^fans: .*: row 3, column "referrals": must be a whole number .*\(got "many"\)$/],
    ['a count past 10^9', 'referrals\n1\n2000000000\n', [], /^fans: .*: row 3, column "referrals": must be a whole number from 0 to 1,000,000,000/],
    ['a missing column', 'a,b\n1,2\n', ['--column', 'referrals'], /^fans: .*: no column "referrals" \(--column\); the columns are "a", "b"$/],
    ['no numeric column', 'name,city\nann,x\n', [], /^fans: .*: no column of whole numbers for the referral counts: name it with --column; the columns are "name", "city"$/],
    ['duplicate ids', 'id,referred_by\nann,\nann,\n', [], /^fans: .*: row 3, column "id": "ann" is already the id of row 2$/],
    ['a cycle', 'id,referred_by\nann,\nbob,cy\ncy,bob\n', [], /^fans: .*: row \d, column "referred_by": "(bob|cy)" is in a cycle of referrals/],
    ['an empty id', 'id,referred_by\n,\n', [], /^fans: .*: row 2, column "id": is empty; every fan needs an id$/],
    ['a zero size', 'size\n0\n', ['--sizes'], /^fans: .*: row 2, column "size": must be a whole number from 1 to/],
    ['an unclosed quote', 'referrals\n"1\n', [], /^fans: .*: row 2: a quoted field is not closed$/],
    ['JSON of the wrong shape', '{"a": 1}', [], /^fans: .*: must be a JSON array of numbers or of objects/],
    ['zeros with --zero-truncated', 'referrals\n0\n1\n', ['--zero-truncated'], /^fans: --zero-truncated fits counts of 1 or more, and .* has 1 zeros/],
    ['--fans below the rows', 'referrals\n1\n2\n', ['--fans', '1'], /^fans: --fans 1 is fewer than the 2 fans listed in /],
    ['--censored-at without --sizes', 'referrals\n1\n', ['--censored-at', '5'], /^fans: --censored-at applies to chain sizes: add --sizes$/],
    ['--min-size past --censored-at', 'size\n1\n', ['--sizes', '--min-size', '9', '--censored-at', '5'], /^fans: --min-size must be below --censored-at/],
    ['sizes below --min-size', 'size\n3\n12\n', ['--sizes', '--min-size', '5'], /^fans: --min-size 5 says no chain is smaller, and .* has chains of size 3$/],
    ['--censored-at past its limit', 'size\n1\n', ['--sizes', '--censored-at', '1001'], /^fans: --censored-at must be a whole number from 2 to 1,000/],
    ['an unknown --input', 'referrals\n1\n', ['--input', 'xls'], /^fans: --input must be one of csv, tsv, json \(got "xls"\)$/],
  ];
  it.each(cases)('%s', async (name, text, args, message) => {
    const path = file(`${name.replace(/\W+/g, '-') || 'empty'}${name === 'an empty file' ? '-empty' : ''}.csv`, text);
    expectUsageError(await fans(['fit', path, ...args]), message);
  });

  it('a file that does not exist, a folder', async () => {
    expectUsageError(await fans(['fit', join(dir, 'nope.csv')]), /^fans: cannot read .*nope\.csv: no such file$/);
    expectUsageError(await fans(['fit', dir]), /^fans: cannot read .*: it is a folder$/);
  });
});

describe('fans fit: the files people have (issue #31, items 1 and 2, in part)', () => {
  // Records with names Excel writes in one byte each in Windows-1252 (é, ë, € ...).
  const text = 'naam;aanbevelingen\r\nJosé;2\r\nZoë;0\r\nRenée;5\r\nAndré;1\r\n';
  const fitOf = async (name: string, bytes: Buffer) => {
    const path = file(name, '');
    writeFileSync(path, bytes);
    const ran = await fans(['fit', path, '--column', 'aanbevelingen', '--format', 'json']);
    expect(ran.code).toBe(0);
    return { doc: JSON.parse(ran.stdout), stderr: ran.stderr };
  };

  it('UTF-8, UTF-8 with a BOM, UTF-16 with a BOM (LE and BE) and Windows-1252 give the same fit to the last digit; Windows-1252 is said on stderr', async () => {
    const utf8 = await fitOf('utf8.csv', Buffer.from(text, 'utf8'));
    expect(utf8.stderr).toBe('');
    const bom = await fitOf('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const le = await fitOf('utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = await fitOf('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const cp1252 = await fitOf('excel.csv', Buffer.from(text, 'latin1'));
    expect(cp1252.stderr).toMatch(/^fans: .*excel\.csv is not UTF-8; read as Windows-1252 \(Excel's CSV on a western Windows\); save it as "CSV UTF-8" to be sure of every character\n$/);
    for (const other of [bom, le, be, cp1252]) expect({ ...other.doc, file: null }).toEqual({ ...utf8.doc, file: null });
    expect(utf8.doc.n).toBe(4);
  });

  it('a windowed export: referrers not in the file joined before it; their referees are fans, their own counts are left out, and stderr says how many rows', async () => {
    const path = file('window.csv', 'id,referred_by\nann,old_1\nbob,ann\ncy,ann\ndee,old_2\neve,dee\n');
    const ran = await fans(['fit', path, '--format', 'json']);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(/^fans: .*window\.csv: 2 rows name referrers not in the file \(who joined before its window, it seems\): their referees count as fans, and those referrers' own counts, unknown here, are left out\n$/);
    const doc = JSON.parse(ran.stdout);
    // Five fans in the file: ann 2, dee 1, bob, cy and eve 0; old_1 and old_2 are not counted.
    expect(doc.n).toBe(5);
    expect(doc.mean).toBeCloseTo(3 / 5, 12);
  });

  it('a file past 64 MiB is refused after reading 64 MiB, not all of it (a sparse file, the real binary)', () => {
    const big = join(dir, 'big.csv');
    execFileSync('truncate', ['-s', String(64 * 1024 * 1024 + 1), big]);
    const ran = spawnFans(['fit', big]);
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr).toMatch(/^fans: .*big\.csv: is larger than 64 MiB, the most fans fit reads\n$/);
  });

  it('names from the file are escaped in messages', async () => {
    const ran = await fans(['fit', file('evil.csv', 'id,referred_by\n\u001b[31mred,\n\u001b[31mred,\n')]);
    expectUsageError(ran, /^fans: .*row 3, column "id": "\\u001b\[31mred" is already the id of row 2$/);
  });
});

describe('forecasts from a fit: fans simulate|compound --fit FILE', () => {
  // 60 fans, overdispersed: a band that should widen when K and k are drawn.
  const records = [...Array(36).fill(0), ...Array(10).fill(1), ...Array(6).fill(2), 3, 3, 4, 5, 6, 8, 9, 12];

  it('draws K and k per run, says so, and reports the band with K and k fixed', async () => {
    const path = file('forecast.csv', `referrals\n${records.join('\n')}\n`);
    const ran = await fans(['simulate', '--fit', path, '--trials', '4000', '--seed', '3', '--depth', '4']);
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toContain('K and k are drawn for each run from the fit of');
    expect(ran.stdout).toMatch(/The p5–p95 band \(.*\) is [\d.]+× as wide as with K and k fixed at their estimates/);
    // Theory holds K fixed: its columns are left out of a run that draws K.
    expect(ran.stdout).not.toContain('meanTheory');
    const doc = await json(['simulate', '--fit', path, '--trials', '4000', '--seed', '3', '--depth', '4']);
    const fit = await json(['fit', path]);
    expect(doc.fit).toMatchObject({ model: fit.preferred });
    const law: Record<string, string> = { poisson: 'poisson', zip: 'poisson', geometric: 'geometric', negbin: 'negbin', zinb: 'negbin' };
    expect(doc.parameters.distribution).toBe(law[fit.preferred]);
    const last = doc.rows.at(-1);
    expect(last.p95 - last.p5).toBeGreaterThanOrEqual(doc.fit.fixedBand[1] - doc.fit.fixedBand[0]);
  });

  it('the same seed gives the same output on 1 or 2 threads; compound takes --fit too', async () => {
    const path = file('forecast2.csv', `referrals\n${records.join('\n')}\n`);
    const one = await fans(['compound', '--fit', path, '--trials', '3000', '--seed', '9', '--years', '3', '--threads', '1', '--format', 'csv']);
    const two = spawnFans(['compound', '--fit', path, '--trials', '3000', '--seed', '9', '--years', '3', '--threads', '2', '--format', 'csv']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('on the calendar (issue #28): the growth rate is the fit\'s K, by cycle and with spread-out delays; the spread runs draw K per run and say so', async () => {
    const path = file('forecast4.csv', `referrals\n${records.join('\n')}\n`);
    const fit = await json(['fit', path]);
    const K = fit.candidates.find((c: { model: string }) => c.model === fit.preferred).K;
    const month = 365.2425 / 12;
    // By cycle: ln K a month (it was the default fanout's, ln 10, before).
    const cycles = await json(['simulate', '--fit', path, '--trials', '500', '--seed', '2', '--cycle', '1m', '--depth', '5']);
    expect(cycles.calendar.growthRatePerDay).toBeCloseTo(Math.log(K) / month, 12);
    // Spread out: the Pascal closed form with the fit's K.
    const spread = await json(['simulate', '--fit', path, '--trials', '2000', '--seed', '2', '--cycle', '1m', '--cycle-spread', '2w', '--start-date', '2027-01-01', '--until', '2027-12-31', '--by', 'quarter']);
    const d = spread.calendar.delay;
    expect(spread.calendar.growthRatePerDay).toBeCloseTo(Math.log1p(d.dailyChance * (K ** (1 / d.stages) - 1)), 12);
    expect(spread.fit).toMatchObject({ model: fit.preferred, K });
    expect(spread.rows.map((r: { period: string }) => r.period)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect((await fans(['compound', '--fit', path, '--trials', '300', '--seed', '2', '--cycle', '1m', '--cycle-spread', '2w', '--years', '1'])).stdout).toContain('K and k are drawn for each run from the fit of');
  });

  it('goal --by-date --fit (issue #28): the dates of runs that draw K from the records; the tree, or compound with --years or --churn', async () => {
    const path = file('forecast5.csv', `referrals\n${records.join('\n')}\n`);
    const fit = await json(['fit', path]);
    const K = fit.candidates.find((c: { model: string }) => c.model === fit.preferred).K;
    const args = ['goal', '100', '--by-date', '--fit', path, '--trials', '2000', '--seed', '4', '--start', '20', '--cycle', '1m', '--cycle-spread', '2w', '--start-date', '2027-01-01', '--deadline', '2028-01-01'];
    const doc = await json(args);
    expect(doc.fit).toMatchObject({ model: fit.preferred, K });
    expect(doc.parameters.fanout).toBeCloseTo(K / (1 - doc.fit.nonreferrers), 12);
    // The expected run is the tree with the fit's K: the same date as --fanout K with the fit's law.
    const fixed = await json(['goal', '100', '--by-date', '--fanout', String(K / (1 - doc.fit.nonreferrers)), '--nonreferrers', String(doc.fit.nonreferrers), '--start', '20', '--cycle', '1m', '--cycle-spread', '2w', '--start-date', '2027-01-01']);
    expect(doc.expectedDate).toBe(fixed.byDate);
    expect(doc.dates.p5 <= doc.dates.p50 && doc.dates.p50 <= (doc.dates.p95 ?? '9999')).toBe(true);
    expect(doc.deadline.share).toBeGreaterThan(0);
    // Compound when --years says so (a rate per cycle from the records).
    const compound = await json(['goal', '100', '--by-date', '--fit', path, '--trials', '500', '--seed', '4', '--start', '20', '--years', '5']);
    expect(compound.parameters.rate).toBeCloseTo(K / (1 - compound.fit.nonreferrers), 12);
    expectUsageError(await fans(['goal', '100', '--by-date', '--fit', path, '--trials', '10', '--rate', '0.5']), /^fans: --rate is what --fit takes from your records/);
    expectUsageError(await fans(['goal', '100', '--by-date', '--fit', path]), /^fans: --fit applies to sampled runs only: add --trials N$/);
  });

  it('refuses what the fit gives, and --fit without --trials', async () => {
    const path = file('forecast3.csv', `referrals\n${records.join('\n')}\n`);
    expectUsageError(await fans(['simulate', '--fit', path, '--trials', '100', '--fanout', '3']), /^fans: --fanout is what --fit takes from your records: leave it out, or leave out --fit$/);
    expectUsageError(await fans(['compound', '--fit', path, '--trials', '100', '--distribution', 'negbin']), /^fans: --distribution is what --fit takes/);
    expectUsageError(await fans(['simulate', '--fit', path]), /^fans: --fit applies to sampled runs only: add --trials N$/);
    expectUsageError(await fans(['simulate', '--fit', file('zeros.csv', 'referrals\n0\n0\n'), '--trials', '10']), /^fans: --fit .*zeros\.csv: nobody in it referred anyone \(K = 0\)/);
  });
});

describe('the shipped records', () => {
  it('fans example referrals | fans fit -: 300 customers, a negative binomial preferred, the projection printed', async () => {
    const records = (await fans(['example', 'referrals'])).stdout;
    expect(records.split('\n')[0]).toBe('customer,referrals');
    const doc = await json(['fit', '-'], { stdin: records });
    expect(doc).toMatchObject({ n: 300, preferred: 'negbin' });
    expect(doc.projection).toMatch(/^fans simulate --fanout [\d.]+ --distribution negbin --dispersion [\d.]+ --trials 100000$/);
    expect((await fans(['example'])).stdout).toMatch(/^  referrals +records for fans fit/m);
  });
});

// Issue #34, items 6 and 7: records that would take minutes or gigabytes are refused while
// they are read, with the row; the accepted worst cases are measured by npm run limits.
describe('fit: bounded records', () => {
  it('a record of more than 1,000 columns (a 60 MB line of 1,1,1,… took 3.5 GB): refused at that row', async () => {
    expectUsageError(await fans(['fit', '-'], { stdin: `referrals\n1\n${'1,'.repeat(1000)}1\n` }), /^fans: <stdin>: row 3: has more than 1,000 columns; fans reads referral records, one fan a row$/);
    // 1,000 columns are read.
    const wide = `${Array.from({ length: 1000 }, (_, c) => (c === 0 ? 'referrals' : `c${c}`)).join(',')}\n${'1,'.repeat(999)}1\n`;
    expect((await fans(['fit', '-', '--column', 'referrals'], { stdin: wide })).code).toBe(0);
  });

  it('a field longer than 65,536 characters, quoted or not (a 60 MB quoted field took 1.2 GB): refused', async () => {
    for (const field of [`"${'x'.repeat(65_537)}"`, 'x'.repeat(65_537)]) {
      expectUsageError(await fans(['fit', '-'], { stdin: `referrals,note\n1,ok\n2,${field}\n` }), /^fans: <stdin>: row 3: a field is longer than 65,536 characters; fans reads referral records, one fan a row$/);
    }
    expect((await fans(['fit', '-', '--column', 'referrals'], { stdin: `referrals,note\n1,"${'x'.repeat(65_536)}"\n0,\n` })).code).toBe(0);
  });

  it('JSON objects with more than 1,000 different keys (160,000 took 33 s): refused at the object that brings the 1,001st', async () => {
    const objects = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ [`k${i}`]: 1 })));
    expectUsageError(await fans(['fit', '-'], { stdin: objects }), /^fans: <stdin>: item 1001: the objects have more than 1,000 different keys/);
  });

  it('who referred whom past 2,000,000 fans (64 MiB of short ids took 1.5 GB): refused at the row past it', async () => {
    const rows = ['id,referred_by', '0,'];
    for (let i = 1; i <= 2_000_000; i++) rows.push(`${i.toString(36)},0`);
    expectUsageError(await fans(['fit', '-'], { stdin: rows.join('\n') }), /^fans: <stdin>: row 2000002: more than 2,000,000 fans; fans fits who referred whom for at most that many/);
  }, 120_000);
});
