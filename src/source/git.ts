import { execFileSync } from 'node:child_process';
import { UsageError } from '../errors.js';

/** What `git diff` says about a file changed since a ref: its path now and the path it had then. */
export interface ChangedFile {
  /** Path relative to the working folder, `/`-separated. */
  path: string;
  /** Path at the ref (differs after a rename). */
  oldPath: string;
  /** `M` modified, `R` renamed, `T` type changed, `C` copied. Added and deleted files are left out. */
  status: string;
}

const MAX_OUTPUT = 512 * 1024 * 1024;

function runGit(args: string[], cwd: string, ref: string, input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: MAX_OUTPUT, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new UsageError('`--since` needs the git command line, and `git` was not found. Install git, or run without `--since`.');
    const stderr = failure.stderr?.toString('utf8') ?? '';
    if (/not a git repository/i.test(stderr)) {
      throw new UsageError(`\`--since ${ref}\` needs a git repository, but ${cwd} is not inside one. Run sop from the repository, or drop \`--since\`.`);
    }
    if (/bad revision|unknown revision|ambiguous argument|invalid object name|not a valid object name/i.test(stderr)) {
      throw new UsageError(`\`--since ${ref}\`: git does not know the ref "${ref}". Use a branch, tag or commit that exists (in CI, fetch it first, e.g. \`git fetch origin main\`).`);
    }
    throw new UsageError(`\`--since ${ref}\`: git failed: ${stderr.trim().split('\n')[0] || failure.message}`);
  }
}

/**
 * Files under the working folder whose content differs between `ref` and the working tree
 * (uncommitted edits included), with renames followed. One `git diff` for the whole run.
 */
export function changedSince(ref: string, cwd: string): Map<string, ChangedFile> {
  if (ref.startsWith('-') || ref.trim() === '') throw new UsageError(`\`--since\` needs a git ref such as \`main\` or \`v1.2.0\`, not "${ref}".`);
  const output = runGit(['diff', '--name-status', '-z', '-M', '--relative', '--no-ext-diff', ref, '--'], cwd, ref).toString('utf8');
  const fields = output.split('\0');
  const changed = new Map<string, ChangedFile>();
  for (let i = 0; i < fields.length && fields[i] !== ''; ) {
    const status = fields[i][0];
    if (status === 'R' || status === 'C') {
      const [oldPath, path] = [fields[i + 1], fields[i + 2]];
      changed.set(path, { path, oldPath, status });
      i += 3;
    } else {
      const path = fields[i + 1];
      if (status === 'M' || status === 'T') changed.set(path, { path, oldPath: path, status });
      i += 2;
    }
  }
  return changed;
}

/**
 * The text of several files as they were at `ref`, with one `git cat-file --batch`. Paths are relative
 * to the working folder; a file that did not exist at the ref maps to undefined.
 */
export function readAtRef(ref: string, paths: readonly string[], cwd: string): Map<string, string | undefined> {
  const contents = new Map<string, string | undefined>();
  if (paths.length === 0) return contents;
  const input = paths.map((path) => `${ref}:./${path}\n`).join('');
  const output = runGit(['cat-file', '--batch'], cwd, ref, input);
  const decoder = new TextDecoder('utf-8');
  let offset = 0;
  for (const path of paths) {
    const headerEnd = output.indexOf(0x0a, offset);
    if (headerEnd === -1) break;
    const header = output.subarray(offset, headerEnd).toString('utf8');
    offset = headerEnd + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      contents.set(path, undefined); // `<name> missing` (or ambiguous): not at the ref.
      continue;
    }
    const size = Number(match[2]);
    contents.set(path, match[1] === 'blob' ? decoder.decode(output.subarray(offset, offset + size)) : undefined);
    offset += size + 1; // The content is followed by a newline.
  }
  return contents;
}
