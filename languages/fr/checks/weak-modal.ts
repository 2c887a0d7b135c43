import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { ModalCheckOptions, ModalMessageId } from '../../../rules/weak-modal/rule.js';
import { findWeakModals } from '../modal.js';
import type { FrenchSentence } from '../sentence.js';

/** French weak obligations (devrait, il faudrait, il serait bon de) and pourrait / pourriez about what people do. */
const weakModal: GrammarCheck<FrenchSentence, ModalCheckOptions, ModalMessageId> = (sentence, options) => {
  const tokens = sentence.own;
  return findWeakModals(sentence, options.roles).map((match): GrammarFinding<ModalMessageId> => {
    const found = { start: tokens[match.first].start, end: tokens[match.last].end };
    const word = sentence.span(tokens[match.first], tokens[match.last]);
    if (match.subject !== undefined) return { ...found, messageId: 'hedgeFirm', data: { phrase: word, subject: match.subject, firm: match.firm, can: match.can ?? 'peut' } };
    return { ...found, messageId: 'obligationFirm', data: { word, firm: match.firm } };
  });
};

export default weakModal;
