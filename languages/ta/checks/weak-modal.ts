import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { SegmentedSentence } from '../../../src/language/segmented-sentence.js';
import type { ModalCheckOptions, ModalMessageId } from '../../../rules/weak-modal/rule.js';
import { findWeakModals } from '../morphology.js';

/** Tamil hedged obligations: -வது நல்லது (it is better to), -ஆல் நல்லது, -லாமே (why not). வேண்டும் is must and is not flagged. */
const weakModal: GrammarCheck<SegmentedSentence, ModalCheckOptions, ModalMessageId> = (sentence) =>
  findWeakModals(sentence).map(
    (match): GrammarFinding<ModalMessageId> => ({
      start: match.first.start,
      end: match.last.end,
      messageId: 'obligation',
      data: { word: sentence.span(match.first, match.last) },
    }),
  );

export default weakModal;
