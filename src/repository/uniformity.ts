import { diffSteps, normaliseStep, stepSimilarity, type StepChange } from '../diff/steps.js';
import { normaliseHeading } from '../document/sections.js';
import { primarySubtag } from '../language/registry.js';
import type { ResolvedConfig } from '../types.js';
import type { DocumentSummary, Position, SectionSummary } from './summary.js';

/** How a branch variant may differ from its base. */
export interface UniformitySettings {
  /** Normalised headings of sections that may differ freely (`uniformity.localSections`). */
  localSections: Set<string>;
  /** The first configured local section name, for messages. */
  localSectionName: string;
  /** Frontmatter fields a variant must share with its base (`uniformity.sameFields`). */
  sameFields: string[];
  /** Steps at least this similar count as the same step (1: only exact matches after normalising). */
  similarity: number;
  /** Steps at least this similar are one reworded step rather than a missing and an extra one. */
  rewordedSimilarity: number;
}

export const DEFAULT_LOCAL_SECTIONS = ['Local information'];
export const DEFAULT_SAME_FIELDS = ['type', 'implements'];
export const DEFAULT_SIMILARITY = 1;
export const DEFAULT_REWORDED_SIMILARITY = 0.5;

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** Reads `uniformity` from the config and the rule's similarity options. */
export function uniformitySettings(config: ResolvedConfig, options: { similarity?: number; rewordedSimilarity?: number } = {}): UniformitySettings {
  const section = (config.uniformity ?? {}) as { localSections?: unknown; sameFields?: unknown };
  const localNames = stringList(section.localSections) ?? DEFAULT_LOCAL_SECTIONS;
  return {
    localSections: new Set(localNames.map(normaliseHeading)),
    localSectionName: localNames[0] ?? DEFAULT_LOCAL_SECTIONS[0],
    sameFields: stringList(section.sameFields) ?? DEFAULT_SAME_FIELDS,
    similarity: options.similarity ?? DEFAULT_SIMILARITY,
    rewordedSimilarity: options.rewordedSimilarity ?? DEFAULT_REWORDED_SIMILARITY,
  };
}

/** One way a variant departs from its base, placed in the variant; `baseAt` points into the base. */
export type Divergence = { at: Position; baseAt?: Position } & (
  | { kind: 'missing-section'; title: string; before?: string }
  | { kind: 'extra-section'; title: string }
  | { kind: 'renamed-section'; title: string; baseTitle: string }
  | { kind: 'moved-section'; title: string; number: number; baseNumber: number }
  | { kind: 'field'; field: string; value: string; baseValue: string }
  | { kind: 'missing-step'; baseNumber: number; baseText: string }
  | { kind: 'extra-step'; number: number; text: string }
  | { kind: 'moved-step'; number: number; baseNumber: number; baseText: string }
  | { kind: 'reworded-step'; number: number; baseNumber: number; baseText: string; similarity: number }
  | { kind: 'step-count'; count: number; baseCount: number; baseLang: string }
);

/** A section's identity across languages: its canonical name when it has one, else its normalised heading. */
function sectionIdentity(section: SectionSummary): string {
  return section.canonical ? `#${section.canonical}` : section.key;
}

/** Compares a field's values as sets when they are lists (the order of `implements` carries no meaning). */
function canonicalValue(value: unknown): string {
  if (value === undefined || value === null) return 'absent';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return JSON.stringify([...value].sort());
  return JSON.stringify(value);
}

function showValue(value: unknown): string {
  return value === undefined || value === null ? 'absent' : JSON.stringify(value);
}

/** Sections whose text is at least this similar are one renamed section when their headings differ. */
const RENAMED_SECTION_SIMILARITY = 0.5;

/**
 * Pairs a missing base section with an extra variant section between the same in-order anchors when
 * their text is alike: the heading was renamed, which is one finding, not a missing and an extra one.
 */
function pairRenames(changes: readonly StepChange[], baseSections: readonly SectionSummary[], variantSections: readonly SectionSummary[]): Array<{ baseIndex: number; otherIndex: number }> {
  const anchors = changes.filter((change): change is Extract<StepChange, { kind: 'same' }> => change.kind === 'same');
  const gapOfBase = (b: number) => anchors.filter((anchor) => anchor.baseIndex < b).length;
  const gapOfOther = (o: number) => anchors.filter((anchor) => anchor.otherIndex < o).length;
  const missing = changes.flatMap((c) => (c.kind === 'missing' ? [c.baseIndex] : []));
  const extra = changes.flatMap((c) => (c.kind === 'extra' ? [c.otherIndex] : []));
  const pairs: Array<{ baseIndex: number; otherIndex: number }> = [];
  const used = new Set<number>();
  for (const b of missing) {
    const o = extra.find(
      (candidate) =>
        !used.has(candidate) &&
        gapOfOther(candidate) === gapOfBase(b) &&
        stepSimilarity(normaliseStep(baseSections[b].excerpt), normaliseStep(variantSections[candidate].excerpt)) >= RENAMED_SECTION_SIMILARITY,
    );
    if (o === undefined) continue;
    used.add(o);
    pairs.push({ baseIndex: b, otherIndex: o });
  }
  return pairs;
}

