import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/handbook/index.js';
import { UsageError } from '../src/errors.js';
import { languageFile } from '../src/language/registry.js';
import type { Manifest } from '../src/handbook/render/manifest.js';
import { packageRoot } from '../src/paths.js';
import { BUILD_DATE } from './helpers/build.js';
import { sop } from './helpers/cli.js';

/**
 * Translations in the handbook, on the example repository: refunds.hi.md translates refunds-policy
 * (up to date), handling-a-complaint.fr.md translates handling-a-complaint from 1.2.0 while the
 * source is at 1.3.0 (stale). The example has deliberate lint errors, so it is built with --force.
 */
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function exampleCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'sop-translations-'));
  made.push(root);
  cpSync(join(packageRoot, 'examples', 'customer-service'), join(root, 'repo'), { recursive: true });
  return join(root, 'repo');
}

let repo: string;
let out: string;
const read = (path: string) => readFileSync(join(out, path), 'utf8');
const manifest = (path: string) => JSON.parse(read(path)) as Manifest;
const run = (options: Partial<BuildOptions> = {}) => build({ cwd: repo, paths: [], out: '../out', date: BUILD_DATE, force: true, formats: ['site', 'single', 'json'], ...options });
const hindi = languageFile<{ labels: Record<string, string> }>('hi', 'handbook-labels')!.labels;

beforeAll(async () => {
  repo = exampleCopy();
  out = join(repo, '..', 'out');
}, 120_000);

