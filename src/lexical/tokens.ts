import type { ResolvedConfig, SopDocument } from '../types.js';
import { sentencesOfDocument, type ProseBlock, type Sentence } from '../text/prose.js';
import { wordsOf } from '../text/words.js';
import { normaliseWord } from './normalise.js';
import { quotedSpansOfBlock, type QuotedSpan } from './quotations.js';

/** A word with offsets in its block's text and a lower-cased form with typographic apostrophes folded. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

export interface LexicalSentence {
  sentence: Sentence;
  block: ProseBlock;
  tokens: Token[];
  /** Quoted spans of the whole block (a quotation may run over several sentences). */
  quoted: readonly QuotedSpan[];
}


/** Tokens of a span of text, with offsets shifted by `base` (the span's start in its block). */
export function tokensOf(text: string, lang: string, base = 0): Token[] {
  return wordsOf(text, lang).map((word) => ({
    text: word.text,
    lower: normaliseWord(word.text),
    start: word.start + base,
    end: word.end + base,
  }));
}

/**
 * Every body sentence (paragraphs, list items, table cells; not headings) with its words, computed
 * once per document and shared by the lexical rules so each sentence is segmented once.
 */
export function lexicalSentences(doc: SopDocument, config: ResolvedConfig): LexicalSentence[] {
  return doc.memo('lexical-sentences', () => {
    const quotedByBlock = new Map<ProseBlock, QuotedSpan[]>();
    return sentencesOfDocument(doc, config).map((sentence) => {
      let quoted = quotedByBlock.get(sentence.block);
      if (!quoted) {
        quoted = quotedSpansOfBlock(sentence.block, doc.lang);
        quotedByBlock.set(sentence.block, quoted);
      }
      return { sentence, block: sentence.block, tokens: tokensOf(sentence.text, doc.lang, sentence.start), quoted };
    });
  });
}
