import { readLanguageData } from '../../src/lexical/language-data.js';
import type { SegmentedSentence, SegmentedWord } from '../../src/language/segmented-sentence.js';

/**
 * Telugu word endings for the grammar checks, with the guards of languages/te/data/grammar.json.
 * Words are matched without ZWNJ (కస్టమర్‌ను = కస్టమర్ను). The non-past (-తాడు, -తుంది) is the ordinary
 * present of a policy and -ాలి its ordinary "must", so neither is flagged (see rules/<id>/docs.md,
 * Telugu section).
 */

interface GrammarLists {
  ndiNouns: { words: Record<string, string> };
  clauseNouns: { words: Record<string, string> };
  agentMarkers: { words: Record<string, string> };
  futureTimeWords: { words: Record<string, string> };
  nextTimeNouns: { words: Record<string, string> };
  auxiliaries: { words: Record<string, string> };
  quotatives: { words: Record<string, string> };
  monthNames: { words: Record<string, string> };
  resultativeVerbs: { words: Record<string, string> };
}

type Lists = { [K in keyof GrammarLists]: ReadonlySet<string> };

let lists: Lists | undefined;

function teluguLists(): Lists {
  if (lists) return lists;
  const data = readLanguageData<GrammarLists>('te', 'grammar');
  if (!data) throw new Error('sop: languages/te/data/grammar.json is missing');
  const set = (key: keyof GrammarLists) => new Set(Object.keys(data[key].words).map((word) => word.normalize('NFC')));
  lists = {
    ndiNouns: set('ndiNouns'),
    clauseNouns: set('clauseNouns'),
    agentMarkers: set('agentMarkers'),
    futureTimeWords: set('futureTimeWords'),
    nextTimeNouns: set('nextTimeNouns'),
    auxiliaries: set('auxiliaries'),
    quotatives: set('quotatives'),
    monthNames: set('monthNames'),
    resultativeVerbs: set('resultativeVerbs'),
  };
  return lists;
}

/** The quotative particle (అని): the pack marks the speech before it as quoted. */
export function teluguQuotatives(): ReadonlySet<string> {
  return teluguLists().quotatives;
}

/** A word and its forms without the emphatic clitic -ే (తర్వాతే → తర్వాత, ముందే → ముందు). */
function withoutEmphasis(norm: string): string[] {
  if (!norm.endsWith('ే')) return [norm];
  const base = norm.slice(0, -1);
  return [norm, base, `${base}ు`];
}

/** -బడి + ఉండు (is kept …): the resultative state when the verb is listed. */
const BE = /^ఉ(?:ండ|ంట|న్న|ంద)/u;

/** A consonant letter with no vowel sign or virama after it carries the inherent a: the infinitive ending. */
const CONSONANT = '[\u0C15-\u0C39]';

/** Infinitive + బడు: "చేయబడుతుంది", "పంపబడింది"; బడి (school), పెట్టుబడి (investment), కట్టుబడి (committed) have a vowel sign or nothing before బ. */
const PASSIVE = new RegExp(`${CONSONANT}బడ`, 'u');

/** Relative participles of the passive: before a noun they are attributes ("ఇవ్వబడిన వస్తువులు", the returned items). */
const PASSIVE_RELATIVE = /బడ(?:ిన|ే|ని|ుతున్న)$/u;

/** The light verb చేయు after its noun ("నమోదు చేయబడుతుంది", "తనిఖీ చేయండి"): quoted with the noun. */
const LIGHT_VERB = /^చే(?:య|స|శ|సి)/u;

export interface Match {
  first: SegmentedWord;
  last: SegmentedWord;
  agent?: SegmentedWord;
}

/** Passive verbs: infinitive + బడు, not attributive participles, with the చేత / ద్వారా agent when there is one. */
export function findPassives(sentence: SegmentedSentence): Match[] {
  const { clauseNouns, agentMarkers, auxiliaries, resultativeVerbs } = teluguLists();
  const matches: Match[] = [];
  for (const clause of sentence.clauses) {
    clause.forEach((word, index) => {
      const at = word.norm.search(PASSIVE);
      if (at < 0) return;
      const next = clause[index + 1];
      if (next && PASSIVE_RELATIVE.test(word.norm) && !withoutEmphasis(next.norm).some((form) => clauseNouns.has(form))) return;
      const previous = clause[index - 1];
      const stem = word.norm.slice(0, at + 1);
      if (word.norm.endsWith('బడి') && next && BE.test(next.norm) && (resultativeVerbs.has(stem) || (previous && resultativeVerbs.has(`${previous.norm} ${stem}`)))) return;
      let first = previous && LIGHT_VERB.test(word.norm) ? previous : word;
      const last = next && auxiliaries.has(next.norm) ? next : word;
      const marker = clause[clause.indexOf(first) - 1];
      const agentNoun = marker && agentMarkers.has(marker.norm) ? clause[clause.indexOf(marker) - 1] : undefined;
      if (agentNoun && marker) first = agentNoun;
      matches.push({ first, last, agent: agentNoun && marker ? { ...agentNoun, text: sentence.span(agentNoun, marker) } : undefined });
    });
  }
  return matches;
}