describe('sop build: translations are language versions of their source', () => {
  it('gives each document one entry in the contents, and its translations a page each with alternate links and a switcher', async () => {
    const result = await run();
    expect(result.status).toBe('built');
    const home = read('index.html');
    // One entry for the procedure and one for the policy, whatever their languages.
    expect(home.match(/href="documents\/handling-a-complaint[^"]*"/g)).toEqual(['href="documents/handling-a-complaint.html"']);
    expect(home.match(/href="documents\/refunds-policy[^"]*"/g)).toEqual(['href="documents/refunds-policy.html"']);
    expect(home).not.toContain('धनवापसी और एक्सचेंज नीति');

    const source = read('documents/refunds-policy.html');
    expect(source).toContain('<link rel="alternate" hreflang="en" href="../documents/refunds-policy.html">');
    expect(source).toContain('<link rel="alternate" hreflang="hi" href="../documents/refunds-policy.hi.html">');
    expect(source).toMatch(/<nav class="sop-languages" aria-label="Languages">.*<span aria-current="page" lang="en">English<\/span>.*<a href="..\/documents\/refunds-policy.hi.html" hreflang="hi" lang="hi" rel="alternate"[^>]*>Hindi<\/a>/s);

    const translation = read('documents/refunds-policy.hi.html');
    expect(translation).toContain('<article class="sop-doc" id="refunds-policy.hi" lang="hi"');
    expect(translation).toContain('<link rel="alternate" hreflang="en" href="../documents/refunds-policy.html">');
    expect(translation).toMatch(/<a href="..\/documents\/refunds-policy.html" hreflang="en"[^>]*>English<\/a>.*<span aria-current="page" lang="hi">Hindi<\/span>/s);
    // Its sidebar marks the document's place in the contents.
    expect(translation).toContain('<a href="../documents/refunds-policy.html" aria-current="page">');
    // A document without translations has no switcher.
    expect(read('documents/processing-a-refund.html')).not.toContain('sop-languages');
  }, 120_000);

  it('indexes every language version for the search, each result naming its language', async () => {
    await run();
    const parts = JSON.parse(/SOP_SEARCH_PARTS = (.*);/.exec(read('assets/search/parts.js'))![1]) as string[];
    const hindiPart = read(`assets/search/${parts.find((name) => name.startsWith('hi-'))!}`);
    expect(hindiPart).toContain('धनवापसी और एक्सचेंज नीति (Hindi)');
    expect(hindiPart).toContain('documents/refunds-policy.hi.html');
    const englishPart = read(`assets/search/${parts.find((name) => name.startsWith('en-'))!}`);
    expect(englishPart).toContain(`${titleOf('policies/refunds.md')} (English)`);
    const frenchPart = read(`assets/search/${parts.find((name) => name.startsWith('fr-'))!}`);
    expect(frenchPart).toContain('documents/handling-a-complaint.fr.html');
  }, 120_000);

  it('marks a stale translation on its page, on the review page and in manifest.json', async () => {
    await run();
    const page = read('documents/handling-a-complaint.fr.html');
    expect(page).toContain('<p class="sop-translation-note sop-stale-note" role="note">Translated from version 1.2.0; the current version is 1.3.0.</p>');
    expect(page).toContain('<span class="sop-mark sop-mark-stale">Stale translation</span>');
    expect(read('documents/refunds-policy.hi.html')).not.toContain('sop-stale-note');
    expect(read('review.html')).toMatch(/sop-stale-translation.*\(French\): Translated from version 1\.2\.0; the current version is 1\.3\.0\./);

    const documents = manifest('manifest.json').documents;
    expect(documents.filter((doc) => doc.id.startsWith('handling-a-complaint'))).toHaveLength(1);
    expect(documents.find((doc) => doc.id === 'handling-a-complaint')!.translations).toEqual([
      { id: 'handling-a-complaint-fr', lang: 'fr', path: 'procedures/handling-a-complaint.fr.md', anchor: 'handling-a-complaint.fr', state: 'stale', sourceVersion: '1.2.0', currentVersion: '1.3.0' },
    ]);
    expect(documents.find((doc) => doc.id === 'refunds-policy')!.translations).toEqual([
      { id: 'refunds-policy-hi', lang: 'hi', path: 'policies/refunds.hi.md', anchor: 'refunds-policy.hi', state: 'up-to-date', sourceVersion: '2.1.0', currentVersion: '2.1.0' },
    ]);
    expect(documents.find((doc) => doc.id === 'processing-a-refund')!.translations).toEqual([]);
  }, 120_000);

  it('--lang hi: Hindi words, the Hindi refunds policy, the other documents marked not yet translated', async () => {
    const result = await run({ lang: 'hi' });
    expect(result).toMatchObject({ status: 'built', editions: [{ folder: '', lang: 'hi' }] });
    const home = read('index.html');
    expect(home).toContain('<html lang="hi"');
    expect(home).toContain(`<h2>${hindi.contents}</h2>`);
    expect(home).toContain(`<dt>${hindi.buildDate}</dt>`);
    expect(home).toContain('<span class="sop-toc-title" lang="hi">धनवापसी और एक्सचेंज नीति</span>');
    expect(read('review.html')).toContain(`<h1>${hindi.review}</h1>`);

    const refunds = read('documents/refunds-policy.html');
    expect(refunds).toContain('<article class="sop-doc" id="refunds-policy" lang="hi"');
    expect(refunds).not.toContain('sop-untranslated-note');
    // The English source is the other language version, beside it.
    expect(refunds).toContain('<link rel="alternate" hreflang="en" href="../documents/refunds-policy.en.html">');
    expect(existsSync(join(out, 'documents/refunds-policy.en.html'))).toBe(true);

    const untranslated = read('documents/processing-a-refund.html');
    expect(untranslated).toContain('lang="en"');
    // In the Hindi edition, in Hindi (languages/hi/handbook-labels.json).
    expect(untranslated).toContain('<p class="sop-translation-note sop-untranslated-note" role="note">अभी अनुवाद नहीं हुआ: यह दस्तावेज़ अपनी मूल भाषा में दिखाया गया है।</p>');

    const single = readFileSync(join(out, 'handbook.html'), 'utf8');
    expect(single).toContain('<html lang="hi"');
    expect(single).toContain('धनवापसी और एक्सचेंज नीति');

    const documents = manifest('manifest.json');
    expect(documents.lang).toBe('hi');
    const refundsEntry = documents.documents.find((doc) => doc.anchor === 'refunds-policy')!;
    expect(refundsEntry).toMatchObject({ id: 'refunds-policy-hi', lang: 'hi', translationOf: 'refunds-policy', untranslated: false });
    expect(documents.documents.find((doc) => doc.anchor === 'processing-a-refund')).toMatchObject({ lang: 'en', untranslated: true, translationOf: null });
  }, 120_000);

  it("the config's build.labels override the language pack's words", async () => {
    const copy = exampleCopy();
    const configPath = join(copy, 'sop.config.yaml');
    const config = readFileSync(configPath, 'utf8');
    expect(config).toMatch(/^build:\n/m);
    writeFileSync(configPath, config.replace(/^build:\n/m, 'build:\n  labels:\n    contents: "सूची"\n    notTranslated: "अनुवाद बाकी"\n'));
    const result = await build({ cwd: copy, paths: [], out: '../out', date: BUILD_DATE, force: true, formats: ['site'], lang: 'hi' });
    expect(result.status).toBe('built');
    const home = readFileSync(join(copy, '..', 'out', 'index.html'), 'utf8');
    expect(home).toContain('<h2>सूची</h2>');
    expect(readFileSync(join(copy, '..', 'out', 'documents', 'processing-a-refund.html'), 'utf8')).toContain('<span class="sop-mark sop-mark-untranslated">अनुवाद बाकी</span>');
  }, 120_000);

  it('--all-languages: the edition of the sources, and one per language in <out>/<lang>/; with --all-branches, per branch too', async () => {
    const result = await run({ allLanguages: true, formats: ['site', 'json'] });
    if (result.status !== 'built') throw new Error('not built');
    // One per language the example's documents are written in (English is the config's default).
    const languages = exampleLanguages();
    expect(languages).toEqual(expect.arrayContaining(['en', 'fr', 'hi']));
    expect(result.editions.map((edition) => edition.folder)).toEqual(['', ...languages]);
    expect(result.editions.map((edition) => edition.lang ?? null)).toEqual([null, ...languages]);
    expect(read('fr/documents/handling-a-complaint.html')).toContain('lang="fr"');
    // The French edition says it in French.
    expect(read('fr/documents/handling-a-complaint.html')).toContain('Traduit de la version 1.2.0 ; la version actuelle est la 1.3.0.');
    expect(read('hi/index.html')).toContain('<html lang="hi"');
    expect(manifest('hi/manifest.json').lang).toBe('hi');
    expect(read('index.html')).toContain('<html lang="en"');

    const both = await run({ allLanguages: true, allBranches: true, formats: ['json'] });
    if (both.status !== 'built') throw new Error('not built');
    const folders = both.editions.map((edition) => edition.folder);
    expect(folders).toContain('mumbai');
    expect(folders).toContain('mumbai/hi');
    expect(manifest('mumbai/hi/manifest.json')).toMatchObject({ branch: 'mumbai', lang: 'hi' });
  }, 240_000);

  it('an unknown --lang is a usage error (exit 2) naming the known languages and the closest', async () => {
    await expect(run({ lang: 'hu' })).rejects.toThrow(UsageError);
    await expect(run({ lang: 'hu' })).rejects.toThrow(/"hu".*Did you mean "hi"\?.*Known languages: en, fr, hi, mr, ta, te\./);
    await expect(run({ lang: 'hi', allLanguages: true })).rejects.toThrow(/either --lang or --all-languages/);
    const cli = sop(['build', '--force', '--out', '../cli-out', '--lang', 'frr'], { cwd: repo });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('Did you mean "fr"?');
  }, 120_000);
});

/** The `lang` of every document of the example, English where a document gives none, sorted. */
function exampleLanguages(): string[] {
  const root = join(packageRoot, 'examples', 'customer-service');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md') && path !== 'README.md');
  const langs = files.map((path) => /^lang: *(\S+)$/m.exec(readFileSync(join(root, path), 'utf8'))?.[1] ?? 'en');
  return [...new Set(langs)].sort();
}

function titleOf(path: string): string {
  return /^title: (.+)$/m.exec(readFileSync(join(packageRoot, 'examples', 'customer-service', path), 'utf8'))![1].trim();
}
