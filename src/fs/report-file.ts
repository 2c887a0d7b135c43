import { lstatSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Writes a report (`-o`) to what the user named. A regular file is replaced atomically; a symlink
 * is followed and its target replaced (the link stays a link); a device, FIFO or `/dev/stdout` is
 * written in place, since a rename would replace the device node itself. A missing folder is
 * created. Whatever still fails is the user's to fix, so it is a usage error (exit 2), never an
 * internal one.
 */
export function writeReportFile(path: string, content: string, shownAs: string = path): void {
  const fail = (why: string): never => {
    throw new UsageError(`Cannot write the report to ${shownAs}: ${why}.`);
  };
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(path); // follows links: what a write would reach
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') fail('a part of the path is a file, not a folder');
    if (code !== 'ENOENT') fail(describe(error));
  }
  if (existing?.isDirectory()) fail('it is a folder; name a file inside it');
  try {
    if (existing && !existing.isFile()) {
      writeFileSync(path, content); // device, FIFO, terminal, /dev/stdout: written in place
      return;
    }
    if (!existing && isSymlink(path)) {
      writeFileSync(path, content); // a dangling link: its target is created, the link kept
      return;
    }
    // A link to a regular file: the target is replaced, the link stays.
    const target = existing && isSymlink(path) ? realpathSync(path) : path;
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomic(target, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') fail('a part of the path is a file, not a folder');
    fail(describe(error));
  }
}

/**
 * `-o /dev/stdout` (or `/dev/fd/1`, `/proc/self/fd/2`…) names a stream sop already holds: opening the
 * path again fails where standard output is a socket (ENXIO), so the caller writes to the stream.
 */
export function standardStreamOf(path: string): 'stdout' | 'stderr' | undefined {
  const match = /^\/(?:dev\/(stdout|stderr)|dev\/fd\/([12])|proc\/self\/fd\/([12]))$/.exec(path);
  if (!match) return undefined;
  if (match[1]) return match[1] as 'stdout' | 'stderr';
  return (match[2] ?? match[3]) === '1' ? 'stdout' : 'stderr';
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  return (error as Error).message;
}
