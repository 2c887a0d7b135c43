import { foldForMatching } from '../../src/lexical/normalise.js';
import { readLanguageData } from '../../src/lexical/language-data.js';
import type { MarathiSentence } from './pack.js';

/**
 * Marathi verb forms for the grammar checks, by ending and word list (no tagger): the future
 * (-ईल/-एल/-तील/-णार, -आल after listed stems, 1pl -ऊ with आम्ही/आपण), the passive (participle + जाणे,
 * -ण्यात + येणे), the imperative (-आ after a consonant, नका), पाहिजे/हवे and the opt-in optative -आवे.
 * The guards (languages/mr/data/grammar.json, each list with its reason) carry the precision.
 */

interface WordList {
  words?: string[];
  endings?: string[];
}

type GrammarData = Record<
  | 'futureLookalikes'
  | 'futureAlForms'
  | 'futureVowelStems'
  | 'obligationBefore'
  | 'presumptiveCues'
  | 'firstPersonPlural'
  | 'notAfterFirstPersonPlural'
  | 'passiveJaane'
  | 'passiveYene'
  | 'notParticiples'
  | 'shortPastParticiples'
  | 'imperativeLookalikes'
  | 'imperativeForms'
  | 'clauseOpeners'
  | 'auxiliaries'
  | 'howQuestionWords'
  | 'optativeLookalikes',
  WordList
>;

const fold = (word: string) => foldForMatching(word.toLowerCase());

class Lexicon {
  private readonly words: Set<string>;
  private readonly endings: string[];
  constructor(list: WordList) {
    this.words = new Set((list.words ?? []).map(fold));
    this.endings = (list.endings ?? []).map(fold);
  }
  has(key: string): boolean {
    return this.words.has(key) || this.endings.some((ending) => key.length > ending.length && key.endsWith(ending));
  }
}

function loadLists(): Record<keyof GrammarData, Lexicon> {
  const data = readLanguageData<GrammarData>('mr', 'grammar');
  if (!data) throw new Error('languages/mr/data/grammar.json is missing');
  return Object.fromEntries(Object.entries(data).filter(([name]) => !name.startsWith('$')).map(([name, list]) => [name, new Lexicon(list)])) as Record<keyof GrammarData, Lexicon>;
}

let cached: Record<keyof GrammarData, Lexicon> | undefined;
const lists = () => (cached ??= loadLists());

export interface FormMatch {
  first: number;
  last: number;
}

/** English loans carry ॅ or ॉ (हॉटेल, पॅनेल), which no Marathi verb ending has. */
const LOAN = /[\u0945\u0949\u0911\u090d]/u;
/**
 * -ईल/-एल (होईल, करेल), -णार (स्वीकारली जाणार), -तील after a consonant stem (करतील, पाठवतील). Not -ील/-तील
 * after a vowel: that is mostly the locative adjective (शाखेतील 'in the branch', कार्डवरील, CRM मधील,
 * पुढील), so the vowel-stem futures (देतील, राहील) are listed in grammar.json instead.
 */
const FUTURE = /(ईल|ेल|णार|[\u0915-\u0939]तील)$/u;
/** Auxiliary futures quoted with the word before (कळवली जाईल, देऊ शकेल, स्वीकारली जाणार). */
const AUXILIARY_FUTURE = /^(जाईल|जातील|जाणार|होईल|होतील|होणार|शकेल|शकतील|येईल|येतील|येणार)$/u;

