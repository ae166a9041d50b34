import { describe, expect, it } from 'vitest';
import {
  centreRect,
  clampRect,
  forRequest,
  fromPercent,
  isUsable,
  moveRect,
  rectFromPoints,
  toPercent,
} from './blur-rects.ts';

describe('blur rectangles', () => {
  it('spans the same area whichever way the mouse was dragged', () => {
    const down = rectFromPoints({ x: 0.2, y: 0.3 }, { x: 0.6, y: 0.5 });
    const up = rectFromPoints({ x: 0.6, y: 0.5 }, { x: 0.2, y: 0.3 });
    expect(up).toEqual(down);
    expect(down.x).toBeCloseTo(0.2);
    expect(down.width).toBeCloseTo(0.4);
    expect(down.height).toBeCloseTo(0.2);
  });

  it('stops at the image edge when the drag leaves the picture', () => {
    const rect = rectFromPoints({ x: 0.8, y: 0.9 }, { x: 1.4, y: -0.2 });
    expect(rect.x + rect.width).toBe(1);
    expect(rect.y).toBe(0);
    expect(rect.height).toBeCloseTo(0.9);
  });

  it('treats a click (no real drag) as no area', () => {
    expect(isUsable(rectFromPoints({ x: 0.5, y: 0.5 }, { x: 0.503, y: 0.6 }))).toBe(false);
  });

  it('keeps a moved area whole inside the image', () => {
    const moved = moveRect({ x: 0.5, y: 0.5, width: 0.3, height: 0.3 }, 0.5, -0.9);
    expect(moved.x).toBeCloseTo(0.7);
    expect(moved.y).toBe(0);
    expect(moved.width).toBe(0.3);
  });

  it('pulls an area back in when a typed size would push it past the edge', () => {
    const rect = clampRect({ x: 0.9, y: 0.1, width: 0.5, height: 0 });
    expect(rect.x + rect.width).toBeLessThanOrEqual(1);
    expect(rect.width).toBe(0.5);
    expect(rect.height).toBeGreaterThan(0);
  });

  it('offsets areas added with the keyboard so they do not cover each other', () => {
    expect(centreRect(1)).not.toEqual(centreRect(0));
    for (let i = 0; i < 20; i += 1) {
      const rect = centreRect(i);
      expect(rect.x + rect.width).toBeLessThanOrEqual(1);
      expect(rect.y + rect.height).toBeLessThanOrEqual(1);
    }
  });

  it('sends rounded areas that never pass the edge, as the API requires', () => {
    const [rect] = forRequest([{ x: 0.333333333, y: 0.7, width: 0.666666667, height: 0.3000000001 }]);
    expect(rect!.x + rect!.width).toBeLessThanOrEqual(1);
    expect(rect!.y + rect!.height).toBeLessThanOrEqual(1);
    expect(rect!.width).toBeGreaterThan(0);
  });

  it('shows percent with one decimal and reads it back', () => {
    expect(toPercent(0.12345)).toBe(12.3);
    expect(fromPercent(150)).toBe(1);
    expect(fromPercent(25)).toBe(0.25);
  });
});
