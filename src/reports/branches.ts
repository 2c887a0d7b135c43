import { compareText, indexById, isRetired, lookup } from '../repository/documents.js';
import { stringValue, type DocumentSummary } from '../repository/summary.js';
import { compareVariant, type Divergence, type UniformitySettings } from '../repository/uniformity.js';
import { markdownTable, textTable } from './table.js';

/**
 * - `identical`: the branch has a variant with no divergence from the base;
 * - `diverged`: the branch has a variant that departs from the base (`divergences` says how often);
 * - `uses-base`: no variant, and the base applies to the branch (it lists no `branches`, or this one);
 * - `missing`: no variant, and the base's `branches` leave this branch out: it has no such procedure.
 */
export type CellState = 'identical' | 'diverged' | 'uses-base' | 'missing';

export interface BranchCell {
  state: CellState;
  /** The variant's file, when there is one. */
  variant?: string;
  /** Divergences of the variant (empty when identical). */
  divergences?: Array<Pick<Divergence, 'kind'> & { line: number }>;
}

export interface BranchRow {
  id: string;
  filePath: string;
  title?: string;
  /** The procedure's languages: its own, then its translations' (`translation_of`), when it has any. */
  languages?: string[];
  /** Branch name → cell, for every branch of the matrix. */
  cells: Record<string, BranchCell>;
}

/** A variant whose `variant_of` names no document: it has no row to sit in. */
export interface OrphanVariant {
  filePath: string;
  branch?: string;
  baseId: string;
}

export interface BranchMatrix {
  branches: string[];
  rows: BranchRow[];
  orphans: OrphanVariant[];
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : undefined;
}

/**
 * The uniformity matrix: one row per base procedure (and per document that has variants), one column
 * per branch named by a variant, a base's `branches` list or `extraBranches` (config
 * `uniformity.branches`). Rows sorted by id, branches by name.
 */
export function branchMatrix(summaries: readonly DocumentSummary[], settings: UniformitySettings, extraBranches: readonly string[] = []): BranchMatrix {
  const current = summaries.filter((summary) => !isRetired(summary));
  const byId = indexById(current.map((summary) => ({ summary })));
  const variantsOf = new Map<string, DocumentSummary[]>();
  const orphans: OrphanVariant[] = [];
  const branches = new Set(extraBranches);

  for (const summary of current) {
    const baseId = stringValue(summary.data.variant_of);
    if (!baseId) continue;
    const branch = stringValue(summary.data.branch);
    if (branch) branches.add(branch);
    if (!lookup(byId, baseId) || baseId === stringValue(summary.data.id)) {
      orphans.push({ filePath: summary.filePath, ...(branch ? { branch } : {}), baseId });
      continue;
    }
    variantsOf.set(baseId, [...(variantsOf.get(baseId) ?? []), summary]);
  }

  // A translation is its source in another language: a language of the source's row, not a row of its own.
  const translationsOf = new Map<string, string[]>();
  for (const summary of current) {
    const sourceId = stringValue(summary.data.translation_of);
    if (sourceId && lookup(byId, sourceId)) translationsOf.set(sourceId, [...(translationsOf.get(sourceId) ?? []), summary.lang]);
  }
  const isTranslation = (summary: DocumentSummary) => {
    const sourceId = stringValue(summary.data.translation_of);
    return sourceId !== undefined && lookup(byId, sourceId) !== undefined;
  };
  const bases = [...byId.entries()]
    .filter(([id, [summary]]) => !isTranslation(summary) && (variantsOf.has(id) || (summary.data.type === 'procedure' && !stringValue(summary.data.variant_of))))
    .map(([id, [summary]]) => ({ id, summary }))
    .sort((a, b) => compareText(a.id, b.id));
  for (const { summary } of bases) for (const branch of stringList(summary.data.branches) ?? []) branches.add(branch);
  const columns = [...branches].sort(compareText);

  const rows: BranchRow[] = bases.map(({ id, summary: base }) => {
    const appliesTo = stringList(base.data.branches);
    const variants = [...(variantsOf.get(id) ?? [])].sort((a, b) => compareText(a.filePath, b.filePath));
    const cells: Record<string, BranchCell> = {};
    for (const branch of columns) {
      const variant = variants.find((candidate) => stringValue(candidate.data.branch) === branch);
      if (!variant) {
        cells[branch] = { state: !appliesTo || appliesTo.includes(branch) ? 'uses-base' : 'missing' };
        continue;
      }
      const divergences = compareVariant(base, variant, settings).map((divergence) => ({ kind: divergence.kind, line: divergence.at.line }));
      cells[branch] = { state: divergences.length ? 'diverged' : 'identical', variant: variant.filePath, divergences };
    }
    const title = stringValue(base.data.title);
    const translated = translationsOf.get(id);
    const languages = translated ? [base.lang, ...[...new Set(translated)].filter((lang) => lang !== base.lang).sort(compareText)] : undefined;
    return { id, filePath: base.filePath, ...(title ? { title } : {}), ...(languages ? { languages } : {}), cells };
  });
  orphans.sort((a, b) => compareText(a.filePath, b.filePath));
  return { branches: columns, rows, orphans };
}

