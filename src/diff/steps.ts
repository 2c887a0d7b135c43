/**
 * Step diff: how one list of procedure steps differs from another. Used by `branch-uniformity`
 * (a branch variant against its base) and by the handbook's "what changed" page (a document
 * against its previous version).
 */

export type StepChange =
  /** The step is in both lists, in order. */
  | { kind: 'same'; baseIndex: number; otherIndex: number }
  /** The base step is not in the other list. */
  | { kind: 'missing'; baseIndex: number }
  /** The other list has a step the base does not. */
  | { kind: 'extra'; otherIndex: number }
  /**
   * The step is in both lists but out of order. `similarity` is present (below 1) when the moved
   * step was also reworded; it is absent for an exact move.
   */
  | { kind: 'moved'; baseIndex: number; otherIndex: number; similarity?: number }
  /** The step is in place but its text differs; `similarity` is at or above the threshold, below 1. */
  | { kind: 'reworded'; baseIndex: number; otherIndex: number; similarity: number };

export interface StepDiffOptions {
  /**
   * 0..1. When set, a pair of steps whose normalised texts are at least this similar (character-bigram
   * Dice coefficient) counts as one reworded step instead of a missing and an extra one. Unset or 1:
   * only exact (normalised) matches pair up.
   */
  similarity?: number;
}

/** Case, spacing and punctuation do not make two steps different. Letters and marks of every script stay. */
export function normaliseStep(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Similarity of two normalised step texts in 0..1: the Dice coefficient of their character bigrams.
 * It tolerates typos, an added word and a change of word order, and works in any script.
 */
export function stepSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  let total = 0;
  for (const count of left.values()) total += count;
  for (const count of right.values()) total += count;
  if (total === 0) return 0;
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return (2 * shared) / total;
}

