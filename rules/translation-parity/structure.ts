import { visit } from 'unist-util-visit';
import type { Nodes } from 'mdast';
import { procedureSteps } from '../../src/document/section-names.js';
import { positionOf, summarizeDocument, type Position } from '../../src/repository/summary.js';
import type { ResolvedConfig, SopDocument } from '../../src/types.js';

/**
 * What a translation and its source must share, in a form that does not depend on the words: the
 * canonical sections in order, and per step its number of sub-steps and the tokens no translator changes
 * (numbers, link targets, inline code), which tell one step from another across languages.
 */
export interface StepShape {
  at: Position;
  substeps: number;
  /** Numbers, link targets and code spans of the step's own text, in order: its language-free marks. */
  marks: string[];
}

export interface TranslationStructure {
  sections: Array<{ canonical: string; at: Position }>;
  steps: StepShape[];
  /** The Procedure section's last line, where a missing step is reported. */
  procedureEnd?: Position;
}

/** The language-free marks of a node: digits (any script's, as numbers), link targets and inline code. */
function marksOf(nodes: readonly Nodes[]): string[] {
  const marks: string[] = [];
  for (const node of nodes) {
    visit(node, (child) => {
      if (child.type === 'link') marks.push(`link:${child.url}`);
      else if (child.type === 'inlineCode') marks.push(`code:${child.value}`);
      else if (child.type === 'text') {
        for (const number of child.value.matchAll(/\p{Nd}+(?:[.,:]\p{Nd}+)*/gu)) {
          // Digits of every script compare as their value: ९ (Devanagari) is 9.
          marks.push(`number:${Array.from(number[0], (digit) => (/\p{Nd}/u.test(digit) ? String(digitValue(digit)) : digit)).join('')}`);
        }
      }
    });
  }
  return marks;
}

const isDecimalDigit = (code: number) => code > 0 && /\p{Nd}/u.test(String.fromCodePoint(code));

/** The value of a decimal digit of any script: Unicode gives each script its digits 0–9 in a row. */
function digitValue(digit: string): number {
  const code = digit.codePointAt(0)!;
  let start = code;
  while (isDecimalDigit(start - 1)) start--;
  return (code - start) % 10;
}

export function translationStructure(doc: SopDocument, config: ResolvedConfig): TranslationStructure {
  const summary = summarizeDocument(doc, config);
  const steps = procedureSteps(doc, config).map((step) => ({
    at: positionOf({ start: doc.pointAt(step.start), end: doc.pointAt(step.end) }),
    substeps: step.substeps.length,
    marks: marksOf(step.item.children.filter((child) => child.type !== 'list') as Nodes[]),
  }));
  return {
    sections: summary.sections.flatMap((section) => (section.canonical ? [{ canonical: section.canonical, at: section.at }] : [])),
    steps,
    ...(summary.procedure ? { procedureEnd: summary.procedure.end } : {}),
  };
}
