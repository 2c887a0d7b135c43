import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { StaticAssets } from './render/site.js';

let cached: StaticAssets | undefined;

/** The handbook's stylesheet and script (assets/) and MiniSearch's browser build, read once per run. */
export function loadStaticAssets(): StaticAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // The package exports only its module entries; the browser (UMD) build sits beside them in dist/.
  const minisearchDist = dirname(dirname(require.resolve('minisearch')));
  const minisearch = readFileSync(join(minisearchDist, 'umd', 'index.js'), 'utf8');
  cached = {
    css: readFileSync(join(packageRoot, 'assets', 'handbook.css'), 'utf8'),
    js: readFileSync(join(packageRoot, 'assets', 'handbook.js'), 'utf8'),
    minisearch: `/*! MiniSearch (MIT licence, https://github.com/lucaong/minisearch) */\n${minisearch.replace(/\n\/\/# sourceMappingURL=.*$/m, '')}`,
  };
  return cached;
}
