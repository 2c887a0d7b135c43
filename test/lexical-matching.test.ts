import { describe, expect, it } from 'vitest';
import { matchCase } from '../src/lexical/casing.js';
import { languagesWithData, readLanguageData } from '../src/lexical/language-data.js';
import { PhraseMatcher, type PhraseEntry } from '../src/lexical/phrase-matcher.js';
import { isInside, quotedSpans } from '../src/lexical/quotations.js';
import { tokensOf } from '../src/lexical/tokens.js';
import { wordClassesFor } from '../src/lexical/word-classes.js';
import { wordsOf } from '../src/text/words.js';
import { retextIntensifyPhrases, weaselEntries } from '../rules/weasel-words/rule.js';
import { wordyPhrases } from '../rules/wordy-phrase/rule.js';

const classes = wordClassesFor('en');

function find(entries: PhraseEntry[], text: string): string[] {
  return new PhraseMatcher(entries, classes).find(tokensOf(text, 'en'), text).map((m) => text.slice(m.start, m.end));
}

describe('phrase matcher', () => {
  it('matches whole words, case-insensitively, longest phrase first, without overlaps', () => {
    const entries = [{ phrase: 'in order' }, { phrase: 'in order to' }, { phrase: 'order' }];
    expect(find(entries, 'In order to help, put the forms in order. Reorder them.')).toEqual(['In order to', 'in order']);
  });

  it('matches across a line break but not across punctuation', () => {
    expect(find([{ phrase: 'prior to' }], 'Check it prior\nto the refund. Prior, to the refund.')).toEqual(['prior\nto']);
  });

  it('reads @class and # parts, and guards on the adjacent words', () => {
    const cues = [{ phrase: 'every @weekday' }, { phrase: '#' }, { phrase: 'once' }];
    expect(find(cues, 'Review it every Monday, within 3 days, once.')).toEqual(['every Monday', '3', 'once']);
    const fairly = [{ phrase: 'fairly', onlyNext: ['@gradable'] }];
    expect(find(fairly, 'Treat customers fairly. Deal fairly with them. It is fairly quick.')).toEqual(['fairly']);
    const clearly = [{ phrase: 'clearly', onlyPrevious: ['@none'], onlyNext: ['@none'] }];
    expect(find(clearly, 'Speak clearly. Clearly label it. Clearly, it is late.')).toEqual(['Clearly']);
  });

  it('rejects a pattern naming an unknown class', () => {
    expect(() => new PhraseMatcher([{ phrase: '@no-such-class' }], classes)).toThrow(/unknown word class/);
  });

  it('matches words in Devanagari with their marks, as one token', () => {
    const text = 'कर्मचारी हर कस्टमर को रसीद देते हैं।';
    const matches = new PhraseMatcher([{ phrase: 'कस्टमर', literal: true }], wordClassesFor('hi')).find(tokensOf(text, 'hi'), text);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['कस्टमर']);
  });
});

describe('word tokens', () => {
  const intl = (text: string) => wordsOf(text, 'en').map((w) => [text.slice(w.start, w.end), w.start, w.end]);
  const fast = (text: string) => tokensOf(text, 'en').map((t) => [t.text, t.start, t.end]);

  it('agrees with Intl.Segmenter on the cases UAX #29 decides', () => {
    const cases = ['e.g. U.S.A. 3.5 5,000 a.1 1.a client_id a:b 10:30', "don't rock'n'roll x's 'tis it's. a-b 3-5 a..b a,b 1,2,3 1;2 a;b", '__x_ _ __ x_1 $5 50% #3 @x 1st a/b a’b B’1 1‘2 9am x.y. .5 a.b,c £20.00 1.2.3', 'e-mail -- a--b “quoted” – dash… end'];
    for (const text of cases) expect(fast(text), text).toEqual(intl(text));
  });

  it('agrees with Intl.Segmenter on random strings of the characters that matter', () => {
    const alphabet = ['a', 'B', 'z', '1', '0', '.', ',', ';', ':', "'", '’', '‘', '-', '_', ' ', '“', '”', '–', '$', '/', '(', '?', '\u00a0', '…'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(next() * 10); k > 0; k--) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(fast(text), JSON.stringify(text)).toEqual(intl(text));
    }
  });

  it('uses Intl.Segmenter for other scripts', () => {
    expect(fast('ग्राहक का फ़ोन नंबर दर्ज करें ।')).toEqual(wordsOf('ग्राहक का फ़ोन नंबर दर्ज करें ।', 'hi').map((w) => [w.text, w.start, w.end]));
  });
});

