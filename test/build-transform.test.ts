import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { recordFromText } from '../src/repository/record.js';
import { anchorTargets } from '../src/handbook/render/document.js';
import { relinkBody, singleLinker } from '../src/handbook/render/linker.js';
import { createTransformCache } from '../src/handbook/transform/cache.js';
import { transformDocument } from '../src/handbook/transform/document.js';
import { resolveLink } from '../src/handbook/transform/links.js';
import { loadConfig } from '../src/config/load.js';
import { loadRules } from '../src/rules/registry.js';
import { plan } from './helpers/build.js';

const config = loadConfig({ cwd: '/', rules: await loadRules(), search: false });

const front = (fields: Record<string, string>) =>
  ['---', ...Object.entries({ owner: 'Lead', version: '1.0.0', last_reviewed: '2026-05-01', status: 'approved', approver: 'Boss', effective: '2026-05-02', ...fields }).map(([k, v]) => `${k}: ${v}`), '---', ''].join('\n');

const policyText = `${front({ id: 'a-policy', title: 'A policy', type: 'policy' })}
# A policy

## Purpose

Set the standard.

## Scope

Everyone.

## Policy

Answer within 3 rings.
`;

const procedureText = `${front({ id: 'b-proc', title: 'B procedure', type: 'procedure', implements: '[a-policy]' })}
# B procedure

Intro line.

## Purpose

Follow [](../policies/a.md), its [scope](../policies/a.md#scope), [this purpose](#purpose), [by id](a-policy),
a [draft](draft.md), a [missing file](missing.md) and [a trap](javascript:alert(1)). See note[^1].

<script>alert('owned')</script>

<img src="https://evil.example/x.png" alt="remote" onerror="alert('owned')">

<a href="#notes" onclick="steal()">raw link</a> <div id="custom" style="color:red">boxed</div>

![logo](img/logo.png) ![outside](../../etc/passwd.png) ![remote](https://example.com/a.png)

## Procedure

1. Greet the customer.
2. Ask how you can help.

Then, when the customer has answered:

1. Log the call.
   - Use the contact system.

## Notes

First.

## Notes

Second.

[^1]: The footnote.
`;

const bulletText = `${front({ id: 'c-proc', title: 'C procedure', type: 'procedure' })}
## Procedure

- Open the till.
- Count the float.
`;

const draftText = `${front({ id: 'd-draft', title: 'D draft', type: 'procedure', status: 'draft' })}
## Procedure

1. Wait.
`;

const records = [
  recordFromText('policies/a.md', policyText, 'en')!,
  recordFromText('procedures/b.md', procedureText, 'en')!,
  recordFromText('procedures/c.md', bulletText, 'en')!,
  recordFromText('procedures/draft.md', draftText, 'en')!,
];
const edition = plan(records, config);
const transform = (anchor: string) => transformDocument(edition.docs.find((doc) => doc.anchor === anchor)!, edition, config);

