import { readLanguageData } from '../../src/lexical/language-data.js';
import { verbReadings, type Tense, type VerbReading } from './lexicon.js';
import type { FrenchToken } from './tokenize.js';

/** The lists of data/grammar.json, as sets. */
interface GrammarData {
  etreVerbs: { words: string[] };
  statives: { words: Array<{ word: string }> };
  subordinators: { words: string[] };
  introWords: { words: string[] };
  stepAdverbs: { words: string[] };
  determiners: { words: string[] };
  prepositions: { words: string[] };
  subjectPronouns: { words: string[] };
  objectPronouns: { words: string[] };
  auxiliaryGaps: { words: string[] };
  notVerbs: { words: string[] };
  personNouns: { words: string[] };
}

export interface FrenchWords {
  etreVerbs: ReadonlySet<string>;
  statives: ReadonlySet<string>;
  subordinators: ReadonlySet<string>;
  introWords: ReadonlySet<string>;
  stepAdverbs: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  subjectPronouns: ReadonlySet<string>;
  objectPronouns: ReadonlySet<string>;
  auxiliaryGaps: ReadonlySet<string>;
  notVerbs: ReadonlySet<string>;
  personNouns: ReadonlySet<string>;
}

let words: FrenchWords | undefined;

export function frenchWords(): FrenchWords {
  if (words) return words;
  const data = readLanguageData<GrammarData>('fr', 'grammar');
  if (!data) throw new Error('languages/fr/data/grammar.json is missing');
  const set = (list: string[]) => new Set(list.map((word) => word.toLowerCase()));
  words = {
    etreVerbs: set(data.etreVerbs.words),
    statives: set(data.statives.words.map((entry) => entry.word)),
    subordinators: set(data.subordinators.words),
    introWords: set(data.introWords.words),
    stepAdverbs: set(data.stepAdverbs.words),
    determiners: set(data.determiners.words),
    prepositions: set(data.prepositions.words),
    subjectPronouns: set(data.subjectPronouns.words),
    objectPronouns: set(data.objectPronouns.words),
    auxiliaryGaps: set(data.auxiliaryGaps.words),
    notVerbs: set(data.notVerbs.words),
    personNouns: set(data.personNouns.words),
  };
  return words;
}

/** Verb readings of a token, none for punctuation and for the words of `notVerbs`. */
export function readings(token: FrenchToken | undefined): VerbReading[] {
  if (!token || token.punct || frenchWords().notVerbs.has(token.norm)) return [];
  return verbReadings(token.norm);
}

export function hasReading(token: FrenchToken | undefined, tenses: readonly Tense[], lemma?: string): boolean {
  return readings(token).some((reading) => tenses.includes(reading.tense) && (lemma === undefined || reading.lemma === lemma));
}

export function readingOf(token: FrenchToken | undefined, tenses: readonly Tense[], lemma?: string): VerbReading | undefined {
  return readings(token).find((reading) => tenses.includes(reading.tense) && (lemma === undefined || reading.lemma === lemma));
}

/** Finite tenses of the indicative and subjunctive (what can be a clause's main verb). */
export const FINITE: readonly Tense[] = ['P', 'I', 'F', 'C', 'J', 'S'];

/** Clause punctuation: the checks look for the main verb of a clause between these. */
export const isClauseBreak = (token: FrenchToken | undefined) => token !== undefined && token.punct && /^[,;:()\[\]«»"“”—–!?.…]$/.test(token.text);

/**
 * Whether a word in -ment stands as an adverb ("généralement", "automatiquement"). Nouns in -ment
 * ("paiement", "document") come after a determiner or preposition, which the callers rule out: in the
 * places this is asked (between an auxiliary and its participle, before a step's verb) no noun fits.
 */
export function isMentAdverb(token: FrenchToken): boolean {
  return !token.punct && token.norm.length > 5 && token.norm.endsWith('ment');
}
