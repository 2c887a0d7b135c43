import { readLanguageData } from '../../src/lexical/language-data.js';

interface NounPlurals {
  irregular: Record<string, string>;
  uncountable: string[];
}

/** Forms of an avoided term found in text, and how the preferred term is written in that form. */
export type TermForm = 'base' | 'plural' | 'possessive' | 'plural-possessive';

export interface Inflector {
  plural(term: string): string;
  isUncountable(term: string): boolean;
}

const inflectors = new Map<string, Inflector | undefined>();

/**
 * English plurals for multi-word terms (the last word changes: "till slip" → "till slips"). Other
 * languages get no inflection: their plural and case forms need a language pack of their own.
 */
export function inflectorFor(lang: string): Inflector | undefined {
  if (!inflectors.has(lang)) {
    const data = readLanguageData<NounPlurals>(lang, 'noun-plurals');
    inflectors.set(lang, data ? englishInflector(data) : undefined);
  }
  return inflectors.get(lang);
}

function englishInflector(data: NounPlurals): Inflector {
  const uncountable = new Set(data.uncountable);
  const lastWord = (term: string) => term.split(/\s+/).at(-1)!.toLowerCase();
  return {
    isUncountable: (term) => uncountable.has(lastWord(term)),
    plural(term) {
      const words = term.split(/(\s+)/);
      const last = words.pop()!;
      const lower = last.toLowerCase();
      let plural: string;
      if (uncountable.has(lower)) plural = last;
      else if (data.irregular[lower]) plural = keepInitialCase(last, data.irregular[lower]);
      else if (/[^aeiou]y$/i.test(last)) plural = `${last.slice(0, -1)}ies`;
      else if (/(s|x|z|ch|sh)$/i.test(last)) plural = `${last}es`;
      else plural = `${last}s`;
      return [...words, plural].join('');
    },
  };
}

function keepInitialCase(original: string, replacement: string): string {
  return original[0] === original[0].toUpperCase() ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

/** "a" or "an" before a word, by its first sound as far as spelling tells it. */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const lower = word.toLowerCase();
  if (/^(hour|honest|honour|honor|heir)/.test(lower)) return 'an';
  if (/^(uni|use|usu|ura|ure|uti|one|once|eu|ewe)/.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}
