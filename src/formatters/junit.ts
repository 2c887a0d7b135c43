import type { Formatter } from './types.js';

function xml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 allows only tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF (lone surrogates and U+FFFE/U+FFFF are out).
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

/**
 * JUnit XML: one test suite per file, one failing test case per finding, one passing case for a clean
 * file. No timestamps or durations, so the same input gives the same bytes.
 */
export const junit: Formatter = (results) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const result of results) {
    const cases: string[] = [];
    if (result.messages.length === 0) {
      cases.push(`    <testcase name="${xml(result.filePath)}" classname="sop" time="0"/>`);
    }
    for (const m of result.messages) {
      const type = m.severity === 2 ? 'error' : 'warning';
      const body = `${result.filePath}:${m.line}:${m.column}: ${type}: ${m.message} (${m.ruleId})`;
      cases.push(
        `    <testcase name="${xml(`${m.ruleId} ${m.line}:${m.column}`)}" classname="${xml(result.filePath)}" time="0">\n` +
          `      <failure message="${xml(m.message)}" type="${type}">${xml(body)}</failure>\n` +
          `    </testcase>`,
      );
    }
    const failed = result.messages.length;
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${xml(result.filePath)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="sop" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
};
