import type { Point, Span } from '../types.js';

/** Maps offsets to 1-based line/column points with a binary search over line starts. */
export function createLineIndex(text: string): (offset: number) => Point {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - starts[lo] + 1, offset: clamped };
  };
}

export function spanOf(pointAt: (offset: number) => Point, start: number, end: number): Span {
  return { start: pointAt(start), end: pointAt(end) };
}
