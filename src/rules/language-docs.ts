import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageInfo } from '../language/registry.js';
import { languageSourceDir } from '../paths.js';
import type { Rule } from '../types.js';

/**
 * What `sop explain` shows of each language a rule supports, from the language registry: the rule's
 * own docs.md first, then a "Languages" line naming every language with a check or word list for the
 * rule, then, for each language whose section is not already in docs.md (a heading ending in
 * "(<tag>)", with or without backticks, e.g. "## French (fr)"), the examples the language folder ships in
 * `languages/<tag>/docs/<rule-id>.md`. A new language pack shows up here by adding its folder.
 */
export function explainText(rule: Rule, docs: string | undefined, languagesDir = languageSourceDir): string {
  const base = docs ?? `# ${rule.id}\n\n${rule.description}\n`;
  if (rule.languages === 'all') return `${base.trimEnd()}\n\nLanguages: all (this rule does not depend on the language).\n`;
  const tags = [...rule.languages].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a < b ? -1 : 1));
  const names = tags.map((tag) => `${languageInfo(tag)?.name ?? tag} (${tag})`);
  const sections: string[] = [];
  for (const tag of tags) {
    if (hasLanguageSection(base, tag)) continue;
    const path = join(languagesDir, tag, 'docs', `${rule.id}.md`);
    if (!existsSync(path)) continue;
    sections.push(`## ${languageInfo(tag)?.name ?? tag} (${tag})\n\n${readFileSync(path, 'utf8').trim()}\n`);
  }
  return [`${base.trimEnd()}\n`, `Languages: ${names.join(', ')}.\n`, ...sections].join('\n');
}

function hasLanguageSection(docs: string, tag: string): boolean {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^#{2,3} .*\\(\`?${escaped}\`?\\)\\s*$`, 'm').test(docs);
}
