import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sop } from './helpers/cli.js';

/** `--report-unused-disable-directives`: comments that silence no finding are errors; used ones are not. */
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const FRONTMATTER = '---\nid: answering-calls\ntitle: Answering calls\ntype: procedure\nowner: Contact Centre Manager\nstatus: draft\nversion: 1.0.0\nlast_reviewed: 2026-11-01\nimplements: [contact-policy]\n---\n';
const POLICY = '---\nid: contact-policy\ntitle: Contact policy\ntype: policy\nowner: Contact Centre Manager\nstatus: draft\nversion: 1.0.0\nlast_reviewed: 2026-11-01\n---\n\n## Purpose\n\nWe answer calls.\n\n## Scope\n\nAll agents.\n\n## Policy\n\n- Agents answer every call within three rings.\n';

function repository(body: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'sop-directives-'));
  folders.push(folder);
  writeFileSync(join(folder, 'sop.config.yaml'), 'lang: en\n');
  writeFileSync(join(folder, 'answering-calls.md'), `${FRONTMATTER}\n${body}`);
  writeFileSync(join(folder, 'contact-policy.md'), POLICY);
  return folder;
}

const BODY = [
  '## Purpose',
  '',
  'Answer calls in order to help. <!-- sop-disable-line wordy-phrase -->',
  '',
  'Answer calls the same way. <!-- sop-disable-line wordy-phrase, passive-voice -->',
  '',
  '<!-- sop-disable-next-line -->',
  'Every call is answered by an agent.',
  '',
  '<!-- sop-disable weasel-words -->',
  '',
  '## Scope',
  '',
  'All agents. <!-- sop-disable-line no-such-rule -->',
  '',
  '## Procedure',
  '',
  '1. Answer the call.',
  '',
].join('\n');

function findings(cwd: string, extra: string[] = []) {
  const run = sop(['lint', '--format', 'json', '--as-of', '2026-11-02', ...extra], { cwd });
  const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; severity: number; message: string }> }>;
  return { code: run.code, messages: results.flatMap((result) => result.messages.map((m) => ({ ...m, filePath: result.filePath }))) };
}

describe('--report-unused-disable-directives', () => {
  it('is off by default: only the unknown id is reported', () => {
    const { code, messages } = findings(repository(BODY));
    expect(messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['25 disable-directive']);
    expect(code).toBe(0);
  });

  it('reports each directive, or id of a list, that silenced nothing, and exits 1', () => {
    const { code, messages } = findings(repository(BODY), ['--report-unused-disable-directives']);
    const unused = messages.filter((m) => m.ruleId === 'disable-directive' && m.severity === 2);
    expect(unused.map((m) => `${m.line}: ${m.message}`)).toEqual([
      '16: This sop-disable-line comment silences nothing for "passive-voice": remove the id, before it hides a later finding nobody meant to hide.',
      '16: This sop-disable-line comment silences nothing for "wordy-phrase": remove the id, before it hides a later finding nobody meant to hide.',
      '21: This sop-disable comment silences nothing for "weasel-words": remove the id, before it hides a later finding nobody meant to hide.',
    ]);
    // Line 14 silenced its wordy phrase and line 18 its passive: both are used. The unknown id stays a warning.
    expect(messages.filter((m) => m.ruleId === 'disable-directive' && m.severity === 1).map((m) => m.line)).toEqual([25]);
    expect(code).toBe(1);
  });

  it('counts a directive used by a repository rule', () => {
    const cwd = repository('<!-- sop-disable-file policy-coverage -->\n\n## Purpose\n\nAnswer calls.\n\n## Scope\n\nAll agents.\n\n## Procedure\n\n1. Answer the call.\n');
    writeFileSync(join(cwd, 'answering-calls.md'), readFileSyncText(join(cwd, 'answering-calls.md')).replace('implements: [contact-policy]\n', ''));
    const { messages } = findings(cwd, ['--report-unused-disable-directives']);
    expect(messages.filter((m) => m.filePath === 'answering-calls.md')).toEqual([]);
  });
});

function readFileSyncText(path: string): string {
  return readFileSync(path, 'utf8');
}
