import { compareText, familyRoot, indexById, isRetired, listNames } from '../../src/repository/documents.js';
import { findSharedRuns } from '../../src/repository/shared-runs.js';
import { summarizeDocument, type DocumentSummary } from '../../src/repository/summary.js';
import { normaliseStep } from '../../src/diff/steps.js';
import { defineCorpusRule } from '../../src/rules/define.js';

interface Options {
  /** The shortest run of repeated steps worth a finding. */
  minSteps: number;
}

/** One side of a shared run, as a finding in one document sees it. */
interface Occurrence {
  other: DocumentSummary;
  otherStart: number;
}

function stepRange(start: number, length: number): string {
  return `${start + 1}–${start + length}`;
}

export default defineCorpusRule({
  id: 'duplicate-steps',
  description: 'The same run of steps is not written out in two procedures that are not variants of each other.',
  principle: 'short-simple-procedures',
  defaultSeverity: 'warn',
  languages: 'all',
  defaultOptions: { minSteps: 3 } as Options,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minSteps: { type: 'integer', minimum: 2, description: 'The shortest run of repeated steps that is reported.' },
    },
  },
  messages: {
    repeated: 'Steps {range} ({count} steps) also appear in {others}. Write them once as a shared procedure and link to it from each procedure.',
  },
  summarize: (doc, context) => summarizeDocument(doc, context.config),
  check(summaries, context) {
    const minSteps = Math.max(2, context.options.minSteps);
    const byId = indexById(summaries);
    const procedures = summaries
      .map(({ summary }) => summary)
      .filter((summary) => summary.procedure && summary.procedure.steps.length >= minSteps && !isRetired(summary))
      .sort((a, b) => compareText(a.filePath, b.filePath));
    const families = procedures.map((summary) => familyRoot(summary, byId));
    const lists = procedures.map((summary) => summary.procedure!.steps.map((step) => normaliseStep(step.text)));
    const runs = findSharedRuns(lists, minSteps, (left, right) => families[left] !== undefined && families[left] === families[right]);

    // One finding per document and run, naming every other document that repeats it.
    const findings = new Map<string, { summary: DocumentSummary; start: number; length: number; occurrences: Occurrence[] }>();
    const add = (summary: DocumentSummary, start: number, length: number, occurrence: Occurrence) => {
      const key = `${summary.filePath}\u0000${start}\u0000${length}`;
      const finding = findings.get(key) ?? { summary, start, length, occurrences: [] };
      finding.occurrences.push(occurrence);
      findings.set(key, finding);
    };
    for (const run of runs) {
      const left = procedures[run.left];
      const right = procedures[run.right];
      add(left, run.leftStart, run.length, { other: right, otherStart: run.rightStart });
      add(right, run.rightStart, run.length, { other: left, otherStart: run.leftStart });
    }

    for (const { summary, start, length, occurrences } of findings.values()) {
      occurrences.sort((a, b) => compareText(a.other.filePath, b.other.filePath) || a.otherStart - b.otherStart);
      const others = listNames(occurrences.map((o) => `${o.other.filePath} (steps ${stepRange(o.otherStart, length)})`));
      const steps = summary.procedure!.steps;
      const first = steps[start].at;
      const last = steps[start + length - 1].at;
      context.report({
        filePath: summary.filePath,
        at: { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn },
        messageId: 'repeated',
        data: { range: stepRange(start, length), count: length, others },
        related: occurrences.map((o) => ({
          filePath: o.other.filePath,
          line: o.other.procedure!.steps[o.otherStart].at.line,
          column: o.other.procedure!.steps[o.otherStart].at.column,
          message: `the same steps (${stepRange(o.otherStart, length)})`,
        })),
      });
    }
  },
});
