import { describe, expect, it } from 'vitest';
import { languageCheck, languagePackFor } from '../src/language/index.js';
import { normaliseWord } from '../src/lexical/normalise.js';
import { sentencesOf } from '../src/text/sentences.js';
import { countWords } from '../src/text/words.js';
import type { KeyedSentence } from '../src/language/keyed-sentence.js';

/** The Hindi and Marathi packs below the rules: sentence ends, word counts, spelling folds, quotes. */
function prepare(lang: string, text: string, quotes: Array<[number, number]> = []): KeyedSentence {
  return languagePackFor(lang)!.prepare({ blockText: text, start: 0, end: text.length, quotes }) as KeyedSentence;
}

function findings(ruleId: string, lang: string, text: string, options: Record<string, unknown>) {
  return languageCheck(ruleId, lang)!(prepare(lang, text), options).map((finding) => text.slice(finding.start, finding.end));
}

describe('Hindi and Marathi text', () => {
  it('ends sentences at । ॥ ? ! and . , and not after a listed abbreviation', () => {
    expect(sentencesOf('रसीद जाँचें। फ़ॉर्म भरें॥ क्या ग्राहक आया? हाँ!', 'hi').map((s) => s.text)).toEqual(['रसीद जाँचें।', 'फ़ॉर्म भरें॥', 'क्या ग्राहक आया?', 'हाँ!']);
    expect(sentencesOf('पावती तपासा.नंतर सही घ्या.', 'mr').map((s) => s.text)).toEqual(['पावती तपासा.', 'नंतर सही घ्या.']);
    expect(sentencesOf('डॉ. शर्मा को रु. 500 लौटाएँ। फिर टिकट बंद करें।', 'hi').map((s) => s.text)).toEqual(['डॉ. शर्मा को रु. 500 लौटाएँ।', 'फिर टिकट बंद करें।']);
  });

  it('counts words by grapheme-aware segmentation: matras, conjuncts, ZWJ and ZWNJ stay inside words', () => {
    expect(countWords('सर्व कर्मचार्‍यांना नवीन धोरणाबद्दल सांगा.', 'mr')).toBe(5);
    expect(countWords('ग्राहक की पहचान सत्यापित करें।', 'hi')).toBe(5);
    expect(countWords('ई-मेल से रसीद भेजें।', 'hi')).toBe(4);
  });

  it('folds spelling variants for matching: nukta, chandrabindu, eyelash ra, ZWJ/ZWNJ; display text is untouched', () => {
    expect(normaliseWord('फ़ोन')).toBe(normaliseWord('फोन'));
    expect(normaliseWord('फ़ोन'.normalize('NFD'))).toBe(normaliseWord('फ़ोन'));
    expect(normaliseWord('दबाएँ')).toBe(normaliseWord('दबाएं'));
    expect(normaliseWord('कर्मचाऱ्यांना')).toBe(normaliseWord('कर्मचार्‍यांना'));
    expect(normaliseWord('कर्मचाऱ्यांना')).toBe(normaliseWord('कर्मचार्यांना'));
    expect(normaliseWord('కస్టమర్‌ను')).toBe(normaliseWord('కస్టమర్ను'));
    const sentence = prepare('hi', 'यह काम किये जायें।');
    expect(sentence.words.map((word) => word.key)).toEqual(['यह', 'काम', 'किए', 'जाएं']);
    expect(sentence.words.map((word) => word.text)).toEqual(['यह', 'काम', 'किये', 'जायें']);
  });

  it('leaves quoted words out of the checks', () => {
    const text = 'ग्राहक से कहें: “हम कल फ़ोन करेंगे।”';
    const open = text.indexOf('“');
    expect(prepare('hi', text, [[open, text.length]]).words.map((word) => word.text)).toEqual(['ग्राहक', 'से', 'कहें']);
  });
});

