import { mainClauseStart } from './clause.js';
import { imperativeVerdict } from './imperative.js';
import { englishLexicon } from './lexicon.js';
import type { EnglishSentence } from './sentence.js';
import type { Token } from './tokenize.js';
import { mainVerbGroup, nounish, type VerbGroup } from './verb-group.js';
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
  isWillNoun,
  baseOfPast,
  isPastOnly,
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
  const next = tokens[i + 1];
  if (t.text === 'Will') {
    if (i > 0) return isPunct(prev) && !!next && isSubjectPronoun(next);
    // A question ("Will the courier call?"), or a note with no subject ("Will call the customer back
    // tomorrow."): a lower-case verb follows, where the name would take a verb form ("Will calls").
    return sentence.isQuestion || (!!next && next.kind === 'word' && !next.capitalized && isVerbBase(next.norm) && !isDeterminer(next));
  }
  return !isWillNoun(tokens, i);
}

/** The verb a future auxiliary carries, after "not"/adverbs: index, or undefined for "Yes, we will." */
function nextVerb(tokens: readonly Token[], from: number): number | undefined {
  let k = from;
  // Emphasis marks around the verb ("will **email**") are not words.
  // "will likely be useful": "likely" (an adjective elsewhere) is an adverb before the verb.
  const likely = (j: number) => tokens[j].norm === 'likely' && isVerbBase(tokens[j + 1]?.norm ?? '');
  while (k < tokens.length && (isEmphasis(tokens[k]) || likely(k) || ((isNegation(tokens[k]) || isAdverb(tokens[k])) && !isVerbBase(tokens[k].norm)))) k++;
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

function isEmphasis(t: Token): boolean {
  return t.kind === 'punct' && (t.text === '*' || t.text === '_');
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
  // The report verb must govern the clause of "will": the search stops at a clause boundary ("Write
  // to them, but most customers will call"), and a gerund opening the sentence is the subject of
  // "will" itself ("Explaining the fee will reduce complaints"), not a verb reporting it.
  // A comma right before the subject's noun phrase closes an intro clause ("To notify users, Tailscale
  // will email…"): a report verb inside it does not govern the main clause.
  let phraseStart = subject;
  while (phraseStart > 0 && tokens[phraseStart - 1].kind === 'word' && (isDeterminer(tokens[phraseStart - 1]) || nounish(tokens[phraseStart - 1])) && !lex.reportVerbs.has(tokens[phraseStart - 1].norm) && !lex.reportMarkers.has(tokens[phraseStart - 1].norm)) phraseStart--;
  // ("Explain that, if needed, the courier will call" is still reported: "that" opens the clause.)
  const afterComma = tokens[phraseStart - 1]?.text === ',';
  if (subject === 0) return false;
  const scan = reportScan(tokens, lex);
  const boundary = scan.lastBoundary[subject - 1];
  return scan.lastOpening[subject - 1] > boundary || (!afterComma && scan.lastPlain[subject - 1] > boundary);
}

/**
 * For each token, the index of the last clause boundary, and of the last report word that governs what
 * follows it (one that opens a clause, and one that does only when no comma closes an intro), at or
 * before it; -1 for none. Computed once per sentence, so a sentence with many "will"s stays linear.
 */
interface ReportScan {
  lastBoundary: Int32Array;
  lastOpening: Int32Array;
  lastPlain: Int32Array;
}

const reportScans = new WeakMap<readonly Token[], ReportScan>();

function reportScan(tokens: readonly Token[], lex: ReturnType<typeof englishLexicon>): ReportScan {
  let scan = reportScans.get(tokens);
  if (scan) return scan;
  scan = { lastBoundary: new Int32Array(tokens.length), lastOpening: new Int32Array(tokens.length), lastPlain: new Int32Array(tokens.length) };
  let boundary = -1;
  let opening = -1;
  let plain = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.text === ';' || ((COORDINATORS.has(t.norm) || t.norm === 'however') && isPunct(tokens[k - 1])) || t.norm === 'but') boundary = k;
    else if (COGNITION_VERBS.has(t.norm) && !instructs(tokens, k)) {
      // "We don't expect this will need…": the writer's own forecast, not what staff are told to say.
    } else if (lex.reportVerbs.has(t.norm) || lex.reportMarkers.has(t.norm)) {
      const gerundSubject = t.norm.endsWith('ing') && (k === 0 || isPunct(tokens[k - 1]));
      const opensClause = lex.reportMarkers.has(t.norm) || tokens[k + 1]?.norm === 'that';
      if (!gerundSubject) {
        if (opensClause) opening = k;
        else plain = k;
      }
    }
    scan.lastBoundary[k] = boundary;
    scan.lastOpening[k] = opening;
    scan.lastPlain[k] = plain;
  }
  reportScans.set(tokens, scan);
  return scan;
}

