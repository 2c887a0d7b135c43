import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Makes a throw-away repository from a map of relative paths to contents; removed after the test file. */
export function makeRepo(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'sop-test-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}

/** A valid policy document (draft, so no procedure has to implement it). */
export function policy(id = 'customer-contact'): string {
  return [
    '---',
    `id: ${id}`,
    `title: ${id.replace(/-/g, ' ')}`,
    'type: policy',
    'owner: Head of customer service',
    'status: draft',
    'version: 1.0.0',
    'last_reviewed: 2026-05-01',
    '---',
    '',
    '## Purpose',
    '',
    'Set the standard for every customer contact.',
    '',
    '## Scope',
    '',
    'All staff who talk to customers.',
    '',
    '## Policy',
    '',
    'Staff answer every call within three rings.',
    '',
  ].join('\n');
}

/** A valid procedure document implementing `policy()`; `steps` replaces the default Procedure steps. */
export function procedure(id: string, steps = ['Answer the call within three rings.', 'Greet the caller by name.'], extra = 'implements: [customer-contact]'): string {
  return [
    '---',
    `id: ${id}`,
    `title: ${id.replace(/-/g, ' ')}`,
    'type: procedure',
    'owner: Contact centre lead',
    'status: draft',
    'version: 1.0.0',
    'last_reviewed: 2026-05-01',
    extra,
    '---',
    '',
    '## Purpose',
    '',
    'Answer every call the same way.',
    '',
    '## Scope',
    '',
    'All agents on the phone line.',
    '',
    '## Procedure',
    '',
    ...steps.map((step, i) => `${i + 1}. ${step}`),
    '',
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === '---' && i < 10))
    .join('\n');
}
