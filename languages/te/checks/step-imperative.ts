import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { SegmentedSentence } from '../../../src/language/segmented-sentence.js';
import type { StepCheckOptions, StepMessageId } from '../../../rules/step-imperative/rule.js';
import { finalVerbPhrase, isInstruction } from '../morphology.js';

/** A Telugu step is an instruction when a clause ends in -ండి, -కండి, -వద్దు or -గలరు, or the step is a -డం to-do item. */
const stepImperative: GrammarCheck<SegmentedSentence, StepCheckOptions, StepMessageId> = (sentence, options) => {
  const extra = new Set(options.stepVerbs.map((word) => word.normalize('NFC')));
  if (sentence.clauses.length === 0 || isInstruction(sentence, extra)) return [];
  const phrase = finalVerbPhrase(sentence);
  if (!phrase) return [];
  const finding: GrammarFinding<StepMessageId> = {
    start: phrase.first.start,
    end: phrase.last.end,
    messageId: 'notInstructionFinal',
    data: { actual: sentence.span(phrase.first, phrase.last), example: 'తనిఖీ చేయండి' },
  };
  return [finding];
};

export default stepImperative;
