import { describe, expect, it } from 'vitest';
import { compareEditions, comparableDocs } from '../src/handbook/changes.js';
import { recordFromText } from '../src/repository/record.js';
import { stepTexts } from '../src/handbook/steps.js';
import { branchesOf, selectDocuments } from '../src/handbook/select.js';
import { BASIC_FIXTURE, loadFixture, plan } from './helpers/build.js';

const { config, records } = await loadFixture(BASIC_FIXTURE);
const summary = (edition: ReturnType<typeof plan>) => edition.docs.map((doc) => `${doc.number} ${doc.anchor}${doc.record.id !== doc.anchor ? ` (${doc.record.id})` : ''}`);

describe('resolve: which documents an edition holds, and in what order', () => {
  it('lists each policy followed by the procedures that implement it, in the configured order, numbered', () => {
    expect(summary(plan(records, config))).toEqual([
      '1 customer-contact-policy',
      '1.1 answer-calls',
      '2 refunds-policy',
      '2.1 refund-steps',
      '3 refunds-policy-hi',
    ]);
  });

  it('leaves out drafts and retired documents by default, and includes drafts on request', () => {
    const base = plan(records, config);
    expect(base.targets.excluded.get('hold-transfer')).toMatchObject({ reason: 'draft' });
    expect(base.targets.excluded.get('old-returns')).toMatchObject({ reason: 'retired' });
    const withDrafts = plan(records, config, { includeDrafts: true });
    const draft = withDrafts.docs.find((doc) => doc.anchor === 'hold-transfer');
    expect(draft).toMatchObject({ number: '1.2', draft: true, parent: 'customer-contact-policy' });
    expect(withDrafts.docs.some((doc) => doc.anchor === 'old-returns')).toBe(false);
  });

  it('puts a branch variant in place of its base, under the base anchor, and drops documents of other branches', () => {
    const mumbai = plan(records, config, { branch: 'mumbai' });
    expect(summary(mumbai)).toContain('1.1 answer-calls (answer-calls-mumbai)');
    expect(mumbai.targets.byId.get('answer-calls')).toEqual(mumbai.targets.byId.get('answer-calls-mumbai'));
    expect(mumbai.targets.byPath.get('procedures/answer-calls.md')?.anchor).toBe('answer-calls');
    expect(mumbai.targets.replacedBases.get('answer-calls')).toBe('Answering calls');

    const paris = plan(records, config, { branch: 'paris' });
    expect(summary(paris)).not.toContain('3 refunds-policy-hi');
    expect(paris.targets.excluded.get('refunds-policy-hi')?.reason).toBe('for mumbai only');
    expect(paris.targets.excluded.get('answer-calls-mumbai')?.reason).toBe('mumbai variant');
    // The base edition never shows variants.
    expect(plan(records, config).docs.some((doc) => doc.record.variantOf)).toBe(false);
  });

  it('keeps documents for a role and those for everyone when an audience is chosen', () => {
    const agents = plan(records, config, { audience: 'agent' });
    expect(agents.docs.map((doc) => doc.anchor)).toEqual(['customer-contact-policy', 'answer-calls']);
    expect(agents.targets.excluded.get('refund-steps')?.reason).toBe('for store-associate only');
  });

  it('marks overdue reviews as of the build date', () => {
    const refunds = plan(records, config).docs.find((doc) => doc.anchor === 'refunds-policy')!;
    expect(refunds.review).toEqual({ state: 'overdue', nextReview: '2026-03-01', daysLeft: -92 });
  });

  it('gives the same edition id for the same content and another for any change', () => {
    const first = plan(records, config).editionId;
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(plan([...records].reverse(), config).editionId).toBe(first);
    const edited = records.map((record) => (record.id === 'answer-calls' ? { ...record, contentHash: 'x'.repeat(64) } : record));
    expect(plan(edited, config).editionId).not.toBe(first);
    expect(plan(records, config, {}, false).editionId).not.toBe(first);
    expect(plan(records, config, { branch: 'mumbai' }).editionId).not.toBe(first);
  });

  it('names every branch the documents mention', () => {
    expect(branchesOf(records, ['london'])).toEqual(['london', 'mumbai']);
  });

  it('lets the first of two documents with one id keep the anchor (only with --force)', () => {
    const twin = { ...records.find((record) => record.id === 'refund-steps')!, filePath: 'zz/copy.md', title: 'Copy' };
    const selection = selectDocuments([...records, twin], { includeDrafts: false });
    expect(selection.included.filter((entry) => entry.anchor === 'refund-steps')).toHaveLength(1);
    expect(selection.included.find((entry) => entry.anchor === 'refund-steps')!.record.title).toBe('Giving a refund');
  });
});

