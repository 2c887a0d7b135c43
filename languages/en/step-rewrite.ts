import type { EnglishSentence } from './sentence.js';
import type { Token } from './tokenize.js';
import { mainVerbGroup } from './verb-group.js';
import { byAgent } from './passive.js';
import { isClausePunct, isSubordinator, capitalise, isAdverb, isDeterminer, isNegation, isPunct, isVerbBase, isNumber, staffNoun, baseOfPast, baseOfParticiple } from './word-classes.js';

/**
 * The imperative a non-imperative step should start with, derived from its own verb:
 * "The agent checks the receipt" → "Check the receipt"; "You should greet the customer" → "Greet the
 * customer"; "The caller is transferred to billing" → "Transfer the caller to billing".
 */
export interface StepRewrite {
  /** Token indexes of the words at fault (subject through verb). */
  first: number;
  last: number;
  /** The step's opening as written and as rewritten, the same length, ending in "…" when cut. */
  actual: string;
  suggestion?: string;
}

const REST_WORDS = 5;

export function rewriteStep(sentence: EnglishSentence, subject: number): StepRewrite {
  const tokens = sentence.own;
  // A question ("Did the customer sign the form?") has no imperative that asks the same thing, and a
  // step that is only a condition or a purpose ("If the card was declined:") has no verb of its own.
  if (sentence.isQuestion || isSubordinator(tokens[subject]) || tokens[subject].norm === 'to') {
    const last = Math.min(tokens.length - 1, subject + 2);
    return { first: subject, last: lastWord(tokens, subject, last), actual: phrase(sentence, subject, last, tokens.length - 1) };
  }
  const gerund = gerundRewrite(sentence, subject);
  if (gerund) return gerund;
  const checklist = pastChecklistRewrite(sentence, subject);
  if (checklist) return checklist;
  const group = mainVerbGroup(tokens, subject);
  const dummy = dummySubjectRewrite(sentence, subject, group);
  if (dummy) return dummy;
  if (!group || group.first - subject > 8) {
    const last = Math.min(tokens.length - 1, subject + 2);
    return { first: subject, last: lastWord(tokens, subject, last), actual: phrase(sentence, subject, last, tokens.length - 1) };
  }
  let last = group.last;
  let base = group.base;
  let passive = group.passive;
  // "need to check", "have to check", "are required to check": the verb after "to" is the action;
  // "needs to be added" is a passive of it.
  if (tokens[last + 1]?.norm === 'to' && tokens[last + 2] && isVerbBase(tokens[last + 2].norm) && ['need', 'require', 'expect', 'have', 'ask', 'want', 'try', 'remember'].includes(base ?? '')) {
    last += 2;
    base = tokens[last].norm;
    const participle = base === 'be' && tokens[last + 1] ? baseOfParticiple(tokens[last + 1].norm) : undefined;
    if (participle) {
      last += 1;
      base = participle;
      passive = true;
    }
  }
  const negated = tokens.slice(group.first, last + 1).some((t) => isNegation(t));
  const restFrom = last + 1;
  const restEnd = tokens.length - 1;
  const actual = phrase(sentence, subject, last, restEnd, restFrom);
  // Only an action of the reader's role ("The agent checks", "You should check") or a passive
  // ("Refund requests are reviewed") turns into an instruction; "Hold music plays" does not.
  const usable = passive ? !!objectFrom(sentence, subject, group.first) : personSubject(tokens, subject, group.first);
  if (!base || base === 'be' || base === 'have' || base === 'do' || base === 'get' || !usable || !meaningKept(tokens, subject, group.first, last, passive)) {
    return { first: subject, last, actual };
  }
  const words: string[] = [];
  if (negated) words.push('Do not', base);
  else words.push(capitalise(base));
  if (passive) words.push(objectFrom(sentence, subject, group.first)!);
  const rest = restWords(sentence, restFrom, restEnd, passive);
  return { first: subject, last, actual, suggestion: `${[...words, rest.text].filter(Boolean).join(' ').replace(/ ([,.;:])/g, '$1')}${rest.cut ? '…' : ''}` };
}

