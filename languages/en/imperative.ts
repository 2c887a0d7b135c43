import { mainClauseStart } from './clause.js';
import { englishLexicon } from './lexicon.js';
import type { EnglishSentence } from './sentence.js';
import { canBeVerb } from './tagger.js';
import { nounish, verbGroupAt, type VerbGroup } from './verb-group.js';
import type { Token } from './tokenize.js';
import {
  baseOfThirdPerson,
  isAdjectiveVerb,
  isAdverb,
  isCoordinator,
  isDeterminer,
  isDo,
  isFiniteBe,
  isHave,
  isModal,
  isNounVerb,
  isNumber,
  isObjectPronoun,
  isPreposition,
  isPunct,
  isRelative,
  isSubjectPronoun,
  isSubordinator,
  isVerbBase,
  baseOfEd,
  isPastOnly,
  isNameLikeModal,
  isPluralSubject,
  isComma,
  isClausePunct,
} from './word-classes.js';


/**
 * Is this sentence an instruction? The verdict for the first sentence of a procedure step.
 * The lexical path decides clear cases: a subject pronoun, a determiner or a modal first ("You
 * should", "The agent", "Staff must") is not an instruction; a verb from the lexicon with no
 * subject-like words after it is. The tagger is asked only when the first word is unknown, or is a
 * noun/verb homograph followed by a word that could be its verb ("Hold times must…" is decided by
 * the modal; "Upset customers need…" needs the tagger).
 */
export type ImperativeVerdict =
  | { kind: 'imperative'; verb: number }
  | { kind: 'not-imperative'; subject: number }
  | { kind: 'unknown' };

/** Verbs that take a clause with no "that": "Check orders are complete", "Ensure refunds are logged". */
const CLAUSE_VERBS = new Set(['check', 'ensure', 'confirm', 'verify', 'make', 'note', 'remember', 'see', 'say', 'tell', 'explain', 'assume', 'know', 'decide', 'find', 'show', 'insure', 'guarantee', 'mind', 'notice', 'accept', 'agree', 'double-check', 'recheck', 'state', 'mention', 'record', 'document', 'prove', 'expect', 'inform', 'warn', 'reassure', 'assure', 'advise', 'remind', 'think', 'consider', 'ask', 'let', 'have', 'help', 'validate', 'demonstrate']);
const SUBJECT_LIMIT = 9;

const NO_EXTRA_VERBS: ReadonlySet<string> = new Set();

export function imperativeVerdict(sentence: EnglishSentence, extraVerbs: ReadonlySet<string> = NO_EXTRA_VERBS): ImperativeVerdict {
  const tokens = sentence.own;
  const start = mainClauseStart(tokens);
  if (!start) return { kind: 'unknown' };
  if (start.uncertain) {
    const verdict = subjectAfterUnendedIntro(tokens, start.index);
    return verdict.kind === 'unknown' && onlyAnIntro(tokens, start.index) ? { kind: 'not-imperative', subject: start.index } : verdict;
  }
  const i = start.index;
  const w = tokens[i];
  if (!w || w.kind === 'punct') return { kind: 'unknown' };
  const next = tokens[i + 1];

  // "Do we have the customer's consent?", "Is the order marked?": a question is not "Do not …".
  if (sentence.isQuestion && (w.norm === 'do' || w.norm === 'have') && (isSubjectPronoun(next) || isDeterminer(next))) return { kind: 'not-imperative', subject: i };
  if (w.norm === 'be' || w.norm === 'let' || w.norm === 'do') return { kind: 'imperative', verb: i };
  if (w.norm === 'have' && (isDeterminer(next) || isObjectPronoun(next) || isSubjectPronoun(next))) return { kind: 'imperative', verb: i };
  if (isNumber(w) || isSubjectPronoun(w) || isDeterminer(w) || isModal(w) || isFiniteBe(w) || isHave(w) || isDo(w) || w.norm === 'there') {
    return { kind: 'not-imperative', subject: i };
  }
  if (isPreposition(w) || isSubordinator(w) || isRelative(w) || isCoordinator(w)) return { kind: 'unknown' };
  if (extraVerbs.has(w.norm)) return { kind: 'imperative', verb: i };
  if (isVerbBase(w.norm)) return lexicalGuard(sentence, i);
  const lex = englishLexicon();
  if (w.norm.endsWith('ing') || w.norm.endsWith('ed') || lex.irregularPasts.has(w.norm) || lex.irregularParticiples.has(w.norm)) return { kind: 'not-imperative', subject: i };
  if (/[^su]s$/.test(w.norm)) return { kind: 'not-imperative', subject: i };
  // "Sign-off", "Follow-up", "Check-in": a hyphenated verb + particle is a noun (the verb is written apart).
  if (/-(off|up|in|out|on|back|over|down|away)$/.test(w.norm)) return { kind: 'not-imperative', subject: i };
  // An unknown word right before a determiner or an object pronoun can only be a verb there: "Queue the
  // ticket", "Fax the mandate" (a noun cannot open a sentence and then take "the").
  if ((isDeterminer(next) && next.norm !== 'that' && next.norm !== "'s") || ['them', 'him', 'us', 'me'].includes(next?.norm ?? '')) return { kind: 'imperative', verb: i };
  return taggerVerdict(sentence, i);
}

