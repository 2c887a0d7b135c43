import { mainClauseStart } from './clause.js';
import { imperativeVerdict } from './imperative.js';
import { englishLexicon } from './lexicon.js';
import type { EnglishSentence } from './sentence.js';
import type { Token } from './tokenize.js';
import { mainVerbGroup, nounish } from './verb-group.js';
import {
  isAdverb,
  isBe,
  isContentWord,
  isDeterminer,
  isHave,
  isNegation,
  isNumber,
  isPluralSubject,
  isPreposition,
  isPunct,
  isSubjectPronoun,
  isVerbBase,
  thirdPerson,
  capitalise,
  isSubordinator,
  isObjectPronoun,
} from './word-classes.js';

/**
 * Tense problems of one sentence: the future ("will", "'ll", "won't", "is going to" + verb) and a
 * past tense main verb ("The agent verified…"). Not flagged: "will" inside what staff are told to
 * say ("Tell the customer that the parcel will arrive…"), past tense in a clause that reports an
 * earlier event ("Ask which store they visited", "Refund orders that arrived damaged"), present
 * perfect ("has waited"), "Will" the name, "goodwill", "willing", and "going to lunch".
 */
export interface TenseMatch {
  kind: 'future' | 'past';
  first: number;
  last: number;
  /** The present-tense form to write instead, when it can be derived. */
  present?: string;
}

export function findTenseProblems(sentence: EnglishSentence): TenseMatch[] {
  return [...findFuture(sentence), ...findPastMainVerb(sentence)].sort((a, b) => a.first - b.first);
}

function findFuture(sentence: EnglishSentence): TenseMatch[] {
  const tokens = sentence.own;
  const matches: TenseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.norm === 'will') {
      if (!isFutureWill(sentence, i)) continue;
      const verb = nextVerb(tokens, i + 1);
      if (verb === undefined || isReported(tokens, i)) continue;
      matches.push({ kind: 'future', first: i, last: verb, present: presentOf(tokens, i, verb) });
      i = verb;
    } else if (t.norm === 'going' && tokens[i + 1]?.norm === 'to') {
      const be = previousAuxiliary(tokens, i);
      const verb = tokens[i + 2];
      if (be === undefined || !verb || !isVerbBase(verb.norm) || isReported(tokens, be)) continue;
      matches.push({ kind: 'future', first: be, last: i + 2, present: presentFromSubject(tokens, be, verb.norm) });
      i += 2;
    }
  }
  return matches;
}

/** "will" as the future auxiliary: not "Will" the name, not a noun ("at will", "their will"). */
function isFutureWill(sentence: EnglishSentence, i: number): boolean {
  const tokens = sentence.own;
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (t.text === 'Will') return i === 0 ? sentence.isQuestion : isPunct(prev) && !!tokens[i + 1] && isSubjectPronoun(tokens[i + 1]);
  const prepositionIsNoun = prev && isPreposition(prev) && isDeterminer(tokens[i - 2]); // "the till will print"
  if (prev && (isDeterminer(prev) || (isPreposition(prev) && !prepositionIsNoun) || prev.norm === "'s" || prev.norm === 'free' || prev.norm === 'good' || prev.norm === 'ill')) return false;
  return true;
}

/** The verb a future auxiliary carries, after "not"/adverbs: index, or undefined for "Yes, we will." */
function nextVerb(tokens: readonly Token[], from: number): number | undefined {
  let k = from;
  while (k < tokens.length && (isNegation(tokens[k]) || isAdverb(tokens[k])) && !isVerbBase(tokens[k].norm)) k++;
  // In a question the subject comes first: "Will the courier collect it?"
  if (tokens[k] && (isDeterminer(tokens[k]) || isSubjectPronoun(tokens[k]))) {
    let m = k + 1;
    while (m < tokens.length && m - k < 4 && !isVerbBase(tokens[m].norm)) m++;
    return tokens[m] && isVerbBase(tokens[m].norm) ? extendGroup(tokens, m) : undefined;
  }
  const t = tokens[k];
  if (!t || t.kind !== 'word' || t.capitalized && k > 0 && !isVerbBase(t.norm)) return undefined;
  if (isBe(t) || isHave(t)) return extendGroup(tokens, k);
  if (isVerbBase(t.norm) || (isContentWord(t) && !isNumber(t) && !isObjectPronoun(t))) return extendGroup(tokens, k);
  return undefined;
}

/** "be contacted", "have received": the participle after be/have belongs to the same group. */
function extendGroup(tokens: readonly Token[], k: number): number {
  if (!(isBe(tokens[k]) || isHave(tokens[k]))) return k;
  let m = k + 1;
  while (m < tokens.length && (isAdverb(tokens[m]) || isBe(tokens[m]))) m++;
  return tokens[m] && isContentWord(tokens[m]) && /(ed|en|wn|ne|t)$/.test(tokens[m].norm) ? m : k;
}

function previousAuxiliary(tokens: readonly Token[], i: number): number | undefined {
  let k = i - 1;
  while (k >= 0 && (isNegation(tokens[k]) || isAdverb(tokens[k]))) k--;
  return k >= 0 && isBe(tokens[k]) && tokens[k].norm !== 'be' && tokens[k].norm !== 'been' ? k : undefined;
}

/**
 * Told speech: a report verb (tell, explain, confirm, inform, warn…) or "whether" comes earlier and
 * the future has its own subject after it. "Tell the customer that the parcel will arrive" is
 * reported; "The agent confirms the order and will call back" is not.
 */
