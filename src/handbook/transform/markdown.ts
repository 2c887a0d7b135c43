import type { Heading, Nodes, Parents, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { headingText } from '../../document/sections.js';
import { elementId, SAFE_SCHEMES } from './links.js';

let stringifier: ReturnType<typeof createStringifier> | undefined;

function createStringifier() {
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one', fences: true }).freeze();
}

export interface MarkdownBody {
  /** The body as Markdown; links to handbook ids are `(#<id>)`, rewritten by the md renderer. */
  markdown: string;
  /** Headings in order, with their handbook ids and the text they show. */
  markdownHeadings: Array<{ id: string; text: string }>;
}

/**
 * The body for the combined Markdown handbook. Raw HTML is dropped (Markdown cannot be sanitised
 * piecewise, and no script may travel into the handbook), headings move one level down under the
 * document's title, and footnote labels carry the document's anchor so documents cannot collide.
 * Call after the HTML has been made: this changes the tree.
 */
export function markdownOf(tree: Root, anchor: string): MarkdownBody {
  const strip = (parent: Parents) => {
    parent.children = (parent.children as Nodes[]).filter((child) => child.type !== 'html') as never;
    for (const child of parent.children as Nodes[]) if ('children' in child) strip(child);
  };
  strip(tree);

  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'link') {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(node.url)?.[1]?.toLowerCase();
      if (scheme && !SAFE_SCHEMES.has(scheme)) {
        parent.children.splice(index, 1, ...(node.children as never[]));
        return index;
      }
    }
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      const label = node.label ?? node.identifier;
      node.identifier = `${anchor}-${node.identifier}`;
      node.label = `${anchor}-${label}`;
    }
    return undefined;
  });

  const markdownHeadings: MarkdownBody['markdownHeadings'] = [];
  visit(tree, 'heading', (heading: Heading) => {
    heading.depth = Math.min(6, heading.depth + 1) as Heading['depth'];
    const slug = (heading.data?.hProperties as { id?: string } | undefined)?.id;
    markdownHeadings.push({ id: elementId(anchor, slug), text: headingText(heading) });
  });

  stringifier ??= createStringifier();
  return { markdown: stringifier.stringify(tree).trimEnd(), markdownHeadings };
}