function compareSections(base: DocumentSummary, variant: DocumentSummary, settings: UniformitySettings): Divergence[] {
  // Across languages only the canonical sections (Purpose, Scope, Policy, Procedure) can be matched by name.
  const crossLanguage = primarySubtag(base.lang) !== primarySubtag(variant.lang);
  const shared = (sections: readonly SectionSummary[]) =>
    sections.filter((section) => !settings.localSections.has(section.key) && (!crossLanguage || section.canonical !== undefined));
  const baseSections = shared(base.sections);
  const variantSections = shared(variant.sections);
  const changes = diffSteps(baseSections.map(sectionIdentity), variantSections.map(sectionIdentity));
  const renames = pairRenames(changes, baseSections, variantSections);
  const renamedBase = new Set(renames.map((pair) => pair.baseIndex));
  const renamedOther = new Set(renames.map((pair) => pair.otherIndex));
  const divergences: Divergence[] = [];
  for (const change of changes) {
    if (change.kind === 'missing' && !renamedBase.has(change.baseIndex)) {
      // Placed at the next section that kept its place, so the fix is "add it above this heading".
      const next = changes.find((c) => c.kind === 'same' && c.baseIndex > change.baseIndex) as Extract<StepChange, { kind: 'same' }> | undefined;
      const nextSection = next ? variantSections[next.otherIndex] : undefined;
      divergences.push({
        kind: 'missing-section',
        title: baseSections[change.baseIndex].title,
        ...(nextSection ? { before: nextSection.title } : {}),
        at: nextSection?.at ?? variant.end,
        baseAt: baseSections[change.baseIndex].at,
      });
    } else if (change.kind === 'extra') {
      const section = variantSections[change.otherIndex];
      const rename = renames.find((pair) => pair.otherIndex === change.otherIndex);
      if (rename) {
        divergences.push({ kind: 'renamed-section', title: section.title, baseTitle: baseSections[rename.baseIndex].title, at: section.at, baseAt: baseSections[rename.baseIndex].at });
      } else if (!renamedOther.has(change.otherIndex)) {
        divergences.push({ kind: 'extra-section', title: section.title, at: section.at });
      }
    } else if (change.kind === 'moved') {
      const section = variantSections[change.otherIndex];
      divergences.push({ kind: 'moved-section', title: section.title, number: change.otherIndex + 1, baseNumber: change.baseIndex + 1, at: section.at, baseAt: baseSections[change.baseIndex].at });
    }
  }
  return divergences;
}

function compareFields(base: DocumentSummary, variant: DocumentSummary, settings: UniformitySettings): Divergence[] {
  const divergences: Divergence[] = [];
  for (const field of settings.sameFields) {
    const value = variant.data[field];
    const baseValue = base.data[field];
    if (canonicalValue(value) === canonicalValue(baseValue)) continue;
    divergences.push({
      kind: 'field',
      field,
      value: showValue(value),
      baseValue: showValue(baseValue),
      at: variant.keys[field] ?? variant.keys.variant_of ?? variant.anchor,
      baseAt: base.keys[field] ?? base.anchor,
    });
  }
  return divergences;
}

function compareSteps(base: DocumentSummary, variant: DocumentSummary, settings: UniformitySettings): Divergence[] {
  const baseProcedure = base.procedure;
  const procedure = variant.procedure;
  // A missing Procedure section is already a missing section; a local one may differ freely.
  if (!baseProcedure || !procedure) return [];
  const baseSteps = baseProcedure.steps;
  const steps = procedure.steps;
  if (primarySubtag(base.lang) !== primarySubtag(variant.lang)) {
    // Texts in two languages cannot be compared word for word; the number of steps still must match.
    if (baseSteps.length === steps.length) return [];
    return [{ kind: 'step-count', count: steps.length, baseCount: baseSteps.length, baseLang: base.lang, at: procedure.heading, baseAt: baseProcedure.heading }];
  }
  const changes = diffSteps(
    baseSteps.map((step) => step.text),
    steps.map((step) => step.text),
    { similarity: Math.min(settings.similarity, settings.rewordedSimilarity) },
  );
  const divergences: Divergence[] = [];
  for (const change of changes) {
    switch (change.kind) {
      case 'same':
        break;
      case 'missing':
        divergences.push({ kind: 'missing-step', baseNumber: change.baseIndex + 1, baseText: baseSteps[change.baseIndex].text, at: procedure.end, baseAt: baseSteps[change.baseIndex].at });
        break;
      case 'extra':
        divergences.push({ kind: 'extra-step', number: change.otherIndex + 1, text: steps[change.otherIndex].text, at: steps[change.otherIndex].at });
        break;
      case 'moved':
        divergences.push({ kind: 'moved-step', number: change.otherIndex + 1, baseNumber: change.baseIndex + 1, baseText: baseSteps[change.baseIndex].text, at: steps[change.otherIndex].at, baseAt: baseSteps[change.baseIndex].at });
        break;
      case 'reworded':
        if (change.similarity >= settings.similarity) break;
        divergences.push({
          kind: 'reworded-step',
          number: change.otherIndex + 1,
          baseNumber: change.baseIndex + 1,
          baseText: baseSteps[change.baseIndex].text,
          similarity: change.similarity,
          at: steps[change.otherIndex].at,
          baseAt: baseSteps[change.baseIndex].at,
        });
        break;
    }
  }
  return divergences;
}

/**
 * Every way a branch variant departs from its base: shared sections (level 2, local sections left
 * out) missing, extra, renamed or out of order; `sameFields` that differ; procedure steps missing,
 * extra, moved or reworded. Sorted by position in the variant.
 */
export function compareVariant(base: DocumentSummary, variant: DocumentSummary, settings: UniformitySettings): Divergence[] {
  const procedureIsLocal = [base, variant].some((doc) => doc.procedure && doc.sections.some((s) => s.at.line === doc.procedure!.heading.line && settings.localSections.has(s.key)));
  return [
    ...compareFields(base, variant, settings),
    ...compareSections(base, variant, settings),
    ...(procedureIsLocal ? [] : compareSteps(base, variant, settings)),
  ].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
}
