import type { List } from 'mdast';
import { defineFileRule } from '../../src/rules/define.js';
import { maxOptionSchema } from '../../src/lexical/options-schema.js';
import { findSection, procedureSteps } from '../../src/document/section-names.js';
import type { Section, Step } from '../../src/document/sections.js';

interface Options {
  max: number;
}

/**
 * The procedures in a Procedure section. Sub-headings already split it into sub-procedures, and an
 * ordered list that starts again at 1 is a new one; a list that carries on the numbering (a note
 * between steps 8 and 9) continues the same procedure.
 */
export function procedureRuns(section: Section, steps: readonly Step[]): Step[][] {
  const runOfList = new Map<List, number>();
  let run = -1;
  let nextNumber: number | undefined;
  // Steps are the ordered lists' items when there are any (as stepsOfSection decides); bullet lists between them are notes.
  const hasOrdered = section.children.some((node) => node.type === 'list' && node.ordered);
  for (const node of section.children) {
    if (node.type === 'heading') {
      nextNumber = undefined;
      continue;
    }
    if (node.type !== 'list' || (hasOrdered && !node.ordered)) continue;
    const start = node.ordered ? (node.start ?? 1) : undefined;
    const continues = nextNumber !== undefined && start === nextNumber;
    if (!continues) run++;
    runOfList.set(node, run);
    nextNumber = start === undefined ? undefined : start + node.children.length;
  }
  const runs: Step[][] = [];
  for (const step of steps) {
    const index = runOfList.get(step.list);
    if (index === undefined) continue;
    (runs[index] ??= []).push(step);
  }
  return runs.filter((steps) => steps.length > 0);
}

export default defineFileRule({
  id: 'procedure-length',
  description: 'A procedure has at most 15 top-level steps (option `max`); a longer one is split into sub-procedures.',
  principle: 'short-simple-procedures',
  defaultSeverity: 'warn',
  languages: 'all',
  defaultOptions: { max: 15 } as Options,
  optionsSchema: maxOptionSchema,
  messages: {
    long: 'This procedure has {count} steps (more than {max}; this is step {first}): split it into sub-procedures, each under its own sub-heading, or group related steps as sub-steps.',
  },
  check(doc, context) {
    const section = findSection(doc, context.config, 'Procedure');
    if (!section) return;
    const { max } = context.options;
    for (const steps of procedureRuns(section, procedureSteps(doc, context.config))) {
      if (steps.length <= max) continue;
      // Point at the first step past the limit: that is where a second sub-procedure would start at the latest.
      const over = steps[max];
      context.report({ messageId: 'long', data: { count: steps.length, max, first: max + 1 }, at: { offset: over.start, endOffset: over.end } });
    }
  },
});
