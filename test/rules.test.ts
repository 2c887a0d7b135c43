import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleSourceDir } from '../src/paths.js';
import { loadRules } from '../src/rules/registry.js';
import { listFixtureCases, readExpected, runFixtureCase } from './helpers/fixtures.js';

const cases = listFixtureCases(ruleSourceDir);
const rules = await loadRules();

describe('every rule folder is complete', () => {
  for (const rule of rules) {
    it(`${rule.id} has docs, valid and invalid fixtures`, () => {
      const folder = join(ruleSourceDir, rule.id);
      expect(existsSync(join(folder, 'docs.md')), 'docs.md').toBe(true);
      expect(cases.some((c) => c.ruleId === rule.id && c.kind === 'valid'), 'a valid/ case').toBe(true);
      expect(cases.some((c) => c.ruleId === rule.id && c.kind === 'invalid'), 'an invalid/ case').toBe(true);
    });
  }

  it('every folder under rules/ is a loaded rule', () => {
    const folders = readdirSync(ruleSourceDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders).toEqual(rules.map((rule) => rule.id));
  });
});

describe('rule fixtures', () => {
  for (const fixture of cases) {
    it(`${fixture.ruleId} ${fixture.kind}/${fixture.name}`, async () => {
      const { lines, results } = await runFixtureCase(fixture);
      if (fixture.kind === 'valid') {
        expect(lines).toEqual([]);
        // A valid case must be a clean document for its rule and also parse cleanly.
        const parseErrors = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'parse-error' && fixture.ruleId !== 'parse-error'));
        expect(parseErrors).toEqual([]);
        return;
      }
      expect(lines.length, 'an invalid case gives at least one finding').toBeGreaterThan(0);
      const expected = readExpected(fixture, lines);
      expect(expected, `missing ${fixture.expectedPath} (run with SOP_UPDATE_FIXTURES=1, then review it)`).toBeDefined();
      expect(lines).toEqual(expected);
      if (fixture.settings.fix) {
        const fixedPath = fixture.expectedPath.replace(/\.expected$/, '.fixed');
        expect(existsSync(fixedPath), `missing ${fixedPath}`).toBe(true);
        expect(results[0].output).toBe(readFileSync(fixedPath, 'utf8'));
      }
    });
  }
});
