/** The two cli-table3 helpers the build replaces: for each, [as cli-table3 0.6.5 writes it, as fans bundles it]. */
export declare const cellHelpers: { firstDefined: [string, string]; setOption: [string, string] };
