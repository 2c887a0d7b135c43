import { createHash } from 'node:crypto';
import { reviewState, type ReviewConfig } from '../lifecycle/review.js';
import { chooseVersion, languageVersions } from './languages.js';
import { selectDocuments } from './select.js';
import type { BuildSettings, DocRecord, EditionPlan, EditionSelector, PlacedDoc, RefTarget, TocGroup } from './types.js';

export interface PlanInput {
  settings: BuildSettings;
  selector: EditionSelector;
  folder: string;
  buildDate: string;
  /** The date review states are computed for (`--as-of`, else the build date). */
  asOf: string;
  compliant: boolean;
  review: ReviewConfig;
}

/**
 * Resolves one edition: selects its documents, lists each policy followed by the procedures that
 * implement it, numbers them (1, 1.1, 1.2, 2…), and maps every id and path to its target.
 */
export function planEdition(records: readonly DocRecord[], input: PlanInput): EditionPlan {
  const selection = selectDocuments(records, input.selector);
  const rank = orderRank(input.settings.order);
  const byOrder = (a: { record: DocRecord; anchor: string }, b: { record: DocRecord; anchor: string }) =>
    rank(a.anchor, a.record.id) - rank(b.anchor, b.record.id) || compareCodePoints(a.anchor, b.anchor);

  const policies = selection.included.filter((entry) => entry.record.type === 'policy').sort(byOrder);
  const policyAnchors = new Set(policies.map((entry) => entry.anchor));
  // Variants may leave `implements` out; they implement what their base implements.
  const implementsOf = (record: DocRecord, anchor: string) =>
    record.implements.length > 0 ? record.implements : (selection.replaced.get(anchor)?.implements ?? []);
  const anchorOfId = new Map(selection.included.map((entry) => [entry.record.id, entry.anchor]));
  const parentOf = new Map<string, string>();
  for (const entry of selection.included) {
    if (entry.record.type === 'policy') continue;
    const parent = implementsOf(entry.record, entry.anchor)
      .map((id) => anchorOfId.get(id) ?? id)
      .find((anchor) => policyAnchors.has(anchor));
    if (parent) parentOf.set(entry.anchor, parent);
  }
  const others = selection.included.filter((entry) => entry.record.type !== 'policy').sort(byOrder);

  const groups: TocGroup[] = [];
  for (const policy of policies) {
    groups.push({ policy: policy.anchor, members: others.filter((entry) => parentOf.get(entry.anchor) === policy.anchor).map((entry) => entry.anchor) });
  }
  const orphans = others.filter((entry) => !parentOf.has(entry.anchor));
  for (const orphan of orphans) groups.push({ members: [orphan.anchor] });

  const entryByAnchor = new Map(selection.included.map((entry) => [entry.anchor, entry]));
  const docs: PlacedDoc[] = [];
  const alternates: PlacedDoc[] = [];
  const placed = (record: DocRecord, anchor: string, number: string, level: 1 | 2, parent?: string): PlacedDoc => {
    const status = reviewState(record.data, input.review, input.asOf, input.settings.dueSoonDays);
    return {
      record,
      anchor,
      number,
      level,
      ...(parent ? { parent } : {}),
      draft: record.status === 'draft',
      review: { state: status.state, ...(status.next ? { nextReview: status.next.date } : {}), ...(status.daysLeft !== undefined ? { daysLeft: status.daysLeft } : {}) },
    };
  };
  const place = (anchor: string, number: string, level: 1 | 2, parent?: string) => {
    const source = entryByAnchor.get(anchor)!.record;
    const translations = selection.translations.get(anchor) ?? [];
    if (translations.length === 0 && !input.selector.lang) {
      docs.push(placed(source, anchor, number, level, parent));
      return;
    }
    // The contents list the document once, in the edition's language; its other languages are pages beside it.
    const versions = languageVersions(source, translations, anchor, input.selector.lang);
    const chosen = chooseVersion(versions);
    for (const version of versions) {
      const doc = placed(version.record, version.anchor, number, level, parent);
      if (versions.length > 1) doc.languages = versions.map((other) => other.summary);
      if (version.summary.stale) doc.stale = version.summary.stale;
      if (version === chosen) {
        if (input.selector.lang && version.summary.source && !version.matches) doc.untranslated = true;
        docs.push(doc);
      } else {
        doc.versionOf = anchor;
        alternates.push(doc);
      }
    }
  };
  groups.forEach((group, index) => {
    const number = String(index + 1);
    if (group.policy) {
      place(group.policy, number, 1);
      group.members.forEach((member, memberIndex) => place(member, `${number}.${memberIndex + 1}`, 2, group.policy));
    } else {
      place(group.members[0], number, 1);
    }
  });

  const byId = new Map<string, RefTarget>();
  const byPath = new Map<string, RefTarget>();
  for (const doc of [...docs, ...alternates]) {
    const target: RefTarget = { anchor: doc.anchor, number: doc.number, title: doc.record.title };
    byId.set(doc.anchor, target);
    // A link to a translation's source id reaches the edition's version (its primary page), never an alternate.
    if (!doc.versionOf || !byId.has(doc.record.id)) byId.set(doc.record.id, target);
    byPath.set(doc.record.filePath, target);
    const base = selection.replaced.get(doc.anchor);
    if (base) byPath.set(base.filePath, target);
  }
  const excluded = new Map<string, { title: string; reason: string }>();
  const excludedPaths = new Map<string, string>();
  for (const [id, { record, reason }] of selection.excluded) {
    if (byId.has(id)) continue;
    excluded.set(id, { title: record.title, reason });
    excludedPaths.set(record.filePath, id);
  }

  const plan: EditionPlan = {
    settings: input.settings,
    selector: input.selector,
    folder: input.folder,
    editionId: '',
    buildDate: input.buildDate,
    compliant: input.compliant,
    docs,
    alternates,
    groups,
    targets: { byId, byPath, excluded, excludedPaths, replacedBases: new Map([...selection.replaced].map(([id, record]) => [id, record.title])) },
    unplaced: selection.unplaced,
  };
  plan.editionId = editionIdOf(plan);
  return plan;
}

function orderRank(order: readonly string[]): (anchor: string, id: string) => number {
  const positions = new Map(order.map((id, index) => [id, index]));
  return (anchor, id) => positions.get(anchor) ?? positions.get(id) ?? order.length;
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The edition id: a hash of every document's content hash and place, and of the settings that change
 * what the handbook says. The build date is not part of it: the same content on another day is the
 * same edition.
 */
export function editionIdOf(plan: Pick<EditionPlan, 'docs' | 'settings' | 'selector' | 'compliant'> & { alternates?: PlacedDoc[] }): string {
  const hash = createHash('sha256');
  // Only what the handbook shows counts: where it is written, and in which formats, does not.
  const { organisation, title, order, pages, lang, labels, dueSoonDays, glossary } = plan.settings;
  const settings = { organisation, title, order, pages, lang, labels, dueSoonDays, glossary };
  hash.update(JSON.stringify({ settings, selector: plan.selector, compliant: plan.compliant }));
  for (const doc of [...plan.docs, ...(plan.alternates ?? [])].sort((a, b) => compareCodePoints(a.anchor, b.anchor))) {
    hash.update(`\n${doc.anchor} ${doc.number} ${doc.record.contentHash}`);
  }
  return hash.digest('hex').slice(0, 12);
}
