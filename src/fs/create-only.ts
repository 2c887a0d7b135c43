import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Creates a file that must not exist yet, atomically: the content goes to a temporary file beside the
 * target, which is then hard-linked into place. `link` fails when the target exists, so a file someone
 * else wrote (or wrote a moment ago) is never replaced, and a reader never sees half a file.
 * Returns false, and writes nothing, when the target exists.
 */
export function createFileOnly(path: string, content: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}
