import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';
import { sop } from './helpers/cli.js';

/** The translation contract across commands: one row per procedure in `sop branches`, stale translations in `sop review`. */
const fixture = join(packageRoot, 'rules', 'translation-parity', 'valid', 'in-step');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function repository(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sop-translations-'));
  folders.push(folder);
  cpSync(fixture, folder, { recursive: true });
  writeFileSync(join(folder, 'sop.config.yaml'), 'lang: en\nuniformity:\n  branches: [pune]\n');
  return folder;
}

describe('translations', () => {
  it('sop branches shows a translated procedure once, with its languages', () => {
    const cwd = repository();
    const run = sop(['branches', '--format', 'json'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const matrix = JSON.parse(run.stdout) as { rows: Array<{ id: string; languages?: string[] }> };
    expect(matrix.rows.map((row) => row.id)).toEqual(['processing-a-refund']);
    expect(matrix.rows[0].languages).toEqual(['en', 'fr', 'hi']);
    expect(sop(['branches'], { cwd }).stdout).toContain('processing-a-refund (en, fr, hi)');
  });

  it('sop review marks a translation made from an older version of its source', () => {
    const cwd = repository();
    const hindi = join(cwd, 'processing-a-refund.hi.md');
    writeFileSync(hindi, readText(hindi).replace('source_version: "1.2.0"', 'source_version: "1.1.0"'));
    const run = sop(['review', '--format', 'json', '--as-of', '2026-11-01'], { cwd });
    const documents = (JSON.parse(run.stdout) as { documents: Array<{ id: string; staleTranslation: unknown }> }).documents;
    expect(documents.find((row) => row.id === 'processing-a-refund-hi')!.staleTranslation).toEqual({ source: 'processing-a-refund', from: '1.1.0', current: '1.2.0' });
    expect(documents.find((row) => row.id === 'processing-a-refund-fr')!.staleTranslation).toBeNull();
    const table = sop(['review', '--as-of', '2026-11-01'], { cwd }).stdout;
    expect(table).toContain('stale translation of processing-a-refund (from 1.1.0; now 1.2.0)');
    expect(table).toContain('1 stale translation');
  });

  it('sop lint reports the stale translation at its source_version', () => {
    const cwd = repository();
    const hindi = join(cwd, 'processing-a-refund.hi.md');
    writeFileSync(hindi, readText(hindi).replace('source_version: "1.2.0"', 'source_version: "1.1.0"'));
    const run = sop(['lint', '--format', 'json', '--as-of', '2026-11-01'], { cwd });
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>;
    const parity = results.flatMap((result) => result.messages.filter((m) => m.ruleId === 'translation-parity').map((m) => `${result.filePath}:${m.line}`));
    expect(parity).toEqual(['processing-a-refund.hi.md:11']);
  });
});

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
