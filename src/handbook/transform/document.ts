import type { Element, Root as HastRoot } from 'hast';
import type { Heading, List, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { documentAnchors, headingText, Slugger } from '../../repository/slug.js';
import { parseDocumentText, parseMarkdownForRender } from '../../document/parse.js';
import { procedureSteps } from '../../document/section-names.js';
import { sectionsOf } from '../../document/sections.js';
import type { ResolvedConfig } from '../../types.js';
import type { EditionPlan, PlacedDoc, TransformedDoc } from '../types.js';
import { elementId } from './links.js';
import { markdownOf } from './markdown.js';
import { imageSource, inlineReferences, rewriteReferences, type MediaRef } from './references.js';
import { toSafeHast } from './sanitize.js';

export interface TransformedWithMedia extends TransformedDoc {
  media: MediaRef[];
}

/**
 * One document's body for the handbook: frontmatter and the leading title dropped (the handbook
 * prints its own, numbered), headings anchored, procedure steps numbered, cross-references
 * resolved, raw HTML sanitised. Also the same body as Markdown for the combined `.md` handbook.
 */
export function transformDocument(doc: PlacedDoc, plan: Pick<EditionPlan, 'targets' | 'settings'>, config: ResolvedConfig): TransformedWithMedia {
  const { record, anchor } = doc;
  const outcome = parseDocumentText({ absolutePath: record.filePath, filePath: record.filePath, text: record.text, defaultLang: record.lang, maxFileSize: Infinity, parse: parseMarkdownForRender });
  const source = outcome.document;
  // The lint read the same text; a file it could not read is left out of the build before this point.
  if (!source) throw new Error(outcome.problems[0]?.message ?? 'the document could not be parsed');
  const tree = source.tree;

  const localIds = new Set(documentAnchors(tree));
  const steps = procedureSteps(source, config);
  const sections = sectionsOf(source).map((section) => ({ heading: section.heading, title: section.title, text: plainText(section.children) }));

  assignHeadingIds(tree);
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  const first = tree.children[0];
  if (first?.type === 'heading' && first.depth === 1) tree.children.shift();
  const introEnd = tree.children.findIndex((node) => node.type === 'heading' && node.depth <= 2);
  const intro = plainText(introEnd < 0 ? tree.children : tree.children.slice(0, introEnd));

  numberSteps(steps.map((step) => ({ list: step.list, item: step.item, number: step.number })));
  inlineReferences(tree);
  const { notInEdition, linkRemoved } = plan.settings.labels;
  const media = rewriteReferences(tree, { anchor, filePath: record.filePath, plan, localIds, notInEdition, linkRemoved });

  const outline = sections.map((section) => {
    const slug = (section.heading.data?.hProperties as { id?: string } | undefined)?.id ?? '';
    return { id: elementId(anchor, slug), title: section.title, text: section.text };
  });

  const body = toSafeHast(tree, anchor);
  linkFootnotesAndRawAnchors(body, anchor);
  for (const ref of relinkRawImages(body, record.filePath)) media.push(ref);
  const markdown = markdownOf(tree, anchor);
  return { anchor, body, sections: outline, intro, media, steps: steps.map((step) => ({ number: step.number, text: step.text })), ...markdown };
}

/** GitHub's slugs, counted over every heading (the dropped title too), so `#scope-1` means what it does on GitHub. */
function assignHeadingIds(tree: Root): void {
  const slugger = new Slugger();
  visit(tree, 'heading', (heading: Heading) => {
    const slug = slugger.slug(headingText(heading));
    heading.data = { ...heading.data, hProperties: { ...(heading.data?.hProperties ?? {}), id: slug } };
  });
}

/** Steps keep one numbering across the lists of the Procedure section; a bulleted procedure is numbered too. */
function numberSteps(steps: Array<{ list: List; item: RootContent; number: number }>): void {
  const seen = new Set<List>();
  for (const step of steps) {
    if (!seen.has(step.list)) {
      seen.add(step.list);
      step.list.ordered = true;
      step.list.start = step.number;
      step.list.data = { ...step.list.data, hProperties: { className: ['sop-steps'] } };
    }
    step.item.data = { ...step.item.data, hProperties: { id: `step-${step.number}`, className: ['sop-step'] } };
  }
}

const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Text for the search index: blocks (paragraphs, list items, cells) are kept apart by a space, so "receipt." and "Check" stay two words. */
function plainText(nodes: readonly RootContent[]): string {
  const textOf = (node: RootContent): string => {
    if (node.type === 'html' || node.type === 'code' || node.type === 'yaml') return '';
    if (node.type === 'image') return node.alt ?? '';
    if (node.type === 'break') return ' ';
    if ('value' in node) return node.value;
    if (!('children' in node)) return '';
    return (node.children as RootContent[]).map(textOf).join(PHRASING.has(node.type) || node.type === 'paragraph' || node.type === 'heading' ? '' : ' ');
  };
  return nodes.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Links the sanitiser could not know about: footnote links made by remark-rehype and `href="#x"`
 * in raw HTML point at ids that now carry the document's prefix.
 */
function linkFootnotesAndRawAnchors(body: HastRoot, anchor: string): void {
  const ids = new Set<string>();
  visit(body, 'element', (element: Element) => {
    if (typeof element.properties.id === 'string') ids.add(element.properties.id);
  });
  visit(body, 'element', (element: Element) => {
    const href = element.properties.href;
    if (element.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    const id = href.slice(1);
    if (!ids.has(id) && ids.has(elementId(anchor, id))) element.properties.href = `#${elementId(anchor, id)}`;
  });
}

/** Images written as raw HTML get what Markdown images get: local ones copied, remote ones turned into links. */
function relinkRawImages(body: HastRoot, filePath: string): MediaRef[] {
  const media: MediaRef[] = [];
  visit(body, 'element', (element: Element, index, parent) => {
    const src = element.properties.src;
    if (element.tagName !== 'img' || typeof src !== 'string' || src.startsWith('media/') || !parent || index === undefined) return;
    const source = imageSource(src, filePath);
    const alt = typeof element.properties.alt === 'string' ? element.properties.alt : '';
    if (source.kind === 'local') {
      element.properties.src = source.ref.output;
      media.push(source.ref);
    } else if (source.kind === 'remote') {
      parent.children[index] = { type: 'element', tagName: 'a', properties: { href: source.url }, children: [{ type: 'text', value: alt || source.url }] };
    } else {
      parent.children[index] = { type: 'text', value: alt };
    }
  });
  return media;
}
