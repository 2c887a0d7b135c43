import { wordsOf } from '../text/words.js';
import type { SentenceInput } from './index.js';

/**
 * A sentence cut into words and clauses, for packs that analyse words by their endings (the
 * agglutinative Indic languages) rather than with a tagger. Words come from Intl.Segmenter (grapheme
 * and script aware), so matras, viramas and ZWNJ stay inside words and offsets stay exact.
 */
export interface SegmentedWord {
  /** The word as written. */
  text: string;
  /** NFC with ZWJ and ZWNJ removed: the form suffix lists are matched against (కస్టమర్‌ను = కస్టమర్ను). */
  norm: string;
  /** Offsets in the block text. */
  start: number;
  end: number;
  /** Inside a quotation (a script staff say, a button label): the checks skip it. */
  quoted: boolean;
  /** Index of the clause the word belongs to (clauses end at , ; : and brackets). */
  clause: number;
}

/** Punctuation that ends a clause; a full stop ends the sentence anyway. */
const CLAUSE_BREAK = /[,;:()\[\]\u2013\u2014\u060C\u3001]/u;

/** Matching form of a word: NFC, lower case (for Latin loans), ZWJ/ZWNJ removed. */
export function matchingForm(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/[\u200C\u200D]/g, '');
}

export class SegmentedSentence {
  readonly words: SegmentedWord[];
  /** The words outside quotations, each clause in order (empty clauses dropped). */
  readonly clauses: SegmentedWord[][];

  /**
   * `quotatives`: particles that close speech written without quotation marks (Tamil என்று, Telugu
   * అని): the words of the clause before one are reported speech and are marked `quoted`.
   */
  constructor(
    readonly input: SentenceInput,
    lang: string,
    quotatives: ReadonlySet<string> = new Set(),
  ) {
    const { blockText, start, end, quotes } = input;
    const text = blockText.slice(start, end);
    const inQuote = (offset: number) => quotes.some(([from, to]) => offset >= from && offset < to);
    let clause = 0;
    let previousEnd = start;
    this.words = wordsOf(text, lang).map((word) => {
      const wordStart = word.start + start;
      const between = blockText.slice(previousEnd, wordStart);
      // Punctuation inside a quotation ("“Hello, thank you”") does not split the sentence's clauses.
      if (CLAUSE_BREAK.test(between) && !inQuote(previousEnd + between.search(CLAUSE_BREAK))) clause++;
      previousEnd = word.end + start;
      return { text: word.text, norm: matchingForm(word.text), start: wordStart, end: word.end + start, quoted: inQuote(wordStart), clause };
    });
    this.words.forEach((word, index) => {
      if (word.quoted || !quotatives.has(word.norm)) return;
      for (let k = index - 1; k >= 0 && this.words[k].clause === word.clause && !this.words[k].quoted; k--) this.words[k].quoted = true;
    });
    const byClause = new Map<number, SegmentedWord[]>();
    for (const word of this.words) {
      if (word.quoted) continue;
      const list = byClause.get(word.clause) ?? [];
      list.push(word);
      byClause.set(word.clause, list);
    }
    this.clauses = [...byClause.values()];
  }

  /** The words outside quotations. */
  get unquoted(): SegmentedWord[] {
    return this.words.filter((word) => !word.quoted);
  }

  /** The source text from one word to another, on one line, for a message. */
  span(first: SegmentedWord, last: SegmentedWord): string {
    return this.input.blockText.slice(first.start, last.end).replace(/\s+/gu, ' ');
  }
}
