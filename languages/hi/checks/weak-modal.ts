import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { ModalCheckOptions, ModalMessageId } from '../../../rules/weak-modal/rule.js';
import { findWeakModals } from '../grammar.js';
import type { HindiSentence } from '../pack.js';

/** Hindi चाहिए after an infinitive (करनी चाहिए, किया जाना चाहिए) = "should". The firm forms (-ना होगा, अनिवार्य है) and the subjunctive directive (किया जाए) are not flagged. */
const weakModal: GrammarCheck<HindiSentence, ModalCheckOptions, ModalMessageId> = (sentence) =>
  findWeakModals(sentence).map(
    (match): GrammarFinding<ModalMessageId> => ({
      start: sentence.words[match.first].start,
      end: sentence.words[match.last].end,
      messageId: 'obligationNoRewrite',
      data: { word: sentence.span(match.first, match.last) },
    }),
  );

export default weakModal;
