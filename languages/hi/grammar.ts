import { foldForMatching } from '../../src/lexical/normalise.js';
import { readLanguageData } from '../../src/lexical/language-data.js';
import { hindiFold, type HindiSentence } from './pack.js';

/**
 * Hindi verb forms for the grammar checks, by ending and word list (no tagger): the future in
 * -गा/-गी/-गे, the passive (perfective participle + जाना), the imperative (-ें/-एं, -िए) and चाहिए after an
 * infinitive. The guards (languages/hi/data/grammar.json, each list with its reason) carry the precision.
 */

interface GrammarData {
  futureLookalikes: { endings: string[] };
  obligationAuxiliaries: { words: string[] };
  passiveForms: { m: string[]; f: string[]; p: string[]; any: string[] };
  passiveJaChains: { words: string[] };
  attributiveNext: { words: string[] };
  notParticiples: { words: string[] };
  agentInstruments: { words: string[] };
  imperativeLookalikes: { words: string[] };
  clauseOpeners: { words: string[] };
  auxiliaries: { words: string[] };
  pastPerfectives: { words: string[] };
  ergativeSubjects: { words: string[] };
}

const fold = (word: string) => hindiFold(foldForMatching(word.toLowerCase()));
const set = (words: string[]) => new Set(words.map(fold));

function loadLists() {
  const data = readLanguageData<GrammarData>('hi', 'grammar');
  if (!data) throw new Error('languages/hi/data/grammar.json is missing');
  return {
    futureLookalikes: data.futureLookalikes.endings.map(fold),
    obligationAuxiliaries: set(data.obligationAuxiliaries.words),
    passiveForms: { m: set(data.passiveForms.m), f: set(data.passiveForms.f), p: set(data.passiveForms.p), any: set(data.passiveForms.any) },
    passiveJaChains: set(data.passiveJaChains.words),
    attributiveNext: set(data.attributiveNext.words),
    notParticiples: set(data.notParticiples.words),
    agentInstruments: set(data.agentInstruments.words),
    imperativeLookalikes: set(data.imperativeLookalikes.words),
    clauseOpeners: set(data.clauseOpeners.words),
    auxiliaries: set(data.auxiliaries.words),
    pastPerfectives: set(data.pastPerfectives.words),
    ergativeSubjects: set(data.ergativeSubjects.words),
  };
}

let cached: ReturnType<typeof loadLists> | undefined;
const lists = () => (cached ??= loadLists());

/** A found form: word indexes of its first and last word. */
export interface FormMatch {
  first: number;
  last: number;
}

// A subjunctive vowel (ू ऊ ए े ें एं ो ओ ों) + गा/गी/गे: करेगा, बदलेंगे, होगी, आएगा. Not after a consonant or आ (लगा, माँगा, आगे).
const FUTURE = /(ू|ऊ|ूं|ऊं|ए|े|ें|एं|ो|ओ|ों|ओं)(गा|गी|गे)$/u;
/** Futures that are auxiliaries of the word before (किया जाएगा, आ जाएगा, भेज देगा): the message quotes both. */
const AUXILIARY_FUTURE = /^(जा|हो|दे|ले|सक|पा|रह|चुक)/u;

export function findFutures(sentence: HindiSentence): FormMatch[] {
  const { words } = sentence;
  const found: FormMatch[] = [];
  words.forEach((word, i) => {
    const { key } = word;
    if (!FUTURE.test(key) || lists().futureLookalikes.some((ending) => key.endsWith(ending))) return;
    const previous = words[i - 1];
    const sameClause = previous !== undefined && previous.clause === word.clause;
    // -ना/-नी/-ने + होगा/पड़ेगा = have to: an obligation, not the future.
    if (lists().obligationAuxiliaries.has(key) && sameClause && /(ना|नी|ने)$/u.test(previous.key)) return;
    found.push({ first: sameClause && AUXILIARY_FUTURE.test(key) && key.length <= 6 ? i - 1 : i, last: i });
  });
  return found;
}

type Agreement = 'm' | 'f' | 'p';