/** Instruction endings: -ండి / -కండి (polite imperative and its negative), -వద్దు (do not), -గలరు (kindly …). */
const IMPERATIVE = /(?:ండి|వద్దు|గలరు)$/u;

export function isInstructionForm(word: SegmentedWord, extra: ReadonlySet<string>): boolean {
  const { ndiNouns } = teluguLists();
  if (extra.has(word.norm)) return true;
  return IMPERATIVE.test(word.norm) && !ndiNouns.has(word.norm);
}

/** A to-do item in the verbal noun: "కస్టమర్ గుర్తింపును ధృవీకరించడం" (verifying the customer's identity). */
const VERBAL_NOUN = /(?:డం|టం)$/u;

/**
 * Whether a step is an instruction: some clause ends in an instruction form (a consequence clause may
 * follow the instruction), or the step is a to-do item ending in the -డం / -టం verbal noun.
 */
export function isInstruction(sentence: SegmentedSentence, extra: ReadonlySet<string>): boolean {
  if (sentence.clauses.some((clause) => isInstructionForm(clause[clause.length - 1], extra))) return true;
  const last = sentence.clauses.at(-1)?.at(-1);
  return last !== undefined && VERBAL_NOUN.test(last.norm);
}

/** The verb a step ends with, with its noun (light verb) or the verb before an auxiliary. */
export function finalVerbPhrase(sentence: SegmentedSentence): { first: SegmentedWord; last: SegmentedWord } | undefined {
  const { auxiliaries } = teluguLists();
  const clause = sentence.clauses.at(-1);
  const last = clause?.at(-1);
  if (!clause || !last) return undefined;
  const previous = clause.at(-2);
  return { first: previous && (auxiliaries.has(last.norm) || LIGHT_VERB.test(last.norm)) ? previous : last, last };
}

/** Hedged obligations: -తే మంచిది / -తే బాగుంటుంది (it would be good if), -డం మంచిది (it is good to). -ాలి (must) is not flagged. */
export function findWeakModals(sentence: SegmentedSentence): Match[] {
  const found: Match[] = [];
  for (const clause of sentence.clauses) {
    clause.forEach((word, index) => {
      const previous = clause[index - 1];
      if (!previous) return;
      if ((word.norm === 'మంచిది' || word.norm === 'బాగుంటుంది') && /తే$/u.test(previous.norm)) found.push({ first: previous, last: word });
      else if (word.norm === 'మంచిది' && VERBAL_NOUN.test(previous.norm)) found.push({ first: previous, last: word });
    });
  }
  return found;
}

/** "going to": -బోతు- (పంపబోతున్నారు) and -బోయే. */
const GOING_TO = /బో(?:తు|యే)/u;

/** Non-past finite endings (-తాను, -తారు, -తాడు, -తుంది, -తాయి, -టారు …), future only with a future time word. */
const NON_PAST = /(?:[తట]ా(?:ను|ము|వు|రు|డు|ం|యి)|[తట]ుంది)$/u;

/** Future verbs: -బోతు- / -బోయే always; the non-past at the end of a clause only when the sentence names a future time. */
export function findFutures(sentence: SegmentedSentence): Match[] {
  const { futureTimeWords, nextTimeNouns, monthNames } = teluguLists();
  const words = sentence.unquoted;
  const futureTime = words.some(
    (word, index) =>
      futureTimeWords.has(word.norm) ||
      (word.norm === 'వచ్చే' && [...nextTimeNouns].some((noun) => words[index + 1]?.norm.startsWith(noun))) ||
      // "1 జనవరి 2027 నుండి": from a date.
      (monthNames.has(word.norm) && words.slice(index + 1, index + 3).some((after) => after.norm === 'నుండి' || after.norm === 'నుంచి')),
  );
  const found: Match[] = [];
  for (const clause of sentence.clauses) {
    clause.forEach((word, index) => {
      if (GOING_TO.test(word.norm)) found.push({ first: word, last: word });
      else if (futureTime && index === clause.length - 1 && NON_PAST.test(word.norm)) found.push({ first: word, last: word });
    });
  }
  return found;
}
