import type { ListItem, Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import type { ResolvedConfig, SopDocument } from '../types.js';
import { procedureSteps } from '../document/section-names.js';
import { sectionsOf, type Step } from '../document/sections.js';
import { sentencesOf, type SentenceSpan } from './sentences.js';

/**
 * A run of prose (a paragraph, a heading or a table cell) as plain text, with a map back to file
 * offsets. Code, inline code, HTML, images and link targets are not prose: inline code and bare URLs
 * become a neutral placeholder word, so sentences keep their shape but nothing in them is checked.
 */
export interface ProseBlock {
  kind: 'paragraph' | 'heading' | 'tableCell';
  text: string;
  /** File offset of each character of `text` (one extra entry for the end). */
  offsets: number[];
  node: Nodes;
  /** Canonical-free title of the level-2 section the block is in ('' before the first one). */
  section: string;
  /** Set when the block is the own text of a procedure step (not a nested sub-step). */
  step?: Step;
  /** Set when the block is inside a list item (any list). */
  inListItem: boolean;
  /** Set when the block is inside a blockquote. */
  inQuote: boolean;
}

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>().,;:!?'"\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Word the text gets in place of inline code and bare URLs. */
export const PLACEHOLDER = 'item';

export function toFileOffset(block: ProseBlock, index: number): number {
  return block.offsets[Math.max(0, Math.min(index, block.offsets.length - 1))];
}

/** Every prose block of the body, in document order. Computed once per document. */
export function proseBlocks(doc: SopDocument, config: ResolvedConfig): ProseBlock[] {
  return doc.memo('prose-blocks', () => {
    const stepByParagraph = new Map<Nodes, Step>();
    for (const step of procedureSteps(doc, config)) {
      for (const child of step.item.children) if (child.type !== 'list') stepByParagraph.set(child, step);
    }
    const sectionByHeading = new Map(sectionsOf(doc).map((section) => [section.heading, section.title]));
    const blocks: ProseBlock[] = [];
    let section = '';
    const visit = (node: Nodes, inListItem: boolean, inQuote: boolean, step: Step | undefined) => {
      switch (node.type) {
        case 'heading': {
          section = sectionByHeading.get(node) ?? (node.depth <= 2 ? '' : section);
          const block = buildBlock(doc, node, 'heading', node.children);
          if (block) blocks.push({ ...block, section, inListItem, inQuote });
          return;
        }
        case 'paragraph': {
          const block = buildBlock(doc, node, 'paragraph', node.children);
          if (block) blocks.push({ ...block, section, inListItem, inQuote, step: stepByParagraph.get(node) ?? step });
          return;
        }
        case 'tableCell': {
          const block = buildBlock(doc, node, 'tableCell', node.children);
          if (block) blocks.push({ ...block, section, inListItem, inQuote });
          return;
        }
        case 'code':
        case 'html':
        case 'yaml':
        case 'definition':
        case 'thematicBreak':
          return;
        case 'listItem':
          for (const child of (node as ListItem).children) visit(child, true, inQuote, stepByParagraph.get(child));
          return;
        case 'blockquote':
          for (const child of node.children) visit(child, inListItem, true, step);
          return;
        default:
          if ('children' in node) for (const child of (node as Parents).children) visit(child as Nodes, inListItem, inQuote, step);
      }
    };
    for (const child of doc.tree.children as RootContent[]) visit(child, false, false, undefined);
    return blocks;
  });
}

function buildBlock(doc: SopDocument, node: Nodes, kind: ProseBlock['kind'], children: PhrasingContent[]) {
  let text = '';
  const offsets: number[] = [];
  const append = (value: string, start: number, end: number) => {
    // Escapes and character references make the value shorter than its source; map proportionally.
    const sourceLength = Math.max(0, end - start);
    for (let i = 0; i < value.length; i++) {
      offsets.push(sourceLength === value.length ? start + i : start + Math.min(sourceLength, Math.floor((i * sourceLength) / Math.max(1, value.length))));
    }
    text += value;
  };
  // Bare URLs and e-mail addresses are not prose (the lint parser leaves them as text).
  const appendMaskingUrls = (value: string, start: number, end: number) => {
    if (!/[@:.]/.test(value)) return append(value, start, end);
    const exact = end - start === value.length;
    let cursor = 0;
    for (const match of value.matchAll(BARE_URL)) {
      const index = match.index;
      if (index > cursor) append(value.slice(cursor, index), exact ? start + cursor : start, exact ? start + index : end);
      append(PLACEHOLDER, exact ? start + index : start, exact ? start + index + match[0].length : end);
      cursor = index + match[0].length;
    }
    if (cursor < value.length) append(value.slice(cursor), exact ? start + cursor : start, end);
  };
  const walk = (nodes: PhrasingContent[]) => {
    for (const child of nodes) {
      const start = child.position?.start.offset ?? offsets.at(-1) ?? 0;
      const end = child.position?.end.offset ?? start;
      switch (child.type) {
        case 'text':
          appendMaskingUrls(child.value, start, end);
          break;
        case 'inlineCode':
          append(PLACEHOLDER, start, end);
          break;
        case 'break':
          append(' ', start, end);
          break;
        case 'link': {
          const label = child.children.map((c) => ('value' in c ? c.value : '')).join('');
          if (label === child.url || label.replace(/^mailto:/, '') === child.url.replace(/^mailto:/, '')) append(PLACEHOLDER, start, end);
          else walk(child.children);
          break;
        }
        case 'html':
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          break;
        default:
          if ('children' in child) walk(child.children as PhrasingContent[]);
      }
    }
  };
  walk(children);
  if (text.trim() === '') return undefined;
  offsets.push(node.position?.end.offset ?? offsets.at(-1) ?? 0);
  return { kind, text, offsets, node };
}

export interface Sentence extends SentenceSpan {
  block: ProseBlock;
}

/** Sentences of every prose block (headings excluded), with block-relative offsets. Computed once. */
export function sentencesOfDocument(doc: SopDocument, config: ResolvedConfig): Sentence[] {
  return doc.memo('sentences', () =>
    proseBlocks(doc, config)
      .filter((block) => block.kind !== 'heading')
      .flatMap((block) => sentencesOf(block.text, doc.lang).map((span) => ({ ...span, block }))),
  );
}

/** A `{offset, endOffset}` location for a span of a block, for `context.report`. */
export function blockLocation(block: ProseBlock, start: number, end: number): { offset: number; endOffset: number } {
  return { offset: toFileOffset(block, start), endOffset: end > start ? toFileOffset(block, end - 1) + 1 : toFileOffset(block, start) };
}
