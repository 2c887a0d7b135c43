import type { Token } from './tokenize.js';
import {
  baseOfEd,
  baseOfPast,
  baseOfThirdPerson,
  isAdverb,
  isBe,
  isContentWord,
  isDeterminer,
  isDo,
  isFiniteBe,
  isGet,
  isHave,
  isInvariantPast,
  isModal,
  isNegation,
  isNumber,
  isObjectPronoun,
  isPastOnly,
  isPluralSubject,
  isPreposition,
  isPunct,
  isRelative,
  isSubjectPronoun,
  isSubordinator,
  isVerbBase,
  baseOfParticiple,
  isNameLikeModal,
  isWillNoun,
  isComma,
} from './word-classes.js';
import { englishLexicon } from './lexicon.js';
import { byAgent } from './passive.js';

/**
 * The finite verb group of a clause: the auxiliaries and the verb that carry its tense
 * ("was processed", "will not be refunded", "checks", "had already paid"). Found by a
 * left-to-right scan that steps over noun phrases, attributive participles ("the signed form"),
 * reduced relatives ("Refunds issued in May are…") and relative or subordinate clauses
 * ("Customers who ordered before noon got…"), whose own verb is not the main one.
 */
export interface VerbGroup {
  /** Token indexes of the first and last word of the group. */
  first: number;
  last: number;
  tense: 'past' | 'present' | 'future' | 'modal';
  /** The word that carries the tense (the auxiliary or the verb). */
  finite: number;
  /** Base form of the lexical verb, when known ("verify" for "verified", "issue" for "should be issued"). */
  base?: string;
  passive: boolean;
}

const PAST_TIME = new Set(['yesterday', 'ago', 'previously', 'formerly', 'earlier', 'last']);
const SINGULAR_PRONOUNS = new Set(['he', 'she', 'it', 'this', 'that', 'someone', 'somebody', 'everyone', 'everybody', 'nobody', 'anyone', 'anybody', 'one', 'who']);

/** The main finite verb group at or after `from`, skipping the verbs of relative and subordinate clauses. */
export function mainVerbGroup(tokens: readonly Token[], from: number, startsInsideClause = false, fragmentLikely = false): VerbGroup | undefined {
  // "What the customer asked for", "How the refund works": a free relative or question is a clause of its own.
  let pendingClause = startsInsideClause || FREE_RELATIVES.has(tokens[from]?.norm ?? '');
  // After a clause set off by commas ("The manager, who was on leave, approved…") the subject is known.
  let subjectAfterComma = false;
  let closedClause = false;
  let afterClauseVerb = -1;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (isPunct(t)) {
      if (/^[;:.!?]$/.test(t.text)) return undefined;
      subjectAfterComma = closedClause && isComma(t);
      continue;
    }
    // Right after a clause's verb, "the" opens that verb's object, not a clause with no relative
    // pronoun ("Once the refund clears the customer gets…": "clears" is not a noun).
    if (k > from && (opensClause(tokens, k) || (k !== afterClauseVerb && opensContactClause(tokens, k)))) {
      pendingClause = true;
      continue;
    }
    const group = verbGroupAt(tokens, k, from, fragmentLikely, subjectAfterComma);
    subjectAfterComma = false;
    if (!group) continue;
    if (pendingClause) {
      pendingClause = false;
      closedClause = true;
      k = group.last;
      afterClauseVerb = k + 1;
      continue;
    }
    return group;
  }
  return undefined;
}

const INDEFINITE_PRONOUNS = new Set(['anyone', 'anybody', 'someone', 'somebody', 'everyone', 'everybody', 'anything', 'something', 'everything', 'nothing', 'nobody']);
const FREE_RELATIVES = new Set(['what', 'whatever', 'whoever', 'how', 'why', 'whether']);

