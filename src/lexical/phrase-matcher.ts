import type { Token } from './tokens.js';
import { normaliseWord } from './normalise.js';
import type { WordClasses } from './word-classes.js';

/**
 * A phrase to find, as data. `phrase` is words separated by spaces; a part may also be `@class` (a
 * word of that class in languages/<lang>/data/word-classes.json) or `#` (a word containing a digit).
 * Guards look at the word right before or after the phrase, when only spaces separate them; the
 * pattern `@none` matches when there is no such word (sentence edge or punctuation).
 */
export interface PhraseEntry {
  phrase: string;
  /** Skip the match when the previous word matches one of these. */
  unlessPrevious?: string[];
  /** Skip the match when the next word matches one of these. */
  unlessNext?: string[];
  /** Keep the match only when the previous word matches one of these. */
  onlyPrevious?: string[];
  /** Keep the match only when the next word matches one of these. */
  onlyNext?: string[];
  /** Every part is a plain word (user-written terms such as glossary entries: no `@class` or `#`). */
  literal?: boolean;
}

export interface PhraseMatch<Entry extends PhraseEntry> {
  entry: Entry;
  /** Token indexes of the first and last word. */
  first: number;
  last: number;
  /** Offsets in the block text. */
  start: number;
  end: number;
}

type Part = { literal: string } | { wordClass: string } | { digit: true } | { none: true };

interface Guards {
  unlessPrevious?: Part[];
  unlessNext?: Part[];
  onlyPrevious?: Part[];
  onlyNext?: Part[];
}

interface Compiled<Entry extends PhraseEntry> {
  entry: Entry;
  parts: Part[];
  guards: Guards;
}

const NONE = '@none';

function compilePart(part: string, classes: WordClasses, phrase: string): Part {
  if (part === '#') return { digit: true };
  if (part === NONE) return { none: true };
  if (part.startsWith('@')) {
    const name = part.slice(1);
    if (!classes.knows(name)) throw new Error(`Phrase "${phrase}" uses the unknown word class "${part}".`);
    return { wordClass: name };
  }
  return { literal: normaliseWord(part) };
}

/** Finds listed phrases in the words of a sentence: leftmost first, then longest; matches never overlap. */
export class PhraseMatcher<Entry extends PhraseEntry> {
  private readonly byFirstWord = new Map<string, Compiled<Entry>[]>();
  private readonly byPattern: Compiled<Entry>[] = [];

  constructor(entries: readonly Entry[], private readonly classes: WordClasses) {
    for (const entry of entries) {
      const words = entry.phrase.trim().split(/\s+/u);
      const parts = entry.literal ? words.map((word) => ({ literal: normaliseWord(word) })) : words.map((part) => compilePart(part, classes, entry.phrase));
      if (parts.some((part) => 'none' in part)) throw new Error(`Phrase "${entry.phrase}": @none is only for guards.`);
      const guard = (patterns: string[] | undefined) => patterns?.map((pattern) => compilePart(pattern, classes, entry.phrase));
      const guards: Guards = {
        unlessPrevious: guard(entry.unlessPrevious),
        unlessNext: guard(entry.unlessNext),
        onlyPrevious: guard(entry.onlyPrevious),
        onlyNext: guard(entry.onlyNext),
      };
      const compiled = { entry, parts, guards };
      const first = parts[0];
      if ('literal' in first) {
        const list = this.byFirstWord.get(first.literal) ?? [];
        list.push(compiled);
        this.byFirstWord.set(first.literal, list);
      } else {
        this.byPattern.push(compiled);
      }
    }
    const longestFirst = (a: Compiled<Entry>, b: Compiled<Entry>) => b.parts.length - a.parts.length;
    for (const list of this.byFirstWord.values()) list.sort(longestFirst);
    this.byPattern.sort(longestFirst);
  }

  find(tokens: readonly Token[], text: string): PhraseMatch<Entry>[] {
    const matches: PhraseMatch<Entry>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const match = this.matchAt(tokens, text, i);
      if (match) {
        matches.push(match);
        i = match.last + 1;
      } else {
        i++;
      }
    }
    return matches;
  }

  /** Whether any phrase occurs in the words. */
  occursIn(tokens: readonly Token[], text: string): boolean {
    for (let i = 0; i < tokens.length; i++) if (this.matchAt(tokens, text, i)) return true;
    return false;
  }

  private matchAt(tokens: readonly Token[], text: string, i: number): PhraseMatch<Entry> | undefined {
    const candidates = this.candidatesFor(tokens[i].lower);
    for (const candidate of candidates) {
      const last = i + candidate.parts.length - 1;
      if (last >= tokens.length) continue;
      let ok = true;
      for (let k = 0; k < candidate.parts.length && ok; k++) {
        ok = this.partMatches(candidate.parts[k], tokens[i + k]) && (k === 0 || adjacent(tokens[i + k - 1], tokens[i + k], text));
      }
      if (!ok || !this.guardsAllow(candidate.guards, tokens, text, i, last)) continue;
      return { entry: candidate.entry, first: i, last, start: tokens[i].start, end: tokens[last].end };
    }
    return undefined;
  }

  /** `token` is undefined for "no adjacent word", which only `@none` matches. */
  private readonly merged = new Map<string, Compiled<Entry>[]>();

  /** Phrases that may start with this word: those starting with it, and those starting with a class or digit. */
  private candidatesFor(word: string): Compiled<Entry>[] {
    const listed = this.byFirstWord.get(word);
    if (!listed) return this.byPattern;
    if (this.byPattern.length === 0) return listed;
    let merged = this.merged.get(word);
    if (!merged) {
      merged = [...listed, ...this.byPattern].sort((a, b) => b.parts.length - a.parts.length);
      this.merged.set(word, merged);
    }
    return merged;
  }

  private partMatches(part: Part, token: Token | undefined): boolean {
    if ('none' in part) return token === undefined;
    if (!token) return false;
    if ('literal' in part) return part.literal === token.lower;
    if ('digit' in part) return /\p{Nd}/u.test(token.text);
    return this.classes.has(part.wordClass, token.lower);
  }

  private guardsAllow(guards: Guards, tokens: readonly Token[], text: string, first: number, last: number): boolean {
    const previous = first > 0 && adjacent(tokens[first - 1], tokens[first], text) ? tokens[first - 1] : undefined;
    const next = last + 1 < tokens.length && adjacent(tokens[last], tokens[last + 1], text) ? tokens[last + 1] : undefined;
    const any = (parts: Part[], token: Token | undefined) => parts.some((part) => this.partMatches(part, token));
    if (guards.unlessPrevious && any(guards.unlessPrevious, previous)) return false;
    if (guards.unlessNext && any(guards.unlessNext, next)) return false;
    if (guards.onlyPrevious && !any(guards.onlyPrevious, previous)) return false;
    if (guards.onlyNext && !any(guards.onlyNext, next)) return false;
    return true;
  }
}

/** Two words are adjacent when only white space separates them (no punctuation, no line of markup), or nothing: an elided word and the next ("d'" "éviter"). */
function adjacent(a: Token, b: Token, text: string): boolean {
  if (b.start < a.end) return false;
  for (let k = a.end; k < b.start; k++) if (!/\s/u.test(text[k])) return false;
  return true;
}
