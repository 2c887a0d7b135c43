import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceRuleTable, RULE_TABLE_END, RULE_TABLE_START } from '../src/docs/rule-table.js';
import { packageRoot, ruleSourceDir } from '../src/paths.js';
import { loadRules } from '../src/rules/registry.js';

const rules = await loadRules();

describe('rule documentation', () => {
  for (const rule of rules) {
    describe(rule.id, () => {
      const path = join(ruleSourceDir, rule.id, 'docs.md');
      const docs = existsSync(path) ? readFileSync(path, 'utf8') : '';

      it('starts with the id as its title and the description as its first paragraph', () => {
        const lines = docs.split('\n');
        expect(lines[0]).toBe(`# ${rule.id}`);
        const firstParagraph = docs.split(/\n\s*\n/)[1]?.replace(/\s+/g, ' ').trim();
        expect(firstParagraph).toBe(rule.description);
      });

      it('cites the principle it enforces and has the required sections', () => {
        expect(docs).toMatch(/\*\*Principle:\*\*/);
        expect(docs).toMatch(/^## Why$/m);
        expect(docs).toMatch(/^## Options$/m);
        expect(docs).toMatch(/^## Examples$/m);
        expect(docs).toMatch(/^## What it (flags|checks|reports)/m);
      });

      it('documents every option', () => {
        const properties = Object.keys((rule.optionsSchema?.properties as Record<string, unknown> | undefined) ?? {});
        for (const option of properties) expect(docs, `option ${option}`).toContain(`\`${option}\``);
      });

      it('has metadata a user can act on', () => {
        expect(rule.description.length).toBeGreaterThan(20);
        for (const [id, text] of Object.entries(rule.messages)) {
          expect(text.trim(), `message ${id}`).not.toBe('');
        }
      });
    });
  }
});

describe('README', () => {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');

  it('has a rule table in sync with the rules (run `npm run docs` to regenerate it)', () => {
    expect(readme).toContain(RULE_TABLE_START);
    expect(readme).toContain(RULE_TABLE_END);
    expect(replaceRuleTable(readme, rules)).toBe(readme);
  });

  it('has a Quick start with the install-and-lint command and the test command', () => {
    const quickStart = readme.split(/^## /m).find((section) => section.startsWith('Quick start')) ?? '';
    expect(quickStart).toContain('npm install && npx sop lint examples/customer-service');
    expect(quickStart).toContain('npm test');
  });
});