/** A row's procedure, with its languages when it has translations: `processing-a-refund (en, hi, mr)`. */
function rowLabel(row: BranchRow): string {
  return row.languages ? `${row.id} (${row.languages.join(', ')})` : row.id;
}

function cellText(cell: BranchCell): string {
  switch (cell.state) {
    case 'identical':
      return 'identical';
    case 'diverged':
      return `diverged (${cell.divergences!.length})`;
    case 'uses-base':
      return 'uses base';
    case 'missing':
      return 'missing';
  }
}

function summaryLines(matrix: BranchMatrix): string[] {
  const cells = matrix.rows.flatMap((row) => Object.values(row.cells));
  const count = (state: CellState) => cells.filter((cell) => cell.state === state).length;
  const lines = [
    `${count('identical')} identical, ${count('diverged')} diverged, ${count('uses-base')} using the base, ${count('missing')} missing.`,
  ];
  if (count('diverged')) lines.push('Run `sop lint` to see each divergence at its line.');
  for (const orphan of matrix.orphans) {
    lines.push(`${orphan.filePath}${orphan.branch ? ` (${orphan.branch})` : ''} is a variant of "${orphan.baseId}", which is not found.`);
  }
  return lines;
}

const LEGEND = 'identical: same as the base · diverged (n): n differences · uses base: no variant, the base applies · missing: no variant, and the base\'s `branches` leave the branch out';

export function formatBranchesTable(matrix: BranchMatrix): string {
  if (matrix.rows.length === 0) return 'No procedures found.\n';
  const heading = `Branch uniformity: ${matrix.rows.length} ${matrix.rows.length === 1 ? 'procedure' : 'procedures'}, ${matrix.branches.length} ${matrix.branches.length === 1 ? 'branch' : 'branches'}.\n\n`;
  if (matrix.branches.length === 0) return `${heading}No branch variants (no document has \`variant_of\` and \`branch\`).\n`;
  const table = textTable(['Procedure', ...matrix.branches], matrix.rows.map((row) => [rowLabel(row), ...matrix.branches.map((branch) => cellText(row.cells[branch]))]));
  return `${heading}${table}\n${summaryLines(matrix).join('\n')}\n${LEGEND}\n`;
}

export function formatBranchesMarkdown(matrix: BranchMatrix): string {
  const lines = ['# Branch uniformity', ''];
  if (matrix.rows.length === 0 || matrix.branches.length === 0) {
    lines.push(matrix.rows.length === 0 ? 'No procedures found.' : 'No branch variants.', '');
    return lines.join('\n');
  }
  const rows = matrix.rows.map((row) => [`${row.title ?? row.id} (\`${row.id}\`${row.languages ? `; ${row.languages.join(', ')}` : ''})`, ...matrix.branches.map((branch) => cellText(row.cells[branch]))]);
  lines.push(markdownTable(['Procedure', ...matrix.branches], rows));
  for (const line of summaryLines(matrix)) lines.push(`${line}  `);
  lines.push('', `_${LEGEND}_`, '');
  return lines.join('\n');
}

export function formatBranchesJson(matrix: BranchMatrix): string {
  return `${JSON.stringify(matrix, null, 2)}\n`;
}