/**
 * A step that is only a condition or a purpose before a colon: "To get the JSON:", "If validation was
 * successful:", "To get the refund total:". A verb right after a one-word purpose is the instruction
 * ("To deploy run:"); after a longer phrase a verb-like word before the colon is read as its noun.
 */
function onlyAnIntro(tokens: readonly Token[], introStart: number): boolean {
  const opener = tokens[introStart];
  if (tokens.at(-1)?.text !== ':' || !(isSubordinator(opener) || opener.norm === 'to')) return false;
  const beforeColon = tokens.at(-2);
  const instruction = tokens.length - 2 === introStart + 2 && isVerbBase(beforeColon?.norm ?? '') && !beforeColon?.capitalized && !isSubjectPronoun(tokens[introStart + 1]);
  return !!beforeColon && beforeColon.kind === 'word' && !instruction;
}

/**
 * An intro clause with no comma to end it ("Once the refund clears the customer gets an email",
 * "After a few seconds the command should return"): the intro's own verb is passed over, and when a
 * second finite verb follows with a determiner or pronoun subject right before it, the step is a
 * statement. An imperative there ("If it fails restart the job") has no subject, so stays unknown.
 */
function subjectAfterUnendedIntro(tokens: readonly Token[], introStart: number): ImperativeVerdict {
  const opener = tokens[introStart];
  // The finite verbs up to the end of the clause. "Once the refund clears …" has a verb of its own to
  // pass over; "After a few seconds …" (a preposition) may have none.
  const groups: VerbGroup[] = [];
  for (let k = introStart + 1; k < tokens.length && groups.length < 2; k++) {
    if (isClausePunct(tokens[k])) break;
    const found = verbGroupAt(tokens, k, introStart + 1);
    if (found) {
      groups.push(found);
      k = found.last;
    }
  }
  const group = groups.length >= 2 && isSubordinator(opener) ? groups[1] : groups.length === 1 && isPreposition(opener) ? groups[0] : undefined;
  if (!group) return { kind: 'unknown' };
  let subject = group.first - 1;
  while (subject > introStart && isAdverb(tokens[subject])) subject--;
  // Walk back over the subject's noun phrase to its determiner or pronoun.
  let k = subject;
  while (k > introStart + 1 && !isDeterminer(tokens[k]) && !isSubjectPronoun(tokens[k]) && !isPunct(tokens[k - 1]) && subject - k < 3) k--;
  const head = tokens[k];
  const opensSubject = isDeterminer(head) || (isSubjectPronoun(head) && head.norm !== 'it' && k === subject);
  // The intro has a noun of its own before the subject ("After a few seconds | the command"), so the
  // determiner is not the intro's ("After a few seconds restart…": "few" belongs to the intro).
  const introHasNoun = tokens.slice(introStart + 1, k).some((t) => nounish(t) && !isDeterminer(t));
  if (!opensSubject || !introHasNoun || isPreposition(tokens[k - 1]) || isSubordinator(tokens[k - 1])) return { kind: 'unknown' };
  return { kind: 'not-imperative', subject: k };
}

/**
 * The first word is a verb in the lexicon. It is the instruction unless the words after it read as
 * the rest of a noun phrase followed by that phrase's verb: "Transfer requests are handled…",
 * "Hold times must stay…". An auxiliary settles it lexically; a word that could be a verb right after
 * a noun ("Complete forms go…") asks the tagger.
 */
