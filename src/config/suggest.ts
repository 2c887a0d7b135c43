/** Damerau-free Levenshtein distance, enough for "did you mean" on short ids. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length];
}

/** The closest candidate within a third of the word's length, for "Did you mean …?". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** "No document names the audience "x". Did you mean "y"? Known audiences: a, b, c." for a value given on the command line. */
export function unknownValueMessage(what: string, value: string, known: readonly string[]): string {
  const suggestion = closest(value, known);
  const mean = suggestion ? ` Did you mean "${suggestion}"?` : '';
  const list = known.length ? ` Known ${what}s: ${known.slice(0, 30).join(', ')}${known.length > 30 ? ` and ${known.length - 30} more` : ''}.` : ` No document names a ${what}.`;
  return `No document names the ${what} "${value}".${mean}${list}`;
}
