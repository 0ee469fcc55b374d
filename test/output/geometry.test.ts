import { describe, expect, it } from 'vitest';
import { lineCrosses, segmentCrosses } from '../../src/output/geometry.js';

describe('segmentCrosses: whether a line passes through a label', () => {
  const box = { x1: 4, x2: 6, y1: 4, y2: 6 };
  it.each([
    ['through the middle, diagonally', [0, 0], [10, 10], true],
    ['horizontal, through', [0, 5], [10, 5], true],
    ['horizontal, above', [0, 3], [10, 3], false],
    ['vertical, through', [5, 0], [5, 10], true],
    ['vertical, to the left', [3, 0], [3, 10], false],
    ['ending before the box', [0, 0], [3.9, 3.9], false],
    ['starting inside', [5, 5], [20, 0], true],
    ['passing by a corner', [0, 9], [9, 0], true],
    ['missing the corner', [0, 7.9], [7.9, 0], false],
    ['a point inside', [5, 5], [5, 5], true],
  ] as const)('%s', (_, a, b, crosses) => {
    expect(segmentCrosses(a, b, box)).toBe(crosses);
  });

  it('a polyline crosses where any of its segments does', () => {
    expect(lineCrosses([[0, 0], [3, 3], [3, 9]], box)).toBe(false);
    expect(lineCrosses([[0, 0], [3, 3], [9, 5]], box)).toBe(true);
    expect(lineCrosses([[5, 5]], box)).toBe(false);
  });
});
