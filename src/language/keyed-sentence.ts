import { foldForMatching } from '../lexical/normalise.js';
import type { SentenceInput } from './index.js';
import { SegmentedSentence } from './segmented-sentence.js';

/**
 * A segmented sentence (SegmentedSentence: words by Intl.Segmenter, clauses at , ; : and brackets) with
 * the quoted words left out and each word given a matching key, for packs that match endings and word
 * lists by index (Hindi, Marathi). A quotation also ends a clause here: a script is its own utterance.
 */
export interface KeyedWord {
  /** The word as written, for messages. */
  text: string;
  /** The word for matching: lower case, NFC and the Indic spelling folds, then the pack's own fold. */
  key: string;
  /** Offsets in the block text. */
  start: number;
  end: number;
  clause: number;
}

export class KeyedSentence {
  readonly words: KeyedWord[] = [];
  readonly blockText: string;

  constructor(
    input: SentenceInput,
    lang: string,
    /** A language's own spelling fold, applied to the key after the shared one (Hindi -ये → -ए). */
    fold: (key: string) => string = (key) => key,
  ) {
    this.blockText = input.blockText;
    let clause = 0;
    let previousClause: number | undefined;
    let quotedSince = false;
    for (const word of new SegmentedSentence(input, lang).words) {
      if (word.quoted) {
        quotedSince = true;
        continue;
      }
      if (previousClause !== undefined && (word.clause !== previousClause || quotedSince)) clause++;
      previousClause = word.clause;
      quotedSince = false;
      this.words.push({ text: word.text, key: fold(foldForMatching(word.text.toLowerCase())), start: word.start, end: word.end, clause });
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
}
