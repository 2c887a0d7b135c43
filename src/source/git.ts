import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** What `git diff` says about a file changed since a ref: its path now and the path it had then. */
export interface ChangedFile {
  /** Absolute path of the file now. */
  absolutePath: string;
  /** Path at the ref, relative to the repository root, `/`-separated (differs after a rename). */
  oldPath: string;
  /** `M` modified, `R` renamed, `T` type changed, `C` copied. Added and deleted files are left out. */
  status: string;
}

/**
 * The one git adapter: every `--since` (the `version-bump` rule's history, the build's earlier
 * edition) reads the repository at a ref through it. Paths in and out are relative to `root`.
 */
export interface GitRepository {
  /** Absolute path of the work tree's top folder. */
  root: string;
  /** Files whose content differs between `ref` and the working tree (uncommitted edits included), keyed by absolute path. */
  changedSince(ref: string): Map<string, ChangedFile>;
  /** The bytes of files at `ref` (one `git cat-file --batch`); a path not at the ref maps to undefined. */
  readAtRef(ref: string, paths: readonly string[]): Map<string, Uint8Array | undefined>;
  /** Every file path at `ref`, relative to the root. */
  listAtRef(ref: string): string[];
}

const MAX_OUTPUT = 512 * 1024 * 1024;

function runGit(args: string[], cwd: string, ref: string | undefined, input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: MAX_OUTPUT, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    const flag = ref === undefined ? '`--since`' : `\`--since ${ref}\``;
    if (failure.code === 'ENOENT') throw new UsageError('`--since` needs the git command line, and `git` was not found. Install git, or run without `--since`.');
    const stderr = failure.stderr?.toString('utf8') ?? '';
    if (/not a git repository/i.test(stderr)) {
      throw new UsageError(`${flag} needs a git repository, but ${cwd} is not inside one. Run sop on files of a git repository, or drop \`--since\`.`);
    }
    if (/bad revision|unknown revision|ambiguous argument|invalid object name|not a valid object name|needed a single revision/i.test(stderr)) {
      throw new UsageError(`${flag}: git does not know the ref "${ref}". Use a branch, tag or commit that exists (in CI, fetch it first, e.g. \`git fetch origin main\`).`);
    }
    throw new UsageError(`${flag}: git failed: ${stderr.trim().split('\n')[0] || failure.message}`);
  }
}

function checkRef(ref: string): void {
  if (ref.startsWith('-') || ref.trim() === '') throw new UsageError(`\`--since\` needs a git ref such as \`main\` or \`v1.2.0\`, not "${ref}".`);
}

/** The git repository that holds `dir` (a folder). Throws a UsageError naming `ref` when there is none. */
export function openGitRepository(dir: string, ref?: string): GitRepository {
  const root = resolve(runGit(['rev-parse', '--show-toplevel'], dir, ref).toString('utf8').trim());
  const verified = new Set<string>();
  const verify = (at: string) => {
    checkRef(at);
    if (verified.has(at)) return;
    try {
      execFileSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${at}^{commit}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      throw new UsageError(`\`--since ${at}\`: git does not know the ref "${at}". Use a branch, tag or commit that exists (in CI, fetch it first, e.g. \`git fetch origin main\`).`);
    }
    verified.add(at);
  };
  return {
    root,
    changedSince(at) {
      verify(at);
      const output = runGit(['diff', '--name-status', '-z', '-M', '--no-ext-diff', at, '--'], root, at).toString('utf8');
      const fields = output.split('\0');
      const changed = new Map<string, ChangedFile>();
      for (let i = 0; i < fields.length && fields[i] !== ''; ) {
        const status = fields[i][0];
        if (status === 'R' || status === 'C') {
          const [oldPath, path] = [fields[i + 1], fields[i + 2]];
          changed.set(join(root, path), { absolutePath: join(root, path), oldPath, status });
          i += 3;
        } else {
          const path = fields[i + 1];
          if (status === 'M' || status === 'T') changed.set(join(root, path), { absolutePath: join(root, path), oldPath: path, status });
          i += 2;
        }
      }
      return changed;
    },
    readAtRef(at, paths) {
      verify(at);
      const contents = new Map<string, Uint8Array | undefined>();
      if (paths.length === 0) return contents;
      const output = runGit(['cat-file', '--batch'], root, at, paths.map((path) => `${at}:${path}\n`).join(''));
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
        contents.set(path, match[1] === 'blob' ? output.subarray(offset, offset + size) : undefined);
        offset += size + 1; // The content is followed by a newline.
      }
      return contents;
    },
    listAtRef(at) {
      verify(at);
      return runGit(['ls-tree', '-r', '-z', '--name-only', '--full-tree', at], root, at)
        .toString('utf8')
        .split('\0')
        .filter(Boolean);
    },
  };
}
