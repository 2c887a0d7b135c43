import { indexById, isRetired, lookup, quote } from '../../src/repository/documents.js';
import { stringValue, summarizeDocument } from '../../src/repository/summary.js';
import { compareVariant, DEFAULT_REWORDED_SIMILARITY, DEFAULT_SIMILARITY, uniformitySettings, type Divergence } from '../../src/repository/uniformity.js';
import { defineCorpusRule } from '../../src/rules/define.js';

interface Options {
  similarity: number;
  rewordedSimilarity: number;
}

type MessageId = Divergence['kind'];

/** The values each message template needs, and what the related location in the base says. */
function describe(divergence: Divergence, local: string): { data: Record<string, string | number>; related: string } {
  switch (divergence.kind) {
    case 'missing-section':
      return { data: { title: divergence.title, where: divergence.before ? ` (it comes before "${divergence.before}")` : ' (it comes last)', local }, related: 'the section in the base' };
    case 'extra-section':
      return { data: { title: divergence.title, local }, related: '' };
    case 'renamed-section':
      return { data: { title: divergence.title, baseTitle: divergence.baseTitle }, related: 'the section in the base' };
    case 'moved-section':
      return { data: { title: divergence.title, number: divergence.number, baseNumber: divergence.baseNumber }, related: 'the section in the base' };
    case 'field':
      return { data: { field: divergence.field, value: divergence.value, baseValue: divergence.baseValue }, related: `\`${divergence.field}\` in the base` };
    case 'missing-step':
      return { data: { baseNumber: divergence.baseNumber, step: quote(divergence.baseText) }, related: `base step ${divergence.baseNumber}` };
    case 'extra-step':
      return { data: { number: divergence.number, step: quote(divergence.text), local }, related: '' };
    case 'moved-step':
      return { data: { number: divergence.number, baseNumber: divergence.baseNumber, step: quote(divergence.baseText) }, related: `base step ${divergence.baseNumber}` };
    case 'reworded-step':
      return { data: { number: divergence.number, baseNumber: divergence.baseNumber, step: quote(divergence.baseText), percent: Math.floor(divergence.similarity * 100) }, related: `base step ${divergence.baseNumber}` };
    case 'step-count':
      return { data: { count: divergence.count, baseCount: divergence.baseCount, baseLang: divergence.baseLang }, related: 'the base procedure' };
  }
}

export default defineCorpusRule({
  id: 'branch-uniformity',
  description: 'A branch variant keeps its base procedure\'s sections, steps and shared fields; only declared local sections differ.',
  principle: 'uniform-across-branches',
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: { similarity: DEFAULT_SIMILARITY, rewordedSimilarity: DEFAULT_REWORDED_SIMILARITY } as Options,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      similarity: { type: 'number', minimum: 0, maximum: 1, description: 'Steps at least this similar count as the same step (1: exact match after normalising case, spacing and punctuation).' },
      rewordedSimilarity: { type: 'number', minimum: 0, maximum: 1, description: 'Steps at least this similar are reported as one reworded step, not as a missing and an extra step.' },
    },
  },
  messages: {
    'missing-section': 'Section "{title}" of the base procedure ({base}) is missing{where}. Add it, or list it in `uniformity.localSections` if it is meant to differ per branch.',
    'extra-section': 'Section "{title}" is not in the base procedure ({base}). Put branch-only content under "{local}".',
    'renamed-section': 'Section "{title}" is "{baseTitle}" in the base procedure ({base}). Use the same heading.',
    'moved-section': 'Section "{title}" is section {number} here but section {baseNumber} in the base procedure ({base}). Keep the base order.',
    field: '`{field}` is {value} here but {baseValue} in the base procedure ({base}). Fields in `uniformity.sameFields` must match the base.',
    'missing-step': 'Step {baseNumber} of the base procedure ({base}) is missing: "{step}" — add it in the same place.',
    'extra-step': 'Step {number} is not in the base procedure ({base}): "{step}" — remove it, add it to the base for every branch, or put branch detail under "{local}".',
    'moved-step': 'Step {number} is step {baseNumber} in the base procedure ({base}): "{step}" — keep the base order.',
    'reworded-step': 'Step {number} is worded differently from base step {baseNumber} ({base}, {percent}% similar): "{step}" — use the base wording.',
    'step-count': 'The procedure has {count} steps; the base procedure ({base}, in {baseLang}) has {baseCount}. A translated variant keeps every step.',
  } satisfies Record<MessageId, string>,
  summarize: (doc, context) => summarizeDocument(doc, context.config),
  check(summaries, context) {
    const settings = uniformitySettings(context.config, context.options);
    const byId = indexById(summaries);
    for (const { summary: variant } of summaries) {
      const baseId = stringValue(variant.data.variant_of);
      if (!baseId || isRetired(variant)) continue;
      const base = lookup(byId, baseId);
      // A missing, self-naming or retired base is `reference-resolves`' finding; comparing would only add noise.
      if (!base || base === variant || isRetired(base)) continue;
      for (const divergence of compareVariant(base, variant, settings)) {
        const { data, related } = describe(divergence, settings.localSectionName);
        context.report({
          filePath: variant.filePath,
          at: divergence.at,
          messageId: divergence.kind,
          data: { ...data, base: base.filePath },
          ...(divergence.baseAt && related
            ? { related: [{ filePath: base.filePath, line: divergence.baseAt.line, column: divergence.baseAt.column, message: related }] }
            : {}),
        });
      }
    }
  },
});
