import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readRuleDocs } from '../rules/registry.js';
import type { Rule } from '../types.js';
import { ruleDocsLink } from './diagnostics.js';

const DIRECTIVE = /<!--\s*sop-(?:disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

/** The rule docs up to the Options section: title, description, principle, why and what it flags. */
function docsSummary(docs: string): string {
  const cut = docs.search(/^## (Options|Examples)\b/m);
  return (cut < 0 ? docs : docs.slice(0, cut)).trim();
}

/**
 * Hover on a rule id inside a `sop-disable…` / `sop-enable` comment: the rule's documentation, so the
 * reader of a suppression sees what it silences.
 */
export function hoverAt(document: TextDocument, position: Position, rules: readonly Rule[], ruleDocsUrl: string | undefined): Hover | null {
  const text = document.getText();
  const offset = document.offsetAt(position);
  for (const match of text.matchAll(DIRECTIVE)) {
    const listStart = match.index + match[0].indexOf(match[1], match[0].indexOf('sop-'));
    if (offset < match.index || offset > match.index + match[0].length) continue;
    const list = match[1].split('--')[0];
    for (const word of list.matchAll(/[A-Za-z0-9][A-Za-z0-9-]*/g)) {
      const start = listStart + word.index;
      const end = start + word[0].length;
      if (offset < start || offset > end) continue;
      const rule = rules.find((candidate) => candidate.id === word[0]);
      if (!rule) return null;
      const docs = readRuleDocs(rule.id);
      const body = docs ? docsSummary(docs) : `**${rule.id}**: ${rule.description}`;
      return {
        contents: { kind: 'markdown', value: `${body}\n\n[Full documentation](${ruleDocsLink(rule.id, ruleDocsUrl)})` },
        range: { start: document.positionAt(start), end: document.positionAt(end) },
      };
    }
  }
  return null;
}
