import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { EnglishSentence } from '../sentence.js';
import type { PassiveCheckOptions, PassiveMessageId } from '../../../rules/passive-voice/rule.js';
import { activeVerb, findPassives } from '../passive.js';
import { isBe, isClausePunct, isDeterminer, isDo, isHave, isModal, isNumber, thirdPerson, baseOfThirdPerson } from '../word-classes.js';

/** English passives: be/get + participle, with the agent's 'by' phrase when there is one. */
const passiveVoice: GrammarCheck<EnglishSentence, PassiveCheckOptions, PassiveMessageId> = (sentence, options) => {
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
};

export default passiveVoice;

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
