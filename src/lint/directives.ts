import type { Html, Nodes } from 'mdast';
import type { SopDocument } from '../types.js';

/**
 * Inline directives in HTML comments:
 *   <!-- sop-disable [rule-id, …] -->            until sop-enable (or the end of the file)
 *   <!-- sop-enable [rule-id, …] -->
 *   <!-- sop-disable-next-line [rule-id, …] -->
 *   <!-- sop-disable-line [rule-id, …] -->
 *   <!-- sop-disable-file [rule-id, …] -->
 * With no ids a directive covers every rule. Text after `--` is a reason and is ignored.
 */
export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  rules: string[] | undefined;
  line: number;
  endLine: number;
}

const DIRECTIVE = /<!--\s*sop-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

export const noSuppressions: Suppressions = { isSuppressed: () => false };

export function collectDirectives(doc: SopDocument): Directive[] {
  const directives: Directive[] = [];
  // An explicit stack, in document order: a recursive walk overflowed on 10,000 nested quotes.
  const stack: Nodes[] = [doc.tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') readDirectives(node, directives);
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return directives;
}

/** Every rule id written in the directives of an HTML node, with its offset in the document. */
export function* directiveRuleIds(node: Html): Generator<{ id: string; offset: number }> {
  if (!node.value.includes('sop-') || node.position?.start.offset === undefined) return;
  for (const match of node.value.matchAll(DIRECTIVE)) {
    const listStart = match.index + match[0].length - match[2].length - 3;
    const list = match[2].split('--')[0];
    for (const word of list.matchAll(/[^\s,]+/g)) yield { id: word[0], offset: node.position.start.offset + listStart + word.index };
  }
}

function readDirectives(node: Html, into: Directive[]): void {
  if (!node.value.includes('sop-')) return;
  const baseLine = node.position?.start.line ?? 1;
  for (const match of node.value.matchAll(DIRECTIVE)) {
    const before = node.value.slice(0, match.index);
    const line = baseLine + (before.match(/\n/g)?.length ?? 0);
    const endLine = line + (match[0].match(/\n/g)?.length ?? 0);
    const list = match[2].split('--')[0].trim();
    const rules = list ? list.split(/[\s,]+/).filter(Boolean) : undefined;
    into.push({ kind: match[1] as Directive['kind'], rules, line, endLine });
  }
}

/** Builds a line-based suppression map; kept per file (it is tiny) so corpus findings are filtered too. */
export function buildSuppressions(directives: Directive[]): Suppressions {
  if (directives.length === 0) return noSuppressions;
  const fileWide = directives.filter((d) => d.kind === 'disable-file');
  const lineRules = new Map<number, Array<string[] | undefined>>();
  const ranges: Array<{ kind: 'disable' | 'enable'; rules: string[] | undefined; line: number }> = [];
  for (const d of directives) {
    if (d.kind === 'disable-next-line') push(lineRules, d.endLine + 1, d.rules);
    else if (d.kind === 'disable-line') push(lineRules, d.line, d.rules);
    else if (d.kind === 'disable' || d.kind === 'enable') ranges.push({ kind: d.kind, rules: d.rules, line: d.line });
  }
  ranges.sort((a, b) => a.line - b.line);
  const covers = (rules: string[] | undefined, id: string) => rules === undefined || rules.includes(id);
  return {
    isSuppressed(ruleId, line) {
      if (fileWide.some((d) => covers(d.rules, ruleId))) return true;
      if (lineRules.get(line)?.some((rules) => covers(rules, ruleId))) return true;
      let disabled = false;
      for (const range of ranges) {
        if (range.line > line) break;
        if (covers(range.rules, ruleId)) disabled = range.kind === 'disable';
      }
      return disabled;
    },
  };
}

function push(map: Map<number, Array<string[] | undefined>>, line: number, rules: string[] | undefined) {
  const list = map.get(line) ?? [];
  list.push(rules);
  map.set(line, list);
}
