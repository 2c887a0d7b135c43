import type { Fix } from '../types.js';

/**
 * Applies non-overlapping fixes in order of position; a fix that overlaps an earlier one waits for
 * the next pass (the engine re-lints and tries again), so no edit is ever applied to stale offsets.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < cursor || start > end || end > text.length) continue;
    if (text.slice(start, end) === fix.text) continue;
    output += text.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { text: output + text.slice(cursor), applied };
}