/** A relative pronoun after a noun ("orders that arrived"), a free relative ("what was agreed") or a subordinator ("when the order was cancelled"). */
function opensClause(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  if (FREE_RELATIVES.has(t.norm)) return true;
  if (t.norm === 'that') return nounish(prev) || isSubjectPronoun(prev) === false && isContentWord(prev);
  if (isRelative(t)) return nounish(prev) || isPunct(prev);
  if (!isSubordinator(t) || t.norm === 'as' || t.norm === 'so') return false;
  // "before noon", "after 6 pm", "until Friday": these are prepositions unless a clause follows.
  if (isPreposition(t)) return isDeterminer(tokens[k + 1]) || isSubjectPronoun(tokens[k + 1]);
  return true;
}

/**
 * A relative clause with no relative pronoun: a noun, then a new subject ("the channel the customer
 * used", "anyone you consulted", "the reason the problem happened").
 */
function opensContactClause(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  if (!prev || !(nounish(prev) || INDEFINITE_PRONOUNS.has(prev.norm)) || isNumber(prev)) return false;
  if (['i', 'you', 'we', 'they', 'he', 'she'].includes(t.norm)) return true;
  return (t.norm === 'the' || t.norm === 'a' || t.norm === 'an' || t.norm === 'our' || t.norm === 'your' || t.norm === 'their') && contactSubjectVerb(tokens, k + 1);
}

/** After "the channel the", a noun and then a verb: "the channel the customer used". */
function contactSubjectVerb(tokens: readonly Token[], from: number): boolean {
  let k = from;
  while (k < tokens.length && k - from < 3 && nounish(tokens[k]) && !baseOfPast(tokens[k].norm) && !baseOfThirdPerson(tokens[k].norm)) k++;
  if (k === from) return false;
  const verb = tokens[k];
  return !!verb && (!!baseOfPast(verb.norm) || !!baseOfThirdPerson(verb.norm) || isModal(verb) || isFiniteBe(verb) || isHave(verb));
}

/** A noun-like word: an open-class word that is not an adverb, a number, or a capitalised name. */
export function nounish(t: Token | undefined): boolean {
  if (!t) return false;
  if (isNumber(t)) return true;
  return isContentWord(t) && !isAdverb(t);
}

