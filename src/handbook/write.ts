import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { BUILD_MARKER } from '../source/discover.js';
import { hasBuildMarker, onInterrupt, removeStale } from './interrupt.js';
import type { OutputFile } from './types.js';

export { BUILD_MARKER };

/**
 * Checks that `out` may be replaced: it does not exist, is an empty folder, or holds the marker file
 * of an earlier build. A folder of anything else is never touched, nor one that holds the sources.
 */
export function checkOutputFolder(out: string, protectedPaths: readonly string[]): void {
  for (const path of protectedPaths) {
    const fromOut = relative(out, path);
    if (fromOut === '' || (!fromOut.startsWith('..') && !isAbsolute(fromOut))) {
      throw new UsageError(`Refusing to build into ${out}: it contains the documents being built (${path}). Choose an output folder outside them, e.g. --out handbook.`);
    }
  }
  if (!existsSync(out)) return;
  const stats = lstatSync(out);
  if (!stats.isDirectory()) throw new UsageError(`Refusing to replace ${out}: it is a file, not a handbook folder. Choose another --out.`);
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(BUILD_MARKER)) {
    throw new UsageError(
      `Refusing to replace ${out}: the folder is not empty and was not made by \`sop build\` (it has no ${BUILD_MARKER}). Choose an empty or new folder with --out, or move its contents away.`,
    );
  }
}

/** A path inside the output folder, or an error: nothing is ever written outside it. */
function insideFolder(folder: string, path: string): string {
  if (isAbsolute(path) || path.split(/[\\/]/).some((part) => part === '..' || part === '')) {
    throw new Error(`Output path escapes the handbook folder: ${path}`);
  }
  const target = resolve(folder, path);
  if (!target.startsWith(folder + sep)) throw new Error(`Output path escapes the handbook folder: ${path}`);
  return target;
}

/** A handbook being written: files go into a staging folder beside `out` until `commit` swaps it in. */
export interface HandbookWriter {
  add(files: readonly OutputFile[]): void;
  /** Writes the marker and swaps the staging folder in for `out`. */
  commit(marker: unknown): void;
  /** Removes the staging folder; `out` stays as it was. */
  abort(): void;
}

/**
 * Starts writing a handbook. The output folder is checked first, so a build that may not replace it
 * stops before any work. Editions are added one at a time, so memory holds one edition's files.
 * Readers (and a failed build) see the old handbook or the new one, never a mix; the old one is
 * removed only after the new one is in place. The marker file says the folder is sop's to replace.
 */
export function openHandbook(out: string, protectedPaths: readonly string[]): HandbookWriter {
  const target = resolve(out);
  checkOutputFolder(target, protectedPaths);
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`Cannot write the handbook to ${out}: ${why}.`);
  }
  // What builds killed before they finished left beside `out` (kill -9 gives them no chance to clean up).
  const escaped = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  removeStale(parent, new RegExp(`^\\.${escaped}\\.sop-(?:new|old)-(\\d+)-[0-9a-f]{8}$`), (path) =>
    // A retired handbook is the only copy when its run died between the two renames: kept then.
    hasBuildMarker(path, BUILD_MARKER) && (path.includes('.sop-new-') || existsSync(target)),
  );
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `.${basename(target)}.sop-new-${suffix}`);
  mkdirSync(staging);
  // Marked from the start: if the process dies mid-build, `sop lint` still skips the half-written folder.
  writeFileSync(join(staging, BUILD_MARKER), `${JSON.stringify({ generator: 'sopkit', partial: true })}\n`);
  const removeStaging = () => rmSync(staging, { recursive: true, force: true });
  const forget = onInterrupt(removeStaging);
  const abort = () => {
    removeStaging();
    forget();
  };
  const guarded = (work: () => void) => {
    try {
      work();
    } catch (error) {
      abort();
      throw error;
    }
  };
  return {
    add(files) {
      guarded(() => {
        for (const file of files) {
          const path = insideFolder(staging, file.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, file.content);
        }
      });
    },
    commit(marker) {
      const retired = join(parent, `.${basename(target)}.sop-old-${suffix}`);
      const hadOld = existsSync(target);
      guarded(() => {
        writeFileSync(join(staging, BUILD_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
        // Checked again just before the swap: the folder may have changed while the handbook was rendered.
        checkOutputFolder(target, protectedPaths);
        if (hadOld) renameSync(target, retired);
      });
      try {
        renameSync(staging, target);
      } catch (error) {
        if (hadOld) renameSync(retired, target);
        abort();
        throw error;
      }
      forget();
      if (hadOld) rmSync(retired, { recursive: true, force: true });
    },
    abort,
  };
}

/** Writes a whole handbook at once (see openHandbook). */
export function writeHandbook(out: string, files: readonly OutputFile[], marker: unknown, protectedPaths: readonly string[]): void {
  const writer = openHandbook(out, protectedPaths);
  writer.add(files);
  writer.commit(marker);
}
