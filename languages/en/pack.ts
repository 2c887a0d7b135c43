import type { GrammarFinding, LanguagePack, ModalMessageId, PassiveMessageId, StepMessageId, TenseMessageId } from '../../src/language/index.js';
import { imperativeVerdict } from './imperative.js';
import { findWeakModals } from './modal.js';
import { activeVerb, findPassives } from './passive.js';
import { EnglishSentence } from './sentence.js';
import { rewriteStep } from './step-rewrite.js';
import { findTenseProblems } from './tense.js';
import { baseOfThirdPerson, isClausePunct, isBe, isDeterminer, isDo, isHave, isModal, isNumber, isPluralSubject, isSubjectPronoun, thirdPerson } from './word-classes.js';

const englishPack: LanguagePack<EnglishSentence> = {
  lang: 'en',

  prepare({ blockText, start, end, quotes }) {
    return new EnglishSentence(blockText, start, end, quotes);
  },

  passiveVoice(sentence, options) {
    const tokens = sentence.own;
    const findings: Array<GrammarFinding<PassiveMessageId>> = [];
    const extraStatives = new Set(options.statives.map((word) => word.toLowerCase()));
    for (const match of findPassives(sentence)) {
      const participle = tokens[match.participle];
      if (extraStatives.has(participle.norm) && !match.agent && !/^(be|been|being)$/.test(tokens[match.participle - 1]?.norm ?? '')) continue;
      const phrase = sentence.span(tokens[match.first], participle);
      const base = { start: tokens[match.first].start, end: participle.end };
      if (match.agent) {
        const agent = sentence.span(tokens[match.agent.first], tokens[match.agent.last]);
        const object = subjectBefore(sentence, match.first);
        const active = [agent, activeVerb(match), object ?? '…'].join(' ');
        findings.push({ ...base, messageId: 'passiveWithAgent', data: { phrase, active } });
      } else {
        findings.push({ ...base, messageId: 'passive', data: { phrase, verb: thirdPerson(match.base) } });
      }
    }
    return findings;
  },

  presentTense(sentence) {
    const tokens = sentence.own;
    return findTenseProblems(sentence).map((match): GrammarFinding<TenseMessageId> => {
      const phrase = sentence.span(tokens[match.first], tokens[match.last]);
      const found = { start: tokens[match.first].start, end: tokens[match.last].end };
      if (match.kind === 'future') {
        return match.present
          ? { ...found, messageId: 'future', data: { phrase, present: match.present } }
          : { ...found, messageId: 'futureNoRewrite', data: { phrase } };
      }
      return match.present
        ? { ...found, messageId: 'past', data: { phrase, present: match.present } }
        : { ...found, messageId: 'pastNoRewrite', data: { phrase } };
    });
  },

  weakModal(sentence, options) {
    const tokens = sentence.own;
    return findWeakModals(sentence, options.roles).map((match): GrammarFinding<ModalMessageId> => {
      const found = { start: tokens[match.first].start, end: tokens[match.last].end };
      const word = sentence.span(tokens[match.first], tokens[match.last]);
      if (match.word === 'shall') return { ...found, messageId: 'shall', data: { word } };
      if (match.subject !== undefined) {
        const subject = tokens[match.subject];
        const who = subject.norm === 'i' ? 'I' : isSubjectPronoun(subject) ? subject.norm : `${isPluralSubject(subject) ? '' : 'the '}${subject.text.toLowerCase()}`;
        return { ...found, messageId: 'hedge', data: { phrase: word, subject: who } };
      }
      return { ...found, messageId: 'obligation', data: { word } };
    });
  },

  stepImperative(sentence, options): GrammarFinding<StepMessageId> | undefined {
    const verdict = imperativeVerdict(sentence, new Set(options.stepVerbs.map((verb) => verb.toLowerCase())));
    if (verdict.kind !== 'not-imperative') return undefined;
    const rewrite = rewriteStep(sentence, verdict.subject);
    const tokens = sentence.own;
    const found = { start: tokens[rewrite.first].start, end: tokens[rewrite.last].end };
    return rewrite.suggestion
      ? { ...found, messageId: 'notImperative', data: { actual: rewrite.actual, suggestion: rewrite.suggestion } }
      : { ...found, messageId: 'notImperativeNoRewrite', data: { actual: rewrite.actual } };
  },
};

/** "The customer" in "The customer is greeted by the agent": a short noun phrase opening the sentence. */
function subjectBefore(sentence: EnglishSentence, auxiliary: number): string | undefined {
  const tokens = sentence.own;
  if (auxiliary === 0 || auxiliary > 5) return undefined;
  const words = tokens.slice(0, auxiliary);
  // Only a plain noun phrase can become the object: "The form needs to be signed" has a verb in it.
  if (words.some((t) => isClausePunct(t) || t.norm === 'to' || isModal(t) || isBe(t) || isHave(t) || isDo(t) || (t !== words[0] && !!baseOfThirdPerson(t.norm)))) return undefined;
  const first = words[0];
  const lowered = isDeterminer(first) || (/^\p{Lu}\p{Ll}+$/u.test(first.text) && !isNumber(words[1])) ? first.text.toLowerCase() + sentence.blockText.slice(first.end, words.at(-1)!.end).replace(/\s+/g, ' ') : sentence.span(first, words.at(-1)!);
  return lowered;
}

export default englishPack;