describe('what changed between two editions', () => {
  it('reports added, removed and changed documents and the steps added, removed, moved and reworded', () => {
    const now = comparableDocs(plan(records, config), (doc) => stepTexts(doc.record, config));
    const before = now
      .filter((doc) => doc.anchor !== 'refunds-policy-hi')
      .map((doc) =>
        doc.anchor === 'refund-steps'
          ? { ...doc, version: '0.9.0', contentHash: 'old', steps: ['Check the purchase date.', 'Ask for the receipt.', 'Select Refund on the till now.', 'Stamp the receipt.'] }
          : doc,
      )
      .concat({ anchor: 'old-desk', title: 'Old desk', contentHash: 'h', steps: [] });
    const report = compareEditions(before, now, 'git HEAD~1');
    expect(report.added).toEqual([{ anchor: 'refunds-policy-hi', title: 'धनवापसी नीति', version: '2.0.0' }]);
    expect(report.removed).toEqual([{ anchor: 'old-desk', title: 'Old desk' }]);
    expect(report.changed).toHaveLength(1);
    expect(report.changed[0]).toMatchObject({ anchor: 'refund-steps', fromVersion: '0.9.0', toVersion: '1.0.0' });
    expect(report.changed[0].steps.map((step) => [step.kind, step.number ?? null, step.previousNumber ?? null])).toEqual([
      ['moved', 2, 1],
      ['reworded', 3, 3],
      ['missing', null, 4],
      ['extra', 4, null],
    ]);
    expect(report.changed[0].steps[1]).toMatchObject({ previousText: 'Select Refund on the till now.', text: 'Select Refund on the till.' });
  });

  it('reports nothing when nothing changed', () => {
    const now = comparableDocs(plan(records, config), (doc) => stepTexts(doc.record, config));
    expect(compareEditions(now, now, 'x')).toEqual({ against: 'x', added: [], removed: [], changed: [] });
  });
});

describe('load: what the build keeps of a document', () => {
  it('reads the frontmatter as the lint does, without parsing the Markdown', () => {
    const record = recordFromText('procedures/x.md', '---\r\nid: x-proc\r\ntitle: "Refunds --- fast"\r\ntype: procedure\r\nstatus: draft\r\naudience: agent\r\nlast_reviewed: 2026-02-30\r\n---\r\n\r\n# Ignored\r\n', 'fr')!;
    expect(record).toMatchObject({ id: 'x-proc', title: 'Refunds --- fast', type: 'procedure', status: 'draft', lang: 'fr', audience: ['agent'], lastReviewed: undefined });
    expect(record.contentHash).toBe(recordFromText('procedures/x.md', record.text.replace(/\r\n/g, '\n'), 'fr')!.contentHash);
  });

  it('falls back on the first heading and the path in the repository when --force builds a document without metadata', () => {
    expect(recordFromText('policies/Late Returns.md', '# Late returns\n\nText.\n', 'en')).toMatchObject({ id: 'policies-late-returns', title: 'Late returns', type: 'policy', status: 'approved', lang: 'en' });
    // Two index.md in different folders stay two documents.
    expect(recordFromText('../x/a/index.md', '# A\n', 'en', 'a/index.md')?.id).toBe('a-index');
    expect(recordFromText('b/index.md', '# B\n', 'en')?.id).toBe('b-index');
    expect(recordFromText('a.md', '---\n---\nBody\n', 'hi')).toMatchObject({ id: 'a', title: 'a', lang: 'hi' });
    expect(recordFromText('a.md', '  \n', 'en')).toBeUndefined();
  });

  it('numbers steps as the handbook does', () => {
    const record = recordFromText('p.md', '---\nid: p\ntype: procedure\n---\n\n## Procedure\n\n1. Open the till.\n2. Count the float[^1].\n\n[^1]: In the office.\n', 'en')!;
    expect(stepTexts(record, config)).toEqual(['Open the till.', 'Count the float.']);
  });
});