function lexicalGuard(sentence: EnglishSentence, i: number): ImperativeVerdict {
  const tokens = sentence.own;
  const w = tokens[i];
  const clauseVerb = CLAUSE_VERBS.has(w.norm);
  const canBeNominal = isNounVerb(w.norm) || isAdjectiveVerb(w.norm) || englishLexicon().irregularParticiples.has(w.norm);
  // "Staff who joined last year…": a relative pronoun needs a noun before it, so the first word is one —
  // unless the verb takes a question clause ("Ask which store they visited", "Check who signed").
  if (canBeNominal && !clauseVerb && ['who', 'whom', 'whose', 'which'].includes(tokens[i + 1]?.norm ?? '')) return { kind: 'not-imperative', subject: i };
  let ambiguous = false;
  let coordinated = false;
  for (let k = i + 1; k < Math.min(tokens.length, i + SUBJECT_LIMIT + 4); k++) {
    const t = tokens[k];
    // "Last month we changed…": a noun phrase, then a new subject.
    if (isNominativePronoun(t) && k > i + 1 && canBeNominal && !clauseVerb) return { kind: 'not-imperative', subject: i };
    // "Return requests and exchanges go to the desk", "Order history, notes and tags sit in the panel":
    // a list of bare nouns after the first word, then a base form agreeing with it, is a subject and its verb.
    if (canBeNominal && !clauseVerb && (isCoordinator(t) || isComma(t)) && nounish(tokens[k - 1]) && bareNoun(tokens[k + 1])) {
      coordinated = true;
      continue;
    }
    if (coordinated && isVerbBase(t.norm) && !t.capitalized && nounish(tokens[k - 1]) && !isVerbBase(tokens[k - 1].norm) && (isPreposition(tokens[k + 1]) || isDeterminer(tokens[k + 1]) || isAdverb(tokens[k + 1]))) {
      return { kind: 'not-imperative', subject: i };
    }
    if (k >= i + SUBJECT_LIMIT && !coordinated) break;
    if (endsNounPhrase(t)) break;
    // An auxiliary before any determiner means the first words were its subject ("Transfer requests are
    // handled…", "Open tickets older than five days must…"), unless the verb takes a clause ("Ensure refunds are logged").
    const usedTo = t.norm === 'used' && tokens[k + 1]?.norm === 'to' && isVerbBase(tokens[k + 2]?.norm ?? '');
    if ((isModal(t) && !isNameLikeModal(t, k)) || isFiniteBe(t) || (isHave(t) && t.norm !== 'having') || (isDo(t) && t.norm !== 'do') || usedTo) {
      return clauseVerb ? { kind: 'imperative', verb: i } : { kind: 'not-imperative', subject: i };
    }
    if (isAdverb(t) || isPreposition(t) || isNumber(t)) continue;
    if (couldBeVerbOfSubject(tokens, i, k, canBeNominal)) ambiguous = true;
  }
  if (!ambiguous || clauseVerb) return { kind: 'imperative', verb: i };
  // The first word is a verb; the tagger only says whether a noun and its verb follow it.
  return taggerVerdict(sentence, i, true);
}

/** A noun with no determiner, as in a list of nouns ("requests and exchanges"). */
function bareNoun(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && !t.capitalized && nounish(t) && !isDeterminer(t) && !isSubjectPronoun(t) && !isObjectPronoun(t) && !isPreposition(t);
}

const NOMINATIVE = new Set(['i', 'we', 'he', 'she', 'they']);
function isNominativePronoun(t: Token): boolean {
  return NOMINATIVE.has(t.norm);
}

/** Where a noun phrase opening the sentence must have ended. Prepositions and numbers do not end it ("Open tickets older than five days must…"). */
function endsNounPhrase(t: Token): boolean {
  return (
    isPunct(t) || t.quoted || isDeterminer(t) || (isSubordinator(t) && !isPreposition(t)) || isRelative(t) || isCoordinator(t) ||
    isObjectPronoun(t) || isSubjectPronoun(t) || t.norm === 'to' || t.norm === 'not'
  );
}

/**
 * Whether token k could be the verb of a subject made of the words before it, so the tagger must
 * decide: a 3rd person -s form after a noun ("Hold music plays"), a base form after a plural noun
 * ("Upset customers need", "Staff lock"), a past form with an object ("Staff logged the call").
 * A capitalised word mid-sentence is a name or a UI label ("select Partial refund"); a word after a
 * number is a plural noun ("select five calls").
 */