/** Longest common subsequence of two key lists as index pairs; ties prefer the earliest base steps. */
function longestCommon(base: readonly string[], other: readonly string[], baseFrom: number, baseTo: number, otherFrom: number, otherTo: number, score: (b: number, o: number) => number): Array<[number, number]> {
  const rows = baseTo - baseFrom;
  const cols = otherTo - otherFrom;
  // table[i][j]: best [count, total score] for base[baseFrom+i..] against other[otherFrom+j..].
  const count = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  const total = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      let bestCount = count[i + 1][j];
      let bestTotal = total[i + 1][j];
      if (count[i][j + 1] > bestCount || (count[i][j + 1] === bestCount && total[i][j + 1] > bestTotal)) {
        bestCount = count[i][j + 1];
        bestTotal = total[i][j + 1];
      }
      const s = score(baseFrom + i, otherFrom + j);
      if (s > 0 && (count[i + 1][j + 1] + 1 > bestCount || (count[i + 1][j + 1] + 1 === bestCount && total[i + 1][j + 1] + s >= bestTotal))) {
        bestCount = count[i + 1][j + 1] + 1;
        bestTotal = total[i + 1][j + 1] + s;
      }
      count[i][j] = bestCount;
      total[i][j] = bestTotal;
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    const s = score(baseFrom + i, otherFrom + j);
    if (s > 0 && count[i][j] === count[i + 1][j + 1] + 1 && total[i][j] === total[i + 1][j + 1] + s) {
      pairs.push([baseFrom + i, otherFrom + j]);
      i++;
      j++;
    } else if (count[i + 1][j] === count[i][j] && total[i + 1][j] === total[i][j]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/**
 * Compares two step lists. Exact (normalised) matches in order are `same`; with a similarity
 * threshold, near matches between the same anchors are `reworded`; steps found elsewhere in the
 * other list are `moved`; the rest are `missing` (base only) or `extra` (other only).
 *
 * Changes come in the order of the other list, each missing step placed where it stood relative to
 * the steps around it. Deterministic; O(n·m) comparisons.
 */
export function diffSteps(base: readonly string[], other: readonly string[], options: StepDiffOptions = {}): StepChange[] {
  const baseKeys = base.map(normaliseStep);
  const otherKeys = other.map(normaliseStep);
  const threshold = options.similarity !== undefined && options.similarity < 1 ? Math.max(0, options.similarity) : undefined;
  const similarityCache = new Map<number, number>();
  const similarity = (b: number, o: number): number => {
    const key = b * (other.length + 1) + o;
    let value = similarityCache.get(key);
    if (value === undefined) {
      value = stepSimilarity(baseKeys[b], otherKeys[o]);
      similarityCache.set(key, value);
    }
    return value;
  };

  const baseMatch = new Array<number | undefined>(base.length).fill(undefined);
  const otherMatch = new Array<number | undefined>(other.length).fill(undefined);
  const changes: StepChange[] = [];
  const pair = (change: Extract<StepChange, { baseIndex: number; otherIndex: number }>) => {
    baseMatch[change.baseIndex] = change.otherIndex;
    otherMatch[change.otherIndex] = change.baseIndex;
    changes.push(change);
  };

  // 1. Exact matches in order.
  const anchors = longestCommon(baseKeys, otherKeys, 0, base.length, 0, other.length, (b, o) => (baseKeys[b] === otherKeys[o] ? 1 : 0));
  for (const [b, o] of anchors) pair({ kind: 'same', baseIndex: b, otherIndex: o });

  // 2. Near matches in place: between two consecutive anchors, align what is left by similarity.
  if (threshold !== undefined) {
    const bounds: Array<[number, number]> = [[-1, -1], ...anchors, [base.length, other.length]];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [b0, o0] = bounds[k];
      const [b1, o1] = bounds[k + 1];
      if (b1 - b0 < 2 || o1 - o0 < 2) continue;
      const near = longestCommon(baseKeys, otherKeys, b0 + 1, b1, o0 + 1, o1, (b, o) => {
        const s = similarity(b, o);
        return s >= threshold ? s : 0;
      });
      for (const [b, o] of near) pair({ kind: 'reworded', baseIndex: b, otherIndex: o, similarity: similarity(b, o) });
    }
  }

  // 3. Moves: an unpaired base step whose text is elsewhere in the other list, then near matches anywhere.
  const unpairedBase = () => base.map((_, b) => b).filter((b) => baseMatch[b] === undefined);
  const unpairedOther = () => other.map((_, o) => o).filter((o) => otherMatch[o] === undefined);
  for (const b of unpairedBase()) {
    const o = unpairedOther().find((candidate) => otherKeys[candidate] === baseKeys[b]);
    if (o !== undefined) pair({ kind: 'moved', baseIndex: b, otherIndex: o });
  }
  if (threshold !== undefined) {
    const candidates: Array<{ b: number; o: number; s: number }> = [];
    for (const b of unpairedBase()) {
      for (const o of unpairedOther()) {
        const s = similarity(b, o);
        if (s >= threshold) candidates.push({ b, o, s });
      }
    }
    candidates.sort((x, y) => y.s - x.s || x.b - y.b || x.o - y.o);
    for (const { b, o, s } of candidates) {
      if (baseMatch[b] !== undefined || otherMatch[o] !== undefined) continue;
      pair({ kind: 'moved', baseIndex: b, otherIndex: o, similarity: s });
    }
  }

  for (const b of unpairedBase()) changes.push({ kind: 'missing', baseIndex: b });
  for (const o of unpairedOther()) changes.push({ kind: 'extra', otherIndex: o });

  return sortChanges(changes, baseMatch);
}

/**
 * Orders changes by their place in the other list. A missing step goes just after the other-list
 * position of the nearest earlier base step that kept its place (or first, if there is none).
 */
function sortChanges(changes: StepChange[], baseMatch: ReadonlyArray<number | undefined>): StepChange[] {
  const inPlace = new Set(changes.filter((c) => c.kind === 'same' || c.kind === 'reworded').map((c) => (c as { baseIndex: number }).baseIndex));
  const position = (change: StepChange): [number, number, number] => {
    if (change.kind === 'missing') {
      let anchor = -1;
      for (let b = change.baseIndex - 1; b >= 0; b--) {
        if (inPlace.has(b)) {
          anchor = baseMatch[b]!;
          break;
        }
      }
      return [anchor, 1, change.baseIndex];
    }
    return [change.otherIndex, 0, 'baseIndex' in change ? change.baseIndex : -1];
  };
  return changes
    .map((change) => ({ change, key: position(change) }))
    .sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || x.key[2] - y.key[2])
    .map(({ change }) => change);
}

/** Whether a diff shows any difference at all. */
export function stepsDiffer(changes: readonly StepChange[]): boolean {
  return changes.some((change) => change.kind !== 'same');
}
