import { createRequire } from 'node:module';

/**
 * The part-of-speech tagger (compromise), asked only where the word lists cannot decide: a step
 * that starts with a word the lexicon does not know, or a noun/verb homograph followed by a word
 * that could be the verb of a subject ("Hold times must…", "Upset customers need…").
 *
 * compromise takes about 0.15 s to load, so it is required on first use, never at import; rules
 * are synchronous, so the synchronous CommonJS build is loaded (not a dynamic import). A block is
 * tagged once and the tags are kept for the whole run, keyed by the block's text.
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
  json(options: { offset: boolean; terms?: unknown }): Array<{ terms: CompromiseTerm[] }>;
  has(match: string): boolean;
}
interface CompromiseTerm {
  text: string;
  tags: string[];
  switch?: string;
  implicit?: string;
  offset: { start: number; length: number };
}

let compromise: Compromise | undefined;
let loadCount = 0;
const blockCache = new Map<string, Map<number, TermTags>>();
const verbCapable = new Map<string, boolean>();
/** Bounds memory on very large runs: the cache is a speed-up, never a requirement. */
const MAX_CACHED_BLOCKS = 20_000;

function tagger(): Compromise {
  if (!compromise) {
    const require = createRequire(import.meta.url);
    compromise = require('compromise/two') as Compromise;
    loadCount++;
  }
  return compromise;
}

/** Tags of every term of a block of text, by start offset. */
export function tagText(text: string): Map<number, TermTags> {
  const cached = blockCache.get(text);
  if (cached) return cached;
  const terms = new Map<number, TermTags>();
  for (const sentence of tagger()(text).json({ offset: true })) {
    for (const term of sentence.terms) {
      if (term.implicit !== undefined && term.offset.length === 0) continue;
      terms.set(term.offset.start, { start: term.offset.start, tags: new Set(term.tags), ambiguity: term.switch });
    }
  }
  if (blockCache.size >= MAX_CACHED_BLOCKS) blockCache.clear();
  blockCache.set(text, terms);
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

/** How many times the tagger was loaded in this process (0 when every decision was lexical). */
export function taggerLoads(): number {
  return loadCount;
}
