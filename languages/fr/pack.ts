import type { LanguagePack } from '../../src/language/index.js';
import { FrenchSentence } from './sentence.js';

/**
 * French analysis: a sentence is tokenised once (elisions and imperative pronouns split off) and
 * shared by the checks in `checks/<rule-id>.ts`, which read verb forms from the Lefff-derived lexicon
 * (`lexicon.ts`, `data/verbs.json`) and the word lists of `data/grammar.json`. No tagger.
 */
const frenchPack: LanguagePack<FrenchSentence> = {
  lang: 'fr',
  prepare({ blockText, start, end, quotes }) {
    return new FrenchSentence(blockText, start, end, quotes);
  },
};

export default frenchPack;
