import { checkSentences } from '../../src/language/grammar-rule.js';
import { languagesWithCheck } from '../../src/language/index.js';
import { normaliseHeading } from '../../src/document/sections.js';
import { defineFileRule } from '../../src/rules/define.js';

export type TenseMessageId = 'future' | 'futureNoRewrite' | 'past' | 'pastNoRewrite';

/**
 * What a language's present-tense check is given: the `past` and `future` options as configured, or
 * undefined when the user left them alone. A language whose future or past forms are too ambiguous to
 * flag by default (Tamil and Telugu state rules in the forms that look like futures; Hindi and Marathi perfectives look like adjectives) checks them only
 * when the option is set to true; the others check both unless told not to.
 */
export interface TenseCheckOptions {
  past?: boolean;
  future?: boolean;
}

interface Options extends TenseCheckOptions {
  ignoreSections: string[];
}

/** Sections that record what happened: a revision history is written in the past tense on purpose. */
const HISTORY_SECTIONS = ['Revision history', 'Change history', 'Version history', 'Document history', 'Changelog', 'Change log', 'History'];

export default defineFileRule<Options, TenseMessageId>({
  id: 'present-tense',
  description: 'Policies and procedures say what happens now: no future tense, no past tense main verbs.',
  principle: 'present-tense',
  defaultSeverity: 'warn',
  languages: languagesWithCheck('present-tense'),
  defaultOptions: { ignoreSections: HISTORY_SECTIONS },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      past: { type: 'boolean', description: 'Flag a past tense main verb ("The agent verified the account"). Default: on in English; off in Hindi and Marathi (set it to true to check the main verb\'s past), and in Tamil and Telugu, which have no past check yet.' },
      future: { type: 'boolean', description: 'Flag the future ("will", "is going to"). Default: on in English; off in Tamil and Telugu, where set it to true to check the personal future and "going to".' },
      ignoreSections: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Section titles whose text is not checked (default: revision and change history sections).',
      },
    },
  },
  messages: {
    future: "'{phrase}' is future tense: write what happens now, '{present}'.",
    futureNoRewrite: "'{phrase}' is future tense: write what happens now, in the present tense.",
    past: "'{phrase}' is past tense: describe the procedure as it happens now, '{present}'.",
    pastNoRewrite: "'{phrase}' is past tense: describe the procedure as it happens now, in the present tense.",
  },
  check(doc, context) {
    const { past, future, ignoreSections } = context.options;
    const ignored = new Set(ignoreSections.map(normaliseHeading));
    // Unset means the language's default: the check leaves out what its language does not flag by default.
    const wanted = (id: TenseMessageId) => (id === 'future' || id === 'futureNoRewrite' ? future : past) !== false;
    // The check finds both; the options choose which are reported.
    // A context that delegates to the run's (not a spread copy, which would read `asOf` and `since` and
    // so tie this file's cached result to the date): only `report` is filtered.
    const filtered: typeof context = Object.create(context, {
      report: { value: (finding: Parameters<typeof context.report>[0]) => wanted(finding.messageId as TenseMessageId) && context.report(finding) },
    });
    checkSentences(doc, filtered, {
      cacheKey: `${past}|${future}`,
      include: (sentence) => !ignored.has(normaliseHeading(sentence.block.section)),
      options: { past, future } satisfies TenseCheckOptions,
    });
  },
});
