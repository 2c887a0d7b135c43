import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { EnglishSentence } from '../sentence.js';
import type { StepCheckOptions, StepMessageId } from '../../../rules/step-imperative/rule.js';
import { imperativeVerdict } from '../imperative.js';
import { rewriteStep } from '../step-rewrite.js';

/** The first sentence of an English step: an instruction starts with a verb, after any condition. */
const stepImperative: GrammarCheck<EnglishSentence, StepCheckOptions, StepMessageId> = (sentence, options) => {
  const verdict = imperativeVerdict(sentence, new Set(options.stepVerbs.map((verb) => verb.toLowerCase())));
  if (verdict.kind !== 'not-imperative') return [];
  const rewrite = rewriteStep(sentence, verdict.subject);
  const tokens = sentence.own;
  const found = { start: tokens[rewrite.first].start, end: tokens[rewrite.last].end };
  const finding: GrammarFinding<StepMessageId> =
  rewrite.suggestion
      ? { ...found, messageId: 'notImperative', data: { actual: rewrite.actual, suggestion: rewrite.suggestion } }
      : { ...found, messageId: 'notImperativeNoRewrite', data: { actual: rewrite.actual } };
  return [finding];
};

export default stepImperative;
