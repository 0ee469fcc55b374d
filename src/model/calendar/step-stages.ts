/**
 * One day of what is under way in a Pascal delay's k stages (delays.ts), in place: a share
 * `stay` of each stage stays, a share `move` moves on to the next, so each stage takes a day at
 * least; returns what leaves the last stage. With `stay` = 1 - q and `move` = q, mass sent on
 * day 0 leaves on day s with the delay's chance C(s-1, k-1) q^k (1-q)^(s-k); both scaled by
 * the share that stays a day (1 - h), with that times (1 - h)^s.
 *
 * @example const stage = Float64Array.of(1); stepStages(stage, 0.5, 0.5) // => 0.5, stage [0.5]
 */
export function stepStages(stage: Float64Array, stay: number, move: number): number {
  let before: number = stage[0]!;
  stage[0] = stay * before;
  for (let j = 1; j < stage.length; j++) {
    const own: number = stage[j]!;
    stage[j] = stay * own + move * before;
    before = own;
  }
  return move * before;
}
