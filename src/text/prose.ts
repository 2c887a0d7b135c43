import type { ListItem, Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import type { ResolvedConfig, SopDocument } from '../types.js';
import { procedureSteps } from '../document/section-names.js';
import { sectionsOf, type Step } from '../document/sections.js';
import { sentencesOf, type SentenceSpan } from './sentences.js';
import { bareUrlRanges } from './bare-urls.js';
import { isVerbatim, SourceMap } from './source-map.js';

/**
 * A run of prose (a paragraph, a heading or a table cell) as plain text, with a map back to file
 * offsets. Code, inline code, HTML, images and link targets are not prose: inline code and bare URLs
 * become a neutral placeholder word, so sentences keep their shape but nothing in them is checked.
 */
export interface ProseBlock {
  kind: 'paragraph' | 'heading' | 'tableCell';
  text: string;
  /** The exact source range of each character of `text`. */
  map: SourceMap;
  node: Nodes;
  /** Canonical-free title of the level-2 section the block is in ('' before the first one). */
  section: string;
  /** Set when the block is the own text of a procedure step (not a nested sub-step). */
  step?: Step;
  /** Set when the block is inside a list item (any list). */
  inListItem: boolean;
  /** Set when the block is inside a blockquote. */
  inQuote: boolean;
  /** Offsets in `text` of the line breaks written as `<br>`: a sentence ends at each. */
  lineBreaks: number[];
  /** Where `text` holds the placeholder word, and the source it stands for (what a message shows). */
  placeholders: Placeholder[];
}

/** A stretch of `text` that is the placeholder word standing for inline code, a URL or an e-mail address. */
export interface Placeholder {
  start: number;
  end: number;
  /** The source it replaces, on one line (`` `Duplicate` ``, `https://example.com`). */
  source: string;
}

/** A bullet at the start of a line written after `<br>`: "- ", "* ", "+ ", "• " (the escaped "\\- " is "- " here too). */
const LINE_BULLET = /^[ \t]*[-*+•][ \t]+/;

/** Word the text gets in place of inline code and bare URLs. */
export const PLACEHOLDER = 'item';

/** The file offset where the character at `index` starts (the end of the block past the last one). */
export function toFileOffset(block: ProseBlock, index: number): number {
  const { starts, ends } = block.map;
  if (starts.length === 0) return block.node.position?.start.offset ?? 0;
  if (index >= starts.length) return ends[starts.length - 1];
  return starts[Math.max(0, index)];
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
  const lineBreaks: number[] = [];
  const placeholders: Placeholder[] = [];
  const placeholder = (start: number, end: number) => {
    placeholders.push({ start: text.length, end: text.length + PLACEHOLDER.length, source: source.slice(start, end).replace(/\s+/g, ' ') });
    spanning(PLACEHOLDER, start, end);
  };
  const map = new SourceMap();
  const source = doc.text;
  const aligned = (value: string, start: number, end: number) => {
    map.appendAligned(value, source, start, end);
    text += value;
  };
  const spanning = (value: string, start: number, end: number) => {
    map.appendSpanning(value, start, end);
    text += value;
  };
  // Bare URLs and e-mail addresses are not prose (the lint parser leaves them as text). The value is
  // aligned piece by piece so each URL's placeholder spans exactly the URL in the file.
  const appendMaskingUrls = (value: string, start: number, end: number) => {
    const ranges = bareUrlRanges(value);
    if (ranges.length === 0) return aligned(value, start, end);
    const probe = new SourceMap();
    probe.appendAligned(value, source, start, end);
    const at = (index: number) => (index < value.length ? probe.starts[index] : end);
    let cursor = 0;
    for (const [from, to] of ranges) {
      if (from > cursor) aligned(value.slice(cursor, from), at(cursor), at(from));
      placeholder(at(from), probe.ends[to - 1]);
      cursor = to;
    }
    if (cursor < value.length) aligned(value.slice(cursor), at(cursor), end);
  };
  const walk = (nodes: PhrasingContent[]) => {
    for (const child of nodes) {
      const start = child.position?.start.offset ?? (map.length > 0 ? map.ends[map.length - 1] : 0);
      const end = child.position?.end.offset ?? start;
      switch (child.type) {
        case 'text': {
          // A line after `<br>` in a table cell often starts with a bullet ("<br>- the receipt"): the
          // marker is layout, not a word of the sentence.
          const bullet = lineBreaks.at(-1) === text.length - 1 ? LINE_BULLET.exec(child.value)?.[0].length ?? 0 : 0;
          if (bullet === 0) appendMaskingUrls(child.value, start, end);
          else {
            const probe = new SourceMap();
            probe.appendAligned(child.value, source, start, end);
            appendMaskingUrls(child.value.slice(bullet), bullet < child.value.length ? probe.starts[bullet] : end, end);
          }
          break;
        }
        case 'inlineCode':
          placeholder(start, end);
          break;
        case 'break':
          spanning(' ', start, end);
          break;
        case 'link': {
          const label = child.children.map((c) => ('value' in c ? c.value : '')).join('');
          if (label === child.url || label.replace(/^mailto:/, '') === child.url.replace(/^mailto:/, '')) placeholder(start, end);
          else walk(child.children);
          break;
        }
        case 'html':
          // A `<br>` in a table cell (or anywhere in a paragraph) separates lines: no word runs across it.
          if (/^<br\s*\/?>$/i.test(child.value.trim())) {
            lineBreaks.push(text.length);
            spanning('\n', start, end);
          }
          break;
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
  return { kind, text, map, node, lineBreaks, placeholders };
}

/** True when a plain replacement of the block's span `[start, end)` in the file loses no markup. */
export function isVerbatimSpan(doc: SopDocument, block: ProseBlock, start: number, end: number): boolean {
  return isVerbatim(block.map, block.text, doc.text, start, end);
}

export interface Sentence extends SentenceSpan {
  block: ProseBlock;
}

/** Sentences of every prose block (headings excluded), with block-relative offsets. Computed once. */
export function sentencesOfDocument(doc: SopDocument, config: ResolvedConfig): Sentence[] {
  return doc.memo('sentences', () =>
    proseBlocks(doc, config)
      .filter((block) => block.kind !== 'heading')
      .flatMap((block) => sentencesOfBlock(block, doc.lang).map((span) => ({ ...span, block }))),
  );
}

/** Sentences of a block: each line between `<br>` breaks is split on its own, so no sentence runs across one. */
function sentencesOfBlock(block: ProseBlock, lang: string): SentenceSpan[] {
  if (block.lineBreaks.length === 0) return sentencesOf(block.text, lang);
  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const at of [...block.lineBreaks, block.text.length]) {
    for (const span of sentencesOf(block.text.slice(from, at), lang)) spans.push({ text: span.text, start: span.start + from, end: span.end + from });
    from = at + 1;
  }
  return spans;
}

/** A `{offset, endOffset}` location for a span of a block, for `context.report`. */
export function blockLocation(block: ProseBlock, start: number, end: number): { offset: number; endOffset: number } {
  const offset = toFileOffset(block, start);
  const last = Math.min(end, block.map.length) - 1;
  return { offset, endOffset: end > start && last >= start ? block.map.ends[last] : offset };
}
