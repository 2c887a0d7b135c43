import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { lint } from '../../lint/engine.js';
import { loadRules } from '../../rules/registry.js';
import type { ResolvedConfig } from '../../types.js';
import { loadStaticAssets } from '../assets.js';
import { renderEdition } from '../edition.js';
import { buildDateOf, repositoryRoot } from '../index.js';
import { createMediaReader } from '../media.js';
import { silentProgress } from '../progress.js';
import { planEdition } from '../resolve.js';
import { buildSettings } from '../settings.js';
import { createTransformCache, type TransformCache } from '../transform/cache.js';
import type { BuildSettings, DocRecord, EditionPlan } from '../types.js';

export interface SiteBuilderOptions {
  cwd: string;
  paths: string[];
  configPath?: string;
  /** Where the site is written; the builder owns everything in it. */
  folder: string;
  /** Include draft documents, marked DRAFT (as `sop build --include-drafts`). */
  includeDrafts?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** What one rebuild changed: site paths (`/documents/x.html`) written or removed. */
export interface RebuildResult {
  changed: string[];
  removed: string[];
  /** Pages of the site by the source file they show (`procedures/x.md` → `/documents/x.html`). */
  pageOf: ReadonlyMap<string, string>;
  warnings: string[];
  documents: number;
}

/** The repository as the last rebuild read it: the config, the settings and the records. */
export interface SiteState {
  config: ResolvedConfig;
  settings: BuildSettings;
  records: DocRecord[];
  plan: EditionPlan;
}

/**
 * Builds the base edition's site into a folder again and again, doing only what a change needs:
 * the config (and the brand files it names) is read again only when one of them changed, a
 * document is transformed again only when its text or what its links point at changed (the
 * build's transform cache, kept between rebuilds), and only files whose bytes changed are
 * written. It is the site `sop build` would publish (drafts only when asked for).
 */
export function createSiteBuilder(options: SiteBuilderOptions) {
  const env = options.env ?? process.env;
  let state: (Omit<SiteState, 'records' | 'plan'> & { cache: TransformCache }) | undefined;
  let last: SiteState | undefined;
  const written = new Map<string, string>();

  async function readConfig(): Promise<void> {
    const config = loadConfig({ cwd: options.cwd, configPath: options.configPath, rules: await loadRules(), paths: options.paths });
    state = { config, settings: buildSettings(config), cache: createTransformCache() };
  }

  return {
    /** The state of the last successful rebuild. */
    get current(): SiteState | undefined {
      return last;
    },

    /** Files whose change means reading the config again: the config itself and the brand files it names. */
    configFiles(): string[] {
      if (!state?.config.path) return [];
      const build = (state.config.build ?? {}) as { logo?: string; css?: string };
      return [state.config.path, ...[build.logo, build.css].filter((path): path is string => Boolean(path)).map((path) => resolve(state!.config.root, path))];
    },

    /**
     * Rebuilds the site. `reloadConfig` reads the config again (always on the first run);
     * `compliant` is what the last lint said, for the edition's NOT COMPLIANT notice.
     */
    async rebuild(input: { reloadConfig: boolean; compliant: boolean }): Promise<RebuildResult> {
      if (!state || input.reloadConfig) await readConfig();
      const { config, settings, cache } = state!;
      const buildDate = buildDateOf(undefined, env);
      // The records come from the lint's reader, as in `sop build`; no rule needs to run for them here
      // (the server lints separately, for the banners).
      const records = (await lint({ cwd: options.cwd, paths: options.paths, config, records: true, onlyRules: [], jobs: 1 })).records;
      const plan = planEdition(records, { settings, selector: { includeDrafts: options.includeDrafts ?? false }, folder: '', buildDate, asOf: buildDate, compliant: input.compliant, review: config });
      const warnings: string[] = [];
      const warn = (message: string) => warnings.push(message);
      const root = repositoryRoot({ cwd: options.cwd, paths: options.paths }, config);
      const readMedia = createMediaReader({ cwd: options.cwd, root, maxBytes: config.maxFileSize, warn });
      const files = await renderEdition({ plan, config, formats: ['site'], assets: loadStaticAssets(), readMedia, progress: silentProgress, cache, warn });

      const changed: string[] = [];
      const present = new Set<string>();
      for (const file of files) {
        present.add(file.path);
        const hash = createHash('sha256').update(file.content).digest('hex');
        if (written.get(file.path) === hash) continue;
        writeAtomically(join(options.folder, file.path), file.content);
        written.set(file.path, hash);
        changed.push(`/${file.path}`);
      }
      const removed: string[] = [];
      for (const path of [...written.keys()]) {
        if (present.has(path)) continue;
        rmSync(join(options.folder, path), { force: true });
        written.delete(path);
        removed.push(`/${path}`);
      }
      last = { config, settings, records, plan };
      const pageOf = new Map(plan.docs.map((doc) => [doc.record.filePath, `/documents/${doc.anchor}.html`]));
      return { changed, removed, pageOf, warnings: [...new Set(warnings)], documents: plan.docs.length };
    },
  };
}

export type SiteBuilder = ReturnType<typeof createSiteBuilder>;

/** Writes beside the target and renames, so the server never sends a half-written page. */
function writeAtomically(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}
