import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { EnglishSentence } from '../sentence.js';
import type { TenseMessageId } from '../../../rules/present-tense/rule.js';
import { findTenseProblems } from '../tense.js';

/** English future (will, is going to) and past main verbs, with a present-tense rewrite where one is certain. */
const presentTense: GrammarCheck<EnglishSentence, Record<string, never>, TenseMessageId> = (sentence) => {
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
};

export default presentTense;
