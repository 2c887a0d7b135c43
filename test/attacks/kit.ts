import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { packageRoot } from '../../src/paths.js';

/**
 * The attack suite (issue 16, from the reliability report's reproducers): each test is named after
 * the report's finding (F1–F21) it guards. Long attacks (megabytes of input, thousands of files) run
 * only with SOP_LONG_ATTACKS=1, as `.ci/run` sets.
 */
export const LONG = process.env.SOP_LONG_ATTACKS === '1';
export const AS_OF = '2026-11-23';
/** Long attacks (and the first test of a file that lints a whole repository once) may take minutes on a busy machine. */
export const LONG_TIMEOUT = 900_000;
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sop-attack-'));
  made.push(dir);
  return dir;
}

/**
 * The report's "clean" repository: the customer-service example minus its deliberate errors,
 * so that it lints with warnings only and builds without --force. Returns its folder.
 */
export function cleanRepo(): string {
  const root = join(scratch(), 'repo');
  cpSync(join(packageRoot, 'examples', 'customer-service'), root, { recursive: true });
  edit(root, 'branches/london/opening-the-store.md', (text) => text.replace('8. Count the till floats and sign the float sheet.', '8. Count the till floats with a second colleague and sign the float sheet.'));
  edit(root, 'procedures/closing-the-store.md', (text) => text.replace('last_reviewed: 2025-06-10', 'last_reviewed: 2026-06-10'));
  // The French translation is deliberately out of date (two translation-parity errors): a document of its own here.
  edit(root, 'procedures/handling-a-complaint.fr.md', (text) => text.replace(/^(translation_of|source_version): .*\n/gm, ''));
  return root;
}

export function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

export function append(root: string, path: string, text: string): void {
  edit(root, path, (before) => before + text);
}

/** A small valid procedure; `body` is added after its steps. */
export function procedureText(id: string, body = '', extraFrontmatter = ''): string {
  return [
    '---',
    `id: ${id}`,
    `title: ${id}`,
    'type: procedure',
    'owner: Operations lead',
    'status: draft',
    'version: 1.0.0',
    'last_reviewed: 2026-11-01',
    ...(extraFrontmatter ? [extraFrontmatter] : []),
    '---',
    '',
    '## Purpose',
    '',
    'Staff check the till.',
    '',
    '## Scope',
    '',
    'All stores.',
    '',
    '## Procedure',
    '',
    '1. Count the till.',
    '2. Sign the sheet.',
    '',
    body,
  ].join('\n');
}

export interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; severity: number; message: string; line: number; column: number; fatal?: boolean; related?: unknown[] }>;
}

export function parseJson(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}