/** The finite verb group starting at token `k`, if a tense-carrying word is there. */
export function verbGroupAt(tokens: readonly Token[], k: number, clauseStart = 0, fragmentLikely = false, subjectKnown = false): VerbGroup | undefined {
  const t = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (t.kind !== 'word') return undefined;

  if (isModal(t)) {
    if (t.norm === 'will' && isWillNoun(tokens, k)) return undefined;
    if (isNameLikeModal(t, k - clauseStart)) return undefined;
    return chain(tokens, k, t.norm === 'will' ? 'future' : 'modal');
  }
  if (isFiniteBe(t) || (t.norm === "'s" && tokens[k + 1]?.norm === 'been')) {
    return chain(tokens, k, t.norm === 'was' || t.norm === 'were' ? 'past' : 'present');
  }
  if (isHave(t) && t.norm !== 'having') {
    if (t.norm === 'have' && (isModal(prev) || prev?.norm === 'to')) return undefined;
    return chain(tokens, k, t.norm === 'had' ? 'past' : 'present');
  }
  if (isDo(t)) {
    if (t.norm === 'do' && (isModal(prev) || prev?.norm === 'to')) return undefined;
    return chain(tokens, k, t.norm === 'did' ? 'past' : 'present');
  }
  // "the method used to verify the ID must be recorded": after a noun, with a finite verb later, "used to"
  // opens a reduced relative ("which is used to"), not the past habit.
  const reducedUsedTo = nounish(prev) && !isSubjectPronoun(prev) && finiteLater(tokens, k + 3, false);
  if (t.norm === 'used' && next?.norm === 'to' && isVerbBase(tokens[k + 2]?.norm ?? '') && !isBe(prev) && !isGet(prev) && !reducedUsedTo) {
    return { first: k, last: k + 2, finite: k, tense: 'past', base: tokens[k + 2].norm, passive: false };
  }
  if (isGet(t) && t.norm !== 'getting' && t.norm !== 'gotten' && k > clauseStart && subjectBefore(tokens, k)) {
    const participle = tokens[k + 1] && baseOfParticiple(tokens[k + 1].norm);
    if (participle) return { first: k, last: k + 1, finite: k, tense: t.norm === 'got' ? 'past' : 'present', base: participle, passive: true };
    return { first: k, last: k, finite: k, tense: t.norm === 'got' ? 'past' : 'present', base: 'get', passive: false };
  }
  if (!isContentWord(t)) return undefined;
  // A checklist entry with no subject: "Checked the float", "Sent the form to billing"; also after
  // manner adverbs only ("Promptly, properly, and consistently investigates and addresses…").
  if (k === clauseStart || onlyAdverbsBetween(tokens, clauseStart, k)) {
    // A description with no subject, as in a list of duties: "Reviews proposed and existing plans",
    // "Investigates unexpected reboots". Its verb is the present -s form, so what follows is not past.
    const thirdPerson = baseOfThirdPerson(t.norm);
    if (thirdPerson && !finiteNext(tokens, k + 1) && !isPunct(next) && !isPreposition(next)) return single(k, 'present', thirdPerson);
    const past = baseOfPast(t.norm);
    const objectFollows = isDeterminer(next) || next?.norm === 'it' || next?.norm === 'them' || isNumber(next);
    return past && past !== t.norm && objectFollows ? single(k, 'past', past) : undefined;
  }
  // A capitalised word inside a sentence is a name or a title ("Reporting a Threat Made on a Call").
  if (!(subjectKnown || subjectBefore(tokens, k)) || t.capitalized) return undefined;

  if (isPastOnly(t.norm)) return single(k, 'past', baseOfPast(t.norm));
  if (isInvariantPast(t.norm)) {
    // "The total cost is shown", "User input goes to…": an auxiliary or an -s verb right after makes it a noun.
    if (finiteNext(tokens, k + 1) || (!!next && looksThirdPerson(next.norm) && !isPluralSubject(t))) return undefined;
    // "Parcels sent abroad cost more": the head of the subject, not the word before, decides the number.
    const head = subjectHeadBefore(tokens, clauseStart, k);
    const singular = head === undefined ? !isPluralSubject(prev) : !isPluralSubject(head) && !['i', 'you', 'we', 'they'].includes(head.norm);
    const past = SINGULAR_PRONOUNS.has(prev.norm) || (nounish(prev) && singular) || tokens.some((x) => PAST_TIME.has(x.norm));
    return single(k, past ? 'past' : 'present', t.norm);
  }
  const pastBase = baseOfPast(t.norm);
  if (pastBase && (t.norm.endsWith('ed') || pastBase !== t.norm)) {
    if (isNumber(prev)) return undefined; // "three failed attempts": attributive
    // "access control based on job requirements": a participle opening a reduced relative after a noun.
    if (nounish(prev) && next && englishLexicon().participlePhrases.has(`${t.norm} ${next.norm}`)) return undefined;
    // "networking related documentation", "a risk based approach": an unhyphenated compound adjective
    // between two nouns, not a past verb (a verb would take a determiner or pronoun as its object).
    if (nounish(prev) && nounish(next) && !isNumber(next) && englishLexicon().compoundParticiples.has(t.norm)) return undefined;
    // "services provided by the vendor", "a TODO created by comply": a participle with its agent right
    // after a noun is a reduced passive relative, not a past main verb ("paid by card" has no agent).
    if (nounish(prev) && !isSubjectPronoun(prev) && byAgent(tokens, k)) return undefined;
    // "These updated requirements are…", "This hosted software falls…": between a demonstrative and a
    // noun, with the sentence's verb later, the participle is attributive ("This updated the record" is not).
    if (DEMONSTRATIVES.has(prev.norm) && nounish(next) && !isNumber(next) && finiteLater(tokens, k + 2, isPluralSubject(next))) return undefined;
    // After a pronoun ("we changed") or before an object ("fixed the bug") it is a finite verb.
    if (isSubjectPronoun(prev) || isDeterminer(next) || isObjectPronoun(next) || isSubjectPronoun(next) || isNumber(next)) return single(k, 'past', pastBase);
    // After a label ("**Verbatim:** A comment recorded in the customer's words") the text is a definition: a noun phrase.
    if (fragmentLikely) return undefined;
    return finiteLater(tokens, k + 1, isPluralSubject(prev)) ? undefined : single(k, 'past', pastBase);
  }
  const thirdPersonBase = baseOfThirdPerson(t.norm);
  if (thirdPersonBase && !finiteNext(tokens, k + 1)) return single(k, 'present', thirdPersonBase);
  if (isVerbBase(t.norm) && (isPluralSubject(prev) || ['i', 'you', 'we', 'they'].includes(prev.norm)) && !finiteNext(tokens, k + 1)) {
    return single(k, 'present', t.norm);
  }
  return undefined;
}

