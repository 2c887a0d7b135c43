import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { StepCheckOptions, StepMessageId } from '../../../rules/step-imperative/rule.js';
import { foldForMatching } from '../../../src/lexical/normalise.js';
import { clauseFinals, finalVerbGroup, isImperative, isVerbalNounItem } from '../grammar.js';
import type { MarathiSentence } from '../pack.js';

/**
 * A Marathi step is an instruction when a clause ends in an imperative (-आ after a consonant: करा, द्या,
 * सांगा; or नका), after any condition, or before a की clause (खात्री करा की …). A -णे to-do item counts.
 * The optative (नोंदवावा) is a directive about someone, not an instruction to the reader.
 * `stepVerbs` lists more accepted clause-final words.
 */
const stepImperative: GrammarCheck<MarathiSentence, StepCheckOptions, StepMessageId> = (sentence, options) => {
  if (sentence.words.length === 0) return [];
  const accepted = new Set(options.stepVerbs.map((word) => foldForMatching(word.toLowerCase())));
  if (clauseFinals(sentence).some((i) => isImperative(sentence, i) || accepted.has(sentence.words[i].key))) return [];
  if (isVerbalNounItem(sentence)) return [];
  const group = finalVerbGroup(sentence)!;
  const finding: GrammarFinding<StepMessageId> = {
    start: sentence.words[group.first].start,
    end: sentence.words[group.last].end,
    messageId: 'notInstructionFinal',
    data: { actual: sentence.span(group.first, group.last), example: 'करा' },
  };
  return [finding];
};

export default stepImperative;
