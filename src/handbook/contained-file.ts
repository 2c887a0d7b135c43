import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** Why a file the handbook would publish was refused. */
export type ContainedRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'missing' | 'outside' | 'not-a-file' | 'too-large' };

/** True when `path` is `root` or lies below it (both absolute, already resolved). */
export function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot));
}

/**
 * Reads a file the handbook copies (an image, the logo, the brand stylesheet) only if its real path
 * (symlinks followed) lies inside the repository root and it is a regular file of at most `maxBytes`:
 * a pull request must not be able to publish `/etc/passwd` through `logo.png -> /etc/passwd`, nor
 * hang the build on a FIFO or `/dev/zero`.
 */
export function readContainedFile(root: string, path: string, maxBytes: number): ContainedRead {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(resolve(root, path));
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, reason: 'missing' };
  }
  if (!isInside(realRoot, real)) return { ok: false, reason: 'outside' };
  let fd: number;
  try {
    if (!statSync(real).isFile()) return { ok: false, reason: 'not-a-file' };
    // O_NONBLOCK: should the file be swapped for a FIFO meanwhile, opening does not wait for a writer.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stats.size > maxBytes) return { ok: false, reason: 'too-large' };
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return { ok: true, bytes: new Uint8Array(bytes.subarray(0, read)) };
  } finally {
    closeSync(fd);
  }
}
