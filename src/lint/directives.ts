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
  /** Which directives (and ids) silenced a finding so far, as plain strings that cross worker threads. */
  used(): string[];
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  rules: string[] | undefined;
  line: number;
  endLine: number;
}

const DIRECTIVE = /<!--\s*sop-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

export const noSuppressions: Suppressions = { isSuppressed: () => false, used: () => [] };

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

/**
 * Builds a line-based suppression map; kept per file (it is tiny) so corpus findings are filtered too.
 * It remembers which directive silenced which rule (`used`), so comments that silence nothing can be
 * reported (`--report-unused-disable-directives`); `seed` carries what the file pass already used.
 */
export function buildSuppressions(directives: Directive[], seed: readonly string[] = []): Suppressions {
  if (directives.length === 0) return noSuppressions;
  const used = new Set(seed);
  const indexed = directives.map((directive, index) => ({ ...directive, index }));
  const fileWide = indexed.filter((d) => d.kind === 'disable-file');
  const lineRules = new Map<number, Array<{ index: number; rules: string[] | undefined }>>();
  const ranges = indexed.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.line - b.line || a.index - b.index);
  for (const d of indexed) {
    if (d.kind === 'disable-next-line') push(lineRules, d.endLine + 1, d);
    else if (d.kind === 'disable-line') push(lineRules, d.line, d);
  }
  const covers = (rules: string[] | undefined, id: string) => rules === undefined || rules.includes(id);
  const mark = (index: number, rules: string[] | undefined, ruleId: string): true => {
    used.add(usageKey(index, rules ? ruleId : undefined));
    return true;
  };
  return {
    isSuppressed(ruleId, line) {
      const file = fileWide.find((d) => covers(d.rules, ruleId));
      if (file) return mark(file.index, file.rules, ruleId);
      const onLine = lineRules.get(line)?.find((d) => covers(d.rules, ruleId));
      if (onLine) return mark(onLine.index, onLine.rules, ruleId);
      let last: (typeof ranges)[number] | undefined;
      for (const range of ranges) {
        if (range.line > line) break;
        if (covers(range.rules, ruleId)) last = range;
      }
      if (!last || last.kind !== 'disable') return false;
      return mark(last.index, last.rules, ruleId);
    },
    used: () => [...used].sort(),
  };
}

/** `3` for directive 3 (no ids: every rule), `3:passive-voice` for one id of its list. */
function usageKey(index: number, ruleId: string | undefined): string {
  return ruleId === undefined ? String(index) : `${index}:${ruleId}`;
}

/** The directives (and ids of their lists) that silenced nothing, given what was used. */
export function unusedDirectives(directives: readonly Directive[], used: readonly string[], knownRule: (id: string) => boolean): Array<{ directive: Directive; ruleId?: string }> {
  const usedKeys = new Set(used);
  const unused: Array<{ directive: Directive; ruleId?: string }> = [];
  directives.forEach((directive, index) => {
    // sop-enable ends a range; it silences nothing by design.
    if (directive.kind === 'enable') return;
    if (directive.rules === undefined) {
      if (!usedKeys.has(usageKey(index, undefined))) unused.push({ directive });
      return;
    }
    // An id that is not a rule is already a disable-directive finding of its own.
    for (const ruleId of directive.rules) if (knownRule(ruleId) && !usedKeys.has(usageKey(index, ruleId))) unused.push({ directive, ruleId });
  });
  return unused;
}

function push(map: Map<number, Array<{ index: number; rules: string[] | undefined }>>, line: number, directive: { index: number; rules: string[] | undefined }) {
  const list = map.get(line) ?? [];
  list.push(directive);
  map.set(line, list);
}
