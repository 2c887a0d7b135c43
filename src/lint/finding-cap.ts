import type { Finding } from '../types.js';

/**
 * At most this many findings of one rule are listed per file. A 4 MB file of one repeated defect
 * gives 130,000 findings: the report becomes unreadable and the run holds gigabytes; past the cap
 * one summary finding says how many more there are.
 */
export const MAX_FINDINGS_PER_RULE = 100;

/** Keeps the first findings of each rule (in report order) and adds one summary finding per rule that had more. */
export function capFindings(findings: readonly Finding[], cap: number = MAX_FINDINGS_PER_RULE): Finding[] {
  const counts = new Map<string, number>();
  const firstHidden = new Map<string, Finding>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const count = (counts.get(finding.ruleId) ?? 0) + 1;
    counts.set(finding.ruleId, count);
    if (count <= cap) kept.push(finding);
    else if (count === cap + 1) firstHidden.set(finding.ruleId, finding);
  }
  for (const [ruleId, hidden] of firstHidden) {
    const more = counts.get(ruleId)! - cap;
    kept.push({
      ruleId,
      severity: hidden.severity,
      message: `${more} more "${ruleId}" finding${more === 1 ? '' : 's'} in this file ${more === 1 ? 'is' : 'are'} not listed (only the first ${cap} are). Fix these and run again.`,
      line: hidden.line,
      column: hidden.column,
      endLine: hidden.endLine,
      endColumn: hidden.endColumn,
    });
  }
  return kept;
}
