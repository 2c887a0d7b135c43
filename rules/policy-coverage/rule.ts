import { indexById, isRetired, lookup } from '../../src/repository/documents.js';
import { stringValue, summarizeDocument, type DocumentSummary } from '../../src/repository/summary.js';
import { defineCorpusRule } from '../../src/rules/define.js';

interface Options {
  /** Flag procedures that implement no policy. */
  procedures: boolean;
  /** Flag approved policies that no procedure implements. */
  policies: boolean;
}

function implementsIds(summary: DocumentSummary): string[] {
  return summary.references.filter((reference) => reference.field === 'implements').map((reference) => reference.id);
}

export default defineCorpusRule({
  id: 'policy-coverage',
  description: 'Every procedure implements a policy, and every approved policy has a procedure that implements it.',
  principle: 'procedures-serve-policies',
  defaultSeverity: 'warn',
  languages: 'all',
  defaultOptions: { procedures: true, policies: true } as Options,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      procedures: { type: 'boolean', description: 'Flag procedures that implement no policy.' },
      policies: { type: 'boolean', description: 'Flag approved policies that no procedure implements.' },
    },
  },
  messages: {
    procedureWithoutPolicy: 'This procedure implements no policy. Add `implements: [<policy id>]` naming the policy whose goal it serves.',
    uncoveredPolicy: 'Approved policy "{id}" has no procedure that implements it. Write one (with `implements: [{id}]`), or list this id in an existing procedure.',
  },
  summarize: (doc, context) => summarizeDocument(doc, context.config),
  check(summaries, context) {
    const byId = indexById(summaries);
    const implemented = new Set<string>();
    for (const { summary } of summaries) {
      if (summary.data.type === 'procedure' && !isRetired(summary)) for (const id of implementsIds(summary)) implemented.add(id);
    }
    // A branch variant of a policy is covered by the procedures of its base.
    const isCovered = (policy: DocumentSummary): boolean => {
      const seen = new Set<DocumentSummary>();
      for (let current: DocumentSummary | undefined = policy; current && !seen.has(current); ) {
        seen.add(current);
        const id = stringValue(current.data.id);
        if (id && implemented.has(id)) return true;
        const baseId = stringValue(current.data.variant_of);
        current = baseId ? lookup(byId, baseId) : undefined;
      }
      return false;
    };
    for (const { summary } of summaries) {
      if (isRetired(summary)) continue;
      if (context.options.procedures && summary.data.type === 'procedure' && implementsIds(summary).length === 0) {
        // A variant that dropped its base's `implements` is a branch-uniformity finding.
        const baseId = stringValue(summary.data.variant_of);
        const base = baseId ? lookup(byId, baseId) : undefined;
        if (base && implementsIds(base).length > 0) continue;
        context.report({ filePath: summary.filePath, at: summary.keys.implements ?? summary.anchor, messageId: 'procedureWithoutPolicy' });
      }
      const id = stringValue(summary.data.id);
      if (context.options.policies && id && summary.data.type === 'policy' && summary.data.status === 'approved' && !isCovered(summary)) {
        context.report({ filePath: summary.filePath, at: summary.anchor, messageId: 'uncoveredPolicy', data: { id } });
      }
    }
  },
});
