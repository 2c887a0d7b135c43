import { englishLexicon } from './lexicon.js';
import type { EnglishSentence } from './sentence.js';
import type { Token } from './tokenize.js';
import {
  baseOfParticiple,
  isAdverb,
  isBe,
  isCoordinator,
  isDeterminer,
  isFiniteBe,
  isGet,
  isHave,
  isModal,
  isNegation,
  isPreposition,
  isPunct,
  isSubjectPronoun,
  isSubordinator,
  isVerbBase,
  thirdPerson,
  isPluralSubject,
  isContentWord,
  isRelative,
} from './word-classes.js';

/**
 * Passive voice: a form of be or get, then (after up to three adverbs or "not") a past participle,
 * regular or irregular — "are approved", "is then closed", "should be issued", "will not be
 * refunded", "has been used", "get routed", and questions ("Is the order marked…?").
 * Not passive: stative participles after a finite be with no "by" agent ("is satisfied", "is based
 * in", "is closed on holidays"), un- adjectives ("is unused"), participles before a noun ("the
 * signed copy"), and progressives ("are waiting").
 */
export interface PassiveMatch {
  /** Token indexes of the first auxiliary and of the participle. */
  first: number;
  participle: number;
  base: string;
  /** The "by" phrase, when the sentence names who acts. */
  agent?: { first: number; last: number; plural: boolean };
  /** The particle of a phrasal verb right after the participle ("set up", "signed off"), when there is one. */
  particle?: number;
  /** "not", "never" between the auxiliaries and the participle ("are not approved"). */
  negated: boolean;
  /** The modal of the group ("must be approved"), when there is one: its token index. */
  modal?: number;
}

/** Particles that complete a phrasal verb after its participle: "set up", "signed off", "written down". */
const PARTICLES = new Set(['up', 'off', 'out', 'down', 'back', 'away']);

/** The particle after the participle at `j`, when the word is one and does not open a phrase of its own ("set up for the team" keeps it). */
function particleAfter(tokens: readonly Token[], j: number): number | undefined {
  const next = tokens[j + 1];
  if (!next || !PARTICLES.has(next.norm)) return undefined;
  return j + 1;
}

const MAX_ADVERBS = 3;
/** "by email", "by Friday", "by the end of the day": means and deadlines, not who acts. */
const NOT_AGENTS = new Set(['email', 'e-mail', 'phone', 'telephone', 'post', 'hand', 'chat', 'text', 'sms', 'mail', 'courier', 'cheque', 'check', 'card', 'default', 'law', 'name', 'date', 'mistake', 'accident', 'end', 'close', 'start', 'deadline', 'noon', 'midnight', 'tomorrow', 'today', 'tonight', 'then', 'now', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'afternoon', 'evening', 'week', 'month', 'year', 'day', 'hour', 'minute', 'time', 'phone', 'item', 'weight', 'size', 'value', 'amount', 'region', 'category', 'type', 'channel', 'priority', 'percent', 'far']);

export function findPassives(sentence: EnglishSentence): PassiveMatch[] {
  const tokens = sentence.own;
  const matches: PassiveMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const aux = tokens[i];
    const be = isBe(aux) || (aux.norm === "'s" && tokens[i + 1]?.norm === 'been');
    const get = !be && isGet(aux);
    if (!be && !get) continue;
    let j = i + 1;
    for (let skipped = 0; j < tokens.length && skipped < MAX_ADVERBS && (isAdverb(tokens[j]) || isNegation(tokens[j])) && !baseOfParticiple(tokens[j].norm); skipped++) j++;
    if (be && isQuestionOpening(sentence, i)) j = skipQuestionSubject(tokens, j);
    const candidate = tokens[j];
    if (!candidate || candidate.kind !== 'word') continue;
    const base = baseOfParticiple(candidate.norm);
    if (!base) continue;
    if (isBe(candidate) || candidate.norm === 'been') continue;
    // "is unopened" is a state; "was unassigned by the team lead" names who acted, so it is a passive.
    if (isUnAdjective(candidate.norm) && !byAgent(tokens, j)) continue;
    if (get && (isAttributive(tokens, j) || englishLexicon().stativeAfterGet.has(candidate.norm))) continue;
    if (be && isStative(tokens, i, j, sentence)) continue;
    const first = auxChainStart(tokens, i);
    const particle = particleAfter(tokens, j);
    const group = tokens.slice(first, j);
    const modalIndex = group.findIndex((t) => isModal(t));
    matches.push({
      first,
      participle: j,
      base,
      agent: byAgent(tokens, particle ?? j),
      particle,
      negated: group.some((t) => isNegation(t)),
      modal: modalIndex === -1 ? undefined : first + modalIndex,
    });
    i = j;
  }
  return matches;
}

/** "Is the order marked as urgent?": a sentence-initial be in a question. */
function isQuestionOpening(sentence: EnglishSentence, i: number): boolean {
  return i === 0 && sentence.isQuestion && isFiniteBe(sentence.own[0]);
}

function skipQuestionSubject(tokens: readonly Token[], j: number): number {
  let k = j;
  while (k < tokens.length && k - j < 5 && (isDeterminer(tokens[k]) || tokens[k].norm === "'s" || (isContentWord(tokens[k]) && !baseOfParticiple(tokens[k].norm)) || isSubjectPronoun(tokens[k]))) k++;
  return k;
}

