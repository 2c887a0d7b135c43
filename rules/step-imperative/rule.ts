import { checkSentences } from '../../src/language/grammar-rule.js';
import { languagesWithCheck } from '../../src/language/index.js';
import type { Sentence } from '../../src/text/prose.js';
import { defineFileRule } from '../../src/rules/define.js';

/** `notInstructionFinal`: languages whose instruction is the clause-final verb (Tamil, Telugu), with an example imperative of that language. */
export type StepMessageId = 'notImperative' | 'notImperativeNoRewrite' | 'notInstructionFinal' | 'notImperativeVerbs';

/** What a language's step-imperative check is given. */
export interface StepCheckOptions {
  /** Extra verbs that may start a step (product names used as verbs, in-house jargon). */
  stepVerbs: readonly string[];
}

interface Options {
  stepVerbs: string[];
}

export default defineFileRule<Options, StepMessageId>({
  id: 'step-imperative',
  description: 'Every procedure step starts with an instruction: an imperative verb, after any condition.',
  principle: 'imperative-steps',
  defaultSeverity: 'warn',
  languages: languagesWithCheck('step-imperative'),
  defaultOptions: { stepVerbs: [] },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      stepVerbs: {
        type: 'array',
        items: { type: 'string', minLength: 1, pattern: '^\\S+$' },
        description: 'Extra words that start an instruction (product names used as verbs, in-house jargon).',
      },
    },
  },
  messages: {
    notImperative: "Start the step with what to do: '{suggestion}' instead of '{actual}'.",
    notImperativeNoRewrite: "Start the step with what to do (a verb such as 'Check' or 'Send'), not '{actual}'.",
    notImperativeVerbs: "Start the step with what to do (a verb such as {examples}), not '{actual}'.",
    notInstructionFinal: "Make the step an instruction to the reader, ending in an imperative such as '{example}', not '{actual}'.",
  },
  check(doc, context) {
    const { stepVerbs } = context.options;
    // The first sentence of each step's first paragraph: later sentences may explain or describe.
    const checked = new Set<unknown>();
    const isStepStart = (sentence: Sentence) => {
      const { block } = sentence;
      if (!block.step || block.node !== block.step.item.children[0] || checked.has(block.step)) return false;
      checked.add(block.step);
      return true;
    };
    checkSentences(doc, context, {
      cacheKey: stepVerbs.join(','),
      include: isStepStart,
      options: { stepVerbs } satisfies StepCheckOptions,
    });
  },
});
