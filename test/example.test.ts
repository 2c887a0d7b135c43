import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';
import { sop } from './helpers/cli.js';

/**
 * The README's Quick start lints examples/customer-service. Its README lists every deliberate
 * findings; everything else in it is written to the standards, so any other finding is a false
 * positive of a rule (or a mistake in the example) and fails here.
 */
describe('the bundled example repository', () => {
  const example = join(packageRoot, 'examples', 'customer-service');

  it('gives exactly its deliberate findings', () => {
    const run = sop(['lint', example, '--format', 'json', '--as-of', '2026-11-23'], { cwd: packageRoot });
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>).flatMap((result) =>
      result.messages.map((m) => `${result.filePath.replace(/^examples\/customer-service\//, '')}:${m.line} ${m.ruleId}`),
    );
    expect(findings).toEqual([
      'branches/london/opening-the-store.md:39 branch-uniformity',
      'policies/complaints.md:40 measurable-standard',
      'policies/customer-contact.md:69 present-tense',
      'policies/refunds.hi.md:60 passive-voice',
      'policies/refunds.md:52 passive-voice',
      'procedures/answering-calls.md:40 wordy-phrase',
      'procedures/answering-calls.ta.md:25 passive-voice',
      'procedures/answering-calls.ta.md:41 measurable-standard',
      'procedures/answering-calls.te.md:38 wordy-phrase',
      'procedures/answering-calls.te.md:41 step-imperative',
      'procedures/closing-the-store.md:8 review-overdue',
      'procedures/handling-a-complaint.fr.md:7 translation-parity',
      'procedures/handling-a-complaint.fr.md:28 present-tense',
      'procedures/handling-a-complaint.fr.md:44 translation-parity',
      'procedures/handling-a-complaint.fr.md:51 weak-modal',
      'procedures/handling-a-complaint.md:49 weak-modal',
      'procedures/processing-a-refund.md:40 step-imperative',
      'procedures/processing-a-refund.mr.md:42 passive-voice',
      'procedures/processing-a-refund.mr.md:42 step-imperative',
      'procedures/processing-a-refund.mr.md:52 weak-modal',
    ]);
  });

  it('shows each report: the branch matrix and the review schedule', () => {
    const branches = sop(['branches', example, '--format', 'json'], { cwd: packageRoot });
    expect(branches.code).toBe(0);
    const matrix = JSON.parse(branches.stdout) as { rows: Array<{ id: string; cells: Record<string, { state: string }> }> };
    const opening = matrix.rows.find((row) => row.id === 'opening-the-store')!;
    expect(opening.cells.london.state).toBe('diverged');
    expect(opening.cells.mumbai.state).toBe('identical');
    const review = sop(['review', example, '--as-of', '2026-11-23', '--fail-on-overdue'], { cwd: packageRoot });
    expect(review.code).toBe(1);
    expect(review.stdout).toMatch(/^OVERDUE .*closing-the-store/m);
  });
});