export function findFutures(sentence: MarathiSentence): FormMatch[] {
  const { words } = sentence;
  const l = lists();
  const hasPresumptiveCue = words.some((word) => l.presumptiveCues.has(word.key));
  const hasWe = words.some((word) => l.firstPersonPlural.has(word.key));
  const found: FormMatch[] = [];
  words.forEach((word, i) => {
    const { key } = word;
    const previous = words[i - 1]?.clause === word.clause ? words[i - 1] : undefined;
    const next = words[i + 1]?.clause === word.clause ? words[i + 1] : undefined;
    if (LOAN.test(key) || l.futureLookalikes.has(key)) return;
    let future = false;
    if (FUTURE.test(key) || l.futureAlForms.has(key) || l.futureVowelStems.has(key)) {
      future = true;
      // -आवा लागेल = have to.
      if (/^लाग/u.test(key) && previous && l.obligationBefore.has(previous.key)) future = false;
      // कदाचित … नसेल = may not be; जर … असेल तर = if … is.
      if (/^(असेल|नसेल|असतील|नसतील)$/u.test(key) && hasPresumptiveCue) future = false;
    } else if (hasWe && /(ू|ऊ)$/u.test(key) && sentence.endsClause(i) && !(next && l.notAfterFirstPersonPlural.has(next.key))) {
      future = true;
    }
    if (!future) return;
    const last = next && next.key === 'नाही' ? i + 1 : i;
    found.push({ first: previous && AUXILIARY_FUTURE.test(key) ? i - 1 : i, last });
  });
  return found;
}

const PARTICIPLE = /(ला|ली|ले|ल्या)$/u;

function isParticiple(key: string): boolean {
  if (!PARTICIPLE.test(key)) return false;
  if (lists().shortPastParticiples.has(key)) return true;
  return !lists().notParticiples.has(key);
}

/** Participle + जाणे (नोंदवली जाते, नाकारले गेल्यास) and -ण्यात + येणे (पाठवण्यात आली आहे). */
export function findPassives(sentence: MarathiSentence): Array<FormMatch & { agent?: FormMatch }> {
  const { words } = sentence;
  const l = lists();
  const found: Array<FormMatch & { agent?: FormMatch }> = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const verb = words[i];
    const auxiliary = words[i + 1];
    if (auxiliary.clause !== verb.clause) continue;
    const after = words[i + 2]?.clause === verb.clause ? words[i + 2] : undefined;
    let last = i + 1;
    const jaane = l.passiveJaane.has(auxiliary.key) || /^जाण्या/u.test(auxiliary.key) || (auxiliary.key === 'जाऊ' && after !== undefined && /^शक/u.test(after.key));
    const yene = /ण्यात$/u.test(verb.key) && (l.passiveYene.has(auxiliary.key) || /^येण्या/u.test(auxiliary.key));
    if (jaane && isParticiple(verb.key)) {
      if (auxiliary.key === 'जाऊ') last = i + 2;
    } else if (!yene) {
      continue;
    }
    while (last + 1 < words.length && words[last + 1].clause === verb.clause && l.auxiliaries.has(words[last + 1].key) && last - i < 3) last++;
    // The -कडून agent in the same clause (वित्त व्यवस्थापकाकडून मंजूर केले जातात).
    let agent: FormMatch | undefined;
    for (let a = i - 1; a >= 0 && words[a].clause === verb.clause; a--) {
      if (/.कडून$/u.test(words[a].key)) {
        agent = { first: a, last: a };
        break;
      }
    }
    const first = i > 0 && words[i - 1].clause === verb.clause && /^(केला|केली|केले|केल्या)$/u.test(verb.key) && !/^(ने|नी|ला|ना|नये)$/u.test(words[i - 1].key) && !/(कडून|ने|नी)$/u.test(words[i - 1].key) ? i - 1 : i;
    found.push({ first, last, agent });
    i = last;
  }
  return found;
}

/** The imperative: -आ after a consonant (करा, द्या, सांगा, नोंदवा), or नका (सांगू नका). */
export function isImperative(sentence: MarathiSentence, index: number): boolean {
  const key = sentence.words[index].key;
  const l = lists();
  if (key === 'नका' || l.imperativeForms.has(key)) return true;
  if (!/[\u0915-\u0939]ा$/u.test(key) || l.imperativeLookalikes.has(key)) return false;
  // The past in -ला (तपासला), the optative -आवा (घालावा), the genitive -चा (ग्राहकाचा), and -ता, which ends
  // present forms and participles (करता, देऊ शकता, आला होता) but no imperative (stems in -त take -आ rarely).
  if (/ला$/u.test(key) || /ावा$/u.test(key) || /चा$/u.test(key) || /ता$/u.test(key)) return false;
  return true;
}

