import { diffSteps } from '../diff/steps.js';
import type { ChangeReport, EditionPlan, PlacedDoc } from './types.js';

/** What the comparison needs of a document of either edition. */
export interface ComparableDoc {
  anchor: string;
  title: string;
  version?: string;
  contentHash: string;
  steps: readonly string[];
}

/** Steps at least this similar count as one reworded step rather than one removed and one added. */
export const REWORDED_SIMILARITY = 0.6;

/** An edition's documents for comparison; `steps` gives a document's step texts. */
export function comparableDocs(plan: Pick<EditionPlan, 'docs'>, steps: (doc: PlacedDoc) => readonly string[]): ComparableDoc[] {
  return plan.docs.map((doc) => ({
    anchor: doc.anchor,
    title: doc.record.title,
    version: doc.record.version,
    contentHash: doc.record.contentHash,
    steps: steps(doc),
  }));
}

/**
 * Compares two editions document by document (matched by anchor) and, for a changed procedure, step
 * by step: what staff must be told and trained on.
 */
export function compareEditions(previous: readonly ComparableDoc[], current: readonly ComparableDoc[], against: string): ChangeReport {
  const before = new Map(previous.map((doc) => [doc.anchor, doc]));
  const now = new Set(current.map((doc) => doc.anchor));
  const report: ChangeReport = { against, added: [], removed: [], changed: [] };
  for (const doc of current) {
    const old = before.get(doc.anchor);
    if (!old) {
      report.added.push({ anchor: doc.anchor, title: doc.title, ...(doc.version ? { version: doc.version } : {}) });
      continue;
    }
    if (old.contentHash === doc.contentHash) continue;
    const steps: ChangeReport['changed'][number]['steps'] = [];
    for (const change of diffSteps(old.steps, doc.steps, { similarity: REWORDED_SIMILARITY })) {
      switch (change.kind) {
        case 'same':
          break;
        case 'extra':
          steps.push({ kind: 'extra', number: change.otherIndex + 1, text: doc.steps[change.otherIndex] });
          break;
        case 'missing':
          steps.push({ kind: 'missing', previousNumber: change.baseIndex + 1, text: old.steps[change.baseIndex] });
          break;
        case 'moved':
        case 'reworded': {
          const previousText = old.steps[change.baseIndex];
          const text = doc.steps[change.otherIndex];
          steps.push({
            kind: change.kind,
            number: change.otherIndex + 1,
            previousNumber: change.baseIndex + 1,
            text,
            ...(previousText !== text ? { previousText } : {}),
          });
          break;
        }
      }
    }
    report.changed.push({
      anchor: doc.anchor,
      title: doc.title,
      ...(old.version ? { fromVersion: old.version } : {}),
      ...(doc.version ? { toVersion: doc.version } : {}),
      steps,
    });
  }
  for (const old of previous) {
    if (!now.has(old.anchor)) report.removed.push({ anchor: old.anchor, title: old.title, ...(old.version ? { version: old.version } : {}) });
  }
  return report;
}
