import { relative } from 'node:path';
import { closest } from '../../src/config/suggest.js';
import { indexById, isRetired, lookup } from '../../src/repository/documents.js';
import { matchesAnchor, resolveLinkPath, splitLocalLink } from '../../src/repository/links.js';
import { stringValue, summarizeDocument, type DocumentSummary } from '../../src/repository/summary.js';
import { toPosix } from '../../src/source/discover.js';
import { defineCorpusRule } from '../../src/rules/define.js';

interface Options {
  /** Check relative links to files. */
  links: boolean;
  /** Check `#anchors` against the target's headings. */
  anchors: boolean;
  /** Flag references and links to retired documents. */
  retired: boolean;
}

/** Ids of the documents that supersede each id, so a finding can name the replacement. */
function replacements(summaries: ReadonlyArray<{ summary: DocumentSummary }>): Map<string, string[]> {
  const byOld = new Map<string, string[]>();
  for (const { summary } of summaries) {
    const id = stringValue(summary.data.id);
    if (!id || isRetired(summary)) continue;
    for (const reference of summary.references) {
      if (reference.field !== 'supersedes') continue;
      byOld.set(reference.id, [...(byOld.get(reference.id) ?? []), id].sort());
    }
  }
  return byOld;
}

export default defineCorpusRule({
  id: 'reference-resolves',
  description: 'Ids in `implements`, `related`, `supersedes` and `variant_of`, relative links and `#anchors` point at documents and headings that exist and are not retired.',
  principle: ['resolvable-references', 'procedures-serve-policies'],
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: { links: true, anchors: true, retired: true } as Options,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      links: { type: 'boolean', description: 'Check relative links to files.' },
      anchors: { type: 'boolean', description: 'Check `#anchors` against the headings of the target document.' },
      retired: { type: 'boolean', description: 'Flag references and links to retired documents.' },
    },
  },
  messages: {
    unknownId: '`{field}` names "{id}", but no document has that id.{hint}',
    selfReference: '`{field}` names this document itself. Name another document, or remove the entry.',
    notPolicy: '`implements` names "{id}", which is a {type}, not a policy. List the policies this document implements (a related procedure goes in `related`).',
    retiredId: '`{field}` names "{id}", which is retired.{replacement}',
    brokenLink: 'Link to "{url}": there is no file {path}.{hint}',
    brokenAnchor: 'Link to "{url}": {target} has no heading with the anchor "#{fragment}".{hint}',
    retiredLink: 'Link to "{url}": "{id}" is retired.{replacement}',
  },
  summarize: (doc, context) => summarizeDocument(doc, context.config),
  check(summaries, context) {
    const options = context.options;
    const byId = indexById(summaries);
    const ids = [...byId.keys()].sort();
    const supersededBy = replacements(summaries);
    const byPath = new Map(summaries.map(({ summary }) => [summary.absolutePath, summary]));
    const anchorSets = new Map<DocumentSummary, Set<string>>();
    const anchorsOf = (target: DocumentSummary) => {
      let anchors = anchorSets.get(target);
      if (!anchors) anchorSets.set(target, (anchors = new Set(target.anchors)));
      return anchors;
    };
    const shown = (absolutePath: string) => toPosix(relative(context.cwd, absolutePath)) || '.';
    const replacementHint = (id: string) => {
      const newer = supersededBy.get(id);
      return newer ? ` Use "${newer.join('" or "')}", which supersedes it.` : ' Point at the document that replaced it, or remove the reference.';
    };

    for (const { summary } of summaries) {
      // A retired document is kept for the record; its own references are not maintained any more.
      if (isRetired(summary)) continue;
      const ownId = stringValue(summary.data.id);

      for (const reference of summary.references) {
        const report = (messageId: 'unknownId' | 'selfReference' | 'notPolicy' | 'retiredId', data: Record<string, string>) =>
          context.report({ filePath: summary.filePath, at: reference.at, messageId, data: { field: reference.field, id: reference.id, ...data } });
        if (reference.id === ownId) {
          report('selfReference', {});
          continue;
        }
        const target = lookup(byId, reference.id);
        if (!target) {
          const suggestion = closest(reference.id, ids);
          report('unknownId', { hint: suggestion ? ` Did you mean "${suggestion}"?` : '' });
          continue;
        }
        if (reference.field === 'implements' && target.data.type !== 'policy') {
          report('notPolicy', { type: typeof target.data.type === 'string' ? target.data.type : 'document without a type' });
          continue;
        }
        // Superseding a retired document is the normal way to replace it.
        if (options.retired && reference.field !== 'supersedes' && isRetired(target)) {
          report('retiredId', { replacement: replacementHint(reference.id) });
        }
      }

      if (!options.links) continue;
      for (const link of summary.links) {
        const { path, fragment } = splitLocalLink(link.url);
        const targetPath = path === '' ? summary.absolutePath : resolveLinkPath(path, summary.absolutePath, context.files.rootOf(summary.absolutePath));
        const found = path === '' ? { state: 'exists' as const } : context.files.find(targetPath);
        if (found.state !== 'exists') {
          const hint = found.state === 'case'
            ? ` A file named "${found.actual}" exists: match its letter case (links are case-sensitive on most servers).`
            : ' Fix the path, or remove the link.';
          context.report({ filePath: summary.filePath, at: link.at, messageId: 'brokenLink', data: { url: link.url, path: shown(targetPath), hint } });
          continue;
        }
        const target = byPath.get(targetPath);
        if (!target) continue; // Not a linted document (an image, a PDF, an ignored file): nothing more to check.
        if (options.retired && target !== summary && isRetired(target)) {
          const id = stringValue(target.data.id) ?? shown(targetPath);
          context.report({ filePath: summary.filePath, at: link.at, messageId: 'retiredLink', data: { url: link.url, id, replacement: replacementHint(id) } });
          continue;
        }
        if (options.anchors && fragment !== undefined && !matchesAnchor(fragment, anchorsOf(target))) {
          const suggestion = closest(fragment.toLowerCase(), target.anchors);
          context.report({
            filePath: summary.filePath,
            at: link.at,
            messageId: 'brokenAnchor',
            data: {
              url: link.url,
              target: target === summary ? 'this document' : target.filePath,
              fragment,
              hint: suggestion ? ` Did you mean "#${suggestion}"?` : ' Link to an existing heading, or to the document without an anchor.',
            },
          });
        }
      }
    }
  },
});
