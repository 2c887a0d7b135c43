import type { List, Paragraph, RootContent } from 'mdast';
import { defineFileRule } from '../../src/rules/define.js';
import { findSection } from '../../src/document/section-names.js';

/** Lines Markdown does not read as list items but a writer meant as steps. */
const PSEUDO_ITEMS: Array<{ pattern: RegExp; kind: 'numbered' | 'lettered' | 'roman' | 'labelled' }> = [
  { pattern: /^(?:step|stage)\s+\d+\s*[:.)–-]/i, kind: 'labelled' },
  { pattern: /^\(?\d{1,2}[.)](?=\S)/, kind: 'numbered' },
  { pattern: /^\(\d{1,2}\)(?=\s+\S)/, kind: 'numbered' },
  { pattern: /^\d{1,2}\s*[-–:](?=\s+\p{Lu})/u, kind: 'numbered' },
  { pattern: /^\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)](?=\s+\S)/i, kind: 'roman' },
  { pattern: /^\(?[a-z][.)](?=\s+\S)/i, kind: 'lettered' },
];

/** The marker and kind of a line that looks like a list item Markdown did not parse as one. */
function pseudoItem(line: string): { marker: string; kind: string } | undefined {
  for (const { pattern, kind } of PSEUDO_ITEMS) {
    const match = pattern.exec(line);
    if (match) return { marker: match[0], kind };
  }
  return undefined;
}

export default defineFileRule({
  id: 'procedure-steps',
  description: "A procedure's Procedure section holds its steps as an ordered Markdown list.",
  principle: ['predictable-structure', 'short-simple-procedures'],
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: {},
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: {
    noSteps: 'The {section} section has no steps: write them as an ordered list (`1.`, `2.`, `3.`).',
    paragraphSteps: 'Steps are written as paragraphs: write them as an ordered list (`1.`, `2.`, `3.`) so staff can follow and cite them.',
    bulleted: 'Steps are a bulleted list: use an ordered list (`1.`, `2.`) so staff can follow the order and cite step numbers.',
    pseudoList: '"{marker}" starts a {kind} line that Markdown does not treat as a list item: make it an ordered list item (`1. `) or a nested list.',
  },
  check(doc, context) {
    if (doc.frontmatter.data.type !== 'procedure') return;
    const section = findSection(doc, context.config, 'Procedure');
    if (!section) return; // required-sections reports a missing Procedure section.
    const lists = section.children.filter((node): node is List => node.type === 'list');
    const paragraphs = section.children.filter((node): node is Paragraph => node.type === 'paragraph');

    const pseudoLines = collectPseudoLines(section.children, doc.text);
    for (const line of pseudoLines) {
      context.report({ messageId: 'pseudoList', data: { marker: line.marker, kind: line.kind }, at: { offset: line.offset, endOffset: line.offset + line.marker.length } });
    }
    if (lists.length === 0) {
      if (pseudoLines.length > 0) return;
      if (paragraphs.length > 0) context.report({ messageId: 'paragraphSteps', at: { node: paragraphs[0] } });
      else context.report({ messageId: 'noSteps', data: { section: section.title }, at: { node: section.heading } });
      return;
    }
    if (!lists.some((list) => list.ordered)) {
      context.report({ messageId: 'bulleted', at: { node: lists[0] } });
    }
  },
});

interface PseudoLine {
  offset: number;
  marker: string;
  kind: string;
}

/** Finds pseudo-list lines in paragraphs of the section, including inside list items (nested "a." lines). */
function collectPseudoLines(nodes: RootContent[], text: string): PseudoLine[] {
  const found: PseudoLine[] = [];
  const visit = (node: RootContent) => {
    if (node.type === 'paragraph') {
      const start = node.position?.start.offset;
      const firstText = node.children[0];
      if (start === undefined || !firstText || firstText.type !== 'text') return;
      // Each line of the paragraph's first text node; mdast strips continuation indentation, so find
      // every line in the source again rather than adding up lengths.
      let cursor = firstText.position?.start.offset ?? start;
      for (const line of firstText.value.split('\n')) {
        const content = line.trimStart();
        const offset = content ? text.indexOf(content, cursor) : -1;
        if (offset >= 0) cursor = offset + content.length;
        const item = pseudoItem(content);
        if (item && offset >= 0) found.push({ offset, ...item });
      }
      return;
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  nodes.forEach(visit);
  return found;
}
