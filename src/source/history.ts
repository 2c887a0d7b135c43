import { realpathSync } from 'node:fs';
import type { History } from '../types.js';
import type { GitRepository } from './git.js';

const decoder = new TextDecoder('utf-8'); // strips a BOM, as the files on disk are read

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * `context.history` from git: what changed since `ref` (one `git diff` for the whole run) and the
 * earlier text of the files asked for (one `git cat-file --batch`).
 */
export function gitHistory(repository: GitRepository, ref: string): History {
  let changed: ReturnType<GitRepository['changedSince']> | undefined;
  return {
    ref,
    changedTexts(absolutePaths) {
      changed ??= repository.changedSince(ref);
      const wanted = absolutePaths.flatMap((path) => {
        const change = changed!.get(path) ?? changed!.get(realPath(path));
        return change ? [{ path, oldPath: change.oldPath }] : [];
      });
      const bytes = repository.readAtRef(ref, wanted.map(({ oldPath }) => oldPath));
      const texts = new Map<string, string>();
      for (const { path, oldPath } of wanted) {
        const old = bytes.get(oldPath);
        if (old !== undefined) texts.set(path, decoder.decode(old));
      }
      return texts;
    },
  };
}
