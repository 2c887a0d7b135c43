import { checkSentences } from '../../src/language/grammar-rule.js';
import { languagesWithCheck } from '../../src/language/index.js';
import { normaliseHeading } from '../../src/document/sections.js';
import { defineFileRule } from '../../src/rules/define.js';

/**
 * `passiveAgentNoRewrite`: the agent is named but the language offers no certain active rewrite;
 * `passiveNoRewrite`: no agent and no certain rewrite (Hindi, Marathi: no made-up verb forms);
 * `passiveNoActor`: no agent, in a language whose message asks who acts without a rewrite (French).
 */
export type PassiveMessageId = 'passive' | 'passiveWithAgent' | 'passiveAgentNoRewrite' | 'passiveNoRewrite' | 'passiveNoActor';

/** What a language's passive-voice check is given. */
export interface PassiveCheckOptions {
  /** Extra participles to read as states after is/are/was/were ("is closed", "is included"). */
  statives: readonly string[];
}

interface Options {
  statives: string[];
  ignoreSections: string[];
}

export default defineFileRule<Options, PassiveMessageId>({
  id: 'passive-voice',
  description: 'Sentences use the active voice and name who acts.',
  principle: 'active-voice',
  defaultSeverity: 'warn',
  languages: languagesWithCheck('passive-voice'),
  defaultOptions: { statives: [], ignoreSections: [] },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      statives: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Extra participles that describe a state after is/are/was/were ("is listed", "is attached").',
      },
      ignoreSections: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Section titles where passive voice is allowed (e.g. "Scope").',
      },
    },
  },
  messages: {
    passive: "'{phrase}' is passive voice, which hides who acts: name who {verb}.",
    passiveWithAgent: "'{phrase}' is passive voice, which hides who acts: write '{active}'.",
    passiveNoActor: "'{phrase}' is passive voice, which hides who acts: name who does it.",
    passiveAgentNoRewrite: "'{phrase}' is passive voice: make the one who acts ('{agent}') the subject of an active verb.",
    passiveNoRewrite: "'{phrase}' is passive voice, which hides who acts: name who does it and make them the subject.",
  },
  check(doc, context) {
    const { statives, ignoreSections } = context.options;
    const ignored = new Set(ignoreSections.map(normaliseHeading));
    checkSentences(doc, context, {
      cacheKey: statives.join(','),
      include: (sentence) => ignored.size === 0 || !ignored.has(normaliseHeading(sentence.block.section)),
      options: { statives } satisfies PassiveCheckOptions,
    });
  },
});
