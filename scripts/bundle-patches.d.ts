/** A change the build makes to a dependency: [the text as the dependency writes it, the text fans bundles]. */
type Patch = [string, string];
/** The two cli-table3 helpers of cell.js the build replaces. */
export declare const cellHelpers: { firstDefined: Patch; setOption: Patch };
/** The lines of cli-table3's utils.js the build replaces. */
export declare const utilsHelpers: { strlen: Patch; readState: Patch; truncateWidthWithAnsi: Patch };
/** The lines of commander's option.js and command.js the build replaces. */
export declare const commanderPatterns: { variadic: Patch; name: Patch; attributeName: Patch; splitOptionFlags: Patch; positiveLongFlag: Patch; longFlagWithValue: Patch };
/** The files the build changes, under node_modules, each with its changes by name. */
export declare const bundlePatches: Record<string, Record<string, Patch>>;
