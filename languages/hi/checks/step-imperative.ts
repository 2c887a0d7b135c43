import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { StepCheckOptions, StepMessageId } from '../../../rules/step-imperative/rule.js';
import { foldForMatching } from '../../../src/lexical/normalise.js';
import { clauseFinals, finalVerbGroup, isImperative, isInfinitiveItem } from '../grammar.js';
import { hindiFold, type HindiSentence } from '../pack.js';

/**
 * A Hindi step is an instruction when a clause ends in an imperative (-ें/-एं, -िए): Hindi is verb-final,
 * so the instruction is the verb at the end of the main clause, after any condition, and may stand before
 * a कि or जो clause (सुनिश्चित करें कि …). A -ना to-do item (सत्यापित करना) counts as an instruction.
 * `stepVerbs` lists more accepted clause-final words.
 */
const stepImperative: GrammarCheck<HindiSentence, StepCheckOptions, StepMessageId> = (sentence, options) => {
  if (sentence.words.length === 0) return [];
  const accepted = new Set(options.stepVerbs.map((word) => hindiFold(foldForMatching(word.toLowerCase()))));
  if (clauseFinals(sentence).some((i) => isImperative(sentence, i) || accepted.has(sentence.words[i].key))) return [];
  if (isInfinitiveItem(sentence)) return [];
  const group = finalVerbGroup(sentence)!;
  const finding: GrammarFinding<StepMessageId> = {
    start: sentence.words[group.first].start,
    end: sentence.words[group.last].end,
    messageId: 'notInstructionFinal',
    data: { actual: sentence.span(group.first, group.last), example: 'करें' },
  };
  return [finding];
};

export default stepImperative;
