import { createHash } from 'node:crypto';
import { accessSync, constants, lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { relative, isAbsolute } from 'node:path';

/** The file as `--fix` read it: compared again just before the fixed text replaces it. */
export interface FileSnapshot {
  before: Stats | undefined;
  bytes: Uint8Array;
}

/**
 * Where `--fix` may write a document's fixed text, or why it may not: a symlinked document is fixed
 * through to its target when that lies inside the repository (a rename over the link would replace
 * it with a copy); a read-only file is the user's "do not touch".
 */
export function fixTarget(path: string, root: string): { path: string } | { refused: string } {
  let target = path;
  try {
    if (lstatSync(path).isSymbolicLink()) {
      target = realpathSync(path);
      const inside = relative(realpathSync(root), target);
      if (inside.startsWith('..') || isAbsolute(inside)) return { refused: 'it is a symlink to a file outside the repository, so the fixes were not written.' };
    }
    const mode = statSync(target).mode;
    // The write bits, and access(2) for who runs sop: root passes access() but 0444 still means read-only.
    if ((mode & 0o222) === 0) return { refused: 'the file is read-only, so the fixes were not written.' };
    accessSync(target, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { refused: 'the file is not writable, so the fixes were not written.' };
    return { refused: `the file cannot be checked before writing (${code ?? (error as Error).message}), so the fixes were not written.` };
  }
  return { path: target };
}

/** True when the file still holds what was read: same inode, size, modification time and bytes. */
export function unchangedSince(path: string, snapshot: FileSnapshot): boolean {
  try {
    const now = statSync(path);
    const then = snapshot.before;
    if (then && (now.ino !== then.ino || now.size !== then.size || now.mtimeMs !== then.mtimeMs)) return false;
    return digest(readFileSync(path)) === digest(snapshot.bytes);
  } catch {
    return false;
  }
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
