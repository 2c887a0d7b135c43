import { indexById, lookup } from '../../src/repository/documents.js';
import { compareVersions, parseVersion } from '../../src/repository/semver.js';
import { stringValue, summarizeDocument, type DocumentSummary, type Position } from '../../src/repository/summary.js';
import { primarySubtag } from '../../src/language/registry.js';
import { defineCorpusRule } from '../../src/rules/define.js';
import type { RelatedLocation } from '../../src/types.js';
import { alignSteps } from './align.js';
import { translationStructure, type TranslationStructure } from './structure.js';

/** Fields a translation must share with its source unless the config says otherwise (`translations.sameFields`). */
export const DEFAULT_SAME_FIELDS = ['type', 'implements', 'branches', 'audience', 'channels'];

interface Summary {
  document: DocumentSummary;
  structure: TranslationStructure;
}

type MessageId =
  | 'unknownSource'
  | 'self'
  | 'chain'
  | 'sameLanguage'
  | 'noSourceVersion'
  | 'stale'
  | 'ahead'
  | 'field'
  | 'missingSection'
  | 'extraSection'
  | 'movedSection'
  | 'missingStep'
  | 'extraStep'
  | 'substeps'
  | 'marks'
  | 'movedStep';

/** A field's value as a reader compares it: lists as sorted sets, absent as "absent". */
function comparable(value: unknown): string {
  if (value === undefined || value === null) return 'absent';
  if (Array.isArray(value)) return JSON.stringify([...new Set(value.map(String))].sort());
  return JSON.stringify(value);
}

const shown = (value: unknown) => (value === undefined || value === null ? 'absent' : Array.isArray(value) ? `[${value.join(', ')}]` : `"${String(value)}"`);