function couldBeVerbOfSubject(tokens: readonly Token[], i: number, k: number, firstCanBeNominal: boolean): boolean {
  const t = tokens[k];
  // Adverbs can sit between a subject and its verb: "Store credit never expires".
  let p = k - 1;
  while (p > i && isAdverb(tokens[p])) p--;
  const prev = tokens[p];
  if (t.capitalized || isNumber(prev) || isAdverb(prev) || isPreposition(prev) || (prev.capitalized && p > i)) return false;
  if (p === i && !firstCanBeNominal) return false;
  if (baseOfThirdPerson(t.norm)) return true;
  if (isVerbBase(t.norm)) return isPluralSubject(prev);
  const past = baseOfEd(t.norm);
  if ((past && isVerbBase(past)) || isPastOnly(t.norm)) return isDeterminer(tokens[k + 1]) || isObjectPronoun(tokens[k + 1]);
  return false;
}

/**
 * The tagger's reading (the whole block is tagged, so the words around give context). Unless the
 * lexicon already knows the first word as a verb, the first word must be read as a verb (or be a word compromise can use as a
 * verb, "to ping", when it called it a noun before a non-noun), and no noun may be followed by a verb
 * before the noun phrase ends.
 */
function taggerVerdict(sentence: EnglishSentence, i: number, knownVerb = false): ImperativeVerdict {
  const tokens = sentence.own;
  const w = tokens[i];
  const tagsOf = sentence.tagsThrough(i + SUBJECT_LIMIT + 1);
  if (!knownVerb) {
    const tags = tagsOf(w) ?? new Set<string>();
    const nextTags = tokens[i + 1] ? tagsOf(tokens[i + 1]) : undefined;
    let verb = tags.has('Verb') && !tags.has('Gerund') && !tags.has('PastTense') && !tags.has('Participle');
    if (!verb && !tags.has('Adjective') && !tags.has('ProperNoun') && !(nextTags?.has('Noun') ?? false)) verb = canBeVerb(w.norm);
    if (!verb) return { kind: 'not-imperative', subject: i };
  }
  if (CLAUSE_VERBS.has(w.norm)) return { kind: 'imperative', verb: i };
  const isFiniteTag = (tags: Set<string> | undefined) => !!tags?.has('Verb') && !tags.has('Gerund') && !tags.has('Participle');
  const isNounTag = (tags: Set<string> | undefined) => !!tags?.has('Noun') && !tags.has('Pronoun') && !tags.has('Verb');
  // "Staff lock the safe": the tagger reads the first word as a noun and the next as its verb.
  const first = tagsOf(w);
  const second = tokens[i + 1];
  const secondTags = second ? tagsOf(second) : undefined;
  // A past form after it must have an object ("Staff logged the call"); "Bag returned goods" is attributive.
  const pastNeedsObject = !!secondTags?.has('PastTense') && !(isDeterminer(tokens[i + 2]) || isObjectPronoun(tokens[i + 2]) || tokens[i + 2]?.norm === 'to');
  if (second && !second.capitalized && !endsNounPhrase(second) && isNounTag(first) && isFiniteTag(secondTags) && !pastNeedsObject) return { kind: 'not-imperative', subject: i };
  // "Upset customers need extra patience", "Print jobs go to the printer", "Store credit never
  // expires": a noun after the first word, then its verb. A base form after a plural noun agrees only
  // as subject and verb. An -s form after a singular noun could be the head of an object instead
  // ("Enter paper records into the CRM"), so it counts only when it behaves like a verb: an adverb
  // before it, or an object or complement after it.
  let nounBefore: Token | undefined;
  let adverbBefore = false;
  for (let k = i + 1; k < Math.min(tokens.length, i + SUBJECT_LIMIT); k++) {
    const t = tokens[k];
    if (endsNounPhrase(t)) break;
    const here = tagsOf(t);
    if (isAdverb(t) && !here?.has('Noun')) {
      adverbBefore = !!nounBefore;
      continue;
    }
    if (nounBefore && !t.capitalized && isFiniteTag(here)) {
      const agreesAsPlural = isVerbBase(t.norm) && isPluralSubject(nounBefore);
      if (agreesAsPlural || adverbBefore || takesObject(tokens[k + 1])) return { kind: 'not-imperative', subject: i };
    }
    nounBefore = here?.has('Noun') && !here.has('Pronoun') ? t : undefined;
    adverbBefore = false;
  }
  return { kind: 'imperative', verb: i };
}

/** What follows a verb with an object or complement: a determiner, pronoun, number, or an open-class word. */
function takesObject(t: Token | undefined): boolean {
  if (!t || t.quoted) return false;
  return isDeterminer(t) || isObjectPronoun(t) || isNumber(t) || (t.kind === 'word' && !isPreposition(t) && !isSubordinator(t) && !isCoordinator(t) && !isRelative(t) && !isAdverb(t));
}
