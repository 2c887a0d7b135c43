import { defineFileRule } from '../../src/rules/define.js';
import { maxOptionSchema } from '../../src/lexical/options-schema.js';
import type { Step } from '../../src/document/sections.js';
import { blockLocation, proseBlocks, type ProseBlock } from '../../src/text/prose.js';
import { countWords } from '../../src/text/words.js';

interface Options {
  max: number;
}

export default defineFileRule({
  id: 'step-length',
  description: 'Procedure steps have at most 20 words of their own (option `max`); nested sub-steps count separately.',
  principle: 'Short, simple, easy-to-read procedures (domain.md, point 3): steps are short.',
  defaultSeverity: 'warn',
  languages: 'all',
  defaultOptions: { max: 20 } as Options,
  optionsSchema: maxOptionSchema,
  messages: {
    long: 'Step {number} has {count} words (more than {max}): keep one action in the step and move the detail into sub-steps or a note.',
  },
  check(doc, context) {
    const { max } = context.options;
    // A step's own text is its paragraphs (and notes inside it), not its nested lists: the text layer marks them.
    const blocksByStep = new Map<Step, ProseBlock[]>();
    for (const block of proseBlocks(doc, context.config)) {
      if (!block.step) continue;
      const list = blocksByStep.get(block.step) ?? [];
      list.push(block);
      blocksByStep.set(block.step, list);
    }
    for (const [step, blocks] of blocksByStep) {
      const count = blocks.reduce((sum, block) => sum + countWords(block.text, doc.lang), 0);
      if (count <= max) continue;
      const first = blocks[0];
      const last = blocks.at(-1)!;
      const start = blockLocation(first, 0, 0).offset;
      const end = blockLocation(last, 0, last.text.length).endOffset;
      context.report({ messageId: 'long', data: { number: step.number, count, max }, at: { offset: start, endOffset: end } });
    }
  },
});
