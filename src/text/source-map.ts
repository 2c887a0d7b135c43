/**
 * The exact map from prose text back to the file. mdast gives each text node its value and its source
 * range, but the value is not a copy of the range: continuation-line indentation, `>` markers, spaces
 * before a line ending, backslash escapes and character references are gone from it. Aligning the value
 * against the source, character by character, gives every prose character its own source range, so a
 * finding covers exactly the words it names on wrapped list items, in blockquotes at any depth, in table
 * cells, in CRLF files and on lines with tabs. The alignment moves forward in both strings at every step,
 * so it is linear in the node.
 */
export class SourceMap {
  /** Source start offset of each prose character. */
  readonly starts: number[] = [];
  /** Source end offset of each prose character (past the escape, the reference or the placeholder's span). */
  readonly ends: number[] = [];

  /** Maps `value` (a text node's value) onto `source.slice(start, end)`. */
  appendAligned(value: string, source: string, start: number, end: number): void {
    let j = start;
    for (let i = 0; i < value.length; ) {
      const char = value[i];
      if (j >= end) {
        this.push(end, end);
        i++;
        continue;
      }
      const sourceChar = source[j];
      const reference = sourceChar === '&' ? characterReferenceLength(source, j) : 0;
      if (reference > 0 && !value.startsWith(source.slice(j, j + reference), i)) {
        // A character reference (an unknown name stays literal in the value, and is matched below).
        const decoded = decodedLength(value, i, source, j + reference, end);
        for (let k = 0; k < decoded; k++) this.push(j, j + reference);
        i += decoded;
        j += reference;
      } else if (sourceChar === char) {
        this.push(j, j + 1);
        i++;
        j++;
      } else if (sourceChar === '\\' && source[j + 1] === char) {
        this.push(j, j + 2);
        i++;
        j += 2;
      } else if (sourceChar === ' ' || sourceChar === '\t' || sourceChar === '>' || sourceChar === '\r' || sourceChar === '\n') {
        // Container prefixes (indentation, `>` markers) and whitespace the parser dropped.
        j++;
      } else {
        // Nothing explains the difference: keep both strings moving so the map stays monotonic.
        this.push(j, j + 1);
        i++;
        j++;
      }
    }
  }

  /** Maps every character of `value` (a placeholder, a hard break) onto the whole source range. */
  appendSpanning(value: string, start: number, end: number): void {
    for (let i = 0; i < value.length; i++) this.push(start, end);
  }

  get length(): number {
    return this.starts.length;
  }

  private push(start: number, end: number): void {
    this.starts.push(start);
    this.ends.push(end);
  }
}

const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/** Length of the character reference at `index` (`&amp;`, `&#123;`, `&#x1F;`), or 0. */
function characterReferenceLength(source: string, index: number): number {
  REFERENCE.lastIndex = index;
  const match = REFERENCE.exec(source);
  return match ? match[0].length : 0;
}

/**
 * How many value characters a reference decoded to (one, or two for astral characters and the few
 * named references of two code points): the fewest that let the next source character line up again.
 */
function decodedLength(value: string, index: number, source: string, next: number, end: number): number {
  if (next >= end) return Math.max(1, value.length - index);
  for (let k = 1; k <= 2 && index + k <= value.length; k++) {
    if (value[index + k] === source[next] || index + k === value.length) return k;
  }
  return 1;
}

/**
 * True when the file holds exactly `text` at the mapped characters, with nothing between them but
 * line breaks and container prefixes: a plain replacement of the range then loses no markup (emphasis,
 * a link, an escape, a reference).
 */
export function isVerbatim(map: SourceMap, text: string, source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const from = map.starts[i];
    if (map.ends[i] !== from + 1 || source[from] !== text[i]) return false;
    if (i + 1 < end && !isDroppedGap(source, map.ends[i], map.starts[i + 1], text[i], text[i + 1])) return false;
  }
  return true;
}

/** A gap the parser dropped: the container prefix after a line break, or spaces before one. */
function isDroppedGap(source: string, from: number, to: number, before: string, after: string): boolean {
  if (to === from) return true;
  const gap = source.slice(from, to);
  if (before === '\n') return /^[ \t>]+$/.test(gap);
  return (after === '\n' || after === '\r') && /^[ \t]+$/.test(gap);
}
