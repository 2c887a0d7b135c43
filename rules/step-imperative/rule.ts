import { cachedFindings, grammarSentences, reportFinding } from '../../src/language/grammar-rule.js';
import { languagesWith, languagePackFor, type StepMessageId } from '../../src/language/index.js';
import { defineFileRule } from '../../src/rules/define.js';

interface Options {
  stepVerbs: string[];
}

export default defineFileRule<Options, StepMessageId>({
  id: 'step-imperative',
  description: 'Every procedure step starts with an instruction: an imperative verb, after any condition.',
  principle: 'Writing standard 4, imperative steps: each step tells the reader what to do ("Greet the customer"), not what someone else does.',
  defaultSeverity: 'warn',
  languages: languagesWith('stepImperative'),
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
  },
  check(doc, context) {
    const grammar = grammarSentences(doc, context.config);
    const pack = languagePackFor(doc.lang);
    if (!grammar || !pack?.stepImperative) return;
    const options = { stepVerbs: context.options.stepVerbs };
    const optionsKey = options.stepVerbs.join('|');
    const checked = new Set<unknown>();
    for (const item of grammar.sentences) {
      const { block } = item.sentence;
      // The first sentence of the step's first paragraph: later sentences may explain or describe.
      if (!block.step || block.node !== block.step.item.children[0] || checked.has(block.step)) continue;
      checked.add(block.step);
      const finding = cachedFindings('step-imperative', optionsKey, item, (prepared) => {
        const found = pack.stepImperative!(prepared, options);
        return found ? [found] : [];
      })[0];
      if (finding) reportFinding(context, item.sentence, finding);
    }
  },
});
