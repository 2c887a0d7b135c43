import { describe, expect, it } from 'vitest';
import { documentSummaries } from '../src/commands/document-summaries.js';
import { uniformitySettings } from '../src/repository/uniformity.js';
import { branchMatrix, formatBranchesJson, formatBranchesMarkdown, formatBranchesTable } from '../src/reports/branches.js';
import { sop } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';

const STEPS = ['Greet the customer.', 'Ask for the order number.', 'Offer a refund.'];

function doc(id: string, steps: string[], fields = '', type = 'procedure'): string {
  return `---\nid: ${id}\ntitle: ${id.replace(/-/g, ' ')}\ntype: ${type}\nowner: Lead\nstatus: draft\nversion: "1.0.0"\nlast_reviewed: 2026-01-01\n${fields}---\n\n# ${id}\n\n## Purpose\n\nServe customers the same way everywhere.\n\n## Procedure\n\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}\n`;
}

const files = {
  'sop.config.yaml': 'uniformity:\n  branches: [goa]\n',
  'policies/refund-policy.md': doc('refund-policy', [], '', 'policy'),
  'procedures/refunds.md': doc('refunds', STEPS, 'branches: [delhi, pune, mumbai]\n'),
  'procedures/greeting.md': doc('greeting', ['Say hello.', 'Smile.']),
  'procedures/old.md': doc('old', ['Do it.']).replace('status: draft', 'status: retired'),
  'branches/pune/refunds.md': doc('refunds-pune', STEPS.map((s) => s.toUpperCase()), 'variant_of: refunds\nbranch: pune\n') + '\n## Local information\n\nPune desk: 020 1234.\n',
  'branches/delhi/refunds.md': doc('refunds-delhi', [STEPS[1], STEPS[0], 'Transfer the call to a supervisor.'], 'variant_of: refunds\nbranch: delhi\n'),
  'branches/delhi/greeting.md': doc('greeting-delhi', ['Say hello.', 'Smile.'], 'variant_of: greeting\nbranch: delhi\n'),
  'branches/chennai/orphan.md': doc('orphan-chennai', ['Do it.'], 'variant_of: not-written-yet\nbranch: chennai\n'),
};

async function matrix() {
  const root = makeRepo(files);
  const corpus = await documentSummaries({ cwd: root });
  const settings = uniformitySettings(corpus.config);
  return branchMatrix(corpus.summaries, settings, (corpus.config.uniformity as { branches: string[] }).branches);
}

describe('branch matrix', () => {
  it('has a row per base procedure and a column per branch', async () => {
    const result = await matrix();
    expect(result.branches).toEqual(['chennai', 'delhi', 'goa', 'mumbai', 'pune']);
    expect(result.rows.map((row) => row.id)).toEqual(['greeting', 'refunds']);
  });

  it('tells identical, diverged, uses-base and missing apart', async () => {
    const result = await matrix();
    const refunds = result.rows.find((row) => row.id === 'refunds')!;
    const greeting = result.rows.find((row) => row.id === 'greeting')!;
    expect(refunds.cells.pune).toEqual({ state: 'identical', variant: 'branches/pune/refunds.md', divergences: [] });
    expect(refunds.cells.delhi.state).toBe('diverged');
    expect(refunds.cells.delhi.divergences!.map((d) => d.kind)).toEqual(['moved-step', 'missing-step', 'extra-step']);
    // refunds lists the branches it covers: mumbai is covered by the base; goa and chennai are not.
    expect(refunds.cells.mumbai).toEqual({ state: 'uses-base' });
    expect(refunds.cells.goa).toEqual({ state: 'missing' });
    expect(refunds.cells.chennai).toEqual({ state: 'missing' });
    // greeting lists no branches, so it covers every branch without a variant.
    expect(greeting.cells.delhi.state).toBe('identical');
    expect(greeting.cells.goa).toEqual({ state: 'uses-base' });
  });

  it('lists variants of a missing base separately', async () => {
    expect((await matrix()).orphans).toEqual([{ filePath: 'branches/chennai/orphan.md', branch: 'chennai', baseId: 'not-written-yet' }]);
  });

  it('formats a table, Markdown and JSON', async () => {
    const result = await matrix();
    const table = formatBranchesTable(result);
    expect(table).toContain('Branch uniformity: 2 procedures, 5 branches.');
    expect(table).toMatch(/^Procedure\s+chennai\s+delhi\s+goa\s+mumbai\s+pune$/m);
    expect(table).toMatch(/^refunds\s+missing\s+diverged \(3\)\s+missing\s+uses base\s+identical$/m);
    expect(table).toContain('2 identical, 1 diverged, 5 using the base, 2 missing.');
    expect(table).toContain('branches/chennai/orphan.md (chennai) is a variant of "not-written-yet", which is not found.');
    const markdown = formatBranchesMarkdown(result);
    expect(markdown).toContain('| Procedure | chennai | delhi | goa | mumbai | pune |');
    expect(markdown).toContain('| refunds (`refunds`) | missing | diverged (3) | missing | uses base | identical |');
    const json = JSON.parse(formatBranchesJson(result));
    expect(json.rows[1].cells.delhi.divergences[0]).toEqual({ kind: 'moved-step', line: 22 });
  });

  it('says so when there are no variants', async () => {
    const root = makeRepo({ 'a.md': doc('a', STEPS) });
    const corpus = await documentSummaries({ cwd: root });
    const result = branchMatrix(corpus.summaries, uniformitySettings(corpus.config));
    expect(formatBranchesTable(result)).toContain('No branch variants');
  });
});

describe('sop branches (CLI)', () => {
  it('prints the matrix in each format and exits 0', () => {
    const root = makeRepo(files);
    const table = sop(['branches'], { cwd: root });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^refunds\s+missing\s+diverged \(3\)/m);
    const json = sop(['branches', '--format', 'json'], { cwd: root });
    expect(JSON.parse(json.stdout).branches).toHaveLength(5);
    expect(sop(['branches', '--format', 'markdown'], { cwd: root }).stdout).toContain('# Branch uniformity');
    expect(sop(['branches', '--format', 'markdown'], { cwd: root }).stdout).toBe(sop(['branches', '--format', 'markdown'], { cwd: root }).stdout);
  });

  it('agrees with the branch-uniformity rule', () => {
    const root = makeRepo(files);
    const lint = sop(['lint', '--format', 'json', '--as-of', '2026-06-01'], { cwd: root });
    const delhi = JSON.parse(lint.stdout).find((result: { filePath: string }) => result.filePath === 'branches/delhi/refunds.md');
    expect(delhi.messages.filter((m: { ruleId: string }) => m.ruleId === 'branch-uniformity')).toHaveLength(3);
  });

  it('exits 2 on a bad format or path', () => {
    const root = makeRepo(files);
    expect(sop(['branches', '--format', 'csv'], { cwd: root }).code).toBe(2);
    const missing = sop(['branches', 'nowhere'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such file or folder: nowhere');
  });
});