describe('Hindi checks: the pattern and its near misses', () => {
  it('future: -गा/-गी/-गे after a vowel sign, not -ना होगा, उपयोगी, माँगा, आगे', () => {
    expect(findings('present-tense', 'hi', 'एजेंट कल ईमेल भेजेगा और रिपोर्ट बदलेंगे।', {})).toEqual(['भेजेगा', 'बदलेंगे']);
    expect(findings('present-tense', 'hi', 'आपको पुष्टि करनी होगी। उपयोगी सुझाव आगे भेजें। ग्राहक ने रिफंड माँगा।', {})).toEqual([]);
  });

  it('past main verb only with past: true', () => {
    expect(findings('present-tense', 'hi', 'ग्राहक कल दुकान पर आया था।', {})).toEqual([]);
    expect(findings('present-tense', 'hi', 'ग्राहक कल दुकान पर आया था।', { past: true })).toEqual(['आया था']);
    expect(findings('present-tense', 'hi', 'मैंने ग्राहक को ईमेल भेज दिया है।', { past: true })).toEqual([]);
  });

  it('passive: participle + जाना agreeing with it; not चला गया, not attributive गए + noun, not आगे जाना', () => {
    expect(findings('passive-voice', 'hi', 'हर शिकायत दर्ज की जाती है।', { statives: [] })).toEqual(['दर्ज की जाती है']);
    expect(findings('passive-voice', 'hi', 'निपटारा उसी दिन किया जाएगा।', { statives: [] })).toEqual(['किया जाएगा']);
    expect(findings('passive-voice', 'hi', 'रिफंड भेजा जा सकता है।', { statives: [] })).toEqual(['भेजा जा सकता है']);
    expect(findings('passive-voice', 'hi', 'ग्राहक चला गया। वापस किए गए सामान की जाँच करें। ग्राहक आगे जाता है।', { statives: [] })).toEqual([]);
  });

  it('step: an imperative ends a clause, also before कि; plural nouns in -एं and चाहिए are not imperatives', () => {
    expect(findings('step-imperative', 'hi', 'सुनिश्चित करें कि रसीद सही है।', { stepVerbs: [] })).toEqual([]);
    expect(findings('step-imperative', 'hi', 'लंबित शिकायतें और समस्याएं।', { stepVerbs: [] })).toEqual(['समस्याएं']);
    expect(findings('step-imperative', 'hi', 'एजेंट को रसीद देनी चाहिए।', { stepVerbs: [] })).toEqual(['देनी चाहिए']);
  });

  it('weak modal: चाहिए after an infinitive, not after a noun', () => {
    expect(findings('weak-modal', 'hi', 'कर्मचारियों को वर्दी पहननी चाहिए।', { roles: new Set(), optative: false })).toEqual(['पहननी चाहिए']);
    expect(findings('weak-modal', 'hi', 'ग्राहक को रिफंड चाहिए।', { roles: new Set(), optative: false })).toEqual([]);
  });
});

describe('Marathi checks: the pattern and its near misses', () => {
  it('future: -ईल/-एल/-तील/-णार, 1pl -ऊ with आम्ही; not ईमेल, तपशील, शाखेतील, -आवा लागेल, कदाचित … नसेल', () => {
    expect(findings('present-tense', 'mr', 'एजंट पावती पाठवेल आणि टीम अहवाल पाहतील.', {})).toEqual(['पाठवेल', 'पाहतील']);
    expect(findings('present-tense', 'mr', 'आम्ही वेळ बदलू.', {})).toEqual(['बदलू']);
    expect(findings('present-tense', 'mr', 'शाखेतील ईमेल तपशील पाहा. तुम्हाला सही घ्यावी लागेल. कदाचित ग्राहक घरी नसेल.', {})).toEqual([]);
  });

  it('passive: participle + जाणे and -ण्यात + येणे; not निघून गेला, not -ले पाहिजे, not attributive आलेल्या', () => {
    expect(findings('passive-voice', 'mr', 'तक्रार नोंदवली जाते आणि फाइल पाठवण्यात आली आहे.', { statives: [] })).toEqual(['नोंदवली जाते', 'पाठवण्यात आली आहे']);
    expect(findings('passive-voice', 'mr', 'ग्राहक निघून गेला. पार्सल ग्राहकालाच दिले पाहिजे. करण्यात आलेल्या बदलांची यादी जोडा.', { statives: [] })).toEqual([]);
  });

  it('step: -आ after a consonant or नका; not the past -ला, the optative -आवा, परतावा', () => {
    expect(findings('step-imperative', 'mr', 'परतावा फॉर्म भरा.', { stepVerbs: [] })).toEqual([]);
    expect(findings('step-imperative', 'mr', 'पासवर्ड सांगू नका.', { stepVerbs: [] })).toEqual([]);
    expect(findings('step-imperative', 'mr', 'एजंटने अनुक्रमांक तपासला.', { stepVerbs: [] })).toEqual(['तपासला']);
    expect(findings('step-imperative', 'mr', 'कर्मचाऱ्यांनी गणवेश घालावा.', { stepVerbs: [] })).toEqual(['घालावा']);
  });

  it('weak modal: पाहिजे (not -च पाहिजे) and हवे by default; the optative only with optative: true, not in a how-question', () => {
    const off = { roles: new Set(), optative: false };
    const on = { roles: new Set(), optative: true };
    expect(findings('weak-modal', 'mr', 'पत्ता निश्चित केला पाहिजे. नम्रपणे बोललेच पाहिजे.', off)).toEqual(['केला पाहिजे']);
    expect(findings('weak-modal', 'mr', 'कर्मचाऱ्यांनी गणवेश घालावा.', off)).toEqual([]);
    expect(findings('weak-modal', 'mr', 'कर्मचाऱ्यांनी गणवेश घालावा.', on)).toEqual(['घालावा']);
    expect(findings('weak-modal', 'mr', 'तक्रार कशी नोंदवावी हे सांगा. परतावा द्या.', on)).toEqual([]);
  });
});
