import { indexById, listNames } from '../../src/repository/documents.js';
import { relative } from 'node:path';
import { fallbackIdOf } from '../../src/repository/record.js';
import { summarizeDocument, type DocumentSummary } from '../../src/repository/summary.js';
import { toPosix } from '../../src/source/discover.js';
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
    // A document without an id is known by the one its path gives it (`a/index.md` → `a-index`), as
    // the handbook places it, so a collision with such an id is reported too.
    const fallbackId = (summary: DocumentSummary) => fallbackIdOf(toPosix(relative(context.files.rootOf(summary.absolutePath), summary.absolutePath)));
    for (const [id, documents] of indexById(summaries, fallbackId)) {
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