export function isReported(tokens: readonly Token[], auxiliary: number): boolean {
  const lex = englishLexicon();
  let subject = auxiliary - 1;
  while (subject >= 0 && isAdverb(tokens[subject])) subject--;
  const s = tokens[subject];
  if (!s || !(isSubjectPronoun(s) || nounish(s))) return false;
  return firstReportWord(tokens, lex) < subject;
}

/** Index of the sentence's first report verb or marker (tokens.length if none): found once per sentence, so many "will"s stay linear. */
const firstReportCache = new WeakMap<readonly Token[], number>();
function firstReportWord(tokens: readonly Token[], lex: ReturnType<typeof englishLexicon>): number {
  let first = firstReportCache.get(tokens);
  if (first === undefined) {
    first = tokens.findIndex((t) => lex.reportVerbs.has(t.norm) || lex.reportMarkers.has(t.norm));
    if (first === -1) first = tokens.length;
    firstReportCache.set(tokens, first);
  }
  return first;
}

/** Present form for "will <verb>": "sends"/"send", "is"/"are" for be, by the number of the subject. */
function presentOf(tokens: readonly Token[], will: number, verb: number): string | undefined {
  let k = will + 1;
  const negated = tokens.slice(will + 1, verb).some((t) => isNegation(t));
  while (k <= verb && (isNegation(tokens[k]) || isAdverb(tokens[k]))) k++;
  const head = tokens[k];
  if (!head || k > verb || isDeterminer(head) || isSubjectPronoun(head)) return undefined;
  const participle = verb > k ? tokens[verb].text : '';
  if (head.norm === 'have') return undefined;
  const present = presentFromSubject(tokens, will, head.norm);
  if (!present) return undefined;
  if (negated) {
    if (head.norm === 'be') return `${present} not${participle ? ` ${participle}` : ''}`;
    const plural = subjectIsPlural(tokens, will);
    return `${plural ? 'do' : 'does'} not ${head.norm}`;
  }
  return participle ? `${present} ${participle}` : present;
}

function presentFromSubject(tokens: readonly Token[], auxiliary: number, base: string): string | undefined {
  if (!/^[a-z-]+$/.test(base)) return undefined;
  const plural = subjectIsPlural(tokens, auxiliary);
  const subject = subjectToken(tokens, auxiliary);
  if (base === 'be') return subject?.norm === 'i' ? 'am' : plural ? 'are' : 'is';
  return plural ? base : thirdPerson(base);
}

function subjectToken(tokens: readonly Token[], auxiliary: number): Token | undefined {
  let k = auxiliary - 1;
  while (k >= 0 && (isAdverb(tokens[k]) || isNegation(tokens[k]))) k--;
  return tokens[k];
}

function subjectIsPlural(tokens: readonly Token[], auxiliary: number): boolean {
  const subject = subjectToken(tokens, auxiliary);
  return !!subject && (isPluralSubject(subject) || subject.norm === 'i');
}

/** A past tense main verb, in a sentence that is not an instruction. */
/** The head of the subject: the last noun or pronoun before a relative clause, preposition or the verb ("Customers who ordered…" → Customers). */
function subjectHead(tokens: readonly Token[], from: number, verb: number): number | undefined {
  let head: number | undefined;
  for (let k = from; k < verb; k++) {
    const t = tokens[k];
    if (isPunct(t) || isPreposition(t) || isSubordinator(t) || (k > from && ['who', 'which', 'that', 'whose'].includes(t.norm))) break;
    if (isSubjectPronoun(t) || nounish(t)) head = k;
  }
  return head;
}

function findPastMainVerb(sentence: EnglishSentence): TenseMatch[] {
  const tokens = sentence.own;
  const start = mainClauseStart(tokens);
  if (!start) return [];
  // With no comma after an intro clause, the scan starts inside it and skips its verb.
  const group = mainVerbGroup(tokens, start.uncertain ? start.index + 1 : start.index, start.uncertain && isSubordinator(tokens[start.index]), start.labelled);
  if (!group || group.tense !== 'past') return [];
  // Under an instruction a past verb is in a reported or relative clause ("Document the steps you took").
  // Asked last: the verdict may need the tagger, and most sentences have no past verb at all.
  if (imperativeVerdict(sentence).kind === 'imperative') return [];
  const head = subjectHead(tokens, start.index, group.first);
  return [{ kind: 'past', first: group.first, last: group.last, present: pastToPresent(tokens, group.first, group.last, group.base, head === undefined ? undefined : tokens[head]) }];
}

function pastToPresent(tokens: readonly Token[], first: number, last: number, base: string | undefined, subjectWord: Token | undefined): string | undefined {
  const head = tokens[first].norm;
  const subject = subjectWord ?? subjectToken(tokens, first);
  const plural = !!subject && (isPluralSubject(subject) || subject.norm === 'i');
  const rest = tokens.slice(first + 1, last + 1).map((t) => t.text).join(' ');
  if (head === 'was' || head === 'were') return [subject?.norm === 'i' ? 'am' : plural ? 'are' : 'is', rest].filter(Boolean).join(' ');
  if (head === 'had') return [plural ? 'have' : 'has', rest].filter(Boolean).join(' ');
  if (head === 'did') return [plural ? 'do' : 'does', rest].filter(Boolean).join(' ');
  if (head === 'used' && base) return plural ? base : thirdPerson(base);
  if (!base) return undefined;
  // A checklist entry with no subject ("Checked the float") becomes an instruction.
  if (!subjectWord && first === 0) return capitalise(base);
  return plural ? base : thirdPerson(base);
}
