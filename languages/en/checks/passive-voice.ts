import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { EnglishSentence } from '../sentence.js';
import type { Token } from '../tokenize.js';
import type { PassiveCheckOptions, PassiveMessageId } from '../../../rules/passive-voice/rule.js';
import { activeVerb, findPassives, type PassiveMatch } from '../passive.js';
import { isBe, isClausePunct, isContentWord, isCoordinator, isNegation, isVerbBase, isDeterminer, isDo, isHave, isModal, isNumber, isObjectPronoun, isPreposition, isSubordinator, thirdPerson, baseOfThirdPerson } from '../word-classes.js';

/** English passives: be/get + participle, with the agent's 'by' phrase when there is one. */
const passiveVoice: GrammarCheck<EnglishSentence, PassiveCheckOptions, PassiveMessageId> = (sentence, options) => {
  const tokens = sentence.own;
  const findings: Array<GrammarFinding<PassiveMessageId>> = [];
  const extraStatives = new Set(options.statives.map((word) => word.toLowerCase()));
  for (const match of findPassives(sentence)) {
    const participle = tokens[match.participle];
    if (extraStatives.has(participle.norm) && !match.agent && !/^(be|been|being)$/.test(tokens[match.participle - 1]?.norm ?? '')) continue;
    const last = match.particle === undefined ? participle : tokens[match.particle];
    const phrase = sentence.span(tokens[match.first], last);
    const base = { start: tokens[match.first].start, end: last.end };
    const particle = match.particle === undefined ? '' : ` ${tokens[match.particle].norm}`;
    const agent = match.agent && usableAgent(sentence, match.agent);
    if (match.agent && agent) {
      const object = subjectBefore(sentence, match.first);
      // A rewrite that would move a quantifier or a negation ("Not all changes are approved by IT")
      // changes what the sentence says: name the actor to put first instead.
      // "are only performed by authorized personnel": "only" would be lost; an unknown base form
      // ("inherite" for "inherited") would make an ungrammatical verb.
      const scopeInGroup = tokens.slice(match.first, match.participle).some((t) => SCOPE_WORDS.has(t.norm) && !isNegation(t));
      // A base the lexicon does not know is trusted only when it is the participle minus "-ed" ("detected"),
      // not a guess that adds an "e" ("inherited" → "inherite").
      const knownBase = isVerbBase(match.base) || participle.norm === `${match.base}ed` || !participle.norm.endsWith('ed');
      if (object === unsafeObject || scopeInGroup || !knownBase) {
        findings.push({ ...base, messageId: 'passiveAgentNoRewrite', data: { phrase, agent: agent.text } });
        continue;
      }
      const active = [agent.text, activeVerbGroup(sentence, match, agent.plural) + particle, object ?? '…'].join(' ');
      findings.push({ ...base, messageId: 'passiveWithAgent', data: { phrase, active } });
    } else {
      findings.push({ ...base, messageId: 'passive', data: { phrase, verb: thirdPerson(match.base) + particle } });
    }
  }
  return findings;
};

export default passiveVoice;

/** Words whose place in the sentence carries its meaning: moved after the verb they say something else. */
const SCOPE_WORDS = new Set(['not', 'no', 'none', 'only', 'few', 'neither', 'nor', 'never', 'all', 'every', 'each', 'some', 'any', 'most', 'many', 'several', 'both', 'either', 'just', 'even', 'at', 'nobody', 'nothing']);
/** Subject pronouns and the object form they take after the active verb. */
const OBJECT_FORM: Record<string, string> = { i: 'me', we: 'us', they: 'them', he: 'him', she: 'her', you: 'you', it: 'it' };
const SUBJECT_FORM: Record<string, string> = { me: 'I', us: 'we', them: 'they', him: 'he', her: 'she', you: 'you', it: 'it' };
/** A subject that no safe rewrite can move. */
const unsafeObject = Symbol('unsafe object');

/**
 * The "by" phrase as the active subject, or undefined when it is not a noun phrase that can be one:
 * "by automated" (cut before its noun) or a phrase ending in a participle or an adverb.
 */
