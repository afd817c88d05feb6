// Values to SVG coordinates: the arithmetic every chart shares, kept apart from the drawing so
// that edge cases (all zeros, a single point) are settled once and tested.

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rounds to a tenth: shorter paths, and coordinates that compare equal in tests. */
export function tenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The smallest "round" number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above
 * ``max``, so an axis ends on a label a person can read without wasting half the chart. An all-zero series still gets an axis (up to 1) rather than
 * dividing by zero. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((factor) => factor * power >= max - power * 1e-9) ?? 10;
  return step * power;
}

/** A linear map from ``domain`` onto ``range``. A domain of one value (one point in time, say)
 * maps to the middle of the range, so a lone point is drawn in the centre rather than nowhere. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
  if (d0 === d1) return () => tenth((r0 + r1) / 2);
  return (value) => tenth(r0 + ((value - d0) / (d1 - d0)) * (r1 - r0));
}

/** One bar per value across ``box``, bottoms on its base line, heights against ``max``. A
 * non-zero value is at least one unit tall, so a small day is never mistaken for an empty one. */
export function bars(values: number[], box: Box, max: number = niceMax(Math.max(0, ...values))): Bar[] {
  if (values.length === 0) return [];
  const slot = box.width / values.length;
  const gap = slot > 4 ? slot * 0.2 : 0;
  const base = box.top + box.height;
  return values.map((value, index) => {
    const raw = max > 0 ? (Math.max(0, value) / max) * box.height : 0;
    const height = value > 0 ? Math.max(1, raw) : 0;
    return {
      x: tenth(box.left + index * slot + gap / 2),
      y: tenth(base - height),
      width: tenth(slot - gap),
      height: tenth(height),
    };
  });
}

/** The middle of the ``index``th of ``count`` equal slots across ``box``: where a bar stands. */
export function slotCentre(index: number, count: number, box: Box): number {
  return tenth(box.left + ((index + 0.5) * box.width) / Math.max(1, count));
}

/** An SVG path through ``points`` in order: a move, then a line to each next point. No points
 * draw nothing; one point is a bare move, which charts mark with a marker instead. */
export function linePath(points: Point[]): string {
  return points.map((point, index) => `${index === 0 ? "M" : "L"}${tenth(point.x)} ${tenth(point.y)}`).join(" ");
}