const COORDINATORS = new Set(['and', 'but', 'or', 'so', 'yet']);
/**
 * Report verbs of knowing and forecasting: they report what a customer is told only as an instruction
 * ("Check that the courier will collect it", "Explain what you expect will happen"); with a subject of
 * their own ("We expect this will take a day") the future is the writer's forecast.
 */
const COGNITION_VERBS = new Set(['expect', 'expects', 'expected', 'predict', 'predicts', 'predicted', 'estimate', 'estimates', 'estimated', 'know', 'knows', 'knew', 'find', 'finds', 'found', 'think', 'thinks', 'believe', 'believes', 'anticipate', 'anticipates']);
const INSTRUCTION_LEAD = new Set(['to', 'please', 'and', 'then', 'must', 'should', 'always', 'first', 'also', 'you']);

/** A verb in the imperative or after "to"/a modal: at the start, after punctuation, or after a lead word. */
function instructs(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return !prev || isPunct(prev) || INSTRUCTION_LEAD.has(prev.norm);
}

/** Present form for "will <verb>": "sends"/"send", "is"/"are" for be, by the number of the subject. */
function presentOf(tokens: readonly Token[], will: number, verb: number): string | undefined {
  let k = will + 1;
  const negated = tokens.slice(will + 1, verb).some((t) => isNegation(t));
  while (k <= verb && (isNegation(tokens[k]) || isAdverb(tokens[k]) || isEmphasis(tokens[k]) || (tokens[k].norm === 'likely' && k < verb))) k++;
  const head = tokens[k];
  if (!head || k > verb || isDeterminer(head) || isSubjectPronoun(head)) return undefined;
  const participle = verb > k ? tokens[verb].text : '';
  if (head.norm === 'have') return undefined;
  // No subject ("Will call the customer back"): the present is the instruction.
  if (will === 0 && !negated && !participle && /^[a-z-]+$/.test(head.norm) && head.norm !== 'be') return capitalise(head.norm);
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
  // "as will be shown": "as" stands for a singular subject (a thing said or done).
  if (subject?.norm === 'as' || subject?.norm === 'than') return false;
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
  const found = mainVerbGroup(tokens, start.uncertain ? start.index + 1 : start.index, start.uncertain && isSubordinator(tokens[start.index]), start.labelled);
  const group = found && found.tense !== 'past' ? coordinatedPast(tokens, found.last + 1) ?? found : found;
  if (!group || group.tense !== 'past') return [];
  // "Items received:", "Changes made:": a heading-like fragment before a list, not a past sentence.
  if (tokens.at(-1)?.text === ':' && group.first === group.last && !tokens.slice(start.index, group.first).some((t) => isDeterminer(t) || isSubjectPronoun(t))) return [];
  // Under an instruction a past verb is in a reported or relative clause ("Document the steps you took").
  // Asked last: the verdict may need the tagger, and most sentences have no past verb at all.
  if (imperativeVerdict(sentence).kind === 'imperative') return [];
  const head = subjectHead(tokens, start.index, group.first);
  return [{ kind: 'past', first: group.first, last: group.last, present: pastToPresent(tokens, group.first, group.last, group.base, head === undefined ? undefined : tokens[head]) }];
}

/**
 * A past main verb in a second clause that shares the subject: "The agent opens the ticket and
 * closed it". Only a verb right after "and"/"but"/"then" with an object after it counts, so a
 * participle ("and attached files") or a new subject ("and the customer paid") is not taken.
 */
function coordinatedPast(tokens: readonly Token[], from: number): VerbGroup | undefined {
  for (let k = from; k < tokens.length - 1; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && /^[;:.!?]$/.test(t.text)) return undefined;
    if (!['and', 'but', 'then'].includes(t.norm)) continue;
    let v = k + 1;
    if (tokens[v]?.norm === 'then') v++;
    const verb = tokens[v];
    const after = tokens[v + 1];
    if (!verb || verb.kind !== 'word' || verb.capitalized) continue;
    const base = baseOfPast(verb.norm);
    const pastForm = isPastOnly(verb.norm) || (!!base && verb.norm.endsWith('ed'));
    if (!base || !pastForm || !(isDeterminer(after) || isObjectPronoun(after))) continue;
    return { first: v, last: v, finite: v, tense: 'past', base, passive: false };
  }
  return undefined;
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
