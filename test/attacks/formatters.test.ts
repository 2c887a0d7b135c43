import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/formatters/index.js';
import { loadRules } from '../../src/rules/registry.js';
import type { FileResult } from '../../src/types.js';

/** File names and quoted messages an attacker controls (row 26 of the report), each with every format. */
const HOSTILE_NAMES = [
  'space name.md', 'quote".md', "apos'.md", 'new\nline.md', 'comma,name.md', 'colon:file.md', '::error file=x::y.md', '%0A.md', '%25.md',
  'hash#frag.md', 'ques?q.md', 'देवनागरी.md', '&lt;<tag>.md', 'cr\rname.md', 'esc\u001b[2Jbel\u0007.md', 'non\uFFFEchar\uFFFF.md',
  'sep\u2028para\u2029.md', 'tab\tname.md', 'back\\slash.md', 'c:\\win.md', 'bidi\u202Eevil.md',
];
const HOSTILE_MESSAGE = 'Step "::error::x %0A \u001b[2J\u001b]0;title\u0007 \uFFFE ]]> & \u0000 \u0085 \u2028" is not imperative.';

function resultsFor(name: string): FileResult[] {
  return [{
    filePath: name,
    messages: [{ ruleId: 'step-imperative', severity: 2, message: HOSTILE_MESSAGE, line: 3, column: 4, endLine: 3, endColumn: 9 }],
    errorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0,
  }];
}

const context = async () => ({ colorLevel: 0 as const, rules: await loadRules(), version: '0.0.0' });

/** XML 1.0's Char production: anything else makes the document not well-formed. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe('F15 JUnit is well-formed XML whatever the names and messages hold', () => {
  for (const name of HOSTILE_NAMES) {
    it(`junit: ${JSON.stringify(name)}`, async () => {
      const xml = formatters.junit(resultsFor(name), await context());
      expect(xml).not.toMatch(NOT_XML_CHAR);
      // Markup only where the formatter put it: every `<` opens a known element, every `&` an entity.
      expect(xml.match(/<(?!\?xml |\/?(testsuites|testsuite|testcase|failure)\b)/g)).toBeNull();
      expect(xml.match(/&(?!(amp|lt|gt|quot);)/g)).toBeNull();
    });
  }
});

describe('F16 SARIF artifact URIs resolve to the file named', () => {
  for (const name of HOSTILE_NAMES.filter((n) => !/[\u0000-\u001F]/.test(n))) {
    it(`sarif: ${JSON.stringify(name)}`, async () => {
      const log = JSON.parse(formatters.sarif(resultsFor(name), await context()));
      const uri: string = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
      expect(uri).not.toMatch(/^[A-Za-z][A-Za-z0-9+.-]*:/); // no scheme: it stays relative to %SRCROOT%
      const resolved = new URL(uri, 'file:///srcroot/');
      expect(resolved.search).toBe('');
      expect(resolved.hash).toBe('');
      expect(decodeURIComponent(resolved.pathname)).toBe(`/srcroot/${name}`);
    });
  }
});

describe('F17 stylish and github keep terminal controls inert', () => {
  for (const name of HOSTILE_NAMES) {
    it(`stylish: ${JSON.stringify(name)}`, async () => {
      const out = formatters.stylish(resultsFor(name), await context());
      expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
      // One line for the file, one for the finding, then the summary: a name cannot forge lines.
      expect(out.trim().split('\n').filter((line) => line.trim() !== '')).toHaveLength(3);
    });

    it(`github: ${JSON.stringify(name)}`, async () => {
      const out = formatters.github(resultsFor(name), await context());
      expect(out.split('\n').filter(Boolean)).toHaveLength(1); // one workflow command, nothing injected
      expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
      const properties = /^::error (.*?)::/.exec(out)![1];
      expect(properties.split(',').map((p) => p.split('=')[0])).toEqual(['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
    });
  }
});