/** Tokens from `from` up to `k` are adverbs, commas and "and"/"or", with one adverb at least ("Promptly, properly, and consistently"). */
function onlyAdverbsBetween(tokens: readonly Token[], from: number, k: number): boolean {
  let adverbs = 0;
  for (let j = from; j < k; j++) {
    const t = tokens[j];
    const adverb = isAdverb(t) && !isNegation(t) && !isVerbBase(t.norm);
    if (adverb) adverbs++;
    else if (!(isComma(t) || t.norm === 'and' || t.norm === 'or')) return false;
  }
  return adverbs > 0;
}

/**
 * The head noun of the subject before `k`: the last noun before a participle, preposition or relative
 * word that starts its modifier ("Parcels sent abroad" → Parcels, "The cost of repairs" → cost).
 */
function subjectHeadBefore(tokens: readonly Token[], from: number, k: number): Token | undefined {
  let head: Token | undefined;
  for (let j = from; j < k; j++) {
    const t = tokens[j];
    if (isPunct(t) || isPreposition(t) || isRelative(t)) break;
    if (head && baseOfParticiple(t.norm)) break;
    if (isSubjectPronoun(t) || nounish(t)) head = t;
  }
  return head;
}

/** An -s form of a known verb, irregular ones included ("goes", "does"). */
function looksThirdPerson(word: string): boolean {
  if (baseOfThirdPerson(word)) return true;
  return word.endsWith('es') && isVerbBase(word.slice(0, -2));
}

/** A subject can end right before `k`: a noun, a number or a subject pronoun (not a determiner or preposition). */
function subjectBefore(tokens: readonly Token[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && isAdverb(tokens[j]) && !isNegation(tokens[j])) j--;
  const prev = tokens[j];
  if (!prev) return false;
  return isSubjectPronoun(prev) || (nounish(prev) && !isPreposition(prev));
}

function single(k: number, tense: VerbGroup['tense'], base: string | undefined): VerbGroup {
  return { first: k, last: k, finite: k, tense, base, passive: false };
}

