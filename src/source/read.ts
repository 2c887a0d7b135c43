import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { repositoryRootFor } from './files.js';

/** The bytes of a source file, or why they were not read (a message for a `parse-error`). */
export type SourceBytes = { bytes: Uint8Array } | { problem: string };

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Reads a document's bytes by its real path, only if it is a regular file inside the repository:
 * a FIFO or a link to `/dev/zero` would hang or never end, and a link out of the repository would
 * publish a file nobody reviewed. Neither is opened.
 */
export function readSourceFile(absolutePath: string, options: { configRoot?: string; cwd: string }): SourceBytes {
  let stats;
  try {
    stats = statSync(absolutePath);
  } catch (error) {
    return { problem: `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` };
  }
  if (!stats.isFile()) return { problem: 'Not a regular file (a FIFO, a device or a link to one), so it was not read. Remove it, or add it to `.sopignore`.' };
  const real = realpathSync(absolutePath);
  // The repository the file is listed in; a file given from outside it is contained by its own folder.
  const root = realFolder(repositoryRootFor(absolutePath, options));
  const listedIn = realFolder(dirname(absolutePath));
  const container = isInside(root, listedIn) ? root : listedIn;
  if (!isInside(container, real)) {
    return { problem: `The file is a link that points outside the repository (to ${real}), so it was not read. Link to a file inside the repository, or add the link to \`.sopignore\`.` };
  }
  try {
    return { bytes: readFileSync(real) };
  } catch (error) {
    return { problem: `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` };
  }
}
