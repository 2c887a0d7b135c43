import { readLanguageData } from '../../src/lexical/language-data.js';
import type { SegmentedSentence, SegmentedWord } from '../../src/language/segmented-sentence.js';

/**
 * Tamil word endings for the grammar checks, with the guards of languages/ta/data/grammar.json.
 * Tamil marks tense, voice and mood with suffixes, and the same suffixes occur in nouns and in the
 * generic -உம் form that states a rule, so every ending below comes with the guard that keeps it
 * precise (see rules/<id>/docs.md, Tamil section).
 */

interface GrammarLists {
  nounPaduVerbs: { words: Record<string, string> };
  resultativeStems: { words: Record<string, string> };
  clauseNouns: { words: Record<string, string> };
  futureFalseFriends: { words: Record<string, string> };
  habitWords: { words: Record<string, string> };
  futureTimeWords: { words: Record<string, string> };
  vumNotImperative: { words: Record<string, string> };
  talNouns: { words: Record<string, string> };
  auxiliaries: { words: Record<string, string> };
  nextTimeNouns: { words: Record<string, string> };
  quotatives: { words: Record<string, string> };
  monthNames: { words: Record<string, string> };
}

type Lists = { [K in keyof GrammarLists]: ReadonlySet<string> };

let lists: Lists | undefined;

function tamilLists(): Lists {
  if (lists) return lists;
  const data = readLanguageData<GrammarLists>('ta', 'grammar');
  if (!data) throw new Error('sop: languages/ta/data/grammar.json is missing');
  const set = (key: keyof GrammarLists) => new Set(Object.keys(data[key].words).map((word) => word.normalize('NFC')));
  lists = {
    nounPaduVerbs: set('nounPaduVerbs'),
    resultativeStems: set('resultativeStems'),
    clauseNouns: set('clauseNouns'),
    futureFalseFriends: set('futureFalseFriends'),
    habitWords: set('habitWords'),
    futureTimeWords: set('futureTimeWords'),
    vumNotImperative: set('vumNotImperative'),
    talNouns: set('talNouns'),
    auxiliaries: set('auxiliaries'),
    nextTimeNouns: set('nextTimeNouns'),
    quotatives: set('quotatives'),
    monthNames: set('monthNames'),
  };
  return lists;
}

/** The quotative particles (என்று): the pack marks the speech before them as quoted. */
export function tamilQuotatives(): ReadonlySet<string> {
  return tamilLists().quotatives;
}

/** A word and its forms without the emphatic clitic -ஏ (பின்னரே → பின்னர், பிறகே → பிறகு). */
function withoutEmphasis(norm: string): string[] {
  if (!norm.endsWith('ே')) return [norm];
  const base = norm.slice(0, -1);
  return [norm, `${base}்`, `${base}ு`, base];
}

/** A consonant letter with no vowel sign or pulli after it carries the inherent a: the infinitive ending. */
const CONSONANT = '[\u0B95-\u0BB9]';

/** Infinitive + படு: a consonant with its inherent vowel, then ப்பட, not the -ப்படுத்து- causative. */
const PASSIVE = new RegExp(`${CONSONANT}ப்பட(?!ுத்)`, 'u');

/** Relative participles of the passive (before a noun they are attributes, as English "the returned items"). */
const PASSIVE_RELATIVE = /ப்பட(?:்ட|ும்|ாத|ுகிற|ுகின்ற)$/u;

/** An agent in -ஆல் on a person or group noun ("மேலாளரால்", "குழுவால்", "ஊழியர்களால்"); conditionals in -ஆல் (இருந்தால், கேட்டால்) end otherwise. */
const AGENT = /(?:ர|கள|வ|ய)ால்$/u;

export interface PassiveMatch {
  first: SegmentedWord;
  last: SegmentedWord;
  agent?: SegmentedWord;
}

/** Passive verbs of a sentence: infinitive + படு, without noun + படு verbs, resultative states and attributive participles. */
export function findPassives(sentence: SegmentedSentence): PassiveMatch[] {
  const { nounPaduVerbs, resultativeStems, clauseNouns, auxiliaries } = tamilLists();
  const matches: PassiveMatch[] = [];
  for (const clause of sentence.clauses) {
    clause.forEach((word, index) => {
      const at = word.norm.search(PASSIVE);
      if (at < 0) return;
      const stem = word.norm.slice(0, at + 1);
      if (nounPaduVerbs.has(stem)) return;
      const rest = word.norm.slice(at + 1);
      if (rest.startsWith('ப்பட்டிரு') && [...resultativeStems].some((verb) => stem.endsWith(verb))) return;
      const next = clause[index + 1];
      if (next && PASSIVE_RELATIVE.test(word.norm) && !withoutEmphasis(next.norm).some((form) => clauseNouns.has(form))) return;
      const previous = clause[index - 1];
      // "பதிவு செய்யப்படுகிறது": the noun of a noun + செய் verb belongs to the verb.
      let first = previous && word.norm.startsWith('செய்யப்பட') ? previous : word;
      const last = next && auxiliaries.has(next.norm) ? next : word;
      const before = clause[clause.indexOf(first) - 1];
      const agent = before && AGENT.test(before.norm) ? before : undefined;
      if (agent) first = agent;
      matches.push({ first, last, agent });
    });
  }
  return matches;
}

