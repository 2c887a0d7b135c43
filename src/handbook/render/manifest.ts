import { declaredStatus } from './status.js';
import type { ChangeReport, EditionPlan, PlacedDoc, StepSummary, TransformedDoc } from '../types.js';

/** Version of the manifest's shape; `--previous` refuses manifests it does not understand. */
export const MANIFEST_FORMAT = 1;

export interface ManifestDocument {
  id: string;
  anchor: string;
  number: string;
  title: string;
  type: string;
  /** As the document gives it; null when it gives none (only in a build over lint errors). */
  status: string | null;
  version: string | null;
  owner: string | null;
  approver: string | null;
  effective: string | null;
  lastReviewed: string | null;
  nextReview: string | null;
  reviewState: string;
  lang: string;
  audience: string[];
  channels: string[];
  branches: string[];
  branch: string | null;
  variantOf: string | null;
  implements: string[];
  related: string[];
  path: string;
  contentHash: string;
  steps: StepSummary[];
  changelog: Array<{ version: string; date: string; summary: string }>;
  /** The source this document translates (`translation_of`), when the edition shows a translation. */
  translationOf: string | null;
  /** In a `--lang` edition: the source is shown, for want of a translation into the edition's language. */
  untranslated: boolean;
  /** The document's translations (its language versions other than the source), each with its state. */
  translations: ManifestTranslation[];
}

export interface ManifestTranslation {
  id: string;
  lang: string;
  path: string;
  /** The page of this version in the edition. */
  anchor: string;
  /** `stale` when `sourceVersion` is lower than the source's `version`. */
  state: 'up-to-date' | 'stale';
  /** The source's version it was translated from (`source_version`). */
  sourceVersion: string | null;
  /** The source's version now. */
  currentVersion: string | null;
}

export interface Manifest {
  format: number;
  generator: 'sopkit';
  editionId: string;
  buildDate: string;
  organisation: string;
  title: string;
  branch: string | null;
  /** The edition's language (`--lang`), or null for the edition of the sources. */
  lang: string | null;
  audience: string | null;
  includesDrafts: boolean;
  compliant: boolean;
  documents: ManifestDocument[];
  changes: ChangeReport | null;
}

/**
 * The edition as data, for acknowledgement and training systems: each document's metadata, steps
 * and content hash, bound to the edition id. `--previous` reads it back to say what changed.
 */
export function manifestOf(plan: EditionPlan, bodies: ReadonlyMap<string, Pick<TransformedDoc, 'steps'>>, changes?: ChangeReport): Manifest {
  return {
    format: MANIFEST_FORMAT,
    generator: 'sopkit',
    editionId: plan.editionId,
    buildDate: plan.buildDate,
    organisation: plan.settings.organisation,
    title: plan.settings.title,
    branch: plan.selector.branch ?? null,
    lang: plan.selector.lang ?? null,
    audience: plan.selector.audience ?? null,
    includesDrafts: plan.selector.includeDrafts,
    compliant: plan.compliant,
    documents: plan.docs.map((doc): ManifestDocument => {
      const { record, anchor, number, review } = doc;
      return {
      id: record.id,
      anchor,
      number,
      title: record.title,
      type: record.type,
      status: declaredStatus(record) ?? null,
      version: record.version ?? null,
      owner: record.owner ?? null,
      approver: record.approver ?? null,
      effective: record.effective ?? null,
      lastReviewed: record.lastReviewed ?? null,
      nextReview: review.nextReview ?? null,
      reviewState: review.state,
      lang: record.lang,
      audience: record.audience,
      channels: record.channels,
      branches: record.branches,
      branch: record.branch ?? null,
      variantOf: record.variantOf ?? null,
      implements: record.implements,
      related: record.related,
      path: record.filePath,
      contentHash: record.contentHash,
      steps: bodies.get(anchor)?.steps ?? [],
      changelog: record.changelog,
      translationOf: doc.languages && !doc.languages.find((version) => version.anchor === doc.anchor)?.source ? (sourceOf(doc, plan)?.id ?? null) : null,
      untranslated: doc.untranslated ?? false,
      translations: translationsOf(doc, plan),
      };
    }),
    changes: changes ?? null,
  };
}

/** The placed versions of a document, by page anchor. */
function versionsOf(doc: PlacedDoc, plan: EditionPlan): PlacedDoc[] {
  const pages = new Map([...plan.docs, ...plan.alternates].map((placed) => [placed.anchor, placed]));
  return (doc.languages ?? []).map((version) => pages.get(version.anchor)).filter((placed): placed is PlacedDoc => placed !== undefined);
}

function sourceOf(doc: PlacedDoc, plan: EditionPlan): PlacedDoc['record'] | undefined {
  const source = doc.languages?.find((version) => version.source);
  return source ? versionsOf(doc, plan).find((placed) => placed.anchor === source.anchor)?.record : undefined;
}

function translationsOf(doc: PlacedDoc, plan: EditionPlan): ManifestTranslation[] {
  const source = sourceOf(doc, plan);
  return versionsOf(doc, plan)
    .filter((placed) => placed.record !== source)
    .map((placed) => {
      const raw = placed.record.data.source_version;
      return {
        id: placed.record.id,
        lang: placed.record.lang,
        path: placed.record.filePath,
        anchor: placed.anchor,
        state: placed.stale ? ('stale' as const) : ('up-to-date' as const),
        sourceVersion: typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : null,
        currentVersion: source?.version ?? null,
      };
    });
}

export function renderManifest(plan: EditionPlan, bodies: ReadonlyMap<string, Pick<TransformedDoc, 'steps'>>, changes?: ChangeReport): string {
  return `${JSON.stringify(manifestOf(plan, bodies, changes), null, 2)}\n`;
}
