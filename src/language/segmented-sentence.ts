import { foldForMatching } from '../lexical/normalise.js';
import { wordsOf } from '../text/words.js';
import type { SentenceInput } from './index.js';

/**
 * A sentence of a language without a tagger (Hindi, Marathi, …), prepared for suffix and word-list
 * checks: its words by Intl.Segmenter (grapheme-aware: matras, virama, ZWJ and ZWNJ stay inside the
 * word), each with a matching key, and the clause each word belongs to. Quoted words (scripts staff
 * say, UI labels) are left out, so no check looks inside a quotation.
 */
export interface SegmentedWord {
  /** The word as written, for messages. */
  text: string;
  /** The word for matching: lower case, NFC and the Indic spelling folds, then the pack's own fold. */
  key: string;
  /** Offsets in the block text. */
  start: number;
  end: number;
  /** Index of the clause (words between , ; : ( ) – — or the sentence edges). */
  clause: number;
}

/** Punctuation that ends a clause inside a sentence. Quotation marks end one too (a script is its own clause). */
const CLAUSE_BREAK = /[,;:()\u2013\u2014\u060c“”"«»]/u;

export class SegmentedSentence {
  readonly words: SegmentedWord[] = [];
  /** Offsets of the sentence in the block text. */
  readonly start: number;
  readonly end: number;

  constructor(
    readonly blockText: string,
    input: SentenceInput,
    lang: string,
    /** A language's own spelling fold, applied to the key after the shared one (Hindi -ये → -ए). */
    fold: (key: string) => string = (key) => key,
  ) {
    this.start = input.start;
    this.end = input.end;
    const text = blockText.slice(input.start, input.end);
    const inQuote = (offset: number) => input.quotes.some(([from, to]) => offset >= from && offset < to);
    let clause = 0;
    let last = input.start;
    for (const word of wordsOf(text, lang)) {
      const start = word.start + input.start;
      const end = word.end + input.start;
      if (CLAUSE_BREAK.test(blockText.slice(last, start))) clause++;
      last = end;
      if (inQuote(start)) {
        clause++;
        continue;
      }
      this.words.push({ text: word.text, key: fold(foldForMatching(word.text.toLowerCase())), start, end, clause });
    }
  }

  /** Whether the word at `index` ends its clause (the next word is in another clause, or there is none). */
  endsClause(index: number): boolean {
    const next = this.words[index + 1];
    return next === undefined || next.clause !== this.words[index].clause;
  }

  /** The source text from word `first` to word `last`, on one line. */
  span(first: number, last: number): string {
    return this.blockText.slice(this.words[first].start, this.words[last].end).replace(/\s+/gu, ' ');
  }

  key(index: number): string | undefined {
    return this.words[index]?.key;
  }
}
