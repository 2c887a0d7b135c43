/** A run of consecutive steps that two step lists share. */
export interface SharedRun {
  /** Index of the first list (the lower one) and where the run starts in it. */
  left: number;
  leftStart: number;
  /** Index of the second list and where the run starts in it. */
  right: number;
  rightStart: number;
  length: number;
}

const SEPARATOR = '\u0000';

/**
 * Finds every maximal run of at least `minLength` consecutive equal steps shared by two lists.
 * Steps must already be normalised; empty steps never match. `skipPair` leaves out pairs that may
 * legitimately share steps (a base and its branch variants). Windows of `minLength` steps are hashed,
 * so the cost grows with the number of shared windows, not with the square of the corpus.
 */
export function findSharedRuns(lists: ReadonlyArray<readonly string[]>, minLength: number, skipPair: (left: number, right: number) => boolean): SharedRun[] {
  const windows = new Map<string, Array<[number, number]>>();
  lists.forEach((steps, list) => {
    for (let start = 0; start + minLength <= steps.length; start++) {
      const window = steps.slice(start, start + minLength);
      if (window.some((step) => step === '')) continue;
      const key = window.join(SEPARATOR);
      const places = windows.get(key) ?? [];
      places.push([list, start]);
      windows.set(key, places);
    }
  });

  // Seeds grouped by list pair and diagonal: consecutive seeds on one diagonal form one run.
  const seeds = new Map<string, number[]>();
  for (const places of windows.values()) {
    for (let i = 0; i < places.length; i++) {
      for (let j = i + 1; j < places.length; j++) {
        const [a, aStart] = places[i];
        const [b, bStart] = places[j];
        if (a === b) continue;
        const [left, leftStart, right, rightStart] = a < b ? [a, aStart, b, bStart] : [b, bStart, a, aStart];
        if (skipPair(left, right)) continue;
        const key = `${left} ${right} ${leftStart - rightStart}`;
        const list = seeds.get(key) ?? [];
        list.push(leftStart);
        seeds.set(key, list);
      }
    }
  }

  const runs: SharedRun[] = [];
  for (const [key, starts] of seeds) {
    const [left, right, diagonal] = key.split(' ').map(Number);
    const sorted = [...new Set(starts)].sort((x, y) => x - y);
    let runStart = sorted[0];
    let previous = sorted[0];
    const close = () => runs.push({ left, leftStart: runStart, right, rightStart: runStart - diagonal, length: previous - runStart + minLength });
    for (const start of sorted.slice(1)) {
      if (start !== previous + 1) {
        close();
        runStart = start;
      }
      previous = start;
    }
    close();
  }
  return runs.sort((x, y) => x.left - y.left || x.right - y.right || x.leftStart - y.leftStart || x.rightStart - y.rightStart);
}
