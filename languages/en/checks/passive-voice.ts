import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { EnglishSentence } from '../sentence.js';
import type { PassiveCheckOptions, PassiveMessageId } from '../../../rules/passive-voice/rule.js';
import { activeVerb, findPassives, type PassiveMatch } from '../passive.js';
import { isBe, isClausePunct, isContentWord, isDeterminer, isDo, isHave, isModal, isNumber, isObjectPronoun, thirdPerson, baseOfThirdPerson } from '../word-classes.js';

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
      if (object === unsafeObject) {
        findings.push({ ...base, messageId: 'passiveWithAgentNoRewrite', data: { phrase, agent: agent.text } });
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
  // Only a plain noun phrase can become the object: "The form needs to be signed" has a verb in it.
  if (words.some((t) => isClausePunct(t) || t.norm === 'to' || isModal(t) || isBe(t) || isHave(t) || isDo(t) || (t !== words[0] && !!baseOfThirdPerson(t.norm)))) return undefined;
  const first = words[0];
  if (words.length === 1 && OBJECT_FORM[first.norm]) return OBJECT_FORM[first.norm];
  const lowered = isDeterminer(first) || (/^\p{Lu}\p{Ll}+$/u.test(first.text) && !isNumber(words[1])) ? first.text.toLowerCase() + sentence.blockText.slice(first.end, words.at(-1)!.end).replace(/\s+/g, ' ') : sentence.span(first, words.at(-1)!);
  return lowered;
}
