import { describe, expect, it } from 'vitest';
import { parseDocumentBytes } from '../src/document/parse.js';
import { lint } from '../src/lint/engine.js';
import { splitFrontmatter } from '../src/source/frontmatter-split.js';
import { makeRepo } from './helpers/repo.js';

const BOM = '\uFEFF';

/** The same policy with the line ending given; line 15 holds a wordy phrase at column 27. */
function policy(eol: string): string {
  const lines = ['---', 'id: till', 'title: Till check', 'type: policy', 'owner: Ops', 'status: draft', 'version: "1.0.0"', 'last_reviewed: 2026-01-01', '---', '', '# Till check', '', '## Purpose', '', 'Staff must check the till in order to balance it.', ''];
  return lines.join(eol);
}

function parse(text: string) {
  return parseDocumentBytes({ absolutePath: '/x/till.md', filePath: 'till.md', bytes: new TextEncoder().encode(text), defaultLang: 'en', maxFileSize: 1e7 });
}

async function wordyFix(text: string) {
  const root = makeRepo({ 'till.md': text });
  const options = { cwd: root, paths: ['.'], onlyRules: ['wordy-phrase'], repositoryRoot: false as const, asOf: '2026-06-01' };
  // The findings before the fix; the dry run's output is the fixed text (its findings are what is left).
  const found = (await lint(options)).results[0];
  const fixed = (await lint({ ...options, fixDryRun: true })).results[0];
  return { findings: found.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn]), output: fixed.output };
}

describe('line endings', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['lone CR (classic Mac)', '\r']] as const) {
    it(`reads the frontmatter of a ${name} file, with keys at their lines`, () => {
      const outcome = parse(policy(eol));
      expect(outcome.problems).toEqual([]);
      expect(outcome.document!.frontmatter.data).toMatchObject({ id: 'till', title: 'Till check', version: '1.0.0' });
      expect(outcome.document!.frontmatter.locate(['title'])?.start).toMatchObject({ line: 3, column: 1 });
      expect(outcome.document!.pointAt(outcome.document!.text.indexOf('in order to'))).toMatchObject({ line: 15, column: 27 });
      expect(splitFrontmatter(policy(eol))?.body.startsWith(`${eol}# Till check`)).toBe(true);
    });

    it(`fixes a ${name} file at the exact place and keeps its endings`, async () => {
      const { findings, output } = await wordyFix(policy(eol));
      expect(findings).toEqual([['wordy-phrase', 15, 27, 15, 38]]);
      expect(output).toBe(policy(eol).replace('in order to', 'to'));
    });
  }

  it('still reports an unclosed lone-CR frontmatter as unclosed', () => {
    const outcome = parse('---\rid: till\rtitle: Till\r\r# Till\r');
    expect(outcome.document).toBeUndefined();
    expect(outcome.problems[0].message).toMatch(/Frontmatter is not closed/);
  });
});

describe('byte-order marks', () => {
  it('reads past one mark silently and writes it back with --fix', async () => {
    expect(parse(BOM + policy('\n')).problems).toEqual([]);
    const { findings, output } = await wordyFix(BOM + policy('\n'));
    expect(findings).toEqual([['wordy-phrase', 15, 27, 15, 38]]);
    expect(output).toBe(BOM + policy('\n').replace('in order to', 'to'));
  });

  it('warns about a double mark, keeps positions exact and writes both back', async () => {
    const outcome = parse(BOM + BOM + policy('\n'));
    expect(outcome.problems).toEqual([expect.objectContaining({ line: 1, column: 1, fatal: false, warning: true, message: expect.stringMatching(/starts with 2 byte-order marks/) })]);
    expect(outcome.document!.text.startsWith('---')).toBe(true);
    expect(outcome.document!.frontmatter.locate(['id'])?.start).toMatchObject({ line: 2, column: 1 });
    const { findings, output } = await wordyFix(BOM + BOM + policy('\n'));
    expect(findings).toEqual([
      ['parse-error', 1, 1, 1, 2],
      ['wordy-phrase', 15, 27, 15, 38],
    ]);
    expect(output).toBe(BOM + BOM + policy('\n').replace('in order to', 'to'));
  });
});
