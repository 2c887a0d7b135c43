import type { LanguagePack } from '../../src/language/index.js';
import { KeyedSentence } from '../../src/language/keyed-sentence.js';

/**
 * Hindi analysis: words by Intl.Segmenter (sentences already end at । ॥ . ? ! with the abbreviations of
 * abbreviations.json merged back, in src/text/sentences.ts), with matching keys folded for the spelling
 * variants of §3 of the research: nukta, chandrabindu, ZWJ/ZWNJ (shared), and the word-final -ये / -यें
 * / -यी that writers use for -ए / -एं / -ई (गये/गए, किये/किए, चाहिये/चाहिए, जायें/जाएं).
 */
export function hindiFold(key: string): string {
  return key.replace(/([\u0905-\u0914\u0915-\u0939\u093e-\u094c])य(ें|ें|े|ी)$/u, (_, before: string, ending: string) => before + (ending === 'ी' ? 'ई' : ending === 'े' ? 'ए' : 'एं'));
}

export class HindiSentence extends KeyedSentence {}

const hindiPack: LanguagePack<HindiSentence> = {
  lang: 'hi',
  prepare(input) {
    return new HindiSentence(input, 'hi', hindiFold);
  },
};

export default hindiPack;
