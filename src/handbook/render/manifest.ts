import { declaredStatus } from './status.js';
import type { ChangeReport, EditionPlan, StepSummary, TransformedDoc } from '../types.js';

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
}

export interface Manifest {
  format: number;
  generator: 'sopkit';
  editionId: string;
  buildDate: string;
  organisation: string;
  title: string;
  branch: string | null;
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
    audience: plan.selector.audience ?? null,
    includesDrafts: plan.selector.includeDrafts,
    compliant: plan.compliant,
    documents: plan.docs.map(({ record, anchor, number, review }) => ({
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
    })),
    changes: changes ?? null,
  };
}

export function renderManifest(plan: EditionPlan, bodies: ReadonlyMap<string, Pick<TransformedDoc, 'steps'>>, changes?: ChangeReport): string {
  return `${JSON.stringify(manifestOf(plan, bodies, changes), null, 2)}\n`;
}
