import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { TenseMessageId } from '../../../rules/present-tense/rule.js';
import type { FrenchSentence } from '../sentence.js';
import { findTenseProblems } from '../tense.js';

/** French futur simple, futur antérieur, aller + infinitive, and past main verbs (passé composé, passé simple, plus-que-parfait). */
const presentTense: GrammarCheck<FrenchSentence, Record<string, never>, TenseMessageId> = (sentence) => {
  const tokens = sentence.own;
  return findTenseProblems(sentence).map((match): GrammarFinding<TenseMessageId> => {
    const phrase = sentence.span(tokens[match.first], tokens[match.last]);
    const found = { start: tokens[match.first].start, end: tokens[match.last].end };
    if (match.kind === 'future') {
      return match.present ? { ...found, messageId: 'future', data: { phrase, present: match.present } } : { ...found, messageId: 'futureNoRewrite', data: { phrase } };
    }
    return match.present ? { ...found, messageId: 'past', data: { phrase, present: match.present } } : { ...found, messageId: 'pastNoRewrite', data: { phrase } };
  });
};

export default presentTense;