export default defineCorpusRule<Record<string, never>, MessageId, Summary>({
  id: 'translation-parity',
  description: 'A translation (`translation_of`) keeps its source\'s sections, steps and shared fields, and is made from the source\'s current version.',
  principle: ['uniform-across-branches', 'traceable-changes'],
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: {},
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: {
    unknownSource: '`translation_of` names "{id}", which no document has. Give the id of the document this one translates.',
    self: '`translation_of` names this document\'s own id: a translation names its source, and has an id of its own.',
    chain: '"{id}" is itself a translation (of "{sourceId}"): translate from the source and write `translation_of: {sourceId}`.',
    sameLanguage: 'This translation is in the same language as its source "{source}" ({lang}): give it its own `lang`, or drop `translation_of`.',
    noSourceVersion: '`source_version` is missing: say which version of "{source}" (now {version}) this translation was made from.',
    stale: 'Translated from version {from} of "{source}", which is now at version {version}{changed}: bring the translation up to date, then set `source_version: {version}`.',
    ahead: '`source_version` is {from}, but "{source}" is only at version {version}: name the version this translation was made from.',
    field: '`{field}` is {value} here but {sourceValue} in the source "{source}". A translation keeps its source\'s `{field}` (`translations.sameFields`).',
    missingSection: 'Section {section} of the source "{source}" is missing from this translation{where}.',
    extraSection: 'Section {section} is not in the source "{source}": a translation has its source\'s sections.',
    movedSection: 'Section {section} is section {number} here but section {sourceNumber} in the source "{source}": keep the source\'s order.',
    missingStep: 'Step {sourceNumber} of the source "{source}" is missing from this translation{where}.',
    extraStep: 'Step {number} is not in the source "{source}", which has {sourceCount} steps: a translation has the same steps as its source.',
    substeps: 'Step {number} has {count} sub-steps here, but step {sourceNumber} of the source "{source}" has {sourceCount}.',
    marks: 'Step {number} has {mine} where step {sourceNumber} of the source "{source}" has {theirs}: numbers, links and code stay as they are in a translation.',
    movedStep: 'Step {number} reads as step {sourceNumber} of the source "{source}" (the same numbers, links or code): keep the source\'s order.',
  },
  summarize: (doc, context) => ({ document: summarizeDocument(doc, context.config), structure: translationStructure(doc, context.config) }),
  check(entries, context) {
    const summaries = entries.map((entry) => ({ filePath: entry.filePath, summary: entry.summary.document }));
    const byId = indexById(summaries);
    const structureOf = new Map(entries.map((entry) => [entry.summary.document, entry.summary.structure]));
    const configured = (context.config.translations as { sameFields?: string[] } | undefined)?.sameFields;
    const sameFields = configured ?? DEFAULT_SAME_FIELDS;

    for (const { summary: translation } of summaries) {
      const sourceId = stringValue(translation.data.translation_of);
      if (!sourceId) continue;
      const at = translation.keys.translation_of ?? translation.anchor;
      const report = (messageId: MessageId, where: Position, data: Record<string, string | number> = {}, related: RelatedLocation[] = []) =>
        context.report({ filePath: translation.filePath, at: where, messageId, data, ...(related.length ? { related } : {}) });
      if (sourceId === stringValue(translation.data.id)) {
        report('self', at);
        continue;
      }
      const source = lookup(byId, sourceId);
      if (!source) {
        report('unknownSource', at, { id: sourceId });
        continue;
      }
      const relatedTo = (where: Position, message: string): RelatedLocation[] => [{ filePath: source.filePath, line: where.line, column: where.column, message }];
      const grandSource = stringValue(source.data.translation_of);
      if (grandSource) {
        report('chain', at, { id: sourceId, sourceId: grandSource }, relatedTo(source.keys.translation_of ?? source.anchor, `"${sourceId}" translates "${grandSource}"`));
        continue;
      }
      if (primarySubtag(translation.lang) === primarySubtag(source.lang)) report('sameLanguage', translation.keys.lang ?? at, { source: sourceId, lang: translation.lang });

      // Versions: the translation says which version of the source it was made from.
      const version = parseVersion(source.data.version);
      const from = translation.data.source_version;
      const fromVersion = parseVersion(typeof from === 'number' ? String(from) : from);
      if (version) {
        if (from === undefined || from === null) report('noSourceVersion', at, { source: sourceId, version: String(source.data.version) });
        else if (fromVersion && compareVersions(fromVersion, version) < 0) {
          const changed = changesSince(source.data.changelog, fromVersion);
          report('stale', translation.keys.source_version ?? at, { from: String(from), source: sourceId, version: String(source.data.version), changed: changed ? ` (since then: ${changed})` : '' }, relatedTo(source.keys.version ?? source.anchor, 'the source\'s version'));
        } else if (fromVersion && compareVersions(fromVersion, version) > 0) {
          report('ahead', translation.keys.source_version ?? at, { from: String(from), source: sourceId, version: String(source.data.version) });
        }
      }

      for (const field of sameFields) {
        const mine = translation.data[field];
        const theirs = source.data[field];
        if (comparable(mine) === comparable(theirs)) continue;
        report('field', translation.keys[field] ?? at, { field, value: shown(mine), sourceValue: shown(theirs), source: sourceId }, source.keys[field] ? relatedTo(source.keys[field], `\`${field}\` in the source`) : []);
      }

      compareStructure(structureOf.get(translation)!, structureOf.get(source)!, translation, (messageId, where, data, sourceAt, note) =>
        report(messageId, where, { source: sourceId, ...data }, sourceAt ? relatedTo(sourceAt, note ?? 'in the source') : []),
      );
    }
  },
});

/**
 * What changed in the source since the version a translation was made from, from the source's own
 * changelog ("1.3.0: Added the written acknowledgement."): the translator's to-do list, without git.
 */
function changesSince(changelog: unknown, from: NonNullable<ReturnType<typeof parseVersion>>): string | undefined {
  if (!Array.isArray(changelog)) return undefined;
  const entries = changelog.flatMap((entry) => {
    if (!entry || typeof entry !== 'object') return [];
    const { version, summary } = entry as { version?: unknown; summary?: unknown };
    const parsed = parseVersion(typeof version === 'number' ? String(version) : version);
    if (!parsed || compareVersions(parsed, from) <= 0 || typeof summary !== 'string' || summary.trim() === '') return [];
    return [`${String(version)}: ${summary.trim().replace(/\s+/g, ' ').replace(/\.$/, '')}`];
  });
  if (entries.length === 0) return undefined;
  const shown = entries.slice(0, 3).join('; ');
  return entries.length > 3 ? `${shown}; and ${entries.length - 3} more` : shown;
}

