import { englishLexicon } from './lexicon.js';
import type { EnglishSentence } from './sentence.js';
import { isReported } from './tense.js';
import type { Token } from './tokenize.js';
import { nounish } from './verb-group.js';
import { isAdverb, isDeterminer, isNegation, isSubjectPronoun, isComma, isVerbBase, isPluralSubject, thirdPerson, baseOfParticiple } from './word-classes.js';

/**
 * Weakly stated obligations: "should", "ought to" and "shall" anywhere; "might", "could" and
 * "would" when a person or role is the subject ("The agent might escalate", "You could offer").
 * Not flagged: "may" (permission), the inverted conditional "Should the customer ask…, offer…",
 * things as subject ("the parcel might arrive late"), "would like/prefer/rather" (what someone wants),
 * negated "could not"/"would not" (ability, refusal), might/could/would in told speech ("Ask whether they
 * would…"), and anything in quoted scripts. "should" is flagged even in told speech: it is still an obligation.
 */
export interface ModalMatch {
  first: number;
  last: number;
  word: 'should' | 'ought to' | 'shall' | 'might' | 'could' | 'would';
  /** The person or role the hedge is about, for might/could/would: its token index. */
  subject?: number;
  /**
   * "should" with a thing as subject states what is expected to happen ("The page should load in two
   * seconds"), not a duty: the present-tense verb that says what happens, when it can be built.
   */
  expectation?: { present?: string };
}

const WISH_VERBS = new Set(['like', 'love', 'prefer', 'rather', 'appreciate', 'mind']);
const THING_PRONOUNS = new Set(['it', 'this', 'that', 'there', 'these', 'those', 'something', 'anything', 'everything', 'nothing', 'which']);

export function findWeakModals(sentence: EnglishSentence, roles: ReadonlySet<string>): ModalMatch[] {
  const tokens = sentence.own;
  const matches: ModalMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.norm === 'should') {
      if (isInvertedConditional(tokens, i)) continue;
      matches.push({ first: i, last: i, word: 'should', expectation: expectationOf(sentence, i, roles) });
    } else if (t.norm === 'ought') {
      let to = i + 1;
      while (to < tokens.length && to - i <= 2 && (isNegation(tokens[to]) || isAdverb(tokens[to]))) to++;
      if (tokens[to]?.norm !== 'to') continue;
      matches.push({ first: i, last: to, word: 'ought to' });
    } else if (t.norm === 'shall') {
      matches.push({ first: i, last: i, word: 'shall' });
    } else if (t.norm === 'might' || t.norm === 'could' || t.norm === 'would' || (t.norm === "'d" && i > 0)) {
      const word = t.norm === "'d" ? 'would' : (t.norm as 'might' | 'could' | 'would');
      let after = i + 1;
      // "would rather" is a wish: stop at it rather than skip it as an adverb.
      while (after < tokens.length && isAdverb(tokens[after]) && !isNegation(tokens[after]) && !WISH_VERBS.has(tokens[after].norm)) after++;
      if (WISH_VERBS.has(tokens[after]?.norm ?? '')) continue;
      if (word !== 'might' && isNegation(tokens[after])) continue;
      const subject = personSubject(sentence, i, roles);
      if (subject === undefined || isReported(tokens, i)) continue;
      matches.push({ first: Math.min(i, subject), last: Math.max(i, subject), word, subject });
    }
  }
  return matches;
}

/**
 * "The page should load", "The job should not fail": a thing (not a person or role) right before
 * "should". The present form agrees with it ("loads", "does not fail").
 */
function expectationOf(sentence: EnglishSentence, i: number, roles: ReadonlySet<string>): ModalMatch['expectation'] {
  const tokens = sentence.own;
  let k = i - 1;
  while (k >= 0 && isAdverb(tokens[k])) k--;
  const subject = tokens[k];
  if (!subject || !(nounish(subject) || THING_PRONOUNS.has(subject.norm)) || isSubjectPronoun(subject) && !THING_PRONOUNS.has(subject.norm)) return undefined;
  if (personSubject(sentence, i, roles) !== undefined || subject.capitalized && k > 0) return undefined;
  let v = i + 1;
  const negated = isNegation(tokens[v]);
  if (negated) v++;
  const verb = tokens[v];
  // "Reports should be sent weekly": a passive hides who must act, so it stays an obligation.
  if (verb?.norm === 'be' && tokens[v + 1] && baseOfParticiple(tokens[v + 1].norm)) return undefined;
  if (!verb || !isVerbBase(verb.norm) || verb.norm === 'be' || verb.norm === 'have') return {};
  const plural = isPluralSubject(subject) && !THING_PRONOUNS.has(subject.norm) || ['these', 'those'].includes(subject.norm);
  if (negated) return { present: `${plural ? 'do' : 'does'} not ${verb.norm}` };
  return { present: plural ? verb.norm : thirdPerson(verb.norm) };
}

/** "Should the customer ask for a refund, offer store credit": "should" opens the sentence and a comma ends the condition. */
function isInvertedConditional(tokens: readonly Token[], i: number): boolean {
  if (!tokens[i].capitalized && i !== 0) return false;
  const next = tokens[i + 1];
  if (!next || !(isDeterminer(next) || isSubjectPronoun(next) || nounish(next))) return false;
  return tokens.slice(i + 2).some((t) => isComma(t));
}

/** The person or role before the modal (or after it, in a question: "Could you…?"): its index, if the subject is one. */
function personSubject(sentence: EnglishSentence, i: number, roles: ReadonlySet<string>): number | undefined {
  const tokens = sentence.own;
  const lex = englishLexicon();
  let k = i - 1;
  while (k >= 0 && isAdverb(tokens[k])) k--;
  if ((k < 0 || tokens[k].kind === 'punct') && sentence.isQuestion) k = i + 1;
  const subject = tokens[k];
  if (!subject) return undefined;
  if (isSubjectPronoun(subject)) {
    if (THING_PRONOUNS.has(subject.norm)) return undefined;
    if (subject.norm === 'they') return theyIsPeople(tokens, k) ? k : undefined;
    return lex.personPronouns.has(subject.norm) || lex.personNouns.has(subject.norm) ? k : undefined;
  }
  if (!nounish(subject)) return undefined;
  const word = subject.norm;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  return lex.personNouns.has(word) || lex.personNouns.has(singular) || roles.has(word) || roles.has(singular) ? k : undefined;
}

/** "they" names people unless the nearest plural noun before it in the sentence is a thing. */
function theyIsPeople(tokens: readonly Token[], k: number): boolean {
  const lex = englishLexicon();
  for (let m = k - 1; m >= 0; m--) {
    const t = tokens[m];
    if (!nounish(t) || !/s$/.test(t.norm)) continue;
    return lex.personNouns.has(t.norm);
  }
  return true;
}
