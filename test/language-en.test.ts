import { describe, expect, it } from 'vitest';
import { languageCheck, languagePackFor, languagesWithCheck } from '../src/language/index.js';
import { imperativeVerdict } from '../languages/en/imperative.js';
import { EnglishSentence } from '../languages/en/sentence.js';
import { taggerStats } from '../languages/en/tagger.js';
import { tokenize } from '../languages/en/tokenize.js';

const sentence = (text: string, quotes: Array<[number, number]> = []) => new EnglishSentence(text, 0, text.length, quotes);
const norms = (text: string) => tokenize(text).map((t) => t.norm);

describe('English tokenizer', () => {
  it('splits contractions the Penn way and expands them', () => {
    expect(norms("Tier 2 won't accept it")).toEqual(['tier', '2', 'will', 'not', 'accept', 'it']);
    expect(norms("you'll confirm")).toEqual(['you', 'will', 'confirm']);
    expect(norms("Don't share, can't wait")).toEqual(['do', 'not', 'share', ',', 'can', 'not', 'wait']);
    expect(norms("It's done; they're here")).toEqual(['it', 'is', 'done', ';', 'they', 'are', 'here']);
    expect(norms("the customer's order")).toEqual(['the', 'customer', "'s", 'order']);
    expect(norms('I’ll check')).toEqual(['i', 'will', 'check']);
  });

  it('keeps offsets on the original text', () => {
    const tokens = tokenize("We'll call", 0, 10);
    expect(tokens.map((t) => [t.text, t.start, t.end])).toEqual([['We', 0, 2], ["'ll", 2, 5], ['call', 6, 10]]);
  });

  it('reads "am"/"pm" after a number as a time and keeps thousands separators in numbers', () => {
    expect(norms('at 9 am')).toEqual(['at', '9', 'a.m.']);
    expect(tokenize('over ₹10,000, call').map((t) => t.text)).toEqual(['over', '₹', '10,000', ',', 'call']);
  });

  it('marks tokens inside the given quote spans', () => {
    const text = 'Say "I\'ll check" now';
    const quoted = tokenize(text, 0, text.length, [[4, 16]]).filter((t) => t.quoted).map((t) => t.norm);
    expect(quoted).toEqual(['"', 'i', 'will', 'check', '"']);
  });
});

describe('language packs', () => {
  it('are picked by the primary subtag', () => {
    expect(languagePackFor('en')?.lang).toBe('en');
    expect(languagePackFor('en-GB')?.lang).toBe('en');
    expect(languagePackFor('hi-IN')?.lang).toBe('hi');
    expect(languagePackFor('fr-CA')?.lang).toBe('fr');
    expect(languagePackFor('xx')).toBeUndefined();
  });

  it('give each grammar rule the languages that have a check for it', () => {
    for (const rule of ['passive-voice', 'present-tense', 'weak-modal', 'step-imperative']) expect(languagesWithCheck(rule)).toContain('en');
    expect(languagesWithCheck('no-such-rule')).toEqual([]);
    expect(languageCheck('passive-voice', 'en-GB')).toBe(languageCheck('passive-voice', 'en'));
  });
});

describe('the tagger is loaded only where the word lists cannot decide', () => {
  it('decides clear steps lexically, without loading compromise', () => {
    const clear = [
      'Greet the customer by name.',
      'Record the reason for the call.',
      'If the item is faulty, offer a replacement.',
      'Never leave the till unattended.',
      'The agent checks the receipt.',
      'You should greet the customer.',
      'Transfer requests are handled by Tier 2.',
      'Hold times must stay under two minutes.',
    ];
    const verdicts = clear.map((text) => imperativeVerdict(sentence(text)).kind);
    expect(verdicts).toEqual(['imperative', 'imperative', 'imperative', 'imperative', 'not-imperative', 'not-imperative', 'not-imperative', 'not-imperative']);
    const pack = languagePackFor('en')!;
    for (const text of clear) {
      const prepared = pack.prepare({ blockText: text, start: 0, end: text.length, quotes: [] });
      languageCheck('passive-voice', 'en')!(prepared, { statives: [] });
      languageCheck('present-tense', 'en')!(prepared, {});
      languageCheck('weak-modal', 'en')!(prepared, { roles: new Set() });
    }
    expect(taggerStats().loads).toBe(0);
  });

  it('asks the tagger for a homograph followed by a possible verb, once per text', () => {
    expect(imperativeVerdict(sentence('Upset customers need extra patience.')).kind).toBe('not-imperative');
    expect(imperativeVerdict(sentence('Escalate billing disputes to the Tier 2 queue.')).kind).toBe('imperative');
    const after = taggerStats();
    expect(after.loads).toBe(1);
    imperativeVerdict(sentence('Upset customers need extra patience.'));
    expect(taggerStats().taggedTexts).toBe(after.taggedTexts);
  });
});
