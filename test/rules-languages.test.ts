import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../src/rules/language-docs.js';
import { loadRules, readRuleDocs } from '../src/rules/registry.js';
import { sop } from './helpers/cli.js';

const rules = await loadRules();
const rule = (id: string) => rules.find((r) => r.id === id)!;

describe('languages in sop rules and sop explain', () => {
  it('lists the languages with a check or word list for each prose rule, from the registry', () => {
    for (const id of ['present-tense', 'passive-voice', 'step-imperative', 'weak-modal', 'weasel-words', 'wordy-phrase', 'measurable-standard']) {
      expect(rule(id).languages, id).toEqual(expect.arrayContaining(['en', 'fr']));
    }
    const table = sop(['rules'], { cwd: tmpdir() }).stdout;
    expect(table).toMatch(/^passive-voice\s+warn\s+\S*en,\S*fr/m);
  });

  it('explains a rule with the names of its languages and the French section of its docs', () => {
    const text = explainText(rule('weak-modal'), readRuleDocs('weak-modal'));
    expect(text).toContain('Languages: English (en), French (fr)');
    expect(text.match(/^## French \(fr\)$/gm)).toHaveLength(1);
    expect(text).toContain('devraient');
  });

  it('adds the examples a language folder ships when the rule docs have no section for it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-langdocs-'));
    mkdirSync(join(dir, 'fr', 'docs'), { recursive: true });
    mkdirSync(join(dir, 'xx', 'docs'), { recursive: true });
    writeFileSync(join(dir, 'fr', 'docs', 'weak-modal.md'), 'not shown: docs.md has a French section\n');
    writeFileSync(join(dir, 'xx', 'docs', 'weak-modal.md'), 'Flagged: an example in language xx.\n');
    const withXx = { ...rule('weak-modal'), languages: ['en', 'fr', 'xx'] };
    const text = explainText(withXx, readRuleDocs('weak-modal'), dir);
    expect(text).toContain('Languages: English (en), French (fr), xx (xx).');
    expect(text).toContain('## xx (xx)\n\nFlagged: an example in language xx.\n');
    expect(text).not.toContain('not shown');
  });

  it('says when a rule does not depend on the language', () => {
    expect(explainText(rule('required-sections'), readRuleDocs('required-sections'))).toContain('Languages: all');
  });
});

describe('language sections already in the docs', () => {
  it('are recognised with or without backticks around the tag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-langdocs-'));
    mkdirSync(join(dir, 'ta', 'docs'), { recursive: true });
    writeFileSync(join(dir, 'ta', 'docs', 'weak-modal.md'), 'duplicate\n');
    const docs = '# weak-modal\n\nText.\n\n## Tamil (`ta`)\n\nExamples.\n';
    expect(explainText({ ...rule('weak-modal'), languages: ['en', 'ta'] }, docs, dir)).not.toContain('duplicate');
  });
});
