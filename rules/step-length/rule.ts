import { defineFileRule } from '../../src/rules/define.js';
import type { Step } from '../../src/document/sections.js';
import { maxOptionSchema } from '../../src/lexical/options-schema.js';
import { lexicalSentences } from '../../src/lexical/tokens.js';
import { blockLocation, type ProseBlock } from '../../src/text/prose.js';

interface Options {
  max: number;
}

interface StepText {
  words: number;
  first: ProseBlock;
  last: ProseBlock;
}

export default defineFileRule({
  id: 'step-length',
  description: 'Procedure steps have at most 20 words of their own (option `max`); nested sub-steps count separately.',
  principle: 'short-simple-procedures',
  defaultSeverity: 'warn',
  languages: 'all',
  defaultOptions: { max: 20 } as Options,
  optionsSchema: maxOptionSchema,
  messages: {
    long: 'Step {number} has {count} words (more than {max}): keep one action in the step and move the detail into sub-steps or a note.',
  },
  check(doc, context) {
    const { max } = context.options;
    // The text layer marks the blocks that are a step's own text (its paragraphs and notes, not its nested lists).
    const byStep = new Map<Step, StepText>();
    for (const { block, tokens } of lexicalSentences(doc, context.config)) {
      if (!block.step) continue;
      const text = byStep.get(block.step);
      if (text) {
        text.words += tokens.length;
        text.last = block;
      } else {
        byStep.set(block.step, { words: tokens.length, first: block, last: block });
      }
    }
    for (const [step, { words, first, last }] of byStep) {
      if (words <= max) continue;
      const offset = blockLocation(first, 0, 0).offset;
      const { endOffset } = blockLocation(last, 0, last.text.length);
      context.report({ messageId: 'long', data: { number: step.number, count: words, max }, at: { offset, endOffset } });
    }
  },
});
