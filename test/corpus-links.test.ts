import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesAnchor, resolveLinkPath, splitLocalLink } from '../src/repository/links.js';
import { FileLookup } from '../src/source/files.js';
import { documentAnchors, Slugger, slugify } from '../src/repository/slug.js';
import { isExternalUrl } from '../src/repository/summary.js';
import { parseMarkdown } from '../src/document/parse.js';
import { lint } from '../src/lint/engine.js';
import { makeRepo } from './helpers/repo.js';

describe('GitHub heading slugs', () => {
  it.each([
    ['Time limits & exceptions', 'time-limits--exceptions'],
    ['1. Purpose', '1-purpose'],
    ['What "prompt" means (in practice)?', 'what-prompt-means-in-practice'],
    ['Überblick der Fristen', 'überblick-der-fristen'],
    ['धनवापसी नीति', 'धनवापसी-नीति'],
    ['நடைமுறை படிகள்', 'நடைமுறை-படிகள்'],
    ['Champ d’application', 'champ-dapplication'],
    ['snake_case and kebab-case', 'snake_case-and-kebab-case'],
    ['  Leading and trailing  ', '--leading-and-trailing--'],
    ['Emoji 🚀 launch', 'emoji--launch'],
  ])('%s → %s', (heading, slug) => {
    expect(slugify(heading)).toBe(slug);
  });

  it('numbers repeated headings as GitHub does', () => {
    const slugger = new Slugger();
    expect(['Notes', 'Notes', 'Notes-1', 'Notes'].map((text) => slugger.slug(text))).toEqual(['notes', 'notes-1', 'notes-1-1', 'notes-2']);
  });

  it('collects heading slugs and HTML anchors, ignoring image alt text and inline HTML', () => {
    const tree = parseMarkdown('# Title\n\n## `code` in *it* ![alt](x.png)\n\n## <span>Tagged</span> heading\n\n<a name="legacy"></a>\n\n<a id=\'other\'>x</a>\n\n### Title\n');
    expect(documentAnchors(tree)).toEqual(['title', 'code-in-it-', 'tagged-heading', 'legacy', 'other', 'title-1']);
  });
});

describe('local links', () => {
  it('tells external URLs from local paths', () => {
    for (const url of ['https://example.com', 'HTTP://x', 'mailto:a@b.c', 'tel:+441234', 'data:text/plain,x', '//cdn.example.com/x.png', 'ftp://x']) {
      expect(isExternalUrl(url), url).toBe(true);
    }
    for (const url of ['a.md', './a.md', '../a.md', '/docs/a.md', '#anchor', 'a%20b.md', 'folder/']) {
      expect(isExternalUrl(url), url).toBe(false);
    }
  });

  it('splits and decodes paths and fragments, dropping the query', () => {
    expect(splitLocalLink('../policies/refund%20policy.md?plain=1#time-limits')).toEqual({ path: '../policies/refund policy.md', fragment: 'time-limits' });
    expect(splitLocalLink('#%E0%A4%A8%E0%A5%80%E0%A4%A4%E0%A4%BF')).toEqual({ path: '', fragment: 'नीति' });
    expect(splitLocalLink('a.md')).toEqual({ path: 'a.md' });
    expect(splitLocalLink('100%.md#')).toEqual({ path: '100%.md', fragment: '' });
  });

  it('resolves relative and root-relative paths', () => {
    expect(resolveLinkPath('../b.md', '/repo/docs/a.md', '/repo')).toBe('/repo/b.md');
    expect(resolveLinkPath('/policies/p.md', '/repo/docs/deep/a.md', '/repo')).toBe('/repo/policies/p.md');
  });

  it('finds files and names a letter-case mismatch', () => {
    const root = makeRepo({ 'docs/Refund-Policy.md': 'x', 'docs/forms/form.pdf': 'x' });
    const files = new FileLookup();
    expect(files.find(join(root, 'docs/Refund-Policy.md'))).toEqual({ state: 'exists' });
    expect(files.find(join(root, 'docs/refund-policy.md'))).toEqual({ state: 'case', actual: 'Refund-Policy.md' });
    expect(files.find(join(root, 'docs/forms'))).toEqual({ state: 'exists' });
    expect(files.find(join(root, 'docs/nothing.md'))).toEqual({ state: 'missing' });
    expect(files.find(join(root, 'no-folder/x.md'))).toEqual({ state: 'missing' });
  });

  it('matches anchors exactly, case-insensitively and with the user-content- prefix', () => {
    const anchors = new Set(['time-limits', 'notes-1']);
    expect(matchesAnchor('time-limits', anchors)).toBe(true);
    expect(matchesAnchor('Time-Limits', anchors)).toBe(true);
    expect(matchesAnchor('user-content-notes-1', anchors)).toBe(true);
    expect(matchesAnchor('', anchors)).toBe(true);
    expect(matchesAnchor('time-limit', anchors)).toBe(false);
  });
});

describe('corpus findings carry related locations', () => {
  it('unique-id points each copy at the other', async () => {
    const doc = (title: string) => `---\nid: same\ntitle: ${title}\n---\n\n# ${title}\n`;
    const root = makeRepo({ 'a.md': doc('A'), 'sub/b.md': doc('B') });
    const report = await lint({ cwd: root, paths: ['.'], onlyRules: ['unique-id'] });
    const a = report.results.find((r) => r.filePath === 'a.md')!.messages[0];
    expect(a).toMatchObject({ ruleId: 'unique-id', line: 2, column: 1, endLine: 2, endColumn: 3 });
    expect(a.related).toEqual([{ filePath: 'sub/b.md', line: 2, column: 1, message: '"same" is also defined here' }]);
  });

  it('a disable directive silences a corpus finding on its line', async () => {
    const root = makeRepo({
      'a.md': '---\nid: a\ntitle: A\nrelated: [missing]\n---\n\n# A\n\n<!-- sop-disable-next-line reference-resolves -->\nSee [gone](gone.md).\n\nAnd [also gone](gone.md).\n',
    });
    const report = await lint({ cwd: root, paths: ['.'], onlyRules: ['reference-resolves'] });
    expect(report.results[0].messages.map((m) => m.line)).toEqual([4, 12]);
  });

  it('keeps summaries small: no trees, no full texts', async () => {
    const root = makeRepo({ 'a.md': `---\nid: a\ntitle: A\n---\n\n# A\n\n## Procedure\n\n1. Do it.\n\n${'Long paragraph text. '.repeat(2000)}\n` });
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'empty', 'x.txt'), '');
    const { documentSummaries } = await import('../src/commands/document-summaries.js');
    const corpus = await documentSummaries({ cwd: root });
    const size = JSON.stringify(corpus.summaries[0]).length;
    expect(size).toBeLessThan(3000);
    expect(corpus.summaries[0].procedure?.steps.map((s) => s.text)).toEqual(['Do it.']);
  });
});
