import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/document/parse.js';
import { packageRoot, ruleSourceDir } from '../src/paths.js';
import { documentAnchors } from '../src/repository/slug.js';
import { loadRules } from '../src/rules/registry.js';
import { principleMarkdown, principleStandards, standardAnchor, STANDARDS, STANDARDS_DOCUMENT } from '../src/rules/standards.js';

const rules = await loadRules();
const standardsPath = join(packageRoot, STANDARDS_DOCUMENT);
const standardsText = readFileSync(standardsPath, 'utf8');

function anchorsOf(path: string): Set<string> {
  return new Set(documentAnchors(parseMarkdown(readFileSync(path, 'utf8'))));
}

describe('writing standards', () => {
  it('has one heading per standard, numbered and titled as the code cites it', () => {
    const headings = [...standardsText.matchAll(/^### Standard (\d+): (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    const cited = Object.values(STANDARDS).map((s) => `${s.number} ${s.title}`);
    expect(headings).toEqual(cited);
    expect(new Set(Object.values(STANDARDS).map((s) => s.number)).size).toBe(cited.length);
  });

  it('gives every standard the anchor its citations link to', () => {
    const anchors = anchorsOf(standardsPath);
    for (const id of Object.keys(STANDARDS) as Array<keyof typeof STANDARDS>) expect(anchors, id).toContain(standardAnchor(id));
  });

  for (const rule of rules) {
    it(`${rule.id} cites existing standards, and its docs cite the same ones`, () => {
      const standards = principleStandards(rule.principle);
      expect(standards.length).toBeGreaterThan(0);
      for (const id of standards) expect(STANDARDS, `${rule.id}: ${id}`).toHaveProperty(id);
      const docs = readFileSync(join(ruleSourceDir, rule.id, 'docs.md'), 'utf8');
      const line = docs.split('\n').find((l) => l.startsWith('- **Principle:**')) ?? '';
      expect(line.startsWith(`- **Principle:** ${principleMarkdown(rule.principle, '../../docs/writing-standards.md')}: `), line).toBe(true);
      expect(docs).not.toContain('domain.md');
    });
  }
});

/** The Markdown files whose links must resolve: the README, docs/ and every rule's docs. */
function documentationFiles(): string[] {
  const docsDir = join(packageRoot, 'docs');
  const docs = readdirSync(docsDir).filter((name) => name.endsWith('.md')).map((name) => join(docsDir, name));
  const ruleDocs = readdirSync(ruleSourceDir).map((id) => join(ruleSourceDir, id, 'docs.md')).filter((path) => existsSync(path));
  return [join(packageRoot, 'README.md'), ...docs, ...ruleDocs];
}

/** Inline links and images outside code: `[text](target)`; code spans and fenced blocks are skipped. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]\n]*\]\((<[^>]+>|[^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1].replace(/^<|>$/g, ''));
}

describe('documentation links', () => {
  for (const file of documentationFiles()) {
    it(`${relative(packageRoot, file)}: every relative link and anchor resolves`, () => {
      const broken: string[] = [];
      for (const target of linkTargets(readFileSync(file, 'utf8'))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // an absolute URL or mailto: is not ours to check offline
        const [pathPart, anchor] = target.split('#') as [string, string | undefined];
        const path = pathPart ? resolve(dirname(file), decodeURI(pathPart)) : file;
        if (!existsSync(path)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (anchor && statSync(path).isFile() && path.endsWith('.md') && !anchorsOf(path).has(anchor)) broken.push(`${target}: no such heading`);
      }
      expect(broken).toEqual([]);
    });
  }
});