/** Extends an auxiliary through negation, adverbs, further auxiliaries and the verb it carries. */
function chain(tokens: readonly Token[], k: number, tense: VerbGroup['tense']): VerbGroup {
  const group: VerbGroup = { first: k, last: k, finite: k, tense, passive: false };
  let j = k + 1;
  let sawBe = isBe(tokens[k]) || tokens[k].norm === "'s";
  for (let steps = 0; j < tokens.length && steps < 8; steps++, j++) {
    const t = tokens[j];
    if (isNegation(t) || (isAdverb(t) && !isVerbBase(t.norm))) continue;
    // "ought to", "going to", "has to", and "is to be added".
    if (t.norm === 'to' && (['ought', 'going', 'have', 'has', 'had'].includes(tokens[j - 1].norm) || (isFiniteBe(tokens[j - 1]) && tokens[j + 1]?.norm === 'be'))) {
      if (tokens[j - 1].norm === 'going') group.tense = group.tense === 'past' ? 'past' : 'future';
      continue;
    }
    if (isBe(t) || isHave(t)) {
      sawBe = isBe(t);
      group.last = j;
      continue;
    }
    if (t.norm === 'going' && tokens[j + 1]?.norm === 'to' && sawBe) {
      group.last = j;
      continue;
    }
    if (t.kind !== 'word' || !isContentWord(t)) break;
    const participle = baseOfParticiple(t.norm);
    if (sawBe && participle) {
      group.last = j;
      group.base = participle;
      group.passive = true;
    } else if (isVerbBase(t.norm) || (!sawBe && participle) || t.norm.endsWith('ing')) {
      group.last = j;
      group.base = isVerbBase(t.norm) ? t.norm : (participle ?? t.norm.replace(/ing$/, ''));
    }
    break;
  }
  // An auxiliary with no verb after it is the verb itself ("The agent was busy", "We have a form").
  if (!group.base) {
    const last = tokens[group.last];
    if (isBe(last)) group.base = 'be';
    else if (isHave(last)) group.base = 'have';
    else if (isDo(last)) group.base = 'do';
  }
  return group;
}

/**
 * Whether a finite verb comes later in the clause, so an -ed word before it was a reduced relative
 * ("Refunds issued before 1 March follow the old policy"). Auxiliaries count anywhere; a present
 * lexical verb counts with an object after it ("follow the old policy"), or as a base form agreeing
 * with a plural subject ("go in the cabinet"), since a plural noun ("emails in March", "video calls
 * for repairs") looks like an -s verb.
 */
const LOCATORS = new Set(['above', 'below', 'here', 'earlier', 'previously']);
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those']);

function finiteLater(tokens: readonly Token[], from: number, pluralSubject: boolean): boolean {
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (isPunct(t) && /^[;:.!?]$/.test(t.text)) return false;
    if ((isModal(t) && !isNameLikeModal(t, k)) || isFiniteBe(t) || (isHave(t) && t.norm !== 'having') || (isDo(t) && t.norm !== 'do')) return true;
    if (isPastOnly(t.norm)) return true;
    // The word right after the participle is its object or complement ("allowed refunds"), not a verb.
    if (k === from) continue;
    const prev = tokens[k - 1];
    const objectAfter = isDeterminer(tokens[k + 1]) || isObjectPronoun(tokens[k + 1]) || isNumber(tokens[k + 1]);
    // "The device referenced above meets…": a locator closes the reduced relative before the verb.
    if (!(nounish(prev) || LOCATORS.has(prev.norm)) || isVerbBase(prev.norm)) continue;
    // A base form agreeing with a plural subject is its verb ("Prescriptions collected after 6 pm go in…").
    if (isVerbBase(t.norm) && (objectAfter || (pluralSubject && !baseOfThirdPerson(t.norm)))) return true;
    if (baseOfThirdPerson(t.norm) && objectAfter) return true;
  }
  return false;
}

/** The next word is an auxiliary or a verb, so the word before it was a noun ("Refund orders are…"). */
function finiteNext(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  return isModal(t) || isFiniteBe(t) || isHave(t) || (isDo(t) && t.norm !== 'do') || isPastOnly(t.norm) || (isVerbBase(t.norm) && !isContentNounAfter(tokens, k)) || !!(baseOfEd(t.norm) && isDeterminer(tokens[k + 1]));
}

/** "Refund orders", where the second word could be a verb but the third is a determiner, reads as a noun phrase. */
function isContentNounAfter(tokens: readonly Token[], k: number): boolean {
  const after = tokens[k + 1];
  return !after || isPunct(after) || isPreposition(after);
}
