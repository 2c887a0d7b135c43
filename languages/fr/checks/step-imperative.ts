import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { StepCheckOptions, StepMessageId } from '../../../rules/step-imperative/rule.js';
import { imperativeVerdict } from '../imperative.js';
import type { FrenchSentence } from '../sentence.js';

/** The first sentence of a French step: an instruction (-ez imperative or infinitive), after any intro clause. */
const stepImperative: GrammarCheck<FrenchSentence, StepCheckOptions, StepMessageId> = (sentence, options) => {
  const verdict = imperativeVerdict(sentence, new Set(options.stepVerbs.map((verb) => verb.toLowerCase())));
  if (verdict.kind !== 'not-imperative') return [];
  const tokens = sentence.own;
  const actual = sentence.span(tokens[verdict.first], tokens[verdict.last]);
  const found = { start: tokens[verdict.first].start, end: tokens[verdict.last].end };
  const finding: GrammarFinding<StepMessageId> = verdict.suggestion
    ? { ...found, messageId: 'notImperative', data: { actual, suggestion: verdict.suggestion } }
    : { ...found, messageId: 'notImperativeVerbs', data: { actual, examples: "'Vérifiez' or 'Vérifier'" } };
  return [finding];
};

export default stepImperative;
