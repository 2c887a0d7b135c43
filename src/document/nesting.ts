import type { Nodes, Root } from 'mdast';

/**
 * How deeply a document may nest quotes, lists, emphasis, links and HTML elements. Real documents
 * stay under ten; the Markdown parser, the HTML parser and the Markdown writer of the handbook all
 * recurse per level and overflow the stack somewhere past a thousand, so a document past this limit
 * is reported as a `parse-error` and never reaches them.
 */
export const MAX_NESTING = 100;

export interface TooDeep {
  /** Offset in the text where the nesting passes the limit. */
  offset: number;
  message: string;
}

const MESSAGE = `Nesting deeper than ${MAX_NESTING} levels (quotes, lists, emphasis, links or HTML elements inside each other), so the file was not linted. Flatten the structure.`;

/**
 * Container markers at the start of one line (`>`, `-`, `*`, `+`, `1.`, `1)`) before the Markdown
 * parser sees them: 10,000 `>` on one line take the parser seconds and the renderer's stack, so the
 * check runs first. One pass over the text.
 */
export function tooDeepLinePrefix(text: string): TooDeep | undefined {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const found = deepPrefixOnLine(text, lineStart, lineEnd);
    if (found !== undefined) return { offset: found, message: MESSAGE };
    lineStart = lineEnd + 1;
  }
  return undefined;
}

function deepPrefixOnLine(text: string, start: number, end: number): number | undefined {
  let depth = 0;
  let i = start;
  let onlyBreakMarks = true; // a line of `- - - -` alone is a thematic break, not nesting
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    let width = 0;
    if (c === '>') width = 1;
    else if ((c === '-' || c === '*' || c === '+') && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t')) width = 1;
    else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < end && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++;
      if (j < end && (text[j] === '.' || text[j] === ')') && (j + 1 === end || text[j + 1] === ' ' || text[j + 1] === '\t')) width = j + 1 - i;
    }
    if (width === 0) break;
    if (c !== '-' && c !== '*') onlyBreakMarks = false;
    depth++;
    if (depth > MAX_NESTING && !restIsBreak(text, i, end, onlyBreakMarks)) return i;
    i += width;
  }
  return undefined;
}

function restIsBreak(text: string, from: number, end: number, onlyBreakMarks: boolean): boolean {
  if (!onlyBreakMarks) return false;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c !== '-' && c !== '*' && c !== '_' && c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}

const NESTING_NODES = new Set(['blockquote', 'list', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteDefinition']);
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * The nesting of a parsed tree, walked with an explicit stack (a recursive walk would overflow on
 * the very trees it looks for). Raw HTML counts its open elements across the document in order, as
 * the handbook's HTML parser will nest them.
 */
export function tooDeepTree(tree: Root): TooDeep | undefined {
  let htmlDepth = 0;
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth: parentDepth } = stack.pop()!;
    const depth = parentDepth + (NESTING_NODES.has(node.type) ? 1 : 0);
    if (depth > MAX_NESTING) return { offset: node.position?.start.offset ?? 0, message: MESSAGE };
    if (node.type === 'html') {
      const result = scanHtml(node.value, htmlDepth, MAX_NESTING - depth);
      if (result.over !== undefined) return { offset: (node.position?.start.offset ?? 0) + result.over, message: MESSAGE };
      htmlDepth = result.depth;
      continue;
    }
    if ('children' in node) {
      // Pushed last-first so that the document is visited in order (HTML depth carries over between nodes).
      for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k] as Nodes, depth });
    }
  }
  return undefined;
}

/** Counts open HTML elements in one raw HTML value; linear: each `<` is looked at once. */
function scanHtml(value: string, startDepth: number, limit: number): { depth: number; over?: number } {
  let depth = startDepth;
  let i = value.indexOf('<');
  let close = -1;
  while (i >= 0) {
    // The next `>` is found once for every `<` before it, so `<a<a<a…>` stays linear.
    if (close <= i) close = value.indexOf('>', i + 1);
    if (close < 0) break;
    let j = i + 1;
    const closing = value[j] === '/';
    if (closing) j++;
    const nameStart = j;
    while (j < close && /[A-Za-z0-9-]/.test(value[j])) j++;
    const name = value.slice(nameStart, j).toLowerCase();
    if (name && /^[a-z]/.test(name)) {
      if (closing) depth = Math.max(0, depth - 1);
      else if (!VOID_ELEMENTS.has(name) && value[close - 1] !== '/') {
        depth++;
        if (depth > limit) return { depth, over: i };
      }
    }
    i = value.indexOf('<', j);
  }
  return { depth };
}
