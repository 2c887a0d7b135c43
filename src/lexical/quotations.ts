/**
 * Spans of quoted text in a block: what staff are told to say ("Say “Thank you very much”") or a word
 * being talked about ("Never write ‘client’"). Lexical rules skip them: a script is someone's speech,
 * and a mention is not a use. Apostrophes ("don't", "customers’") are not quotation marks.
 */
import type { ProseBlock } from '../text/prose.js';
import { normaliseWord } from './normalise.js';
import { wordClassesFor } from './word-classes.js';

export type QuotedSpan = readonly [start: number, end: number];

const PAIRED: Record<string, string> = { '“': '”', '«': '»', '„': '“', '‹': '›' };

const isLetterOrDigit = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char);

export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  // Where a search for a closing mark found none, no later search for it can find one: it is not
  // repeated, so a line of unmatched openers (“““… or 'a 'a 'a …) is read once, not once per opener.
  const absentFrom = new Map<string, number>();
  const find = (key: string, from: number, search: (from: number) => number) => {
    const absent = absentFrom.get(key);
    if (absent !== undefined && from >= absent) return -1;
    const found = search(from);
    if (found < 0) absentFrom.set(key, from);
    return found;
  };
  const plain = (mark: string) => (from: number) => text.indexOf(mark, from);
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    let close = -1;
    if (char in PAIRED) {
      close = find(PAIRED[char], i + 1, plain(PAIRED[char]));
      // „quoted“ is German; „quoted” also closes, as written in some fonts.
      if (close < 0 && char === '„') close = find('”', i + 1, plain('”'));
    } else if (char === '"') {
      close = find('"', i + 1, plain('"'));
    } else if ((char === '‘' || char === "'") && !isLetterOrDigit(text[i - 1]) && isLetterOrDigit(text[i + 1])) {
      const mark = char === '‘' ? '’' : "'";
      close = find(`closing ${mark}`, i + 1, (from) => closingSingleQuote(text, from, mark));
    }
    if (close > i) {
      spans.push([i, close + 1]);
      i = close + 1;
    } else {
      i++;
    }
  }
  return spans;
}

/** A closing single quote is one not followed by a letter (so the ’ of "don’t" is skipped). */
function closingSingleQuote(text: string, from: number, mark: string): number {
  for (let j = text.indexOf(mark, from); j >= 0; j = text.indexOf(mark, j + 1)) {
    if (!isLetterOrDigit(text[j + 1])) return j;
  }
  return -1;
}

/** Whether `offset` is inside one of `spans` (in order and disjoint, as quotedSpans gives them): a binary search. */
export function isInside(spans: readonly QuotedSpan[], offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = spans[middle];
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}

/** "Customer:" or "Team lead:" at the start of a block: a speaker label of one to three words. */
const SPEAKER_LABEL = /^\s*(\p{L}[\p{L}\p{M}'’-]*(?:\s+\p{L}[\p{L}\p{M}'’-]*){0,2})\s*:\s/u;

/**
 * A line of dialogue: a blockquote that starts with a speaker label ("> **Customer:** Can you just…").
 * Labels listed as `note-label` for the language ("> Note: …") open a note, which is prose like any other.
 */
export function isDialogueLine(block: ProseBlock, lang: string): boolean {
  if (!block.inQuote) return false;
  const label = SPEAKER_LABEL.exec(block.text)?.[1];
  return label !== undefined && !wordClassesFor(lang).has('note-label', normaliseWord(label));
}

/** Quoted spans of a block; a dialogue line is quoted as a whole. */
export function quotedSpansOfBlock(block: ProseBlock, lang: string): QuotedSpan[] {
  return isDialogueLine(block, lang) ? [[0, block.text.length]] : quotedSpans(block.text);
}
