/**
 * The share of a market not reached yet, (market - reached) / market: written so, not as
 * 1 - reached / market, which loses the digits of what is left near saturation (100 left of
 * 3.6e11 keeps 16 digits, not 10). A market of Infinity leaves all of it.
 *
 * @example unreached(360478281164, 360478281264) // => 2.7740922323906657e-10
 */
export const unreached = (reached: number, market: number): number => (market === Infinity ? 1 : (market - reached) / market);
