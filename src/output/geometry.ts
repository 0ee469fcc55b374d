/** A box on a picture: its left, right, top and bottom edges. */
export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/**
 * Whether two boxes share any area (touching edges do not).
 *
 * @example boxesOverlap({ x1: 0, x2: 2, y1: 0, y2: 2 }, { x1: 1, x2: 3, y1: 1, y2: 3 }) // => true
 * @example boxesOverlap({ x1: 0, x2: 2, y1: 0, y2: 2 }, { x1: 2, x2: 3, y1: 0, y2: 2 }) // => false
 */
export const boxesOverlap = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Whether the segment from `a` to `b` passes through `box` (Liang and Barsky's clipping: the
 * part of the segment inside the box is empty or not). For placing a label where no line
 * crosses it.
 *
 * @example segmentCrosses([0, 0], [10, 10], { x1: 4, x2: 6, y1: 4, y2: 6 }) // => true
 * @example segmentCrosses([0, 0], [10, 0], { x1: 4, x2: 6, y1: 1, y2: 3 }) // => false
 */
export function segmentCrosses(a: readonly [number, number], b: readonly [number, number], box: Box): boolean {
  let [t0, t1] = [0, 1];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  for (const [p, q] of [[-dx, a[0] - box.x1], [dx, box.x2 - a[0]], [-dy, a[1] - box.y1], [dy, box.y2 - a[1]]] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/** Whether a polyline (its points in order) passes through `box` anywhere. */
export const lineCrosses = (points: readonly (readonly [number, number])[], box: Box): boolean => points.some((p, i) => i > 0 && segmentCrosses(points[i - 1]!, p, box));
