import type { LanguagePack } from '../../src/language/index.js';
import { SegmentedSentence } from '../../src/language/segmented-sentence.js';
import { tamilQuotatives } from './morphology.js';

/**
 * Tamil analysis: the sentence's words by Intl.Segmenter (which keeps vowel signs and the pulli inside
 * words), in NFC with ZWJ/ZWNJ removed for matching, grouped into clauses (speech before என்று is marked
 * as quoted). Sentences are split by
 * src/text/sentences.ts on . ? ! and the abbreviations of abbreviations.json. Tamil is SOV and
 * agglutinative: the checks in checks/ read word endings (morphology.ts), clause-final verbs and a few
 * guards, never a tagger.
 */
const tamilPack: LanguagePack<SegmentedSentence> = {
  lang: 'ta',
  prepare(input) {
    return new SegmentedSentence(input, 'ta', tamilQuotatives());
  },
};

export default tamilPack;
