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
  const masked = maskLongRuns(text);
  const parsed: SentenceSpan[] = [];
  let joinsPrevious = false;
  for (const chunk of chunksOf(masked)) {
    let first = true;
    for (const span of parsedSentences(masked.slice(chunk.start, chunk.end), chunk.start)) {
      // The chunk was cut inside a sentence: its first sentence continues the last one.
      const previous = parsed.at(-1);
      if (first && joinsPrevious && previous) previous.end = span.end;
      else parsed.push(span);
      first = false;
    }
    joinsPrevious = chunk.cutInsideSentence;
  }
  for (const span of parsed) span.text = text.slice(span.start, span.end);
  return splitMissedEnds(text, mergeBeforeNumbers(text, parsed));
}

/** Sentences parse-english finds in `piece`, with offsets shifted by `base`. */
function parsedSentences(piece: string, base: number): SentenceSpan[] {
  english ??= new ParseEnglish();
  const tree = english.parse(piece);
  const spans: SentenceSpan[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue;
      const start = sentence.position.start.offset ?? 0;
      const end = sentence.position.end.offset ?? start;
      spans.push({ text: '', start: start + base, end: end + base });
    }
  }
  return spans;
}

/**
 * parse-english's merge passes splice arrays, so its time grows with the square of a paragraph's
 * length (a 200 KB block of "e.g. " took seconds per doubling). The block is parsed in chunks of about
 * CHUNK characters, each cut at white space where no sentence can end: between a word and a lower-case
 * word ("the agent"). The sentence that runs over a cut is joined back. Text with no such place for
 * HARD_CHUNK characters (never prose) is cut before a lower-case word (parse-english merges a sentence
 * that starts with one into the one before), else at any white space.
 */
const CHUNK = 2_000;
const HARD_CHUNK = 20_000;

interface Chunk {
  start: number;
  end: number;
  /** The cut after this chunk is inside a sentence. */
  cutInsideSentence: boolean;
}

function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (text.length - start > CHUNK) {
    // Best: between two plain words ("the agent"); next best: before a lower-case word; else any white space.
    let between = -1;
    let beforeLower = -1;
    let anyWhiteSpace = -1;
    const limit = Math.min(text.length - 1, start + HARD_CHUNK);
    for (let k = start + CHUNK; k < limit && between === -1; k++) {
      if (!/\s/.test(text[k])) continue;
      if (anyWhiteSpace === -1) anyWhiteSpace = k;
      if (!/\p{Ll}/u.test(text[k + 1])) continue;
      if (beforeLower === -1) beforeLower = k;
      if (/[\p{L}\p{N},]/u.test(text[k - 1])) between = k;
    }
    // No white space in the window (a masked run): cut at the next white space after it, if any.
    for (let k = limit; anyWhiteSpace === -1 && k < text.length - 1; k++) if (/\s/.test(text[k])) anyWhiteSpace = k;
    const end = between !== -1 ? between : beforeLower !== -1 ? beforeLower : anyWhiteSpace;
    if (end === -1) break;
    // Before a lower-case word the sentence goes on; elsewhere only when no end mark comes before the cut.
    const inside = between !== -1 || beforeLower !== -1 || !/[.!?\u2026"'\u201D\u2019)\]]/.test(text[end - 1]);
    chunks.push({ start, end, cutInsideSentence: inside });
    start = end;
  }
  chunks.push({ start, end: text.length, cutInsideSentence: false });
  return chunks;
}

/** A run of non-space characters this long is no word of prose (a pasted hash, a line of dots, `a.a.a…`). */
const LONG_RUN = 200;

/**
 * The text with each run of at least LONG_RUN non-space characters replaced by as many letters, so
 * offsets are unchanged. parse-english merges the pieces of such a run with `push(...pieces)`, which
 * overflows the stack on a run of 100,000 pieces, and nothing in one can end a sentence anyway.
 */
function maskLongRuns(text: string): string {
  let masked: string[] | undefined;
  let runStart = 0;
  let from = 0;
  for (let k = 0; k <= text.length; k++) {
    if (k < text.length && !/\s/.test(text[k])) continue;
    if (k - runStart >= LONG_RUN) {
      masked ??= [];
      masked.push(text.slice(from, runStart), 'x'.repeat(k - runStart));
      from = k;
    }
    runStart = k + 1;
  }
  if (!masked) return text;
  masked.push(text.slice(from));
  return masked.join('');
}

interface EnglishStops {
  beforeNumber?: string[];
  sentenceEnding?: string[];
}

/** "See form No." + "4 for details.": the parser split after an abbreviation that a number follows. */
function mergeBeforeNumbers(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  const beforeNumber = new Set(languageFile<EnglishStops>('en', 'abbreviations')?.beforeNumber ?? []);
  if (beforeNumber.size === 0 || spans.length < 2) return spans;
  const merged: SentenceSpan[] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    // The text is cut once at the end: slicing at each merge would copy a run of merges over and over.
    if (previous && /^\p{N}/u.test(span.text) && beforeNumber.has(lastWordOf(text, previous.start, previous.end))) previous.end = span.end;
    else merged.push({ ...span });
  }
  for (const span of merged) span.text = text.slice(span.start, span.end);
  return merged;
}

/** The text of `text.slice(start, end)` after its last white space (a scan back over one word). */
function lastWordOf(text: string, start: number, end: number): string {
  let k = end;
  while (k > start && !/\s/.test(text[k - 1])) k--;
  return text.slice(k, end);
}

/**
 * Sentence ends the parser misses: a listed word that may end a sentence ("etc.") and a number that
 * ends one ("at extension 4."), each followed by white space and a capital letter. A number counts only
 * after a word (or a `beforeNumber` abbreviation): at the start of a sentence or after ":" it is a list
 * number ("Steps: 1. Open…"), and "1.5", "v2.3" have no space after the stop.
 */
const MISSED_END = /(?<![\p{L}\p{N}\p{M}.,_-])(?:(\p{L}+\.)|\p{N}+\.)(?=\s+["“‘(]?\p{Lu})/gu;

function splitMissedEnds(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  const stops = languageFile<EnglishStops>('en', 'abbreviations');
  const ending = new Set(stops?.sentenceEnding ?? []);
  const beforeNumber = new Set(stops?.beforeNumber ?? []);
  const result: SentenceSpan[] = [];
  for (const span of spans) {
    let from = span.start;
    MISSED_END.lastIndex = 0;
    for (const match of span.text.matchAll(MISSED_END)) {
      const at = span.start + match.index!;
      const end = at + match[0].length;
      if (match[1] !== undefined ? !ending.has(match[1]) : !followsWord(text, from, at, beforeNumber)) continue;
      pushTrimmed(result, text, from, end);
      from = end;
    }
    pushTrimmed(result, text, from, span.end);
  }
  return result;
}

/** Whether a word (not punctuation, not the sentence start) comes right before `at`, past white space. */
function followsWord(text: string, sentenceStart: number, at: number, beforeNumber: ReadonlySet<string>): boolean {
  let k = at;
  while (k > sentenceStart && /\s/.test(text[k - 1])) k--;
  if (k === at || k === sentenceStart) return false;
  if (/[\p{L}\p{M}]/u.test(text[k - 1])) return true;
  let wordStart = k;
  while (wordStart > sentenceStart && !/\s/.test(text[wordStart - 1])) wordStart--;
  return beforeNumber.has(text.slice(wordStart, k));
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
