import type { ResolvedConfig } from '../../types.js';
import type { EditionPlan, PlacedDoc } from '../types.js';
import { transformDocument, type TransformedWithMedia } from './document.js';

type Targets = EditionPlan['targets'];
type LookupMap = 'byId' | 'byPath' | 'excluded' | 'excludedPaths';

interface Entry {
  result: TransformedWithMedia;
  /** Every target lookup the transform made, with what it found (JSON). */
  lookups: Array<{ map: LookupMap; key: string; found: string }>;
}

/** Transforms documents once per build: an edition reuses a body when its links resolve the same way. */
export interface TransformCache {
  transform(doc: PlacedDoc, plan: Pick<EditionPlan, 'targets' | 'settings'>, config: ResolvedConfig): TransformedWithMedia;
}

/**
 * With `--all-branches` most documents appear in every edition. A body depends on the document's
 * text and anchor, and on what its links point at in the edition (numbers, titles, documents left
 * out); the cache records the lookups a transform makes and reuses the body only where every one of
 * them gives the same answer in the new edition.
 */
export function createTransformCache(): TransformCache {
  const entries = new Map<string, Entry>();
  return {
    transform(doc, plan, config) {
      const key = `${doc.anchor}\0${doc.record.filePath}\0${doc.record.contentHash}`;
      const cached = entries.get(key);
      if (cached && cached.lookups.every(({ map, key: lookup, found }) => fingerprint(map, plan.targets[map].get(lookup)) === found)) {
        return cached.result;
      }
      const lookups: Entry['lookups'] = [];
      const result = transformDocument(doc, { settings: plan.settings, targets: recording(plan.targets, lookups) }, config);
      entries.set(key, { result, lookups });
      return result;
    },
  };
}

/** What a body keeps of a lookup: a target's anchor (its number and title are filled in at render), or all of the rest. */
function fingerprint(map: LookupMap, found: unknown): string {
  if (found === undefined) return 'null';
  return map === 'byId' || map === 'byPath' ? (found as { anchor: string }).anchor : JSON.stringify(found);
}

function recording(targets: Targets, lookups: Entry['lookups']): Targets {
  const watch = <V>(map: LookupMap, source: Map<string, V>) =>
    ({
      get(key: string): V | undefined {
        const found = source.get(key);
        lookups.push({ map, key, found: fingerprint(map, found) });
        return found;
      },
    }) as Map<string, V>;
  return {
    ...targets,
    byId: watch('byId', targets.byId),
    byPath: watch('byPath', targets.byPath),
    excluded: watch('excluded', targets.excluded),
    excludedPaths: watch('excludedPaths', targets.excludedPaths),
  };
}