/** "unused", "unopened", "unpaid": un- + participle with no verb "unuse" is an adjective. */
function isUnAdjective(word: string): boolean {
  if (!word.startsWith('un') || word.length < 6) return false;
  const verb = baseOfParticiple(word);
  return !verb || !isVerbBase(verb);
}

/** "Get signed approval": a participle followed by a noun modifies it. */
function isAttributive(tokens: readonly Token[], j: number): boolean {
  const after = tokens[j + 1];
  return !!after && after.kind === 'word' && isContentWord(after) && !isAdverb(after) && !isPreposition(after);
}

/**
 * A stative reading: a listed state after a finite be ("is satisfied", "is closed on holidays") with
 * no "by" agent; a listed phrase ("logged in", "used to waiting"); or a step that starts with
 * "Be" ("Be prepared to…"). After be/been/being or a modal the verbal reading wins.
 */
function isStative(tokens: readonly Token[], i: number, j: number, sentence: EnglishSentence): boolean {
  const lex = englishLexicon();
  const word = tokens[j].norm;
  const after = tokens[j + 1];
  const afterNext = tokens[j + 2];
  const aux = tokens[i];
  const imperativeBe = aux.norm === 'be' && (i === 0 || ['please', 'always', 'never', 'not'].includes(tokens[i - 1].norm) || isPunct(tokens[i - 1]));
  const finite = isFiniteBe(aux) || aux.norm === "'s" || imperativeBe || (sentence.own[0] === aux && aux.norm === 'be');
  // "The account has been set up", "must be logged in": after be/been/being or a modal the action wins.
  if (after && lex.stativePhrases.has(`${word} ${after.norm}`) && finite) {
    if (word === 'used' && after.norm === 'to') return !!afterNext && !isVerbBase(afterNext.norm);
    // "logged in" is a state; "logged in the old system" is a preposition with its object.
    const particleEnds = !afterNext || isPunct(afterNext) || isCoordinator(afterNext) || isSubordinator(afterNext) || afterNext.norm === 'to' || afterNext.norm === 'as' || isAdverb(afterNext);
    if (particleEnds || !['in', 'on', 'out', 'up'].includes(after.norm)) return true;
  }
  if (after && afterNext && lex.stativePhrases.has(`${word} ${after.norm} ${afterNext.norm}`) && finite) return true;
  // "every fire exit is unlocked and clear": coordinated with an adjective, the participle is one too.
  if (after && (after.norm === 'and' || after.norm === 'or') && afterNext && isContentWord(afterNext) && !baseOfParticiple(afterNext.norm) && !afterNext.norm.endsWith('ing') && isLast(tokens, j + 2)) return true;
  if (!lex.statives.has(word)) return false;
  if (byAgent(tokens, j)) return false;
  if ((aux.norm === 'was' || aux.norm === 'were') && lex.presentOnlyStatives.has(word)) return false;
  return finite;
}

/** The token ends its clause: nothing but punctuation after it. */
function isLast(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1];
  return !next || isPunct(next) || isCoordinator(next) || isSubordinator(next);
}

/** Walks back over the auxiliaries of the same group: "will not be", "has been", "should never be". */
function auxChainStart(tokens: readonly Token[], i: number): number {
  let start = i;
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k];
    if (isModal(t) || isHave(t) || isBe(t) || (isNegation(t) && k < i)) {
      start = k;
      continue;
    }
    if (isAdverb(t) && k > 0 && (isModal(tokens[k - 1]) || isHave(tokens[k - 1]) || isBe(tokens[k - 1]))) continue;
    break;
  }
  return start;
}

/** "by a manager", "by the quality team": up to five words after "by", ending at punctuation or a clause word. */
export function byAgent(tokens: readonly Token[], j: number): PassiveMatch['agent'] {
  let k = j + 1;
  while (k < tokens.length && isAdverb(tokens[k])) k++;
  if (tokens[k]?.norm !== 'by') return undefined;
  const first = k + 1;
  let last = first - 1;
  for (let m = first; m < Math.min(tokens.length, first + 5); m++) {
    const t = tokens[m];
    if (isPunct(t) || isPreposition(t) || isSubordinator(t) || isCoordinator(t) || isRelative(t) || isModal(t) || isBe(t) || englishLexicon().complexPrepositions.has(t.norm)) break;
    // "by the agent using the tool" ends at "using"; "by automated monitoring" keeps its noun.
    if (m > first && /ing$/.test(t.norm) && !isDeterminer(tokens[m - 1]) && !/(ed|al|ic|ive|ual)$/.test(tokens[m - 1].norm)) break;
    last = m;
  }
  if (last < first) return undefined;
  if (tokens[first].kind === 'number' || NOT_AGENTS.has(tokens[first].norm) || NOT_AGENTS.has(tokens[last].norm)) return undefined;
  return { first, last, plural: isPluralSubject(tokens[last]) };
}

/** Present tense of the participle's verb agreeing with the agent: "approve" + "a manager" → "approves". */
export function activeVerb(match: PassiveMatch): string {
  return match.agent && match.agent.plural ? match.base : thirdPerson(match.base);
}
