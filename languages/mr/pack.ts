import type { LanguagePack } from '../../src/language/index.js';
import { KeyedSentence } from '../../src/language/keyed-sentence.js';

/**
 * Marathi analysis: words by Intl.Segmenter (Marathi ends sentences with `.` more than `।`, sometimes
 * with no space after it, which the segmenter splits; abbreviations.json merges डॉ. प्रा. back), with
 * matching keys folded for the spelling variants of the research's §3: the eyelash ra (कर्मचाऱ्यांना /
 * कर्मचार्‍यांना / कर्मचार्यांना), nukta, chandrabindu and ZWJ/ZWNJ (all in the shared fold).
 */
export class MarathiSentence extends KeyedSentence {}

const marathiPack: LanguagePack<MarathiSentence> = {
  lang: 'mr',
  prepare(input) {
    return new MarathiSentence(input, 'mr');
  },
};

export default marathiPack;
