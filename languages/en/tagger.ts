import { createRequire } from 'node:module';

/**
 * The part-of-speech tagger (compromise), asked only where the word lists cannot decide: a step
 * that starts with a word the lexicon does not know, or a noun/verb homograph followed by a word
 * that could be the verb of a subject ("Hold times must…", "Upset customers need…").
 *
 * compromise takes about 0.15 s to load, so it is required on first use, never at import; rules
 * are synchronous, so the synchronous CommonJS build is loaded (not a dynamic import). A text is
 * tagged once and the tags are kept for the whole run, keyed by the text.
 */
export interface TermTags {
  /** Offset of the term in the tagged text. */
  start: number;
  tags: Set<string>;
  /** compromise's ambiguity class, e.g. "Noun|Verb", when the word has one. */
  ambiguity?: string;
}

type Compromise = ((text: string) => CompromiseDoc) & { version: string };
interface CompromiseDoc {
  /** Sentences of terms; pre + text + post of every term, in order, spell out the input. */
  document: CompromiseTerm[][];
  has(match: string): boolean;
}
interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
  switch?: string;
}

let compromise: Compromise | undefined;
let loadCount = 0;
let taggedTexts = 0;
const textCache = new Map<string, Map<number, TermTags>>();
const verbCapable = new Map<string, boolean>();
/** Bounds memory on very large runs: the cache is a speed-up, never a requirement. */
const MAX_CACHED_TEXTS = 4_000;

function tagger(): Compromise {
  if (!compromise) {
    const require = createRequire(import.meta.url);
    compromise = require('compromise/two') as Compromise;
    loadCount++;
  }
  return compromise;
}

/** Tags of every term of a text (a sentence, or its opening words), by start offset. */
export function tagText(text: string): Map<number, TermTags> {
  const cached = textCache.get(text);
  if (cached) return cached;
  taggedTexts++;
  const terms = new Map<number, TermTags>();
  // Offsets are summed from each term's surrounding text: json({offset}) costs as much as the tagging.
  let offset = 0;
  for (const sentence of tagger()(text).document) {
    for (const term of sentence) {
      offset += term.pre.length;
      if (term.text.length > 0) terms.set(offset, { start: offset, tags: term.tags, ambiguity: term.switch });
      offset += term.text.length + term.post.length;
    }
  }
  if (textCache.size >= MAX_CACHED_TEXTS) textCache.clear();
  textCache.set(text, terms);
  return terms;
}

/** Whether compromise reads `word` as a verb after "to" ("to ping", "to slack"): the verb-capable check. */
export function canBeVerb(word: string): boolean {
  const key = word.toLowerCase();
  let answer = verbCapable.get(key);
  if (answer === undefined) {
    answer = tagger()(`to ${key}`).has('^to #Verb$');
    verbCapable.set(key, answer);
  }
  return answer;
}

/** How often the tagger was loaded and run in this process (0 loads when every decision was lexical). */
export function taggerStats(): { loads: number; taggedTexts: number } {
  return { loads: loadCount, taggedTexts };
}
