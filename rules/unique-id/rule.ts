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
      const [first] = documents;
      const where = (other: (typeof documents)[number]) => ({
        filePath: other.filePath,
        line: (other.keys.id ?? other.anchor).line,
        column: (other.keys.id ?? other.anchor).column,
        message: `"${id}" is also defined here`,
      });
      for (const document of documents) {
        // The first occurrence lists a few of the others; every other one points at the first. With
        // 2,500 copies, relating each to all the rest made a report of gigabytes.
        const others = firstOthers(documents, document, MAX_RELATED);
        const related = document === first ? others.map(where) : [where(first)];
        const names = others.slice(0, 3).map((other) => other.filePath);
        const more = documents.length - 1 - names.length;
        context.report({
          filePath: document.filePath,
          at: document.keys.id ?? document.anchor,
          messageId: 'duplicate',
          data: { id, others: more > 0 ? `${names.join(', ')} and ${more} more` : listNames(names) },
          related,
        });
      }
    }
  },
});

/** At most this many related locations on the first occurrence of a shared id. */
const MAX_RELATED = 10;

/** The first `count` documents other than `self`, without walking the whole group. */
function firstOthers<T>(documents: readonly T[], self: T, count: number): T[] {
  const found: T[] = [];
  for (const document of documents) {
    if (document === self) continue;
    found.push(document);
    if (found.length === count) break;
  }
  return found;
}
