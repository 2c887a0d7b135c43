import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { ModalCheckOptions, ModalMessageId } from '../../../rules/weak-modal/rule.js';
import { findWeakModals } from '../grammar.js';
import type { MarathiSentence } from '../pack.js';

/**
 * Marathi पाहिजे (should; -च पाहिजे = must) and हवे after -ायला (ought) by default; the optative -आवे
 * (the directive of official circulars, like English "shall") only with `optative: true`. The firm forms
 * (-आवा लागेल, आवश्यक आहे) are not flagged.
 */
const weakModal: GrammarCheck<MarathiSentence, ModalCheckOptions, ModalMessageId> = (sentence, options) =>
  findWeakModals(sentence, options.optative === true).map(
    (match): GrammarFinding<ModalMessageId> => ({
      start: sentence.words[match.first].start,
      end: sentence.words[match.last].end,
      messageId: 'obligationNoRewrite',
      data: { word: sentence.span(match.first, match.last) },
    }),
  );

export default weakModal;