/** Words of the subject whose meaning is lost when the subject is dropped: "No agent approves…", "Only managers…". */
const SCOPE_WORDS = new Set(['no', 'not', 'none', 'nobody', 'only', 'few', 'neither', 'nor', 'never', 'just']);
/** The reader as a passive subject: "You will be asked…" means someone else asks the reader. */
const READER = new Set(['you', 'we', 'i', 'us']);

/**
 * Whether an imperative built from the subject's verb says what the step says. Not when the subject
 * carries a negation or a limit ("No agent approves their own refund" is not "Approve…"), when a
 * passive's subject is the reader ("You will be asked where to save the key" is not "Ask you…"),
 * and when a passive names an actor other than staff ("The form is signed by the customer": the
 * reader does not sign it).
 */
function meaningKept(tokens: readonly Token[], subject: number, verb: number, last: number, passive: boolean): boolean {
  const subjectWords = tokens.slice(subject, verb);
  // The clause start passes over a leading "Not" or "Only", so the two words before count too.
  if (tokens.slice(Math.max(0, subject - 2), verb).some((t) => SCOPE_WORDS.has(t.norm))) return false;
  if (!passive) return true;
  if (subjectWords.some((t) => READER.has(t.norm))) return false;
  // A staff role as the actor is the reader, as with an active subject ("…is greeted by the agent").
  const agent = byAgent(tokens, last);
  return !agent || personSubject(tokens, agent.first, agent.last + 1);
}

/** A subject that names the reader's role: "The agent", "You", "Staff", "Team leads" (not "Customers", whose actions are not the reader's). */
function personSubject(tokens: readonly Token[], from: number, verb: number): boolean {
  const head = tokens.slice(from, verb).filter((t) => !isAdverb(t) && !isPunct(t)).at(-1);
  if (!head) return false;
  const word = head.norm;
  if (['you', 'we', 'i', 'staff'].includes(word)) return true;
  return staffNoun(word);
}

/** A past-tense checklist entry with no subject: "Verified the caller's ID" → "Verify the caller's ID". */
function pastChecklistRewrite(sentence: EnglishSentence, subject: number): StepRewrite | undefined {
  const tokens = sentence.own;
  const word = tokens[subject].norm;
  const base = baseOfPast(word);
  const next = tokens[subject + 1];
  if (!base || base === word || !next || !(isDeterminer(next) || next.norm === 'it' || next.norm === 'them' || isNumber(next))) return undefined;
  const rest = restWords(sentence, subject + 1, tokens.length - 1, false);
  return {
    first: subject,
    last: subject,
    actual: phrase(sentence, subject, subject, tokens.length - 1, subject + 1),
    suggestion: `${[capitalise(base), rest.text].filter(Boolean).join(' ')}${rest.cut ? '…' : ''}`,
  };
}

/** "It is important to greet the customer" → "Greet the customer". */
function dummySubjectRewrite(sentence: EnglishSentence, subject: number, group: ReturnType<typeof mainVerbGroup>): StepRewrite | undefined {
  const tokens = sentence.own;
  if (tokens[subject].norm !== 'it' || !group || group.base !== 'be') return undefined;
  let k = group.last + 1;
  while (k < tokens.length && k - group.last <= 3 && tokens[k].norm !== 'to') k++;
  const verb = tokens[k + 1];
  if (tokens[k]?.norm !== 'to' || !verb || !isVerbBase(verb.norm)) return undefined;
  const rest = restWords(sentence, k + 2, tokens.length - 1, false);
  return {
    first: subject,
    last: k - 1,
    actual: phrase(sentence, subject, k + 1, tokens.length - 1),
    suggestion: `${[capitalise(verb.norm), rest.text].filter(Boolean).join(' ')}${rest.cut ? '…' : ''}`,
  };
}

