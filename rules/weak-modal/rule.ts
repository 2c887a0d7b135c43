import { checkSentences } from '../../src/language/grammar-rule.js';
import { languagesWithCheck } from '../../src/language/index.js';
import { defineFileRule } from '../../src/rules/define.js';

export type ModalMessageId = 'obligation' | 'expectation' | 'expectationNoRewrite' | 'shall' | 'hedge' | 'obligationNoRewrite' | 'obligationFirm' | 'hedgeFirm';

/** What a language's weak-modal check is given. */
export interface ModalCheckOptions {
  /** Person and role nouns beyond the built-in list: the document's `audience` plus configured roles. */
  roles: ReadonlySet<string>;
  /** Also flag the optative directive (Marathi -आवे), the register of official circulars: opt-in. */
  optative: boolean;
}

interface Options {
  roles: string[];
  optative: boolean;
}

/** Role words of the frontmatter `audience` and the `roles` option: "Team leads" → lead, leads, team, teams… */
function rolesOf(audience: unknown, configured: readonly string[]): Set<string> {
  const names = [...(Array.isArray(audience) ? audience.filter((a): a is string => typeof a === 'string') : []), ...configured];
  const roles = new Set<string>();
  for (const name of names) {
    for (const word of name.toLowerCase().split(/[\s_-]+/)) {
      if (!word) continue;
      roles.add(word);
      roles.add(word.replace(/ies$/, 'y').replace(/s$/, ''));
    }
  }
  return roles;
}

export default defineFileRule<Options, ModalMessageId>({
  id: 'weak-modal',
  description: "Obligations are stated firmly: no 'should', 'ought to' or 'shall', and no 'might', 'could' or 'would' about what people do.",
  principle: 'clear-and-concise',
  defaultSeverity: 'warn',
  languages: languagesWithCheck('weak-modal'),
  defaultOptions: { roles: [], optative: false },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      roles: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: "Role names besides the built-in list and the document's audience (e.g. \"Concierge\").",
      },
      optative: {
        type: 'boolean',
        description: 'Also flag the optative directive (Marathi -आवे: नोंदवावा, "is to be recorded"), which official registers use as a firm "shall".',
      },
    },
  },
  messages: {
    obligation: "'{word}' states an obligation weakly: write 'must' if it is required, or give the instruction directly.",
    expectation: "'{word}' states an expectation, not a duty: write what happens ('{present}'), or 'must' if it is a requirement.",
    expectationNoRewrite: "'{word}' states an expectation, not a duty: write what happens, or 'must' if it is a requirement.",
    // For languages whose firm form is not a word to swap in (Hindi -ना होगा, Marathi -आवे लागेल).
    obligationNoRewrite: "'{word}' states an obligation weakly: state it as a requirement if it is one, or give the instruction directly.",
    shall: "'{word}' is legal jargon that reads as future: write 'must' for an obligation, or the present tense for a fact.",
    hedge: "'{phrase}' is a hedge: say what {subject} must or can do.",
    obligationFirm: "'{word}' states an obligation weakly: write '{firm}' if it is required, or give the instruction directly.",
    hedgeFirm: "'{phrase}' is a hedge: say what '{subject}' must do ('{firm}') or may do ('{can}').",
  },
  check(doc, context) {
    const roles = rolesOf(doc.frontmatter.data.audience, context.options.roles);
    checkSentences(doc, context, {
      cacheKey: `${context.options.optative}|${[...roles].sort().join(',')}`,
      options: { roles, optative: context.options.optative } satisfies ModalCheckOptions,
    });
  },
});
