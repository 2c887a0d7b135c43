import { ParseEnglish } from 'parse-english';
import { safeLocale } from './words.js';

export interface SentenceSpan {
  text: string;
  /** Offsets in the block text. */
  start: number;
  end: number;
}

let english: ParseEnglish | undefined;

/** Abbreviations after which a full stop does not end a sentence, per language (Intl.Segmenter splits there). */
const ABBREVIATIONS: Record<string, string[]> = {
  fr: ['M.', 'Mme.', 'Mlle.', 'p.', 'ex.', 'etc.', 'cf.', 'av.', 'env.', 'n°.', 'art.', 'éd.', 'min.', 'max.'],
  hi: ['डॉ.', 'श्री.', 'श्रीमती.', 'रु.', 'सौ.', 'कि.मी.', 'कु.', 'प्रो.'],
  mr: ['डॉ.', 'श्री.', 'श्रीमती.', 'रु.', 'सौ.', 'कि.मी.', 'कु.', 'प्रा.'],
  ta: ['டாக்டர்.', 'திரு.', 'திருமதி.', 'ரூ.'],
  te: ['డా.', 'శ్రీ.', 'శ్రీమతి.', 'రూ.'],
};

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

/**
 * Splits a block of prose into sentences with offsets. English goes through parse-english (the
 * retext-english parser), which keeps "Mr.", "e.g." and `Say "Thank you!" and…` inside one sentence.
 * Other languages use Intl.Segmenter, which ends sentences at the danda (।, ॥), then merge back the
 * splits made after a listed abbreviation or a single initial.
 */
export function sentencesOf(text: string, lang: string): SentenceSpan[] {
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? englishSentences(text) : segmentedSentences(text, primary, lang);
}

/** Punctuation that can end an English sentence. */
const TERMINATOR = /[.!?\u2026]/;
const TRAILING_TERMINATOR = /[.!?\u2026]+["'\u201D\u2019)\]]*\s*$/;

function englishSentences(text: string): SentenceSpan[] {
  // Most blocks (a step, a table cell) are one sentence with at most a full stop at the end; they
  // need no parser. Measured: 82% of blocks in the benchmark corpus.
  if (!TERMINATOR.test(text.replace(TRAILING_TERMINATOR, ''))) {
    const spans: SentenceSpan[] = [];
    pushTrimmed(spans, text, 0, text.length);
    return spans;
  }
  english ??= new ParseEnglish();
  const tree = english.parse(text);
  const sentences: SentenceSpan[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue;
      const start = sentence.position.start.offset ?? 0;
      const end = sentence.position.end.offset ?? start;
      sentences.push({ text: text.slice(start, end), start, end });
    }
  }
  return sentences;
}

function segmentedSentences(text: string, primary: string, lang: string): SentenceSpan[] {
  let segmenter = sentenceSegmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(safeLocale(lang), { granularity: 'sentence' });
    sentenceSegmenters.set(lang, segmenter);
  }
  const abbreviations = ABBREVIATIONS[primary] ?? [];
  const spans: SentenceSpan[] = [];
  let carry: number | undefined;
  for (const segment of segmenter.segment(text)) {
    const start = carry ?? segment.index;
    const end = segment.index + segment.segment.length;
    const body = text.slice(start, end).trimEnd();
    const lastWord = body.split(/\s+/).at(-1) ?? '';
    const isAbbreviation = abbreviations.includes(lastWord) || /^\p{Lu}\.$/u.test(lastWord);
    if (isAbbreviation && end < text.length) {
      carry = start;
      continue;
    }
    carry = undefined;
    pushTrimmed(spans, text, start, end);
  }
  if (carry !== undefined) pushTrimmed(spans, text, carry, text.length);
  return spans;
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ text: text.slice(start, end), start, end });
}
