import type { LanguagePack } from '../../src/language/index.js';
import { EnglishSentence } from './sentence.js';

/**
 * English analysis: a sentence is tokenised once (lexicon first, the compromise tagger only for the
 * words it cannot decide) and shared by the checks in `checks/<rule-id>.ts`.
 */
const englishPack: LanguagePack<EnglishSentence> = {
  lang: 'en',
  prepare({ blockText, start, end, quotes, placeholders }) {
    return new EnglishSentence(blockText, start, end, quotes, placeholders);
  },
};

export default englishPack;
