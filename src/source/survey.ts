import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative } from 'node:path';
import { primarySubtag } from '../language/registry.js';
import { toPosix } from './discover.js';

/** What `sop init` finds in a folder before it writes a config. */
export interface FolderSurvey {
  /** Markdown files found (README files included). */
  markdownFiles: number;
  /** Language of each document (frontmatter `lang`, else a `.fr.md`-style suffix) and how many use it. */
  languages: Map<string, number>;
  /** Sub-folders of `branches/`. */
  branches: string[];
  /** README files, relative to the folder, `/`-separated. */
  readmes: string[];
}

const SKIPPED = new Set(['node_modules', '.git']);
/** Enough of a file to hold its frontmatter's `lang:` line. */
const HEAD_BYTES = 4096;

function headOf(path: string): string {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.toString('utf8', 0, readSync(descriptor, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(descriptor);
  }
}

/** The `lang` a document declares in its frontmatter, or its file name's language suffix. */
function languageOf(path: string, name: string): string | undefined {
  const head = headOf(path).replace(/^\uFEFF/, '');
  if (head.startsWith('---')) {
    const end = head.indexOf('\n---', 3);
    const frontmatter = end < 0 ? head : head.slice(0, end);
    const declared = /^lang:\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)["']?\s*$/m.exec(frontmatter)?.[1];
    if (declared) return primarySubtag(declared);
  }
  return /\.([a-z]{2,3})\.md$/i.exec(name)?.[1]?.toLowerCase();
}

/** Looks through a folder's Markdown files (regular files only, no symlinks followed) for `sop init`. */
export function surveyFolder(folder: string): FolderSurvey {
  const survey: FolderSurvey = { markdownFiles: 0, languages: new Map(), branches: [], readmes: [] };
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder has nothing init can use; lint reports it.
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) walk(path);
        continue;
      }
      if (!entry.isFile() || !/\.md$/i.test(entry.name)) continue;
      survey.markdownFiles++;
      if (/^readme\.md$/i.test(entry.name)) {
        survey.readmes.push(toPosix(relative(folder, path)));
        continue;
      }
      const lang = languageOf(path, entry.name);
      if (lang) survey.languages.set(lang, (survey.languages.get(lang) ?? 0) + 1);
    }
  };
  walk(folder);
  const branchesFolder = join(folder, 'branches');
  if (existsSync(branchesFolder)) {
    survey.branches = readdirSync(branchesFolder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  }
  return survey;
}
