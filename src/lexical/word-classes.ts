import { readLanguageData } from './language-data.js';
import { normaliseWord } from './normalise.js';

/** A named set of words: listed words, plus words ending in a listed suffix (at least 3 letters before it). */
export interface WordClassData {
  description?: string;
  words?: string[];
  suffixes?: string[];
}

const MIN_STEM = 3;

/** Word classes of a language (`languages/<lang>/data/word-classes.json`), used by phrase patterns (`@class`) and guards. */
export class WordClasses {
  private readonly words = new Map<string, Set<string>>();
  private readonly suffixes = new Map<string, string[]>();

  constructor(data: Record<string, WordClassData>) {
    for (const [name, entry] of Object.entries(data)) {
      if (name.startsWith('$')) continue;
      // Normalised as tokens are (lower case, NFC and the Indic spelling folds), so lists match either spelling.
      this.words.set(name, new Set((entry.words ?? []).map(normaliseWord)));
      this.suffixes.set(name, (entry.suffixes ?? []).map(normaliseWord));
    }
  }

  knows(name: string): boolean {
    return this.words.has(name);
  }

  /** Whether a lower-cased word belongs to the class. */
  has(name: string, word: string): boolean {
    if (this.words.get(name)?.has(word)) return true;
    return (this.suffixes.get(name) ?? []).some((suffix) => word.length >= suffix.length + MIN_STEM && word.endsWith(suffix));
  }
}

const byLanguage = new Map<string, WordClasses>();

export function wordClassesFor(lang: string): WordClasses {
  let classes = byLanguage.get(lang);
  if (!classes) {
    classes = new WordClasses(readLanguageData<Record<string, WordClassData>>(lang, 'word-classes') ?? {});
    byLanguage.set(lang, classes);
  }
  return classes;
}