function usableAgent(sentence: EnglishSentence, agent: NonNullable<PassiveMatch['agent']>): { text: string; plural: boolean } | undefined {
  const tokens = sentence.own;
  // "by leveraging the controls", "by sending an email": a means, not an actor.
  if (/ing$/.test(tokens[agent.first].norm)) return undefined;
  // "by the head of IT": the of-phrase belongs to the actor.
  let last = agent.last;
  if (tokens[last + 1]?.norm === 'of') {
    let k = last + 2;
    while (k < tokens.length && k - last <= 5 && tokens[k].kind === 'word' && (isDeterminer(tokens[k]) || isContentWord(tokens[k])) && !isPreposition(tokens[k])) k++;
    if (k > last + 2) last = k - 1;
  }
  // A phrase cut short ("by the Security and Privacy Officer", "by Datica's configuration management
  // tooling, Chef") or ending in an adjective ("by remediations specific to…") is not the whole actor.
  const after = tokens[last + 1];
  if (after && (isCoordinator(after) || (after.kind === 'word' && isContentWord(after) && !isPreposition(after)))) return undefined;
  // "by the CTO, or an authorized delegate", "by the lessor, property management, …": a list of actors.
  if (after?.text === ',' && listContinues(tokens, last + 2)) return undefined;
  if (last === agent.last && /(ic|al|ive|ous|ful|able|ible)$/.test(tokens[last].norm) && !!after && isPreposition(after)) return undefined;
  agent = { ...agent, last };
  const head = tokens[agent.last];
  if (!isContentWord(head) && !isObjectPronoun(head)) return undefined;
  if (/(ed|ly)$/.test(head.norm) && agent.first === agent.last && !isObjectPronoun(head)) return undefined;
  if (/ly$/.test(head.norm) || (agent.last > agent.first && /ed$/.test(head.norm))) return undefined;
  if (agent.first === agent.last && isObjectPronoun(head)) {
    const subject = SUBJECT_FORM[head.norm];
    if (!subject) return undefined;
    return { text: subject, plural: !['he', 'she', 'it'].includes(subject.toLowerCase()) };
  }
  return { text: sentence.span(tokens[agent.first], head), plural: agent.plural };
}

/** After a comma, "or an authorized delegate" or "property management and staff": more items of a list, not a new clause. */
function listContinues(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 5); k++) {
    const t = tokens[k];
    if (isCoordinator(t) || t.text === ',') return true;
    if (t.kind !== 'word' || isDeterminer(t) || !isContentWord(t) || isPreposition(t) || isSubordinator(t)) return false;
  }
  return false;
}

/**
 * The active verb group, keeping the modal and the negation: "must be approved" → "must approve",
 * "are not approved" → "do not approve", "is approved" → "approves".
 */
function activeVerbGroup(sentence: EnglishSentence, match: PassiveMatch, plural: boolean): string {
  const tokens = sentence.own;
  const not = match.negated ? ' not' : '';
  if (match.modal !== undefined) return `${tokens[match.modal].norm}${not} ${match.base}`;
  if (match.negated) return `${plural ? 'do' : 'does'} not ${match.base}`;
  return plural ? match.base : activeVerb({ ...match, agent: undefined });
}

/** "The customer" in "The customer is greeted by the agent": a short noun phrase opening the sentence. */
function subjectBefore(sentence: EnglishSentence, auxiliary: number): string | typeof unsafeObject | undefined {
  const tokens = sentence.own;
  if (auxiliary === 0 || auxiliary > 5) return undefined;
  const words = tokens.slice(0, auxiliary);
  if (words.some((t) => SCOPE_WORDS.has(t.norm))) return unsafeObject;
  // "Once the request has been approved by the CTO": the words before belong to a clause opener;
  // "Modifying the clock cannot be performed by…": a gerund phrase is no object for the verb.
  if (isSubordinator(words[0]) || isPreposition(words[0]) || (/ing$/.test(words[0].norm) && !isVerbBase(words[0].norm))) return undefined;
  // Only a plain noun phrase can become the object: "The form needs to be signed" has a verb in it.
  if (words.some((t) => isClausePunct(t) || t.norm === 'to' || isModal(t) || isBe(t) || isHave(t) || isDo(t) || (t !== words[0] && !!baseOfThirdPerson(t.norm)))) return undefined;
  const first = words[0];
  if (words.length === 1 && OBJECT_FORM[first.norm]) return OBJECT_FORM[first.norm];
  const lowered = isDeterminer(first) || (/^\p{Lu}\p{Ll}+$/u.test(first.text) && !isNumber(words[1])) ? first.text.toLowerCase() + sentence.blockText.slice(first.end, words.at(-1)!.end).replace(/\s+/g, ' ') : sentence.span(first, words.at(-1)!);
  return lowered;
}
