import { indexById, listNames } from '../../src/repository/documents.js';
import { summarizeDocument } from '../../src/repository/summary.js';
import { defineCorpusRule } from '../../src/rules/define.js';

export default defineCorpusRule({
  id: 'unique-id',
  description: 'Every document has its own `id`; two documents never share one.',
  principle: 'resolvable-references',
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: {},
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: {
    duplicate: 'Id "{id}" is also used by {others}. Ids must be unique: give one of them a new id and update the documents that reference it.',
  },
  summarize: (doc, context) => summarizeDocument(doc, context.config),
  check(summaries, context) {
    for (const [id, documents] of indexById(summaries)) {
      if (documents.length < 2) continue;
      for (const document of documents) {
        const others = documents.filter((other) => other !== document);
        context.report({
          filePath: document.filePath,
          at: document.keys.id ?? document.anchor,
          messageId: 'duplicate',
          data: { id, others: listNames(others.map((other) => other.filePath)) },
          related: others.map((other) => ({
            filePath: other.filePath,
            line: (other.keys.id ?? other.anchor).line,
            column: (other.keys.id ?? other.anchor).column,
            message: `"${id}" is also defined here`,
          })),
        });
      }
    }
  },
});
