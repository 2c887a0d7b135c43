import type { Heading, List, ListItem, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SopDocument } from '../types.js';

export interface Section {
  /** Heading text as written. */
  title: string;
  /** Normalised title for comparisons (lower case, no numbering, no punctuation). */
  key: string;
  depth: number;
  heading: Heading;
  /** Body nodes up to the next heading of the same or a higher level. */
  children: RootContent[];
  /** Offset just after the last body node (or the heading). */
  endOffset: number;
}

/**
 * The visible text of a heading: no raw HTML (a `<!-- note -->` after a heading is not part of its name)
 * and no image alt text, as GitHub reads it for its anchor.
 */
export function headingText(heading: Heading): string {
  return toString(heading, { includeImageAlt: false, includeHtml: false });
}

/**
 * The text a reader sees in a node: raw HTML (a `<!-- note -->`, a `<br>`) counts as a space, so a
 * comment after a step does not make two identical steps differ and `a<br>b` stays two words.
 */
function readableText(node: Nodes): string {
  if (node.type === 'html') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(readableText).join('');
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return 'value' in node ? node.value : '';
}

/** Lower-cases, strips hand numbering ("2.", "2.1", "A)") and punctuation, folds spaces. */
export function normaliseHeading(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\)|[ivx]+\.)\s+/u, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The document's sections at one heading depth (default 2), each with its body. Computed once per document. */
export function sectionsOf(doc: SopDocument, depth = 2): Section[] {
  return doc.memo(`sections:${depth}`, () => {
    const sections: Section[] = [];
    let current: Section | undefined;
    for (const node of doc.tree.children) {
      if (node.type === 'heading' && node.depth <= depth) {
        current = undefined;
        if (node.depth === depth) {
          const title = headingText(node).trim();
          current = {
            title,
            key: normaliseHeading(title),
            depth,
            heading: node,
            children: [],
            endOffset: node.position?.end.offset ?? 0,
          };
          sections.push(current);
        }
        continue;
      }
      if (current && node.type !== 'yaml') {
        current.children.push(node);
        current.endOffset = node.position?.end.offset ?? current.endOffset;
      }
    }
    return sections;
  });
}

export interface Step {
  /** 1-based position among the procedure's top-level steps. */
  number: number;
  item: ListItem;
  list: List;
  /** The step's own text: its paragraphs, without nested lists (sub-steps). */
  text: string;
  /** Offsets of the step's own content in the document text. */
  start: number;
  end: number;
  /** Nested list items, if any. */
  substeps: ListItem[];
}

/** Top-level items of the ordered lists in a section (or of its lists, if none is ordered). */
export function stepsOfSection(section: Section): Step[] {
  const lists: List[] = [];
  const collect = (nodes: RootContent[]) => {
    for (const node of nodes) if (node.type === 'list') lists.push(node);
  };
  collect(section.children);
  const ordered = lists.filter((list) => list.ordered);
  const chosen = ordered.length > 0 ? ordered : lists;
  const steps: Step[] = [];
  for (const list of chosen) {
    for (const item of list.children) {
      const own = item.children.filter((child) => child.type !== 'list');
      const nested = item.children.filter((child): child is List => child.type === 'list');
      const start = own[0]?.position?.start.offset ?? item.position?.start.offset ?? 0;
      const end = own.at(-1)?.position?.end.offset ?? start;
      steps.push({
        number: steps.length + 1,
        item,
        list,
        text: own.map(readableText).join(' ').replace(/\s+/g, ' ').trim(),
        start,
        end,
        substeps: nested.flatMap((list) => list.children),
      });
    }
  }
  return steps;
}
