import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package's own folder, found from this module whether it runs from `src/` (tests) or `dist/src/`. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('sop: cannot find its own package.json');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();
/** Rule folders with docs and fixtures (always the source tree, shipped in the package). */
export const ruleSourceDir = join(packageRoot, 'rules');
/** Compiled rule modules when running from dist, else the TypeScript sources (vitest). */
export const ruleModuleDir = fileURLToPath(new URL('../rules/', import.meta.url)).includes(`${join('dist', 'rules')}`)
  ? fileURLToPath(new URL('../rules/', import.meta.url))
  : ruleSourceDir;
export const schemaDir = join(packageRoot, 'schemas');
/** One folder per language (`languages/<tag>/`): its data (always read from the source tree, shipped in the package)… */
export const languageSourceDir = join(packageRoot, 'languages');
/** …and its analysis modules, compiled in dist or the TypeScript sources (vitest), found like the rules. */
export const languageModuleDir = fileURLToPath(new URL('../languages/', import.meta.url)).includes(`${join('dist', 'languages')}`)
  ? fileURLToPath(new URL('../languages/', import.meta.url))
  : languageSourceDir;
/** `languages/<tag>/data/`: the word lists of one language. */
export function languageDataDir(primaryTag: string): string {
  return join(languageSourceDir, primaryTag, 'data');
}

const packageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  version: string;
};
export const packageVersion = packageJson.version;

/**
 * The default export of `<dir>/<name>.js` (compiled, in dist) or `<dir>/<name>.ts` (the sources, under
 * vitest); undefined when neither exists. Rules, language packs and language checks are found this way.
 */
export async function importModuleDefault<T>(dir: string, name: string): Promise<T | undefined> {
  const js = join(dir, `${name}.js`);
  const ts = join(dir, `${name}.ts`);
  const file = existsSync(js) ? js : existsSync(ts) ? ts : undefined;
  if (!file) return undefined;
  return ((await import(pathToFileURL(file).href)) as { default: T }).default;
}