describe('quoted spans', () => {
  it('finds double, curly, guillemet and single quotations but not apostrophes', () => {
    const text = `Say “very sorry”, "really", « très » and 'just this'. Don't use the customer’s name.`;
    const quoted = quotedSpans(text).map(([s, e]) => text.slice(s, e));
    expect(quoted).toEqual(['“very sorry”', '"really"', '« très »', "'just this'"]);
    expect(isInside(quotedSpans(text), text.indexOf('customer’s'))).toBe(false);
  });

  it('ignores an unclosed quotation mark', () => {
    expect(quotedSpans('He said “wait and then left.')).toEqual([]);
  });
});

describe('matchCase', () => {
  it('follows the capitals of the original', () => {
    expect(matchCase('In order to', 'to')).toBe('To');
    expect(matchCase('IN ORDER TO', 'to')).toBe('TO');
    expect(matchCase('in order to', 'to')).toBe('to');
    expect(matchCase('A number of', 'some')).toBe('Some');
    expect(matchCase('client', 'Harbour Card')).toBe('Harbour Card');
    expect(matchCase('कस्टमर', 'ग्राहक')).toBe('ग्राहक');
  });
});

describe('word lists are data', () => {
  it('the list rules run exactly for the languages that have a list', () => {
    expect(languagesWithData('weasel-words')).toEqual(['en', 'fr', 'hi', 'mr', 'ta', 'te']);
    expect(languagesWithData('wordy-phrases')).toEqual(['en', 'fr', 'hi', 'mr', 'ta', 'te']);
    expect(languagesWithData('vague-standards')).toEqual(['en', 'fr', 'hi', 'mr', 'ta', 'te']);
    expect(languagesWithData('no-such-list')).toEqual([]);
  });

  it('decides every phrase of retext-intensify’s list: kept with a kind, or removed with a reason', () => {
    type Reading = { kind: string };
    const data = readLanguageData<{ keep: Record<string, Reading | Reading[]>; remove: Array<{ reason: string; phrases: string[] }>; kinds: Record<string, unknown> }>('en', 'weasel-words')!;
    const removed = data.remove.flatMap((group) => group.phrases);
    const undecided = retextIntensifyPhrases.filter((phrase) => !(phrase in data.keep) && !removed.includes(phrase));
    expect(undecided).toEqual([]);
    expect(Object.keys(data.keep).filter((phrase) => removed.includes(phrase))).toEqual([]);
    expect(Object.keys(data.keep).filter((phrase) => !retextIntensifyPhrases.includes(phrase))).toEqual([]);
    for (const group of data.remove) expect(group.reason.length).toBeGreaterThan(20);
    for (const [phrase, readings] of Object.entries(data.keep)) {
      for (const reading of [readings].flat()) expect(data.kinds, phrase).toHaveProperty(reading.kind);
    }
  });

  it('builds the weasel list from retext-intensify, minus removals, plus additions and options', () => {
    const data = readLanguageData<Parameters<typeof weaselEntries>[0]>('en', 'weasel-words')!;
    const phrases = weaselEntries(data, { add: ['super'], remove: ['very'] }).map((entry) => entry.phrase);
    expect(phrases).toContain('basically');
    expect(phrases).toContain('as appropriate');
    expect(phrases).toContain('super');
    expect(phrases).not.toContain('very');
    expect(phrases).not.toContain('should');
  });

  it('no wordy replacement contains a listed phrase, so --fix settles in one pass', () => {
    const phrases = wordyPhrases('en', { add: {}, remove: [] })!;
    const matcher = new PhraseMatcher(phrases, classes);
    for (const entry of phrases) {
      const text = `x ${entry.replacement} y`;
      expect(matcher.find(tokensOf(text, 'en'), text).map((m) => m.entry.phrase), entry.phrase).toEqual([]);
    }
  });
});
