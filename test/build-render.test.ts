import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadStaticAssets } from '../src/handbook/assets.js';
import { compareEditions, comparableDocs } from '../src/handbook/changes.js';
import { renderManifest } from '../src/handbook/render/manifest.js';
import { renderMarkdown } from '../src/handbook/render/markdown.js';
import { cssString, printRules } from '../src/handbook/render/print-rules.js';
import { renderSingle } from '../src/handbook/render/single.js';
import { renderSite } from '../src/handbook/render/site.js';
import { SEARCH_FIELDS, SEARCH_STORED, searchEntries } from '../src/handbook/search/index-file.js';
import { searchTerm, searchTokenize } from '../src/handbook/search/tokenize.js';
import { transformDocument, type TransformedWithMedia } from '../src/handbook/transform/document.js';
import { recordFromText } from '../src/repository/record.js';
import type { EditionPlan, TransformedDoc } from '../src/handbook/types.js';
import { BASIC_FIXTURE, loadFixture, plan } from './helpers/build.js';

const { config, records } = await loadFixture(BASIC_FIXTURE);
const assets = loadStaticAssets();

function content(edition: EditionPlan) {
  const bodies = new Map<string, TransformedWithMedia>(edition.docs.map((doc) => [doc.anchor, transformDocument(doc, edition, config)]));
  return { plan: edition, bodies };
}

const base = content(plan(records, config));
const single = renderSingle(base, { css: '/* css */', media: new Map() });