function participleAgreement(key: string): Agreement | undefined {
  if (/(ा|या)$/u.test(key)) return 'm';
  if (/(ी|ई)$/u.test(key)) return 'f';
  if (/(े|ए)$/u.test(key)) return 'p';
  return undefined;
}

export interface PassiveMatch extends FormMatch {
  /** Words of the द्वारा agent, when there is one. */
  agent?: FormMatch;
}

/** Perfective participle + a form of जाना (किया जाता है, दर्ज की जाती है, भेज दी गई है, किया जा सकता है, किया जाए). */
export function findPassives(sentence: HindiSentence): PassiveMatch[] {
  const { words } = sentence;
  const { passiveForms, passiveJaChains, attributiveNext, notParticiples, auxiliaries } = lists();
  const found: PassiveMatch[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const participle = words[i];
    const jaana = words[i + 1];
    if (jaana.clause !== participle.clause) continue;
    const agreement = participleAgreement(participle.key);
    if (!agreement || notParticiples.has(participle.key)) continue;
    const next = words[i + 2]?.clause === jaana.clause ? words[i + 2] : undefined;
    let last = i + 1;
    if (jaana.key === 'जा') {
      if (!next || !passiveJaChains.has(next.key)) continue;
      last = i + 2;
    } else if (passiveForms.any.has(jaana.key)) {
      // -ने वाला is attributive ("the goods to be returned"), not a clause.
      if (jaana.key === 'जाने' && next && /^वा(ला|ली|ले)$/u.test(next.key)) continue;
    } else if (!passiveForms[agreement].has(jaana.key)) {
      continue;
    } else if (/^(गया|गई|गईं|गए)$/u.test(jaana.key) && next && !attributiveNext.has(next.key)) {
      // A participle + गया + noun is attributive: वापस किए गए सामान की जाँच करें.
      continue;
    }
    // Quote the auxiliaries that follow (है, चाहिए, था) with the passive.
    while (last + 1 < words.length && words[last + 1].clause === jaana.clause && auxiliaries.has(words[last + 1].key) && last - i < 4) last++;
    const first = passiveStart(sentence, i);
    found.push({ first, last, agent: agentBefore(sentence, first) });
    i = last;
  }
  return found;
}

/** A noun + करना/देना compound verb starts with the noun (दर्ज की जाती, मंज़ूर किए जाते): the phrase quotes both, unless the word before is a postposition, particle or time word (उसी दिन किया जाएगा). */
function passiveStart(sentence: HindiSentence, participle: number): number {
  const { words } = sentence;
  const key = words[participle].key;
  const previous = words[participle - 1];
  const light = /^(किया|की|किए|कीं|दिया|दी|दिए)$/u.test(key);
  return light && previous && previous.clause === words[participle].clause && !/^(को|ने|से|में|पर|का|की|के|द्वारा|नहीं|न|भी|ही|तो|दिन|दिनों|बजे|सप्ताह|महीने|बाद|पहले|तुरंत|फिर|अब|आज|कल)$/u.test(previous.key) && !/\p{Nd}/u.test(previous.text) ? participle - 1 : participle;
}

/** "वित्त प्रबंधक द्वारा …": up to two words before द्वारा (or के द्वारा), unless they name a channel (ईमेल द्वारा). */
function agentBefore(sentence: HindiSentence, passiveFirst: number): FormMatch | undefined {
  const { words } = sentence;
  for (let d = passiveFirst - 1; d > 0 && words[d].clause === words[passiveFirst].clause; d--) {
    if (words[d].key !== 'द्वारा') continue;
    let last = d - 1;
    if (words[last]?.key === 'के') last--;
    if (last < 0 || words[last].clause !== words[d].clause) return undefined;
    if (lists().agentInstruments.has(words[last].key)) return undefined;
    const first = last > 0 && words[last - 1].clause === words[last].clause && !/^(से|में|पर|का|की|के|को|और)$/u.test(words[last - 1].key) && !/\p{Nd}/u.test(words[last - 1].text) ? last - 1 : last;
    return { first, last: d };
  }
  return undefined;
}

