import { defineFileRule } from '../../src/rules/define.js';
import { blockLocation, proseBlocks } from '../../src/text/prose.js';

/**
 * A frontmatter value that only holds a place ("TODO", "TBD", "<owner>", "[name]"): `sop new` writes one
 * when the config names no default owner, so a new document lints, and is reported, until someone fills it.
 */
const PLACEHOLDER_VALUE = /^\s*(?:(?:TODO|TBD|TBC|FIXME|XXX)(?:[\s:.,;!(—–].*)?|N\/A|\?+|<[^<>\n]{1,40}>|\[[^[\]\n]{1,40}\])\s*$/i;

/** Unfinished-text markers in the body: written in capitals on purpose, so "todo" in a sentence passes. */
const BODY_MARKER = /(?<![\p{L}\p{N}_])(?:TODO|TBD|TBC|FIXME|XXX)(?![\p{L}\p{N}_])/gu;

/** Every string in the frontmatter with its key path (lists and nested mappings included). */
function* stringValues(value: unknown, path: Array<string | number> = []): Generator<{ path: Array<string | number>; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* stringValues(item, [...path, index]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringValues(item, [...path, key]);
}

/** `approver`, `changelog[0].summary`: the key path as a reader writes it. */
function fieldName(path: ReadonlyArray<string | number>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

export default defineFileRule({
  id: 'placeholder-text',
  description: 'No placeholder is left in a document: no “TODO” owner, no “TBD” in a step.',
  principle: 'accountable-metadata',
  defaultSeverity: 'warn',
  languages: 'all',
  defaultOptions: {},
  messages: {
    field: '`{field}` is a placeholder (“{value}”): fill it in before the document is approved.',
    body: '“{marker}” marks unfinished text: finish it, or move the open question out of the document.',
  },
  check(doc, context) {
    for (const { path, text } of stringValues(doc.frontmatter.data)) {
      if (!PLACEHOLDER_VALUE.test(text)) continue;
      context.report({ messageId: 'field', data: { field: fieldName(path), value: text.trim() }, at: { key: path, valueSpan: true } });
    }
    for (const block of proseBlocks(doc, context.config)) {
      for (const match of block.text.matchAll(BODY_MARKER)) {
        context.report({ messageId: 'body', data: { marker: match[0] }, at: blockLocation(block, match.index, match.index + match[0].length) });
      }
    }
  },
});