describe('render: single file', () => {
  it('has the cover, the numbered contents, every document with its metadata, and the back matter', () => {
    expect(single).toContain('<p class="sop-cover-org">Acme Stores</p><h1 class="sop-cover-title">Customer service handbook</h1>');
    // The edition's id is for the footer and the manifest, not for the cover staff read.
    expect(single).not.toContain('sop-edition-id');
    expect(single).toContain('<p class="sop-meta-line"><span class="sop-meta-item"><span class="sop-meta-label">Owner: </span>');
    expect(single).toContain('<details class="sop-meta-details" open><summary>Details</summary><dl class="sop-meta">');
    expect(single).toContain('<time datetime="2026-06-01">2026-06-01</time>');
    expect(single).toContain('<a href="#answer-calls"><span class="sop-number">1.1</span> <span class="sop-toc-title" lang="en">Answering calls</span></a>');
    expect(single).toContain('<article class="sop-doc" id="refunds-policy-hi" lang="hi"');
    expect(single).toContain('<h2 class="sop-doc-title"><span class="sop-number">3</span> धनवापसी नीति</h2>');
    expect(single).toContain('<div><dt>Next review</dt><dd><time datetime="2026-03-01">2026-03-01</time> <strong class="sop-overdue">(Overdue)</strong></dd></div>');
    expect(single).toContain('<section class="sop-history"><h3>Revision history</h3>');
    for (const id of ['sop:changes', 'sop:review', 'sop:index', 'sop:glossary', 'sop:acknowledgements']) expect(single).toContain(`id="${id}"`);
    expect(single).toContain('<section class="sop-ack" id="sop-ack-refund-steps">');
    expect(single).toContain('<dt id="sop-term-customer">customer</dt><dd><p>A person who buys from us or asks us for help.</p><p class="sop-avoid"><span>Avoid: </span>client, patron</p></dd>');
  });

  it('is self-contained: no script, no external request, no link out of the file except to the web', () => {
    const media = new Map([[base.bodies.get('refund-steps')!.media[0].output, { bytes: new Uint8Array([1]), type: 'image/png' }]]);
    const single = renderSingle(base, { css: '', media });
    expect(single).not.toMatch(/<script|<link|onerror|javascript:/i);
    expect(single).not.toMatch(/src="(?!data:)/);
    const hrefs = [...single.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.filter((href) => !href.startsWith('#'))).toEqual([]);
    const ids = new Set([...single.matchAll(/id="([^"]*)"/g)].map((match) => match[1]));
    expect(hrefs.filter((href) => !ids.has(href.slice(1)))).toEqual([]);
  });

  it('inlines local images as data URLs', () => {
    const withImage = renderSingle(base, { css: '', media: new Map([[base.bodies.get('refund-steps')!.media[0].output, { bytes: new Uint8Array([1, 2, 3]), type: 'image/png' }]]) });
    expect(withImage).toContain('src="data:image/png;base64,AQID" alt="The till screen"');
  });

  it('shows the draft and not-compliant marks', () => {
    const marked = renderSingle(content(plan(records, config, { includeDrafts: true }, false)), { css: '', media: new Map() });
    expect(marked).toContain(
      '<p class="sop-banner sop-banner-noncompliant" role="note" title="This edition contains documents that do not yet meet our writing standards."><strong>NOT COMPLIANT</strong> This edition contains documents that do not yet meet our writing standards.</p>',
    );
    expect(marked).toContain('<p class="sop-banner sop-banner-draft" role="note" title="Draft: not approved. Do not follow it until it is approved."><strong>DRAFT</strong>');
    expect(marked).not.toMatch(/--force|--since|--previous/);
    expect(marked).toContain('<span class="sop-mark sop-mark-draft">DRAFT</span>');
    expect(marked).toContain('@bottom-left { content: "Edition');
    expect(marked).toMatch(/@bottom-left \{ content: "Edition [0-9a-f]{12} · NOT COMPLIANT"/);
  });

  it('marks right-to-left documents', () => {
    const urdu = recordFromText('policies/ur.md', '---\nid: ur-policy\ntitle: واپسی\ntype: policy\nlang: ur\n---\n\nمتن\n', 'en')!;
    const edition = plan([urdu], config);
    expect(renderSingle(content(edition), { css: '', media: new Map() })).toContain('<article class="sop-doc" id="ur-policy" lang="ur" dir="rtl"');
  });

  it('matches the reviewed snapshot', async () => {
    await expect(single).toMatchFileSnapshot('__snapshots__/build-render.single.html');
  });
});

describe('render: print rules', () => {
  it('gives a site page its document\'s running header, and a group of the single file its first document\'s', () => {
    const refund = base.plan.docs.find((doc) => doc.anchor === 'refund-steps')!;
    const one = printRules(base.plan, [refund]);
    expect(one).toContain('@page sop-doc-2-1 { @top-right { content: "2.1 Giving a refund · Version 1.0.0"; } }');
    expect(one).toContain('@media print { [data-page="sop-doc-2-1"] { page: sop-doc-2-1; } }');
    const all = printRules(base.plan, base.plan.docs);
    // The policy and its procedure share page `sop-doc-2`, so a short procedure does not force a new sheet.
    expect(all).toContain('@page sop-doc-2 { @top-right { content: "2 Refunds · Version');
    expect(all).not.toContain('sop-doc-2-1');
    expect(all).toContain('counter(page)');
    expect(single).toContain('data-page="sop-doc-2" data-group-start');
    expect(single).toMatch(/<article class="sop-doc" id="refund-steps" lang="en" data-type="procedure" data-page="sop-doc-2">/);
  });

  it('escapes every character outside a safe set, so no text can leave the CSS string or the style element', () => {
    expect(cssString('a "quoted" \\ </style><script>')).toBe('"a \\22 quoted\\22  \\5c  \\3c /style\\3e \\3c script\\3e "');
    for (const hostile of ['x\f}} body{background:url(http://127.0.0.1/leak)} @page{{', 'x\v', 'x\0', 'x\u2028y', 'x\r\ny', 'x*/y/*']) {
      const literal = cssString(hostile);
      // Only the two delimiting quotes, and nothing that ends a string, a block or a comment.
      expect(literal.slice(1, -1)).not.toMatch(/["\f\v\0\r\n\u2028{}<>*]|\\(?![0-9a-f]+ )/u);
      // It parses back to the same text: a browser reads the escapes as the characters they stand for.
      const decoded = literal.slice(1, -1).replace(/\\([0-9a-f]+) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
      expect(decoded).toBe(hostile);
    }
    expect(cssString('धनवापसी नीति · Version 1.0.0')).toBe('"धनवापसी नीति · Version 1.0.0"');
  });
});

describe('render: site', () => {
  const files = renderSite(base, assets);
  const byPath = new Map(files.map((file) => [file.path, String(file.content)]));

  it('writes a page per document and per back-matter page, with assets, all linked relatively', () => {
    expect([...byPath.keys()].sort()).toEqual([
      'acknowledgements.html',
      'assets/handbook.css',
      'assets/handbook.js',
      'assets/minisearch.js',
      'assets/search-tokenize.js',
      'assets/search/en-1.js',
      'assets/search/hi-1.js',
      'assets/search/parts.js',
      'audiences-and-channels.html',
      'changes.html',
      'documents/answer-calls.html',
      'documents/customer-contact-policy.html',
      'documents/refund-steps.html',
      'documents/refunds-policy-hi.html',
      'documents/refunds-policy.html',
      'glossary.html',
      'index.html',
      'review.html',
    ]);
    const page = byPath.get('documents/refund-steps.html')!;
    expect(page).toContain('<a class="sop-skip-link" href="#main">Skip to content</a>');
    expect(page).toContain('<a href="../documents/refunds-policy.html#refunds-policy--policy" class="sop-xref" title="2 Refunds">refunds policy</a>');
    expect(page).toContain('<a href="../documents/refund-steps.html" aria-current="page">');
    // The search is loaded when the reader uses it: a page loads only the handbook's own script.
    expect([...page.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1])).toEqual(['../assets/handbook.js']);
    expect(byPath.get('assets/search/parts.js')).toBe('window.SOP_SEARCH_PARTS = ["en-1.js","hi-1.js"];\n');
    expect(byPath.get('assets/search/hi-1.js')).toMatch(/^window\.SOP_SEARCH_PART\(\{/);
    expect(page).toContain('<button class="sop-menu-button" type="button" aria-controls="sop-sidebar" aria-expanded="false">');
    expect(page).toContain('<aside id="sop-sidebar" class="sop-sidebar">');
    expect(page).toContain('<a class="sop-prev" href="../documents/refunds-policy.html" rel="prev">');
    expect(page).toContain('<html lang="en" data-root="../">');
    expect(page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(byPath.get('review.html')).toContain(
      '<tr class="sop-review-row-overdue"><td><a href="documents/refunds-policy.html"><span class="sop-number">2</span> <span lang="en">Refunds</span></a></td><td>Head of Retail</td><td><time datetime="2025-03-01">2025-03-01</time></td><td><time datetime="2026-03-01">2026-03-01</time></td><td><strong class="sop-overdue">Overdue · 92 days</strong></td></tr>',
    );
  });

  it('indexes every section for search, in every script', () => {
    const entries = searchEntries(base.plan, base.bodies);
    expect(entries.find((entry) => entry.id === 'refunds-policy-hi--दायरा')).toMatchObject({
      url: 'documents/refunds-policy-hi.html#refunds-policy-hi--दायरा',
      section: 'दायरा',
      lang: 'hi',
    });
    const index = new MiniSearch({ fields: SEARCH_FIELDS, storeFields: SEARCH_STORED, tokenize: searchTokenize, processTerm: searchTerm });
    index.addAll(entries);
    expect(index.search('मुंबई')[0]).toMatchObject({ id: 'refunds-policy-hi--दायरा' });
    expect(index.search('receipt')[0]).toMatchObject({ id: 'refund-steps--procedure' });
    expect(index.search('patron')[0]).toMatchObject({ url: 'glossary.html', section: 'customer' });
  });

  it('splits Indic words whole, where \\w would cut them apart', () => {
    expect(searchTokenize('ग्राहक को पैसा वापस।')).toEqual(['ग्राहक', 'को', 'पैसा', 'वापस']);
    expect(searchTokenize('வாடிக்கையாளர் சேவை')).toEqual(['வாடிக்கையாளர்', 'சேவை']);
    expect(searchTokenize('వినియోగదారు సేవ')).toEqual(['వినియోగదారు', 'సేవ']);
    expect(searchTerm('Refund\u200d')).toBe('refund');
  });

  it('ships the tokenizer the index was built with', () => {
    const tokenizer = byPath.get('assets/search-tokenize.js')!;
    const sandbox: { SopSearchText?: { tokenize(text: string): string[] } } = {};
    new Function('window', tokenizer)(sandbox);
    expect(sandbox.SopSearchText!.tokenize('धनवापसी नीति')).toEqual(searchTokenize('धनवापसी नीति'));
  });
});

describe('render: Markdown and manifest', () => {
  it('writes one Markdown handbook whose links use the anchors GitHub gives its numbered headings', async () => {
    const markdown = renderMarkdown(base);
    expect(markdown).toContain('- [1.1 Answering calls](#11-answering-calls)');
    expect(markdown).toContain('See [the refund steps](#21-giving-a-refund) and [1 Customer contact](#1-customer-contact).');
    expect(markdown).toContain('[refunds policy](#policy-1)');
    expect(markdown).toContain('Holds and transfers (not in this edition)');
    expect(markdown).not.toMatch(/<script|<img|onerror|javascript:/);
    await expect(markdown).toMatchFileSnapshot('__snapshots__/build-render.handbook.md');
  });

  it('writes a manifest with each document, its hash and steps, and what changed', () => {
    const edition = plan(records, config);
    const current = comparableDocs(edition, (doc) => base.bodies.get(doc.anchor)!.steps.map((step) => step.text));
    const changes = compareEditions(current.slice(1), current, 'test');
    const manifest = JSON.parse(renderManifest(edition, base.bodies, changes));
    expect(manifest).toMatchObject({ format: 1, generator: 'sopkit', editionId: edition.editionId, buildDate: '2026-06-01', branch: null, compliant: true });
    const steps = manifest.documents.find((doc: { id: string }) => doc.id === 'refund-steps');
    expect(steps.steps).toEqual([
      { number: 1, text: 'Ask for the receipt.' },
      { number: 2, text: 'Check the purchase date.' },
      { number: 3, text: 'Select Refund on the till.' },
      { number: 4, text: 'Give the customer the refund slip.' },
    ]);
    expect(steps.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.changes.added).toEqual([{ anchor: 'customer-contact-policy', title: 'Customer contact', version: '1.2.0' }]);
  });
});