type StructureReport = (messageId: MessageId, at: Position, data: Record<string, string | number>, sourceAt?: Position, note?: string) => void;

/** Sections and steps of a translation against its source, by structure alone. */
function compareStructure(mine: TranslationStructure, source: TranslationStructure, translation: DocumentSummary, report: StructureReport): void {
  const mySections = mine.sections.map((section) => section.canonical);
  const sourceSections = source.sections.map((section) => section.canonical);
  source.sections.forEach((section, index) => {
    if (mySections.includes(section.canonical)) return;
    const next = sourceSections.slice(index + 1).map((name) => mine.sections.find((candidate) => candidate.canonical === name)).find(Boolean);
    report('missingSection', next?.at ?? translation.end, { section: section.canonical, where: next ? ` (it comes before ${next.canonical})` : '' }, section.at, 'the section in the source');
  });
  const shared = mySections.filter((name) => sourceSections.includes(name));
  const sourceOrder = sourceSections.filter((name) => mySections.includes(name));
  mine.sections.forEach((section) => {
    if (!sourceSections.includes(section.canonical)) {
      report('extraSection', section.at, { section: section.canonical });
      return;
    }
    const number = shared.indexOf(section.canonical);
    const sourceNumber = sourceOrder.indexOf(section.canonical);
    if (number !== sourceNumber) report('movedSection', section.at, { section: section.canonical, number: number + 1, sourceNumber: sourceNumber + 1 }, source.sections.find((candidate) => candidate.canonical === section.canonical)?.at, 'the section in the source');
  });

  const sourceCount = source.steps.length;
  const stepAt = (index: number) => mine.steps[index].at;
  for (const difference of alignSteps(mine.steps, source.steps)) {
    switch (difference.kind) {
      case 'missing': {
        const where = difference.before === undefined ? ' (it comes last)' : ` (it comes before step ${difference.before + 1} here)`;
        const sourceStep = source.steps[difference.sourceIndex];
        report('missingStep', difference.before === undefined ? (mine.procedureEnd ?? translation.end) : stepAt(difference.before), { sourceNumber: difference.sourceIndex + 1, where }, sourceStep.at, `step ${difference.sourceIndex + 1} in the source`);
        break;
      }
      case 'extra':
        report('extraStep', stepAt(difference.index), { number: difference.index + 1, sourceCount });
        break;
      case 'moved':
        report('movedStep', stepAt(difference.index), { number: difference.index + 1, sourceNumber: difference.sourceIndex + 1 }, source.steps[difference.sourceIndex].at, `step ${difference.sourceIndex + 1} in the source`);
        break;
      case 'changed': {
        const step = mine.steps[difference.index];
        const sourceStep = source.steps[difference.sourceIndex];
        const related = { number: difference.index + 1, sourceNumber: difference.sourceIndex + 1 };
        if (step.substeps !== sourceStep.substeps) {
          report('substeps', step.at, { ...related, count: step.substeps, sourceCount: sourceStep.substeps }, sourceStep.at, `step ${difference.sourceIndex + 1} in the source`);
        }
        if (step.marks.join('\u0000') !== sourceStep.marks.join('\u0000')) {
          report('marks', step.at, { ...related, mine: describeMarks(step.marks), theirs: describeMarks(sourceStep.marks) }, sourceStep.at, `step ${difference.sourceIndex + 1} in the source`);
        }
        break;
      }
    }
  }
}

/** Marks as a reader sees them: 30, a link to forms/refund.md, `Refund`. */
function describeMarks(marks: readonly string[]): string {
  if (marks.length === 0) return 'no numbers, links or code';
  return marks
    .map((mark) => {
      const [kind, ...rest] = mark.split(':');
      const value = rest.join(':');
      return kind === 'link' ? `a link to ${value}` : kind === 'code' ? `\`${value}\`` : value;
    })
    .join(', ');
}
