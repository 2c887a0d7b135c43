import { describe, expect, it } from 'vitest';
import { formatters } from '../src/formatters/index.js';
import { lint } from '../src/lint/engine.js';
import { loadRules } from '../src/rules/registry.js';
import type { FileResult } from '../src/types.js';
import { makeRepo, procedure } from './helpers/repo.js';

// @microsoft/jest-sarif registers its matchers on a global `expect` when imported; it ships the
// official SARIF 2.1.0 schema, so the check needs nothing outside the repository.
(globalThis as { expect?: unknown }).expect = expect;
await import('@microsoft/jest-sarif');
declare module 'vitest' {
  interface Assertion {
    toBeValidSarifLog(): void;
  }
}

const rules = await loadRules();
const context = { colorLevel: 0 as const, rules, version: '0.0.0-test' };

const results: FileResult[] = [
  {
    filePath: 'policies/refunds, "2024".md',
    messages: [
      { ruleId: 'frontmatter-schema', severity: 2, message: 'Frontmatter: missing required field `owner`.', line: 1, column: 1, endLine: 1, endColumn: 4 },
      {
        ruleId: 'required-sections',
        severity: 1,
        message: 'Use <b>&amp; 100% "quotes"\nnext line: yes, really',
        line: 12,
        column: 5,
        endLine: 12,
        endColumn: 5,
        fix: { range: [100, 104], text: 'to' },
        related: [{ filePath: 'policies/other.md', line: 3, column: 1, message: 'first defined here' }],
      },
    ],
    errorCount: 1,
    warningCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 1,
  },
  { filePath: 'procedures/clean.md', messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
];

describe('sarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatters.sarif(results, context));
    expect(log).toBeValidSarifLog();
    // The validator is real: a log without a tool fails.
    expect({ version: '2.1.0', runs: [{ results: [] }] }).not.toBeValidSarifLog();
  });

  it('links each rule to the documentation the config names (docs.ruleUrl)', () => {
    const log = JSON.parse(formatters.sarif(results, { ...context, ruleDocsUrl: 'https://intranet.example/sop/rules/{rule}.html' }));
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'required-sections');
    expect(rule.helpUri).toBe('https://intranet.example/sop/rules/required-sections.html');
    expect(log).toBeValidSarifLog();
  });

  it('carries every rule with metadata and help, and results that point at them', () => {
    const log = JSON.parse(formatters.sarif(results, context));
    const driver = log.runs[0].tool.driver;
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id).sort());
    const rule = driver.rules.find((r: { id: string }) => r.id === 'required-sections');
    // No site of ours to link to: without the config's docs.ruleUrl there is no helpUri, and no informationUri.
    expect(rule.helpUri).toBeUndefined();
    expect(driver.informationUri).toBeUndefined();
    expect(rule.help.markdown).toContain('# required-sections');
    expect(rule.defaultConfiguration.level).toBe('error');
    const [first, second] = log.runs[0].results;
    expect(driver.rules[first.ruleIndex].id).toBe('frontmatter-schema');
    expect(first.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 4 });
    expect(second.level).toBe('warning');
    expect(second.locations[0].physicalLocation.region.endColumn).toBe(6); // widened from zero width
    expect(second.relatedLocations[0].message.text).toBe('first defined here');
    expect(second.fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { charOffset: 100, charLength: 4 }, insertedContent: { text: 'to' } });
  });

  it('validates on a real run over bad and good files', async () => {
    const root = makeRepo({ 'a.md': procedure('a'), 'b.md': '---\nid: B\n---\n\nText.\n', 'c.md': '' });
    const report = await lint({ cwd: root, paths: ['.'] });
    expect(report.errorCount).toBeGreaterThan(0);
    expect(JSON.parse(formatters.sarif(report.results, context))).toBeValidSarifLog();
  });
});

describe('json', () => {
  it("has ESLint's JSON formatter shape", () => {
    const parsed = JSON.parse(formatters.json(results, context));
    expect(parsed[0]).toMatchObject({ filePath: 'policies/refunds, "2024".md', errorCount: 1, warningCount: 1 });
    expect(Object.keys(parsed[0].messages[0])).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    expect(parsed[0].messages[1].fix).toEqual({ range: [100, 104], text: 'to' });
    expect(parsed[1].messages).toEqual([]);
  });
});

describe('github', () => {
  it('writes workflow commands with escaped properties and data', () => {
    expect(formatters.github(results, context)).toBe(
      '::error file=policies/refunds%2C "2024".md,line=1,col=1,endLine=1,endColumn=4,title=sop(frontmatter-schema)::Frontmatter: missing required field `owner`.\n' +
        '::warning file=policies/refunds%2C "2024".md,line=12,col=5,endLine=12,endColumn=5,title=sop(required-sections)::Use <b>&amp; 100%25 "quotes"%0Anext line: yes, really\n',
    );
  });
});

describe('junit', () => {
  it('writes one failing test case per finding and one passing case per clean file, XML-escaped', () => {
    const xml = formatters.junit(results, context);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="sop" tests="3" failures="2"')).toBe(true);
    expect(xml).toContain('<testsuite name="policies/refunds, &quot;2024&quot;.md" tests="2" failures="2"');
    expect(xml).toContain('message="Use &lt;b&gt;&amp;amp; 100% &quot;quotes&quot;\nnext line: yes, really" type="warning"');
    expect(xml).toContain('<testcase name="procedures/clean.md" classname="sop" time="0"/>');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml.match(/<\/testsuite>/g)).toHaveLength(2);
  });
});

describe('stylish', () => {
  it('groups by file with a summary and fixable count, and prints nothing when clean', () => {
    const text = formatters.stylish(results, context);
    expect(text).toContain('policies/refunds, "2024".md\n  1:1   error    Frontmatter: missing required field `owner`.  frontmatter-schema\n');
    expect(text).toContain('  12:5  warning  Use <b>');
    expect(text).toContain('✖ 2 problems (1 error, 1 warning)\n  0 errors and 1 warning potentially fixable with the `--fix` option.');
    expect(text).not.toContain('\u001b[');
    expect(formatters.stylish([results[1]], context)).toBe('');
  });

  it('colours only when asked', () => {
    expect(formatters.stylish(results, { ...context, colorLevel: 1 })).toContain('\u001b[');
  });
});
