// What the build changes in two dependencies as it bundles them, for start-up time: for each
// change, [the text as the dependency writes it, the text fans bundles]. The build stops when a
// file no longer holds a text as written here (another version), and
// test/output/bundle-patches.test.ts holds each change to the original's behaviour.

/**
 * cli-table3 0.6.5 merges each cell's 16 border characters and 2 paddings through helpers that
 * allocate on every call: `setOption` splits, capitalises and joins the option's name each time,
 * and `firstDefined(...args)` filters a new array. For a 5-row table that is about 120 kB of the
 * 250 kB a draw allocates, which pushed short runs into a garbage collection on Node 22 to 26
 * (docs/performance.md). The build swaps in the same two functions written without allocating:
 * `firstDefined` returns the first argument that is neither undefined nor null, as before, and
 * `setOption` works each name out once. The build stops if cell.js no longer holds them as
 * written here (another cli-table3); test/output/bundle-patches.test.ts holds the bundled tables equal
 * to cli-table3's own.
 */
export const cellHelpers = {
  firstDefined: [
    `function firstDefined(...args) {
  return args.filter((v) => v !== undefined && v !== null).shift();
}`,
    `function firstDefined(a, b, c, d) {
  return a ?? b ?? c ?? d ?? undefined;
}`,
  ],
  setOption: [
    `function setOption(objA, objB, nameB, targetObj) {
  let nameA = nameB.split('-');
  if (nameA.length > 1) {
    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
    nameA = nameA.join('');
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
    `const optionNames = new Map();
function setOption(objA, objB, nameB, targetObj) {
  let nameA = optionNames.get(nameB);
  if (nameA === undefined) {
    const parts = nameB.split('-');
    if (parts.length > 1) parts[1] = parts[1].charAt(0).toUpperCase() + parts[1].substr(1);
    nameA = parts.join('');
    optionNames.set(nameB, nameA);
  }
  if (nameA !== nameB) {
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
  ],
};

/**
 * cli-table3 0.6.5's utils.js strips colour codes with a pattern (`\u001b[...m`) from every cell
 * it measures (`strlen`), reads the codes a line leaves open (`readState`), and splits a text at
 * them to shorten it (`truncateWidthWithAnsi`, which each cell's draw calls for a debug line
 * when its text is longer than 10 columns: every money cell, `€ 1.000,00`). V8 compiles each
 * pattern at its first use in a process, twice when it runs again, and no code cache keeps that:
 * about 0.1 ms of every table's start-up (docs/performance.md). Neither pattern can match a text
 * without an escape character, so the build asks the text first: without colour (NO_COLOR, a
 * pipe) the patterns never run. The results are the same; test/output/bundle-patches.test.ts holds
 * them equal on coloured and plain texts, and the built tables equal cli-table3's own.
 */
export const utilsHelpers = {
  strlen: [
    `  let stripped = ('' + str).replace(code, '');`,
    `  let stripped = ('' + str).includes('\\u001b') ? ('' + str).replace(code, '') : '' + str;`,
  ],
  readState: [
    `  let controlChars = code.exec(line);
  let state = {};`,
    `  let controlChars = line.includes('\\u001b') ? code.exec(line) : null;
  let state = {};`,
  ],
  // Without a code, the loop below takes the text once: shortened to the width when wider.
  truncateWidthWithAnsi: [
    `function truncateWidthWithAnsi(str, desiredLength) {
  let code = codeRegex(true);`,
    `function truncateWidthWithAnsi(str, desiredLength) {
  if (!str.includes('\\u001b')) return desiredLength <= 0 ? '' : strlen(str) > desiredLength ? truncateWidth(str, desiredLength) : str;
  let code = codeRegex(true);`,
  ],
};

/**
 * commander 14.0.3 reads each option's flags (`-o, --output <file>`) with patterns: it splits them
 * at `/[ |,]+/`, tells short from long with `/^-[^-]$/` and `/^--[^-]/`, looks for `/\w\.\.\.[>\]]$/`
 * (variadic), and strips `/^--/`, `/^no-/` and `/^--no-/` from names; parsing asks `/^--[^=]+=/` of
 * each word. Eight patterns for a run's few options, each compiled by V8 at its first use in a
 * process (about 0.15 ms of every start, docs/performance.md). The build writes the same tests
 * as string operations; the patterns that remain run only for help, errors or odd flags.
 */
export const commanderPatterns = {
  variadic: [
    `    this.variadic = /\\w\\.\\.\\.[>\\]]$/.test(flags); // The option can take multiple values.`,
    `    this.variadic = (flags.endsWith('...>') || flags.endsWith('...]')) && /\\w\\.\\.\\.[>\\]]$/.test(flags); // The option can take multiple values.`,
  ],
  name: [
    `    if (this.long) {
      return this.long.replace(/^--/, '');
    }`,
    `    if (this.long) {
      return this.long.startsWith('--') ? this.long.slice(2) : this.long;
    }`,
  ],
  attributeName: [
    `      return camelcase(this.name().replace(/^no-/, ''));`,
    `      return camelcase(this.name().startsWith('no-') ? this.name().slice(3) : this.name());`,
  ],
  splitOptionFlags: [
    `  const shortFlagExp = /^-[^-]$/;
  // long flag, double dash and at least one character
  const longFlagExp = /^--[^-]/;

  const flagParts = flags.split(/[ |,]+/).concat('guard');`,
    `  const shortFlagExp = { test: (text) => text.length === 2 && text[0] === '-' && text[1] !== '-' };
  // long flag, double dash and at least one character
  const longFlagExp = { test: (text) => text.length > 2 && text.startsWith('--') && text[2] !== '-' };

  const separator = (c) => c === ' ' || c === '|' || c === ',';
  const flagParts = [];
  let partFrom = 0;
  for (let i = 0; i < flags.length; ) {
    if (!separator(flags[i])) {
      i++;
      continue;
    }
    flagParts.push(flags.slice(partFrom, i));
    while (i < flags.length && separator(flags[i])) i++;
    partFrom = i;
  }
  flagParts.push(flags.slice(partFrom), 'guard');`,
  ],
  positiveLongFlag: [
    `      const positiveLongFlag = option.long.replace(/^--no-/, '--');`,
    `      const positiveLongFlag = option.long.startsWith('--no-') ? \`--\${option.long.slice(5)}\` : option.long;`,
  ],
  longFlagWithValue: [
    `      if (/^--[^=]+=/.test(arg)) {`,
    `      if (arg.startsWith('--') && arg.indexOf('=', 2) > 2) {`,
  ],
};

/** The files the build changes, under node_modules: each with its changes, by name. */
export const bundlePatches = {
  'cli-table3/src/cell.js': cellHelpers,
  'cli-table3/src/utils.js': utilsHelpers,
  'commander/lib/option.js': { variadic: commanderPatterns.variadic, name: commanderPatterns.name, attributeName: commanderPatterns.attributeName, splitOptionFlags: commanderPatterns.splitOptionFlags },
  'commander/lib/command.js': { positiveLongFlag: commanderPatterns.positiveLongFlag, longFlagWithValue: commanderPatterns.longFlagWithValue },
};
