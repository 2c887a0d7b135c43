import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { SegmentedSentence } from '../../../src/language/segmented-sentence.js';
import type { PassiveCheckOptions, PassiveMessageId } from '../../../rules/passive-voice/rule.js';
import { findPassives } from '../morphology.js';

/** Telugu passives: infinitive + బడు (ఆమోదించబడతాయి, నమోదు చేయబడుతుంది), with the చేత / ద్వారా agent when there is one. No rewrite is offered. */
const passiveVoice: GrammarCheck<SegmentedSentence, PassiveCheckOptions, PassiveMessageId> = (sentence, options) => {
  const statives = new Set(options.statives.map((word) => word.normalize('NFC')));
  return findPassives(sentence)
    .filter((match) => !statives.has(match.last.norm) && !statives.has(match.first.norm))
    .map((match): GrammarFinding<PassiveMessageId> => {
      const found = { start: match.first.start, end: match.last.end };
      const phrase = sentence.span(match.first, match.last);
      return match.agent
        ? { ...found, messageId: 'passiveAgentNoRewrite', data: { phrase, agent: match.agent.text } }
        : { ...found, messageId: 'passive', data: { phrase, verb: 'does it' } };
    });
};

export default passiveVoice;
