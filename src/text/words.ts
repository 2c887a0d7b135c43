/** A word with its offsets in the text it came from. */
export interface WordToken {
  text: string;
  start: number;
  end: number;
}

const wordSegmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(safeLocale(lang), { granularity: 'word' });
    wordSegmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** Intl rejects malformed tags; an unknown language still segments correctly with the root locale. */
export function safeLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const JOINERS = new Set(['-', '\u2010', '\u2011', "'", '\u2019']);

/**
 * Words by Intl.Segmenter, with segments joined by a hyphen or apostrophe and no space ("e-mail",
 * "5-7", "ई-मेल", "don't") kept as one word. Combining marks, ZWJ and ZWNJ stay inside words, so
 * Devanagari, Tamil and Telugu count right, where a regular expression on \w would split them.
 */
export function wordsOf(text: string, lang: string): WordToken[] {
  const words: WordToken[] = [];
  let joinNext = false;
  for (const segment of wordSegmenter(lang).segment(text)) {
    if (segment.isWordLike) {
      const previous = words.at(-1);
      if (joinNext && previous) {
        previous.text = text.slice(previous.start, segment.index + segment.segment.length);
        previous.end = segment.index + segment.segment.length;
      } else {
        words.push({ text: segment.segment, start: segment.index, end: segment.index + segment.segment.length });
      }
      joinNext = false;
    } else {
      const previous = words.at(-1);
      joinNext = JOINERS.has(segment.segment) && previous !== undefined && previous.end === segment.index;
    }
  }
  return words;
}

export function countWords(text: string, lang: string): number {
  return wordsOf(text, lang).length;
}
