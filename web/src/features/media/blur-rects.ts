// Rectangles as fractions of the image (0–1), the unit the blur API takes, so the editor can draw
// on a scaled preview of any size. Pure functions: the editor's pointer and keyboard paths share them.

export type BlurRect = { x: number; y: number; width: number; height: number };
export type Point = { x: number; y: number };

export const MAX_RECTS = 20;
/** Smaller drags are clicks, not areas; also the smallest size the inputs allow. */
export const MIN_SIZE = 0.01;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The rectangle spanned by two corners in any drag direction, kept inside the image. */
export function rectFromPoints(a: Point, b: Point): BlurRect {
  const x1 = clamp(Math.min(a.x, b.x), 0, 1);
  const y1 = clamp(Math.min(a.y, b.y), 0, 1);
  const x2 = clamp(Math.max(a.x, b.x), 0, 1);
  const y2 = clamp(Math.max(a.y, b.y), 0, 1);
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

export function isUsable(rect: BlurRect): boolean {
  return rect.width >= MIN_SIZE && rect.height >= MIN_SIZE;
}

/** Size first (at least MIN_SIZE, at most the image), then position so the whole rectangle stays inside. */
export function clampRect(rect: BlurRect): BlurRect {
  const width = clamp(rect.width, MIN_SIZE, 1);
  const height = clamp(rect.height, MIN_SIZE, 1);
  return { x: clamp(rect.x, 0, 1 - width), y: clamp(rect.y, 0, 1 - height), width, height };
}

/** A starting area in the middle of the image, for people who place areas with the keyboard. */
export function centreRect(existing: number): BlurRect {
  // Each new one a little offset, so several added in a row do not hide each other.
  const shift = (existing % 5) * 0.04;
  return clampRect({ x: 0.35 + shift, y: 0.35 + shift, width: 0.3, height: 0.3 });
}

export function moveRect(rect: BlurRect, dx: number, dy: number): BlurRect {
  return clampRect({ ...rect, x: rect.x + dx, y: rect.y + dy });
}

/** Percent with one decimal, as the number inputs show it. */
export function toPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

export function fromPercent(percent: number): number {
  return clamp(percent, 0, 100) / 100;
}

/** Rounded to what matters on a 3840 px image, and never past the edge after rounding. */
export function forRequest(rects: BlurRect[]): BlurRect[] {
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return rects.map((rect) => {
    const x = round(rect.x);
    const y = round(rect.y);
    return { x, y, width: Math.min(round(rect.width), 1 - x), height: Math.min(round(rect.height), 1 - y) };
  });
}