/** Endings of a written instruction: -உங்கள் (polite imperative), infinitive + -வும், -ஆதீர்கள் (do not). */
const IMPERATIVE = new RegExp(`(?:ுங்கள்|ாதீர்கள்|${CONSONANT}வும்)$`, 'u');

/** Whether a word is an instruction form: an imperative, a negative imperative, or வேண்டாம் (do not). */
export function isInstructionForm(word: SegmentedWord, extra: ReadonlySet<string>): boolean {
  const { vumNotImperative } = tamilLists();
  if (extra.has(word.norm)) return true;
  if (word.norm === 'வேண்டாம்') return true;
  return IMPERATIVE.test(word.norm) && !vumNotImperative.has(word.norm);
}

/**
 * Whether a step is an instruction: some clause ends in an instruction form (Tamil states the
 * instruction at the end of its clause, and may add a consequence clause after it), or the step is a
 * to-do item in the -தல் verbal noun ("வாடிக்கையாளரின் அடையாளத்தைச் சரிபார்த்தல்").
 */
export function isInstruction(sentence: SegmentedSentence, extra: ReadonlySet<string>): boolean {
  const { talNouns } = tamilLists();
  if (sentence.clauses.some((clause) => isInstructionForm(clause[clause.length - 1], extra))) return true;
  const last = sentence.clauses.at(-1)?.at(-1);
  return last !== undefined && last.norm.endsWith('தல்') && !talNouns.has(last.norm);
}

/** The verb a step ends with, and the word before it when the verb is an auxiliary ("செய்ய வேண்டும்"). */
export function finalVerbPhrase(sentence: SegmentedSentence): { first: SegmentedWord; last: SegmentedWord } | undefined {
  const { auxiliaries } = tamilLists();
  const clause = sentence.clauses.at(-1);
  const last = clause?.at(-1);
  if (!clause || !last) return undefined;
  const previous = clause.at(-2);
  return { first: previous && auxiliaries.has(last.norm) ? previous : last, last };
}

/** Weak obligations: the verbal noun (-வது, -ப்பது, -பது as in கேட்பது) + நல்லது (it is better to), -ஆல் நல்லது (it would be good if), -லாமே (why not …). */
export function findWeakModals(sentence: SegmentedSentence): Array<{ first: SegmentedWord; last: SegmentedWord }> {
  const found: Array<{ first: SegmentedWord; last: SegmentedWord }> = [];
  for (const clause of sentence.clauses) {
    clause.forEach((word, index) => {
      if (word.norm.endsWith('லாமே')) found.push({ first: word, last: word });
      const previous = clause[index - 1];
      if (word.norm === 'நல்லது' && previous && /(?:வது|பது|ால்)$/u.test(previous.norm)) found.push({ first: previous, last: word });
    });
  }
  return found;
}

/** Personal future endings: -வேன்/-வோம்/-வீர்கள்/-வார்(கள்)/-வான்/-வாள் and their -ப்ப- forms, -ப- after ட்/ற் (கேட்பார், விற்பார்). */
const PERSONAL_FUTURE = /(?:வ|ப்ப|(?<=[டற]்)ப)(?:ேன்|ோம்|ீர்கள்|ார்|ார்கள்|ான்|ாள்)$/u;

/** "going to": an infinitive + போகிற-/போகின்ற-/போகும் ("மாற்றப் போகிறோம்"). */
const GOING_TO = /^போ(?:கிற|கின்ற|கும்)/u;

/** A finite -உம் form at the end of a clause (not a -வும் instruction). */
const GENERIC_UM = /ும்$/u;

/**
 * Future verbs: the personal future (not with a habit adverb, which makes it generic), "going to", and
 * a clause-final -உம் form only when the sentence names a future time (அடுத்த மாதம், நாளை, இனிமேல்).
 */
export function findFutures(sentence: SegmentedSentence): Array<{ first: SegmentedWord; last: SegmentedWord }> {
  const { futureFalseFriends, habitWords, futureTimeWords, nextTimeNouns, monthNames, auxiliaries } = tamilLists();
  const words = sentence.unquoted;
  const habitual = words.some((word) => habitWords.has(word.norm));
  const futureTime = words.some(
    (word, index) =>
      futureTimeWords.has(word.norm) ||
      (word.norm === 'அடுத்த' && [...nextTimeNouns].some((noun) => words[index + 1]?.norm.startsWith(noun))) ||
      // "1 ஜனவரி 2027 முதல்": from a date.
      (monthNames.has(word.norm) && words.slice(index + 1, index + 3).some((after) => after.norm === 'முதல்')),
  );
  const found: Array<{ first: SegmentedWord; last: SegmentedWord }> = [];
  for (const clause of sentence.clauses) {
    clause.forEach((word, index) => {
      const previous = clause[index - 1];
      if (GOING_TO.test(word.norm) && previous) {
        found.push({ first: previous, last: word });
        return;
      }
      if (!habitual && PERSONAL_FUTURE.test(word.norm) && !futureFalseFriends.has(word.norm)) {
        found.push({ first: word, last: word });
        return;
      }
      const isLast = index === clause.length - 1;
      if (futureTime && isLast && GENERIC_UM.test(word.norm) && !auxiliaries.has(word.norm) && !isInstructionForm(word, new Set())) {
        found.push({ first: word, last: word });
      }
    });
  }
  return found;
}
