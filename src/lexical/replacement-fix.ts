import type { Fix, SopDocument } from '../types.js';
import { blockLocation, type ProseBlock } from '../text/prose.js';

/**
 * A fix that replaces a span of a block, offered only when the file holds exactly the block's text
 * there. Emphasis, links, escapes or line breaks inside the span would be lost by a plain replacement,
 * so those findings are reported without a fix.
 */
export function replacementFix(doc: SopDocument, block: ProseBlock, start: number, end: number, text: string): Fix | undefined {
  const { offset, endOffset } = blockLocation(block, start, end);
  if (doc.text.slice(offset, endOffset) !== block.text.slice(start, end)) return undefined;
  return { range: [offset, endOffset], text };
}
