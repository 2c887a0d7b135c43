import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { EnglishSentence } from '../sentence.js';
import type { ModalCheckOptions, ModalMessageId } from '../../../rules/weak-modal/rule.js';
import { findWeakModals } from '../modal.js';
import { isPluralSubject, isSubjectPronoun } from '../word-classes.js';

/** English weak obligations (should, ought to), legal 'shall' and hedges about what people do. */
const weakModal: GrammarCheck<EnglishSentence, ModalCheckOptions, ModalMessageId> = (sentence, options) => {
  const tokens = sentence.own;
  return findWeakModals(sentence, options.roles).map((match): GrammarFinding<ModalMessageId> => {
    const found = { start: tokens[match.first].start, end: tokens[match.last].end };
    const word = sentence.span(tokens[match.first], tokens[match.last]);
    if (match.word === 'shall') return { ...found, messageId: 'shall', data: { word } };
    if (match.subject !== undefined) {
      const subject = tokens[match.subject];
      const who = subject.norm === 'i' ? 'I' : isSubjectPronoun(subject) ? subject.norm : `${isPluralSubject(subject) ? '' : 'the '}${subject.text.toLowerCase()}`;
      return { ...found, messageId: 'hedge', data: { phrase: word, subject: who } };
    }
    if (match.expectation) {
      return match.expectation.present
        ? { ...found, messageId: 'expectation', data: { word, present: match.expectation.present } }
        : { ...found, messageId: 'expectationNoRewrite', data: { word } };
    }
    return { ...found, messageId: 'obligation', data: { word } };
  });
};

export default weakModal;
