import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { SegmentedSentence } from '../../../src/language/segmented-sentence.js';
import type { TenseCheckOptions, TenseMessageId } from '../../../rules/present-tense/rule.js';
import { findFutures } from '../morphology.js';

/**
 * Tamil future, opt-in (`present-tense: [warn, { future: true }]`): the generic -உம் form is how Tamil
 * states a rule, and even the personal future describes habits, so the check is off unless asked for.
 * The past is not checked.
 */
const presentTense: GrammarCheck<SegmentedSentence, TenseCheckOptions, TenseMessageId> = (sentence, options) => {
  if (options.future !== true) return [];
  return findFutures(sentence).map(
    (match): GrammarFinding<TenseMessageId> => ({
      start: match.first.start,
      end: match.last.end,
      messageId: 'futureNoRewrite',
      data: { phrase: sentence.span(match.first, match.last) },
    }),
  );
};

export default presentTense;
