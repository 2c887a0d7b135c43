import type { Root as HastRoot } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';

/** Classes the build itself puts on elements; everything else a document writes is GitHub's safe subset. */
const BUILD_CLASSES = {
  a: ['sop-xref'],
  ol: ['sop-steps'],
  li: ['sop-step'],
  span: ['sop-unresolved'],
};

function withClasses(tag: keyof typeof BUILD_CLASSES): NonNullable<Schema['attributes']>[string] {
  const base = defaultSchema.attributes?.[tag] ?? [];
  const others = base.filter((entry) => !(Array.isArray(entry) && entry[0] === 'className'));
  const existing = base.find((entry): entry is [string, ...Array<string | number | boolean | RegExp | null | undefined>] => Array.isArray(entry) && entry[0] === 'className');
  return [...others, ['className', ...(existing ? existing.slice(1) : []), ...BUILD_CLASSES[tag]] as [string, ...string[]]];
}

/**
 * GitHub's sanitisation schema (no script, no event handlers, no `javascript:` URLs, no style), plus
 * the build's own classes and `tel:` links. Element ids a document writes are prefixed with its
 * anchor, so two documents of one handbook page cannot clash or overwrite the page's own ids.
 */
export function sanitizeSchema(anchor: string): Schema {
  // No `<source>`: its `srcset` is never protocol-checked, so `<picture><source srcset="http://…">`
  // would make the handbook fetch from another site on opening. The `<picture>`'s `<img>` stays, and
  // its `src` goes through the same checks (and copying into media/) as a Markdown image.
  const { source: _source, ...attributes } = defaultSchema.attributes ?? {};
  return {
    ...defaultSchema,
    clobberPrefix: `${anchor}--`,
    tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'source'),
    attributes: {
      ...attributes,
      a: withClasses('a'),
      ol: withClasses('ol'),
      li: withClasses('li'),
      span: withClasses('span'),
    },
    protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), 'tel'] },
  };
}

let withRaw: ReturnType<typeof createProcessor> | undefined;
let withoutRaw: ReturnType<typeof createProcessor> | undefined;

function createProcessor(raw: boolean) {
  // Raw HTML is parsed (rehype-raw) so that sanitising sees real elements, never strings.
  const processor = unified().use(remarkRehype, { allowDangerousHtml: raw, clobberPrefix: '' });
  return (raw ? processor.use(rehypeRaw) : processor).freeze();
}

/** mdast → hast, raw HTML parsed, then sanitised. Documents without raw HTML skip the HTML parser (most do; it is slow). */
export function toSafeHast(tree: MdastRoot, anchor: string): HastRoot {
  let raw = false;
  visit(tree, 'html', () => {
    raw = true;
    return EXIT;
  });
  const processor = raw ? (withRaw ??= createProcessor(true)) : (withoutRaw ??= createProcessor(false));
  const hast = processor.runSync(tree) as HastRoot;
  // The schema differs per document (its id prefix), so the plugin's transform is applied directly.
  const safe = rehypeSanitize(sanitizeSchema(anchor))(hast);
  // Bodies are kept for every edition of the build; source positions would double their size.
  visit(safe, (node) => {
    delete node.position;
  });
  return safe;
}
