import type { Fix, SopDocument } from '../types.js';
import { blockLocation, isVerbatimSpan, type ProseBlock } from '../text/prose.js';

/**
 * A fix that replaces a span of a block, offered only when the file holds exactly the block's text
 * there, apart from line breaks and the container prefixes after them (a phrase wrapped in a list item
 * or a blockquote is fixed). Emphasis, links, escapes or character references inside the span would be
 * lost by a plain replacement, so those findings are reported without a fix.
 */
export function replacementFix(doc: SopDocument, block: ProseBlock, start: number, end: number, text: string): Fix | undefined {
  if (!isVerbatimSpan(doc, block, start, end)) return undefined;
  const { offset, endOffset } = blockLocation(block, start, end);
  return { range: [offset, endOffset], text };
}
