import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.built-from-sources');

/** The newest modification time of the TypeScript sources that `dist/` is compiled from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'valid' || entry.name === 'invalid') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The CLI tests spawn `bin/sop.js`, which runs `dist/`, while the other tests import the sources: compile
 * the sources once before any test runs, so every test sees the same version. Skipped when `dist/` is
 * already newer than every source (a focused `npx vitest run test/x.test.ts` after an unchanged build).
 */
export default function setup(): void {
  const sources = Math.max(...['src', 'rules', 'languages'].map((dir) => newestSource(join(root, dir))), statSync(join(root, 'tsconfig.json')).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, `${new Date(sources).toISOString()}\n`);
}