/** Words that end a clause: before , ; : or the sentence end, or before की or a coordinator. */
export function clauseFinals(sentence: MarathiSentence): number[] {
  const { words } = sentence;
  const finals: number[] = [];
  words.forEach((_, i) => {
    if (sentence.endsClause(i) || lists().clauseOpeners.has(words[i + 1].key)) finals.push(i);
  });
  return finals;
}

export function finalVerbGroup(sentence: MarathiSentence): FormMatch | undefined {
  const { words } = sentence;
  if (words.length === 0) return undefined;
  const last = words.length - 1;
  let first = last;
  while (first > 0 && last - first < 3 && words[first - 1].clause === words[last].clause && lists().auxiliaries.has(words[first].key)) first--;
  return { first, last };
}

/** A to-do item in the -णे verbal noun with no finite verb: ग्राहकाची ओळख पडताळणे. */
export function isVerbalNounItem(sentence: MarathiSentence): boolean {
  const last = sentence.words.at(-1);
  return last !== undefined && /णे$/u.test(last.key);
}

/**
 * पाहिजे (not after emphatic -च: बोललेच पाहिजे = must), हवे after -ायला/-णे (बोलायला हवे), and, with
 * `optative`, the clause-final optative -आवे/-आवा/-आवी/-आवेत and नये (घालावा, करण्यात यावी) outside how-questions.
 */
export function findWeakModals(sentence: MarathiSentence, optative: boolean): FormMatch[] {
  const { words } = sentence;
  const l = lists();
  const found: FormMatch[] = [];
  // An optative after a how/what word is an indirect question (linear: the first such word is found once).
  const firstQuestionWord = words.findIndex((word) => l.howQuestionWords.has(word.key));
  words.forEach((word, i) => {
    const previous = words[i - 1]?.clause === word.clause ? words[i - 1] : undefined;
    const next = words[i + 1]?.clause === word.clause ? words[i + 1] : undefined;
    if (/^पाहिजेत?$/u.test(word.key)) {
      if (previous && !/च$/u.test(previous.key)) found.push({ first: i - 1, last: i });
    } else if (/^हव(े|ा|ी|ेत|ं)$/u.test(word.key)) {
      if (previous && /(ायला|णे)$/u.test(previous.key) && !(next && /^अस/u.test(next.key))) found.push({ first: i - 1, last: i });
    } else if (optative && sentence.endsClause(i) && (/(ावे|ावा|ावी|ावेत|ाव्यात|ावं)$/u.test(word.key) || word.key === 'नये')) {
      if (l.optativeLookalikes.has(word.key)) return;
      if (firstQuestionWord >= 0 && firstQuestionWord < i) return;
      found.push({ first: previous && /^(या|जा|नये)/u.test(word.key) ? i - 1 : i, last: i });
    }
  });
  return found;
}

/** Main-clause past (opt-in): the last word (or the one before की) in -ला/-ली/-ले/-ल्या, or होता/होती/होते. */
export function findPasts(sentence: MarathiSentence): FormMatch[] {
  const { words } = sentence;
  const candidates = new Set<number>();
  if (words.length > 0) candidates.add(words.length - 1);
  words.forEach((word, i) => {
    if (word.key === 'की' && i > 0) candidates.add(i - 1);
  });
  const found: FormMatch[] = [];
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const { key } = words[i];
    const previous = words[i - 1]?.clause === words[i].clause ? words[i - 1] : undefined;
    if (/^(होता|होती|होते|होत्या)$/u.test(key)) found.push({ first: previous ? i - 1 : i, last: i });
    else if (/(ला|ली|ले|लो|ल्या|लेत|लात)$/u.test(key) && isParticiple(key)) found.push({ first: i, last: i });
  }
  return found;
}
