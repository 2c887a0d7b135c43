import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { TenseCheckOptions, TenseMessageId } from '../../../rules/present-tense/rule.js';
import { findFutures, findPasts } from '../grammar.js';
import type { HindiSentence } from '../pack.js';

/**
 * Hindi future (-गा/-गी/-गे, not -ना होगा) by default; the past main verb only with `past: true`, since
 * Hindi perfectives end like adjectives and subjunctives (-ा/-ी/-े). No rewrite: the present form is not
 * certain without knowing the subject's gender and number.
 */
const presentTense: GrammarCheck<HindiSentence, TenseCheckOptions, TenseMessageId> = (sentence, options) => {
  const findings: Array<GrammarFinding<TenseMessageId>> = [];
  const report = (first: number, last: number, messageId: TenseMessageId) =>
    findings.push({ start: sentence.words[first].start, end: sentence.words[last].end, messageId, data: { phrase: sentence.span(first, last) } });
  if (options.future !== false) for (const match of findFutures(sentence)) report(match.first, match.last, 'futureNoRewrite');
  if (options.past === true) {
    for (const match of findPasts(sentence)) {
      if (!findings.some((finding) => finding.start <= sentence.words[match.last].start && sentence.words[match.first].start < finding.end)) report(match.first, match.last, 'pastNoRewrite');
    }
  }
  return findings;
};

export default presentTense;
