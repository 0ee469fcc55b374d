import { describe, expect, it } from 'vitest';
import { boxesOverlap, lineCrosses, segmentCrosses } from '../../src/output/geometry.js';

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

describe('boxesOverlap: whether two labels (or a label and the legend) share any area', () => {
  const a = { x1: 0, x2: 10, y1: 0, y2: 10 };
  it.each([
    ['overlapping corners', { x1: 5, x2: 15, y1: 5, y2: 15 }, true],
    ['one inside the other', { x1: 2, x2: 4, y1: 2, y2: 4 }, true],
    ['touching at an edge only', { x1: 10, x2: 20, y1: 0, y2: 10 }, false],
    ['apart on x', { x1: 11, x2: 20, y1: 0, y2: 10 }, false],
    ['apart on y', { x1: 0, x2: 10, y1: 12, y2: 20 }, false],
  ])('%s', (_, b, expected) => {
    expect(boxesOverlap(a, b)).toBe(expected);
    expect(boxesOverlap(b, a)).toBe(expected);
  });
});