/** "Greeting the customer by name." → "Greet the customer by name."; "Checking the ID is mandatory" → "Check the ID". */
function gerundRewrite(sentence: EnglishSentence, subject: number): StepRewrite | undefined {
  const tokens = sentence.own;
  const word = tokens[subject].norm;
  if (!word.endsWith('ing') || isVerbBase(word)) return undefined;
  const stem = word.slice(0, -3);
  const base = [stem, `${stem}e`, stem.slice(0, -1)].find((candidate) => candidate.length > 1 && isVerbBase(candidate));
  if (!base) return undefined;
  const finite = mainVerbGroup(tokens, subject + 1);
  const rest = restWords(sentence, subject + 1, finite ? finite.first - 1 : tokens.length - 1, false);
  return {
    first: subject,
    last: subject,
    actual: phrase(sentence, subject, subject, tokens.length - 1, subject + 1),
    suggestion: `${[capitalise(base), rest.text].filter(Boolean).join(' ')}${rest.cut ? '…' : ''}`,
  };
}

/** The passive subject as the object of the imperative: "The customer is greeted" → "the customer". */
function objectFrom(sentence: EnglishSentence, subject: number, auxiliary: number): string | undefined {
  const tokens = sentence.own;
  if (auxiliary <= subject || auxiliary - subject > 6) return undefined;
  const words = tokens.slice(subject, auxiliary).filter((t) => !isAdverb(t) || isDeterminer(t));
  if (words.length === 0 || words.some((t) => isClausePunct(t))) return undefined;
  const first = words[0];
  const lowered = isDeterminer(first) || (/^\p{Lu}\p{Ll}+$/u.test(first.text) && !isNumber(words[1])) ? first.text.toLowerCase() : first.text;
  const rest = words.length > 1 ? sentence.span(words[1], words.at(-1)!) : '';
  return [lowered, rest].filter(Boolean).join(' ');
}

/** Up to REST_WORDS words after the verb as written (without a passive's "by …" agent). */
function restWords(sentence: EnglishSentence, from: number, to: number, dropAgent: boolean): { text: string; cut: boolean } {
  const tokens = sentence.own;
  let k = from;
  if (dropAgent && tokens[k]?.norm === 'by') {
    k++;
    while (k <= to && !isPunct(tokens[k]) && !['to', 'in', 'on', 'at', 'for', 'within', 'before', 'after', 'and'].includes(tokens[k].norm)) k++;
  }
  let last = -1;
  let count = 0;
  let cut = false;
  for (let m = k; m <= to; m++) {
    const t = tokens[m];
    if (isPunct(t) && /^[.!?]$/.test(t.text) && m === to) break;
    if (!isPunct(t) && count >= REST_WORDS) {
      cut = true;
      break;
    }
    if (!isPunct(t)) count++;
    last = m;
  }
  while (last >= k && isPunct(tokens[last]) && cut) last--;
  const text = last >= k ? sentence.span(tokens[k], tokens[last]) : '';
  return { text, cut };
}

/** The original text from `first` through `last` plus the same number of following words as the rewrite shows. */
function phrase(sentence: EnglishSentence, first: number, last: number, end: number, restFrom = last + 1): string {
  const tokens = sentence.own;
  let stop = last;
  let count = 0;
  for (let k = restFrom; k <= end; k++) {
    if (isPunct(tokens[k]) && /^[.!?]$/.test(tokens[k].text) && k === end) break;
    if (!isPunct(tokens[k]) && count >= REST_WORDS) {
      while (stop > last && isPunct(tokens[stop])) stop--;
      return `${sentence.span(tokens[first], tokens[stop])}…`;
    }
    if (!isPunct(tokens[k])) count++;
    stop = k;
  }
  return sentence.span(tokens[first], tokens[stop]);
}

function lastWord(tokens: readonly Token[], from: number, to: number): number {
  let k = to;
  while (k > from && isPunct(tokens[k])) k--;
  return k;
}