// Polite imperatives: -ें/-एं (करें, बताएं), -िए/-इए/-ीजिए (भरिए, बताइए, कीजिए).
const IMPERATIVE = /(ें|एं|िए|इए)$/u;

export function isImperative(sentence: HindiSentence, index: number): boolean {
  const { words } = sentence;
  const key = words[index].key;
  const lastPart = key.split('-').at(-1) ?? key;
  if (!IMPERATIVE.test(lastPart) || lists().imperativeLookalikes.has(lastPart) || lists().imperativeLookalikes.has(key)) return false;
  // किए जाएं, दिए जाएं: a subjunctive passive ("are to be done"), not an instruction to the reader.
  if (/^जाएं$/u.test(key)) {
    const previous = words[index - 1];
    if (previous && participleAgreement(previous.key) && !lists().notParticiples.has(previous.key)) return false;
  }
  return true;
}

/** Words that end a clause: before , ; : or the sentence end, or before a कि / जो clause or a coordinator. */
export function clauseFinals(sentence: HindiSentence): number[] {
  const { words } = sentence;
  const finals: number[] = [];
  words.forEach((word, i) => {
    if (sentence.endsClause(i) || lists().clauseOpeners.has(words[i + 1].key)) finals.push(i);
  });
  return finals;
}

/** The verb group that ends the sentence (भरता है, करनी होगी), for the message. */
export function finalVerbGroup(sentence: HindiSentence): FormMatch | undefined {
  const { words } = sentence;
  if (words.length === 0) return undefined;
  const last = words.length - 1;
  let first = last;
  while (first > 0 && last - first < 3 && words[first - 1].clause === words[last].clause && (lists().auxiliaries.has(words[first].key) || lists().obligationAuxiliaries.has(words[first].key))) first--;
  return { first, last };
}

/** A to-do item in the -ना infinitive with no finite verb: ग्राहक की पहचान सत्यापित करना. */
export function isInfinitiveItem(sentence: HindiSentence): boolean {
  const last = sentence.words.at(-1);
  return last !== undefined && /ना$/u.test(last.key);
}

/** चाहिए after an infinitive or a जाना form (करनी चाहिए, किया जाना चाहिए): should. Not after a noun (रिफंड चाहिए = needs). */
export function findWeakModals(sentence: HindiSentence): FormMatch[] {
  const { words } = sentence;
  const found: FormMatch[] = [];
  words.forEach((word, i) => {
    if (!/^चाहिए(ं)?$/u.test(word.key)) return;
    const previous = words[i - 1];
    if (!previous || previous.clause !== word.clause || !/(ना|नी|ने)$/u.test(previous.key)) return;
    const next = words[i + 1];
    found.push({ first: i - 1, last: next && next.clause === word.clause && /^(था|थी|थे)$/u.test(next.key) ? i + 1 : i });
  });
  return found;
}

/** Main-clause past (opt-in): clause-final था/थी/थे, or a clause-final perfective not followed by है/हैं. */
export function findPasts(sentence: HindiSentence): FormMatch[] {
  const { words } = sentence;
  const { pastPerfectives, ergativeSubjects } = lists();
  const ergative = words.some((word) => ergativeSubjects.has(word.key));
  const candidates = new Set<number>();
  if (words.length > 0) candidates.add(words.length - 1);
  words.forEach((word, i) => {
    if (word.key === 'कि' && i > 0) candidates.add(i - 1);
  });
  const found: FormMatch[] = [];
  for (const i of candidates) {
    const { key } = words[i];
    const previous = words[i - 1];
    const withPrevious = previous !== undefined && previous.clause === words[i].clause;
    if (/^(था|थी|थे|थीं)$/u.test(key)) {
      found.push({ first: withPrevious ? i - 1 : i, last: i });
    } else if (pastPerfectives.has(key) || (ergative && /[\u0915-\u0939](ा|ी|े|ीं)$|या$/u.test(key))) {
      found.push({ first: withPrevious && /^(किया|की|किए|दिया|दी|दिए|गया|गई|गए|लिया|ली|हुआ|हुई|हुए)$/u.test(key) ? i - 1 : i, last: i });
    }
  }
  return found.sort((a, b) => a.first - b.first);
}
