import type { StepShape } from './structure.js';

/** How one step of a translation relates to its source, found by structure alone. */
export type StepDifference =
  | { kind: 'missing'; sourceIndex: number; /** The translation step it belongs before (none: at the end). */ before?: number }
  | { kind: 'extra'; index: number }
  | { kind: 'moved'; index: number; sourceIndex: number }
  | { kind: 'changed'; index: number; sourceIndex: number };

/** A step's shape as a comparable key: its sub-step count and its language-free marks. */
export function shapeKey(step: StepShape): string {
  return `${step.substeps}\u0001${step.marks.join('\u0000')}`;
}

/** Past this many cells the alignment falls back to comparing steps by position (linear). */
const MAX_CELLS = 250_000;

/** Longest common subsequence of two key lists, as index pairs in order. */
function commonSubsequence(mine: readonly string[], theirs: readonly string[]): Array<[number, number]> {
  const rows = mine.length + 1;
  const columns = theirs.length + 1;
  const length = new Uint32Array(rows * columns);
  for (let i = mine.length - 1; i >= 0; i--) {
    for (let j = theirs.length - 1; j >= 0; j--) {
      length[i * columns + j] = mine[i] === theirs[j] ? length[(i + 1) * columns + j + 1] + 1 : Math.max(length[(i + 1) * columns + j], length[i * columns + j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < mine.length && j < theirs.length; ) {
    if (mine[i] === theirs[j]) {
      pairs.push([i, j]);
      i++;
      j++;
      // On a tie, pass over the source's step: a step a translation adds or drops is then reported at the
      // end of the run of look-alike steps, where an added step usually is.
    } else if (length[(i + 1) * columns + j] > length[i * columns + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * Aligns a translation's steps with its source's: steps of the same shape in the same order match; a step
 * whose distinctive shape (numbers, links, code) is found at another place in the source has moved; the
 * rest are, gap by gap, changed (paired by position), missing or extra.
 */
export function alignSteps(mine: readonly StepShape[], source: readonly StepShape[]): StepDifference[] {
  const myKeys = mine.map(shapeKey);
  const sourceKeys = source.map(shapeKey);
  const pairs = mine.length * source.length > MAX_CELLS ? positionalPairs(myKeys, sourceKeys) : commonSubsequence(myKeys, sourceKeys);
  const matchedMine = new Set(pairs.map(([i]) => i));
  const matchedSource = new Set(pairs.map(([, j]) => j));
  const differences: StepDifference[] = [];

  // Moved: an unmatched step whose distinctive shape occurs once among the unmatched steps on each side.
  const distinctive = (index: number) => mine[index].marks.length > 0;
  const unmatchedMine = myKeys.flatMap((_, i) => (matchedMine.has(i) ? [] : [i]));
  const unmatchedSource = sourceKeys.flatMap((_, j) => (matchedSource.has(j) ? [] : [j]));
  for (const i of unmatchedMine) {
    if (!distinctive(i)) continue;
    const inSource = unmatchedSource.filter((j) => sourceKeys[j] === myKeys[i] && !matchedSource.has(j));
    const inMine = unmatchedMine.filter((other) => myKeys[other] === myKeys[i]);
    if (inSource.length !== 1 || inMine.length !== 1) continue;
    differences.push({ kind: 'moved', index: i, sourceIndex: inSource[0] });
    matchedMine.add(i);
    matchedSource.add(inSource[0]);
  }

  // The gaps between aligned steps: pair what is left by position, then missing or extra.
  const anchors: Array<[number, number]> = [[-1, -1], ...pairs, [mine.length, source.length]];
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [fromMine, fromSource] = anchors[k];
    const [toMine, toSource] = anchors[k + 1];
    const gapMine = range(fromMine + 1, toMine).filter((i) => !matchedMine.has(i));
    const gapSource = range(fromSource + 1, toSource).filter((j) => !matchedSource.has(j));
    const paired = Math.min(gapMine.length, gapSource.length);
    for (let p = 0; p < paired; p++) differences.push({ kind: 'changed', index: gapMine[p], sourceIndex: gapSource[p] });
    for (const i of gapMine.slice(paired)) differences.push({ kind: 'extra', index: i });
    for (const j of gapSource.slice(paired)) differences.push({ kind: 'missing', sourceIndex: j, ...(toMine < mine.length ? { before: toMine } : {}) });
  }
  return differences.sort((a, b) => orderOf(a) - orderOf(b));
}

function orderOf(difference: StepDifference): number {
  return difference.kind === 'missing' ? (difference.before ?? Number.MAX_SAFE_INTEGER) - 0.5 : difference.index;
}

function positionalPairs(mine: readonly string[], theirs: readonly string[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < Math.min(mine.length, theirs.length); i++) if (mine[i] === theirs[i]) pairs.push([i, i]);
  return pairs;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
