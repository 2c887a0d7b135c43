import { describe, expect, it } from 'vitest';
import { recordFromText } from '../src/repository/record.js';
import type { DocRecord } from '../src/handbook/types.js';
import { BASIC_FIXTURE, loadFixture, plan } from './helpers/build.js';

const { config } = await loadFixture(BASIC_FIXTURE);

/** A record from frontmatter fields and one step, as the lint would read it. */
function doc(path: string, fields: Record<string, string>): DocRecord {
  const frontmatter = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return recordFromText(path, `---\n${frontmatter}\n---\n\n## Procedure\n\n1. Do it.\n`, 'en')!;
}

const policy = doc('policies/refunds.md', { id: 'refunds', title: 'Refunds', type: 'policy', version: '2.0.0' });
const procedure = doc('procedures/refund.md', { id: 'refund', title: 'Refund', type: 'procedure', version: '1.3.0', implements: '[refunds]' });
const french = doc('procedures/refund.fr.md', { id: 'refund-fr', title: 'Rembourser', type: 'procedure', lang: 'fr', translation_of: 'refund', source_version: '1.2.0', implements: '[refunds]' });
const hindi = doc('procedures/refund.hi.md', { id: 'refund-hi', title: 'धनवापसी', type: 'procedure', lang: 'hi', translation_of: 'refund', source_version: '"1.3.0"', implements: '[refunds]' });
const summary = (edition: ReturnType<typeof plan>) => edition.docs.map((placed) => `${placed.number} ${placed.anchor} ${placed.record.id}${placed.untranslated ? ' (untranslated)' : ''}`);

describe('plan: translations are language versions of their source', () => {
  it('places the source once and its translations as alternates, stale where source_version is behind', () => {
    const edition = plan([policy, procedure, french, hindi], config);
    expect(summary(edition)).toEqual(['1 refunds refunds', '1.1 refund refund']);
    expect(edition.alternates.map((placed) => `${placed.number} ${placed.anchor} ${placed.versionOf}`)).toEqual(['1.1 refund.fr refund', '1.1 refund.hi refund']);
    expect(edition.docs[1].languages).toEqual([
      { lang: 'en', anchor: 'refund', title: 'Refund', source: true },
      { lang: 'fr', anchor: 'refund.fr', title: 'Rembourser', source: false, stale: { from: '1.2.0', current: '1.3.0' } },
      { lang: 'hi', anchor: 'refund.hi', title: 'धनवापसी', source: false },
    ]);
    expect(edition.alternates[0].stale).toEqual({ from: '1.2.0', current: '1.3.0' });
    expect(edition.alternates[1].stale).toBeUndefined();
    // A link to the translation's id reaches its page; one to the source's id, the source.
    expect(edition.targets.byId.get('refund-fr')?.anchor).toBe('refund.fr');
    expect(edition.targets.byId.get('refund')?.anchor).toBe('refund');
  });

  it('--lang: the translation takes the anchor where one exists, the source is marked untranslated elsewhere', () => {
    const edition = plan([policy, procedure, french, hindi], config, { lang: 'hi' });
    expect(summary(edition)).toEqual(['1 refunds refunds (untranslated)', '1.1 refund refund-hi']);
    expect(edition.alternates.map((placed) => placed.anchor)).toEqual(['refund.en', 'refund.fr']);
    expect(edition.targets.byId.get('refund')?.anchor).toBe('refund');
    // A region subtag matches its language.
    expect(summary(plan([policy, procedure, french], config, { lang: 'fr-CA' }))).toEqual(['1 refunds refunds (untranslated)', '1.1 refund refund-fr']);
    // A document already in the edition's language is not "untranslated".
    expect(summary(plan([policy, procedure], config, { lang: 'en' }))).toEqual(['1 refunds refunds', '1.1 refund refund']);
  });

  it('a translation naming no document, or a translation (a chain), stays a document of its own (a lint error; built with --force)', () => {
    const orphan = doc('procedures/orphan.fr.md', { id: 'orphan-fr', title: 'Orphelin', type: 'procedure', lang: 'fr', translation_of: 'nothing-here' });
    const chain = doc('procedures/refund.mr.md', { id: 'refund-mr', title: 'परतावा', type: 'procedure', lang: 'mr', translation_of: 'refund-hi' });
    const edition = plan([policy, procedure, hindi, orphan, chain], config);
    expect(summary(edition)).toEqual(['1 refunds refunds', '1.1 refund refund', '2 orphan-fr orphan-fr', '3 refund-mr refund-mr']);
    expect(edition.alternates.map((placed) => placed.anchor)).toEqual(['refund.hi']);
  });

  it('a translation is left out with its source (a draft), and left out when its source is replaced by a branch variant', () => {
    const draft = doc('procedures/refund.md', { id: 'refund', title: 'Refund', type: 'procedure', status: 'draft', implements: '[refunds]' });
    const edition = plan([policy, draft, french], config);
    expect(edition.alternates).toEqual([]);
    expect(edition.targets.excluded.get('refund-fr')).toEqual({ title: 'Rembourser', reason: 'translation of Refund' });

    const variant = doc('branches/pune/refund.md', { id: 'refund-pune', title: 'Refund (Pune)', type: 'procedure', variant_of: 'refund', branch: 'pune', implements: '[refunds]' });
    const pune = plan([policy, procedure, french, variant], config, { branch: 'pune' });
    expect(summary(pune)).toEqual(['1 refunds refunds', '1.1 refund refund-pune']);
    expect(pune.alternates).toEqual([]);
  });
});
