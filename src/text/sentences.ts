import { ParseEnglish } from 'parse-english';
import { languageFile, primarySubtag } from '../language/registry.js';
import { quotedSpans } from '../lexical/quotations.js';
import { safeLocale } from './words.js';

export interface SentenceSpan {
  text: string;
  /** Offsets in the block text. */
  start: number;
  end: number;
}

let english: ParseEnglish | undefined;

/** Abbreviations after which a full stop does not end a sentence (`languages/<tag>/abbreviations.json`; Intl.Segmenter splits there). */
function abbreviationsOf(primary: string): readonly string[] {
  return languageFile<{ abbreviations: string[] }>(primary, 'abbreviations')?.abbreviations ?? [];
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

/**
 * Splits a block of prose into sentences with offsets. English goes through parse-english (the
 * retext-english parser), which keeps "Mr.", "e.g." and `Say "Thank you!" and…` inside one sentence.
 * Other languages use Intl.Segmenter, which ends sentences at the danda (।, ॥), then merge back the
 * splits made after a listed abbreviation or a single initial.
 */
export function sentencesOf(text: string, lang: string): SentenceSpan[] {
  const primary = primarySubtag(lang);
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
  const abbreviations = abbreviationsOf(primary);
  const quotes = /["“«„‹]/.test(text) ? quotedSpans(text) : [];
  const spans: SentenceSpan[] = [];
  let carry: number | undefined;
  for (const segment of segmenter.segment(text)) {
    const start = carry ?? segment.index;
    const end = segment.index + segment.segment.length;
    const body = text.slice(start, end).trimEnd();
    const lastWord = body.split(/\s+/).at(-1) ?? '';
    const isAbbreviation = abbreviations.includes(lastWord) || /^\p{Lu}\.$/u.test(lastWord);
    const quoted = quotedBreak(text, start + body.length, quotes);
    if (quoted?.kind === 'inside' && end < text.length) {
      carry = start;
      continue;
    }
    if (quoted?.kind === 'close' && end < quoted.close) {
      // The segmenter broke before the closing mark (« Merci. » Ensuite…): the sentence ends after the mark.
      if (/^\s*\p{Lu}/u.test(text.slice(quoted.close))) {
        pushTrimmed(spans, text, start, quoted.close);
        carry = quoted.close;
      } else {
        carry = start;
      }
      continue;
    }
    if ((isAbbreviation || (quoted?.kind === 'close' && !/^\s*\p{Lu}/u.test(text.slice(end)))) && end < text.length) {
      carry = start;
      continue;
    }
    carry = undefined;
    pushTrimmed(spans, text, start, end);
  }
  if (carry !== undefined) pushTrimmed(spans, text, carry, text.length);
  return spans;
}

/**
 * Where a sentence break falls relative to the quotations of the block. Intl.Segmenter ends a sentence
 * at the ? of “என் பணம் எப்போது வரும்?” என்று கேட்டால், … and at the ! of « Bonjour ! » puis …: a break
 * inside a quotation is never a sentence end, and a break at the close of a quoted question or
 * exclamation is one only when the next word starts with a capital letter (scripts without case never
 * do). `close` is the offset just after the closing mark.
 */
function quotedBreak(text: string, bodyEnd: number, quotes: ReadonlyArray<readonly [number, number]>): { kind: 'inside' | 'close'; close: number } | undefined {
  for (const [from, to] of quotes) {
    if (bodyEnd <= from || bodyEnd > to) continue;
    const rest = text.slice(bodyEnd, to);
    const endsQuote = /^\s*\S?$/u.test(rest) && /[.!?\u2026]\s*$/u.test(text.slice(from, bodyEnd === to ? to - 1 : bodyEnd));
    if (endsQuote) return { kind: 'close', close: to };
    if (bodyEnd < to) return { kind: 'inside', close: to };
  }
  return undefined;
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ text: text.slice(start, end), start, end });
}
