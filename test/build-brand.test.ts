import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/handbook/index.js';
import { loadStaticAssets } from '../src/handbook/assets.js';
import { BASIC_FIXTURE, BUILD_DATE } from './helpers/build.js';
import { sop } from './helpers/cli.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#7a1f5c"/></svg>\n';

/** A copy of the basic fixture with `extra` appended to its config and `files` written beside it. */
function repoWith(extra: string, files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'sop-brand-'));
  made.push(root);
  const repo = join(root, 'repo');
  cpSync(BASIC_FIXTURE, repo, { recursive: true });
  const configPath = join(repo, 'sop.config.yaml');
  writeFileSync(configPath, readFileSync(configPath, 'utf8').replace(/^build:\n/m, `build:\n${extra}`));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  return repo;
}

const run = (cwd: string, options: Partial<BuildOptions> = {}) => build({ cwd, paths: [], out: '../out', date: BUILD_DATE, formats: ['site', 'single', 'json'], ...options });
const read = (repo: string, path: string) => readFileSync(join(repo, '..', 'out', path), 'utf8');
/** The page's text as a reader sees it: no tags, no attribute values. */
const textOf = (html: string) => html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]*>/g, ' ');

describe('display names (`names`)', () => {
  it('shows the configured name of an audience, and a humanised id where there is none', async () => {
    const repo = repoWith('', {});
    writeFileSync(join(repo, 'sop.config.yaml'), `${readFileSync(join(repo, 'sop.config.yaml'), 'utf8')}names:\n  store-associate: Store associates\n`);
    expect(await run(repo)).toMatchObject({ status: 'built' });
    const page = read(repo, 'documents/refund-steps.html');
    expect(page).toMatch(/<dt>Audience<\/dt><dd>Store associates<\/dd>/);
    // `in-person` has no name in the config: it reads as words.
    expect(page).toMatch(/<dt>Channels<\/dt><dd>In person<\/dd>/);
    expect(textOf(page)).not.toMatch(/store-associate|in-person/);
  });
});

describe('brand (`build.logo`, `build.accentColor`, `build.css`)', () => {
  it('copies the logo into the site and shows it, sized, in the header and on the cover', async () => {
    const repo = repoWith('  logo: brand/logo.svg\n', { 'brand/logo.svg': LOGO });
    expect(await run(repo)).toMatchObject({ status: 'built' });
    expect(read(repo, 'assets/logo.svg')).toBe(LOGO);
    const home = read(repo, 'index.html');
    expect(home).toContain('<img class="sop-brand-logo" src="assets/logo.svg" alt="Acme Stores">');
    expect(home).toContain('<img class="sop-cover-logo" src="assets/logo.svg" alt="Acme Stores">');
    expect(read(repo, 'documents/refund-steps.html')).toContain('<img class="sop-brand-logo" src="../assets/logo.svg" alt="Acme Stores">');
    // Sized by the stylesheet, whatever the file's own size: a bounded height, the width following it.
    const css = read(repo, 'assets/handbook.css');
    expect(css).toMatch(/\.sop-brand-logo \{[^}]*height: 2rem; width: auto; max-width: 8rem;/);
    expect(css).toMatch(/\.sop-cover-logo \{[^}]*max-height: 5rem; max-width: 16rem;/);
    // The single file carries the logo inside itself.
    expect(read(repo, 'handbook.html')).toMatch(/<img class="sop-brand-logo" src="data:image\/svg\+xml;base64,|<img class="sop-cover-logo" src="data:image\/svg\+xml;base64,/);
  });

  it('uses the accent colour for the site and the single file, after the handbook\'s own colours', async () => {
    const repo = repoWith('  accentColor: "#7a1f5c"\n');
    expect(await run(repo)).toMatchObject({ status: 'built' });
    const css = read(repo, 'assets/handbook.css');
    const base = loadStaticAssets().css;
    expect(css.startsWith(base)).toBe(true);
    expect(css.slice(base.length)).toContain(':root { --accent: #7a1f5c; --accent-soft: color-mix(in srgb, #7a1f5c 12%, white); }');
    expect(read(repo, 'handbook.html')).toContain('--accent: #7a1f5c;');
  });

  it('appends the organisation\'s stylesheet after the handbook\'s styles and the accent colour', async () => {
    const custom = '.sop-doc-title { letter-spacing: 0.02em; }\n';
    const repo = repoWith('  accentColor: teal\n  css: brand/extra.css\n', { 'brand/extra.css': custom });
    expect(await run(repo)).toMatchObject({ status: 'built' });
    const css = read(repo, 'assets/handbook.css');
    expect(css.startsWith(loadStaticAssets().css)).toBe(true);
    expect(css.indexOf('--accent: teal')).toBeGreaterThan(loadStaticAssets().css.length);
    expect(css.indexOf(custom)).toBeGreaterThan(css.indexOf('--accent: teal'));
    expect(css.trimEnd().endsWith(custom.trimEnd())).toBe(true);
  });

  it('rejects a logo file that does not exist as a config error naming its line', async () => {
    const repo = repoWith('  logo: brand/missing.svg\n');
    await expect(run(repo)).rejects.toMatchObject({ name: 'UsageError' });
    const result = sop(['build', '--out', '../out-cli', '--date', BUILD_DATE], { cwd: repo });
    expect(result.code).toBe(2);
    // `logo:` is the line after `build:` (line 10 of the fixture's config).
    const line = readFileSync(join(repo, 'sop.config.yaml'), 'utf8').split('\n').findIndex((text) => text.includes('logo:')) + 1;
    expect(result.stderr).toMatch(new RegExp(`^sop: sop\\.config\\.yaml:${line}:\\d+: \`build\\.logo\` names "brand/missing\\.svg", but no such file\\.`));
    expect(result.stderr).not.toContain('internal error');
  });

  it('rejects a colour that is not a CSS colour in the config schema, with its line', async () => {
    const repo = repoWith('  accentColor: "red; } body { display: none"\n');
    const result = sop(['build', '--out', '../out-cli', '--date', BUILD_DATE], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sop: sop\.config\.yaml:\d+:\d+: Invalid config: .*accentColor/);
  });
});

describe('a document without `status`', () => {
  it('is shown with its status missing, on its page and in manifest.json, not as approved', async () => {
    const repo = repoWith('');
    const path = join(repo, 'procedures', 'refund-steps.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('status: approved\n', ''));
    const stopped = await run(repo);
    expect(stopped.status).toBe('lint-failed');
    expect(await run(repo, { force: true })).toMatchObject({ status: 'built', compliant: false });
    const page = read(repo, 'documents/refund-steps.html');
    expect(page).toContain('<dt>Status</dt><dd><span class="sop-missing">Not given</span></dd>');
    expect(page).not.toContain('<dt>Status</dt><dd>Approved</dd>');
    const manifest = JSON.parse(read(repo, 'manifest.json')) as { documents: Array<{ id: string; status: string | null }> };
    expect(manifest.documents.find((doc) => doc.id === 'refund-steps')?.status).toBeNull();
    // A document that gives its status keeps it, as written.
    expect(manifest.documents.find((doc) => doc.id === 'answer-calls')?.status).toBe('approved');
    expect(read(repo, 'documents/answer-calls.html')).toContain('<dt>Status</dt><dd>Approved</dd>');
  });
});