describe('transform: one document body for the handbook', () => {
  const b = transform('b-proc');
  const html = toHtml(b.body);

  it('drops the leading title (the handbook prints its own) and anchors headings as GitHub does, prefixed by the document', () => {
    expect(html).not.toContain('<h1');
    expect(html).toContain('<h2 id="b-proc--purpose">Purpose</h2>');
    expect(html).toContain('<h2 id="b-proc--notes">Notes</h2>');
    expect(html).toContain('<h2 id="b-proc--notes-1">Notes</h2>');
    expect(b.sections.map((section) => section.id)).toEqual(['b-proc--purpose', 'b-proc--procedure', 'b-proc--notes', 'b-proc--notes-1']);
    expect(b.intro).toBe('Intro line.');
  });

  it('turns cross-references by path, fragment or id into links to the target, which the edition names', () => {
    expect(html).toContain('<a href="#a-policy" class="sop-xref"></a>');
    expect(html).toContain('<a href="#a-policy--scope" class="sop-xref">scope</a>');
    expect(html).toContain('<a href="#b-proc--purpose">this purpose</a>');
    expect(html).toContain('<a href="#a-policy" class="sop-xref">by id</a>');
    const rendered = toHtml(relinkBody(b.body, anchorTargets(edition), singleLinker));
    expect(rendered).toContain('<a href="#a-policy" class="sop-xref" title="1 A policy">1 A policy</a>');
    expect(rendered).toContain('<a href="#a-policy--scope" class="sop-xref" title="1 A policy">scope</a>');
    expect(toHtml(b.body)).toBe(html);
    expect(html).toContain('<span class="sop-unresolved" title="d-draft: draft">draft (not in this edition: draft)</span>');
    expect(html).toContain('<span class="sop-unresolved" title="missing.md">missing file</span>');
  });

  it('lets no script, event handler, style or javascript: URL through', () => {
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|style=|alert|steal/i);
    expect(html).toContain('<span class="sop-unresolved" title="Link removed: the handbook keeps only http, https, mailto and tel links.">a trap</span>');
    // Raw HTML keeps its safe part, with ids and in-page links moved under the document's anchor.
    expect(html).toContain('<a href="#b-proc--notes">raw link</a>');
    expect(html).toContain('<div id="b-proc--custom">boxed</div>');
  });

  it('makes no request to another site and copies only images inside the repository', () => {
    expect(html).not.toMatch(/src="https?:/);
    expect(html).toContain('<a href="https://evil.example/x.png">remote</a>');
    expect(html).toContain('<a href="https://example.com/a.png">remote</a>');
    // Paths outside the repository are recorded here and refused when read (their real path is checked: media.ts).
    expect(b.media).toContainEqual({ source: 'procedures/img/logo.png', output: expect.stringMatching(/^media\/[0-9a-f]{16}\.png$/) });
    expect(html).toContain(`<img src="${b.media[0].output}" alt="logo">`);
    expect(html).not.toContain('passwd');
  });

  it('numbers steps once across the lists of the Procedure section and gives each an id', () => {
    expect(html).toContain('<ol class="sop-steps">\n<li id="b-proc--step-1" class="sop-step">Greet the customer.</li>');
    expect(html).toContain('<ol start="3" class="sop-steps">\n<li id="b-proc--step-3" class="sop-step">Log the call.');
    const c = toHtml(transform('c-proc').body);
    expect(c).toContain('<ol class="sop-steps">\n<li id="c-proc--step-1" class="sop-step">Open the till.</li>');
  });

  it('keeps footnote links working under the document prefix', () => {
    expect(html).toMatch(/<a href="#b-proc--fn-1" id="b-proc--fnref-1" data-footnote-ref="" aria-describedby="b-proc--footnote-label">1<\/a>/);
    expect(html).toContain('<li id="b-proc--fn-1">');
    expect(html).toContain('href="#b-proc--fnref-1"');
  });

  it('gives the Markdown body with resolved links, no raw HTML and prefixed footnotes', () => {
    expect(b.markdown).not.toMatch(/<script|<img|<div|onerror|javascript:/);
    expect(b.markdown).toContain('Follow [](#a-policy), its [scope](#a-policy--scope)');
    expect(b.markdown).toContain('[^b-proc-1]');
    expect(b.markdown).toContain('3. Log the call.');
    expect(b.markdownHeadings.map((heading) => heading.id)).toEqual(['b-proc--purpose', 'b-proc--procedure', 'b-proc--notes', 'b-proc--notes-1']);
  });

  it('matches the reviewed snapshot', async () => {
    await expect(`${html}\n\n---\n\n${b.markdown}\n`).toMatchFileSnapshot('__snapshots__/build-transform.b-proc.txt');
  });
});

describe('resolveLink', () => {
  const resolve = (url: string, local: string[] = []) => resolveLink(url, 'procedures/b.md', edition, new Set(local));
  it('classifies every kind of link', () => {
    expect(resolve('https://example.com')).toEqual({ kind: 'external', url: 'https://example.com' });
    expect(resolve('MAILTO:help@example.com')).toEqual({ kind: 'external', url: 'MAILTO:help@example.com' });
    expect(resolve('vbscript:x')).toEqual({ kind: 'unresolved', url: 'vbscript:x' });
    expect(resolve('../policies/a.md#policy')).toMatchObject({ kind: 'document', target: { anchor: 'a-policy' }, fragment: 'policy' });
    expect(resolve('./c.md')).toMatchObject({ kind: 'document', target: { anchor: 'c-proc' } });
    expect(resolve('%2E%2E/policies/a.md')).toMatchObject({ kind: 'document', target: { anchor: 'a-policy' } });
    expect(resolve('#scope', ['scope'])).toEqual({ kind: 'local', fragment: 'scope' });
    expect(resolve('#a-policy')).toMatchObject({ kind: 'document', target: { anchor: 'a-policy' } });
    expect(resolve('#nowhere')).toEqual({ kind: 'local', fragment: 'nowhere' });
    expect(resolve('d-draft')).toMatchObject({ kind: 'excluded', id: 'd-draft', reason: 'draft' });
    expect(resolve('forms/return.pdf')).toEqual({ kind: 'unresolved', url: 'forms/return.pdf' });
  });
});

describe('transform cache', () => {
  it('reuses a body in another edition where its links lead to the same places, and only there', () => {
    const cache = createTransformCache();
    const doc = (edition: typeof base) => edition.docs.find((placed) => placed.anchor === 'b-proc')!;
    const base = plan(records, config);
    const first = cache.transform(doc(base), base, config);
    // A draft that joins the edition turns the link to it from text into a link: a new body.
    const withDrafts = plan(records, config, { includeDrafts: true });
    const second = cache.transform(doc(withDrafts), withDrafts, config);
    expect(toHtml(second.body)).not.toBe(toHtml(first.body));
    expect(toHtml(second.body)).toContain('<a href="#d-draft"');
    // Back to the first edition: the draft link is text again, as a fresh transform makes it.
    const third = cache.transform(doc(base), base, config);
    expect(toHtml(third.body)).toBe(toHtml(first.body));
    // Other numbers and titles do not change the body: they are filled in at render.
    const renumbered = { ...base, targets: { ...base.targets, byId: new Map([...base.targets.byId].map(([id, target]) => [id, { ...target, number: `9.${target.number}` }])) } };
    expect(cache.transform(doc(base), renumbered, config)).toBe(third);
  });
});
