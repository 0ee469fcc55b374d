// The two cli-table3 helpers the build replaces, as cli-table3 0.6.5 writes them and as fans bundles them.

/**
 * cli-table3 0.6.5 merges each cell's 16 border characters and 2 paddings through helpers that
 * allocate on every call: `setOption` splits, capitalises and joins the option's name each time,
 * and `firstDefined(...args)` filters a new array. For a 5-row table that is about 120 kB of the
 * 250 kB a draw allocates, which pushed short runs into a garbage collection on Node 22 to 26
 * (docs/performance.md). The build swaps in the same two functions written without allocating:
 * `firstDefined` returns the first argument that is neither undefined nor null, as before, and
 * `setOption` works each name out once. The build stops if cell.js no longer holds them as
 * written here (another cli-table3); test/output/table-lean.test.ts holds the bundled tables equal
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
