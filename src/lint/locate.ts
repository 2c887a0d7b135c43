import type { Location, SopDocument, Span } from '../types.js';

/** Turns a rule's `at` into a span in the file; frontmatter keys that cannot be found fall back to line 1. */
export function resolveLocation(doc: SopDocument, at: Location): Span {
  if ('node' in at) {
    const position = at.node.position;
    if (position) return { start: doc.pointAt(position.start.offset ?? 0), end: doc.pointAt(position.end.offset ?? 0) };
    return { start: doc.pointAt(0), end: doc.pointAt(0) };
  }
  if ('offset' in at) {
    return { start: doc.pointAt(at.offset), end: doc.pointAt(at.endOffset ?? at.offset) };
  }
  if ('key' in at) {
    const span = doc.frontmatter.locate(at.key, at.valueSpan) ?? doc.frontmatter.span;
    if (span) return span;
    return { start: doc.pointAt(0), end: doc.pointAt(0) };
  }
  const line = at.line;
  const column = at.column ?? 1;
  return {
    start: { line, column, offset: -1 },
    end: { line: at.endLine ?? line, column: at.endColumn ?? column, offset: -1 },
  };
}
