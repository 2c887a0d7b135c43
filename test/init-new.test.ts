import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sop } from './helpers/cli.js';

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

function repository(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'sop-init-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

const lintJson = (cwd: string) => {
  const run = sop(['lint', '--format', 'json'], { cwd });
  return { code: run.code, results: JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number; line: number }> }> };
};

describe('sop init', () => {
  it('writes a config from what the folder holds: its main language, the others, branches, README files ignored', () => {
    const cwd = repository({
      'README.md': '# Our policies\n',
      'fr/ouvrir.md': '---\nid: ouvrir\nlang: fr\n---\n',
      'fr/fermer.md': '---\nid: fermer\nlang: fr-FR\n---\n',
      'policies/refunds.hi.md': '---\nid: refunds-hi\n---\n',
      'branches/pune/.keep': '',
      'branches/leeds/.keep': '',
    });
    const run = sop(['init'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const config = readFileSync(join(cwd, 'sop.config.yaml'), 'utf8');
    expect(config).toMatch(/^lang: fr$/m);
    expect(config).toContain('Also found: Hindi (hi)');
    expect(config).toMatch(/branches: \[leeds, pune\]/);
    expect(config).toMatch(/ignore:\n {2}- README\.md\n {2}- "\*\*\/README\.md"/);
    expect(readFileSync(join(cwd, '.sopignore'), 'utf8')).toContain('node_modules/');
    expect(run.stdout).toContain('languages fr, hi');
  });

  it('never overwrites a file, and says which it kept', () => {
    const cwd = repository({ 'sop.config.yaml': 'lang: en\n# mine\n' });
    const run = sop(['init'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/kept {4}sop\.config\.yaml/);
    expect(readFileSync(join(cwd, 'sop.config.yaml'), 'utf8')).toBe('lang: en\n# mine\n');
    expect(run.stdout).toMatch(/created \.sopignore/);
  });

  it('--example writes a policy and a procedure that lint clean with every default rule', () => {
    const cwd = repository();
    expect(sop(['init', '--example'], { cwd }).code).toBe(0);
    const { code, results } = lintJson(cwd);
    expect(results.map((result) => result.filePath).sort()).toEqual(['policies/visitor-policy.md', 'procedures/signing-in-a-visitor.md']);
    expect(results.flatMap((result) => result.messages)).toEqual([]);
    expect(code).toBe(0);
  });

  it('refuses a folder that does not exist, with exit 2', () => {
    const cwd = repository();
    const run = sop(['init', 'nowhere'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nowhere is not a folder');
  });
});

describe('sop new', () => {
  it('writes a draft with valid frontmatter and the required sections; a repository made by init and new lints with no errors', () => {
    const cwd = repository();
    sop(['init', '--example'], { cwd });
    const procedure = sop(['new', 'procedure', 'Checking a delivery', '--implements', 'visitor-policy'], { cwd });
    expect(procedure.code, procedure.stderr).toBe(0);
    expect(procedure.stdout).toContain('created procedures/checking-a-delivery.md');
    const text = readFileSync(join(cwd, 'procedures/checking-a-delivery.md'), 'utf8');
    expect(text).toMatch(/^id: checking-a-delivery$/m);
    expect(text).toMatch(/^status: draft$/m);
    expect(text).toMatch(/^implements: \[visitor-policy\]$/m);
    expect(text).toMatch(/## Purpose[\s\S]*## Scope[\s\S]*## Procedure\n\n1\. /);
    expect(sop(['new', 'policy', 'Politique de remboursement', '--lang', 'fr'], { cwd }).code).toBe(0);
    expect(sop(['new', 'procedure', 'Closing the store', '--branch', 'pune', '--implements', 'visitor-policy'], { cwd }).code).toBe(0);
    const { code, results } = lintJson(cwd);
    const messages = results.flatMap((result) => result.messages);
    expect(messages.filter((message) => message.severity === 2)).toEqual([]);
    // The placeholders are there to be seen: the owner and each section's TODO are warnings.
    expect(messages.filter((message) => message.ruleId === 'placeholder-text').length).toBeGreaterThanOrEqual(3 * 4);
    expect(code).toBe(0);
  });

  it('heads the sections in the document\'s language and names the file after it', () => {
    const cwd = repository({ 'sop.config.yaml': 'lang: en\ndefaults:\n  owner: Branch Manager\n' });
    const run = sop(['new', 'policy', 'Refund policy', '--lang', 'hi'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(join(cwd, 'policies/refund-policy.hi.md'), 'utf8');
    expect(text).toMatch(/^lang: hi$/m);
    expect(text).toMatch(/^owner: Branch Manager$/m);
    expect(text).toContain('## उद्देश्य');
    expect(text).toContain('## नीति');
    expect(run.stdout).not.toContain('placeholder');
  });

  it('puts a branch document under branches/<name>/ with its own id', () => {
    const cwd = repository();
    expect(sop(['new', 'procedure', 'Closing the store', '--branch', 'pune'], { cwd }).code).toBe(0);
    const text = readFileSync(join(cwd, 'branches/pune/closing-the-store.md'), 'utf8');
    expect(text).toMatch(/^id: closing-the-store-pune$/m);
    expect(text).toMatch(/^branches: \[pune\]$/m);
  });

  it('never overwrites a file: exit 2 and the file is unchanged', () => {
    const cwd = repository({ 'procedures/checking-a-delivery.md': 'mine\n' });
    const run = sop(['new', 'procedure', 'Checking a delivery'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('exists; sop new never overwrites a file');
    expect(readFileSync(join(cwd, 'procedures/checking-a-delivery.md'), 'utf8')).toBe('mine\n');
  });

  it('asks for --id when the title gives none, and rejects a bad id, type or title', () => {
    const cwd = repository();
    const noId = sop(['new', 'policy', 'धनवापसी नीति', '--lang', 'hi'], { cwd });
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain('give one with --id');
    expect(sop(['new', 'policy', 'धनवापसी नीति', '--lang', 'hi', '--id', 'refund-policy-hi'], { cwd }).code).toBe(0);
    expect(readFileSync(join(cwd, 'policies/refund-policy-hi.md'), 'utf8')).toContain('title: धनवापसी नीति');
    expect(sop(['new', 'policy', 'Refunds', '--id', 'Refund_Policy'], { cwd }).code).toBe(2);
    expect(sop(['new', 'guideline', 'Refunds'], { cwd }).code).toBe(2);
    expect(sop(['new', 'policy', 'bad\u0007title'], { cwd }).code).toBe(2);
  });
});
