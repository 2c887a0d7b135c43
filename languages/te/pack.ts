import type { LanguagePack } from '../../src/language/index.js';
import { SegmentedSentence } from '../../src/language/segmented-sentence.js';
import { teluguQuotatives } from './morphology.js';

/**
 * Telugu analysis: the sentence's words by Intl.Segmenter (which keeps vowel signs, the virama and ZWNJ inside
 * words), in NFC with ZWJ/ZWNJ removed for matching, grouped into clauses (speech before అని is marked
 * as quoted). Sentences are split by
 * src/text/sentences.ts on . ? ! and the abbreviations of abbreviations.json. Telugu is SOV and
 * agglutinative: the checks in checks/ read word endings (morphology.ts), clause-final verbs and a few
 * guards, never a tagger.
 */
const teluguPack: LanguagePack<SegmentedSentence> = {
  lang: 'te',
  prepare(input) {
    return new SegmentedSentence(input, 'te', teluguQuotatives());
  },
};

export default teluguPack;
