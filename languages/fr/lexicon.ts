import { readLanguageData } from '../../src/lexical/language-data.js';

/**
 * French verb forms from `data/verbs.json` (built by scripts/build-fr-lexicon.mjs from the Lefff,
 * LGPL-LR). The file stores each verb as a stem plus one of 134 paradigms (endings per tense); a word
 * is recognised by trying each ending it has and searching its stem among that paradigm's sorted
 * stems. No table of the 300,000 forms, nor any set of stems, is built, so loading costs the JSON
 * parse and an index of the endings (a few thousand entries), made on the first look-up.
 */

/** Lefff tense codes: W infinitive, P present, Y imperative, S subjunctive, I imperfect, F future, C conditional, J passé simple, K past participle. */
export type Tense = 'W' | 'P' | 'Y' | 'S' | 'I' | 'F' | 'C' | 'J' | 'K';

export interface VerbReading {
  /** The infinitive. */
  lemma: string;
  tense: Tense;
  /** Person 0–5 (1sg…3pl); for K, 0 masc sg, 1 masc pl, 2 fem sg, 3 fem pl. */
  slot: number;
}

interface VerbsData {
  paradigms: Array<{ endings: string; stems: string[] }>;
}

interface Paradigm {
  /** Sorted by UTF-16 code units (as the build script sorts them): searched, never copied into a Set. */
  stems: readonly string[];
  /** Per tense, the endings by slot ('' where the tense has no form). */
  endings: Map<Tense, string[]>;
}

interface Index {
  paradigms: Paradigm[];
  /** ending → the paradigms, tenses and slots that end a form with it. */
  byEnding: Map<string, Array<{ paradigm: number; tense: Tense; slot: number }>>;
  longest: number;
}

let index: Index | undefined;

function buildIndex(): Index {
  const data = readLanguageData<VerbsData>('fr', 'verbs');
  if (!data) throw new Error('languages/fr/data/verbs.json is missing: run node scripts/build-fr-lexicon.mjs');
  const paradigms: Paradigm[] = [];
  const byEnding = new Map<string, Array<{ paradigm: number; tense: Tense; slot: number }>>();
  let longest = 0;
  data.paradigms.forEach(({ endings, stems }, p) => {
    const tenses = new Map<Tense, string[]>();
    for (const part of endings.split('|')) {
      const tense = part[0] as Tense;
      const forms = part.slice(1).split(',');
      tenses.set(tense, forms);
      forms.forEach((ending, slot) => {
        if (ending === '') return;
        const suffix = ending === '=' ? '' : ending;
        longest = Math.max(longest, suffix.length);
        let list = byEnding.get(suffix);
        if (!list) byEnding.set(suffix, (list = []));
        list.push({ paradigm: p, tense, slot });
      });
    }
    paradigms.push({ stems, endings: tenses });
  });
  return { paradigms, byEnding, longest };
}

function hasStem(stems: readonly string[], stem: string): boolean {
  let low = 0;
  let high = stems.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = stems[mid];
    if (value === stem) return true;
    if (value < stem) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

const cache = new Map<string, VerbReading[]>();
const MAX_CACHED = 20_000;

/** Every reading of a lower-case word as a verb form (none for a word that is not one). */
export function verbReadings(word: string): VerbReading[] {
  let readings = cache.get(word);
  if (readings) return readings;
  index ??= buildIndex();
  readings = [];
  const seen = new Set<string>();
  for (let k = Math.min(word.length, index.longest); k >= 0; k--) {
    const entries = index.byEnding.get(word.slice(word.length - k));
    if (!entries) continue;
    const stem = word.slice(0, word.length - k);
    for (const { paradigm, tense, slot } of entries) {
      const p = index.paradigms[paradigm];
      if (!hasStem(p.stems, stem)) continue;
      const infinitive = p.endings.get('W')?.[0];
      if (!infinitive) continue;
      const lemma = stem + (infinitive === '=' ? '' : infinitive);
      const key = `${lemma}|${tense}|${slot}`;
      if (seen.has(key)) continue;
      seen.add(key);
      readings.push({ lemma, tense, slot });
    }
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(word, readings);
  return readings;
}

/** Whether the word is a form of the tense (any lemma, any slot). */
export function hasTense(word: string, tense: Tense): boolean {
  return verbReadings(word).some((reading) => reading.tense === tense);
}

/** Whether the word has a reading in one of the tenses. */
export function hasAnyTense(word: string, tenses: readonly Tense[]): boolean {
  return verbReadings(word).some((reading) => tenses.includes(reading.tense));
}

/** The form of a verb in a tense and slot, when the lexicon has the verb ("envoyer", P, 2 → "envoie"). */
export function formOf(lemma: string, tense: Tense, slot: number): string | undefined {
  index ??= buildIndex();
  for (const p of index.paradigms) {
    const infinitive = p.endings.get('W')?.[0];
    if (!infinitive) continue;
    const suffix = infinitive === '=' ? '' : infinitive;
    if (!lemma.endsWith(suffix)) continue;
    const stem = lemma.slice(0, lemma.length - suffix.length);
    if (!hasStem(p.stems, stem)) continue;
    const ending = p.endings.get(tense)?.[slot];
    if (!ending) return undefined;
    return stem + (ending === '=' ? '' : ending);
  }
  return undefined;
}
