/**
 * A unified diff of two texts by lines (Myers' O(ND) algorithm), for `--fix-dry-run`.
 * Fixes are small and local, so D stays small and this is fast even on large files.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = diffLines(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === 'same') {
      i++;
      continue;
    }
    let start = i;
    let end = i;
    // Extend the hunk while changes are within 2 × context lines of each other.
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== 'same') end = j;
      else if (j - end > context * 2) break;
    }
    start = Math.max(0, start - context);
    const stop = Math.min(ops.length - 1, end + context);
    const slice = ops.slice(start, stop + 1);
    const aStart = slice.find((op) => op.aIndex >= 0)?.aIndex ?? 0;
    const bStart = slice.find((op) => op.bIndex >= 0)?.bIndex ?? 0;
    const aCount = slice.filter((op) => op.kind !== 'add').length;
    const bCount = slice.filter((op) => op.kind !== 'remove').length;
    hunks.push(`@@ -${aStart + 1},${aCount} +${bStart + 1},${bCount} @@`);
    for (const op of slice) {
      const prefix = op.kind === 'same' ? ' ' : op.kind === 'add' ? '+' : '-';
      hunks.push(prefix + (op.kind === 'add' ? b[op.bIndex] : a[op.aIndex]));
    }
    i = stop + 1;
  }
  if (hunks.length === 0) return '';
  return [`--- a/${path}`, `+++ b/${path}`, ...hunks].join('\n') + '\n';
}

interface Op {
  kind: 'same' | 'add' | 'remove';
  aIndex: number;
  bIndex: number;
}

function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Array<Map<number, number>> = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let x = down ? v.get(k + 1) ?? 0 : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'same', aIndex: x - 1, bIndex: y - 1 });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: 'add', aIndex: -1, bIndex: y - 1 });
      else ops.push({ kind: 'remove', aIndex: x - 1, bIndex: -1 });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}
