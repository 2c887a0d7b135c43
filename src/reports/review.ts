import { compareText, indexById, isRetired, lookup } from '../repository/documents.js';
import { compareVersions, parseVersion } from '../repository/semver.js';
import { stringValue, type DocumentSummary } from '../repository/summary.js';
import { formatInterval, reviewState, toIsoDate, type ReviewConfig, type ReviewStateName } from '../lifecycle/review.js';
import { csvTable, textTable } from './table.js';

/** One document in the review schedule. */
export interface ReviewRow {
  filePath: string;
  id?: string;
  title?: string;
  owner?: string;
  status?: string;
  lastReviewed?: string;
  /** The next review date, or undefined when the document has no usable review date. */
  nextReview?: string;
  /** Why that date: `review_by`, or the interval after the last review. */
  basis?: string;
  /** Days from the as-of date to the next review (negative: overdue). */
  daysLeft?: number;
  state: ReviewStateName;
  /** A translation made from an older version of its source than the current one. */
  staleTranslation?: { source: string; from: string; current: string };
}

export interface ReviewReport {
  asOf: string;
  dueWithinDays: number;
  rows: ReviewRow[];
  /** Retired documents are not reviewed and not listed; this says how many were left out. */
  retired: number;
}

const STATE_ORDER: Record<ReviewStateName, number> = { overdue: 0, 'due-soon': 1, fine: 2, unknown: 3 };

/**
 * The review schedule: every document that is not retired, with its owner, last review, next review
 * and state on `asOf`. Sorted by next review date (undated documents last), then by path.
 */
export function reviewReport(summaries: readonly DocumentSummary[], config: ReviewConfig, asOf: string, dueWithinDays: number): ReviewReport {
  const rows: ReviewRow[] = [];
  let retired = 0;
  const byId = indexById(summaries.map((summary) => ({ summary })));
  for (const summary of summaries) {
    if (isRetired(summary)) {
      retired++;
      continue;
    }
    const data = summary.data;
    const status = reviewState(data, config, asOf, dueWithinDays);
    const next = status.next;
    const lastReviewed = toIsoDate(data.last_reviewed);
    const row: ReviewRow = { filePath: summary.filePath, state: status.state };
    const id = stringValue(data.id);
    const title = stringValue(data.title);
    const owner = stringValue(data.owner);
    const documentStatus = stringValue(data.status);
    if (id) row.id = id;
    if (title) row.title = title;
    if (owner) row.owner = owner;
    if (documentStatus) row.status = documentStatus;
    if (lastReviewed) row.lastReviewed = lastReviewed;
    const stale = staleTranslation(summary, byId);
    if (stale) row.staleTranslation = stale;
    if (next) {
      row.nextReview = next.date;
      row.basis = next.source === 'review_by' ? 'review_by' : `every ${formatInterval(next.interval)}`;
      row.daysLeft = status.daysLeft;
    }
    rows.push(row);
  }
  rows.sort(
    (a, b) =>
      (a.nextReview === undefined ? 1 : 0) - (b.nextReview === undefined ? 1 : 0) ||
      compareText(a.nextReview ?? '', b.nextReview ?? '') ||
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      compareText(a.filePath, b.filePath),
  );
  return { asOf, dueWithinDays, rows, retired };
}

/** The source and versions of a translation whose `source_version` is behind its source's `version`. */
function staleTranslation(summary: DocumentSummary, byId: ReturnType<typeof indexById>): ReviewRow['staleTranslation'] {
  const sourceId = stringValue(summary.data.translation_of);
  const source = sourceId ? lookup(byId, sourceId) : undefined;
  const from = stringValue(summary.data.source_version);
  const current = stringValue(source?.data.version);
  const fromVersion = parseVersion(from);
  const currentVersion = parseVersion(current);
  if (!sourceId || !from || !current || !fromVersion || !currentVersion || compareVersions(fromVersion, currentVersion) >= 0) return undefined;
  return { source: sourceId, from, current };
}

export function countByState(report: ReviewReport): Record<ReviewStateName, number> {
  const counts: Record<ReviewStateName, number> = { overdue: 0, 'due-soon': 0, fine: 0, unknown: 0 };
  for (const row of report.rows) counts[row.state]++;
  return counts;
}

const STATE_LABELS: Record<ReviewStateName, string> = { overdue: 'OVERDUE', 'due-soon': 'due soon', fine: 'fine', unknown: 'no date' };

export function formatReviewTable(report: ReviewReport): string {
  const headers = ['State', 'Next review', 'Days left', 'Basis', 'Last reviewed', 'Owner', 'Document'];
  const rows = report.rows.map((row) => [
    STATE_LABELS[row.state],
    row.nextReview ?? '-',
    row.daysLeft === undefined ? '-' : String(row.daysLeft),
    row.basis ?? '-',
    row.lastReviewed ?? '-',
    row.owner ?? '-',
    `${row.id ? `${row.id} (${row.filePath})` : row.filePath}${row.staleTranslation ? ` — stale translation of ${row.staleTranslation.source} (from ${row.staleTranslation.from}; now ${row.staleTranslation.current})` : ''}`,
  ]);
  const counts = countByState(report);
  const parts = [`${counts.overdue} overdue`, `${counts['due-soon']} due within ${report.dueWithinDays} days`, `${counts.fine} fine`];
  if (counts.unknown) parts.push(`${counts.unknown} without a review date`);
  const stale = report.rows.filter((row) => row.staleTranslation).length;
  if (stale) parts.push(`${stale} stale ${stale === 1 ? 'translation' : 'translations'}`);
  const retired = report.retired ? ` ${report.retired} retired ${report.retired === 1 ? 'document is' : 'documents are'} not listed.` : '';
  const heading = `Review schedule as of ${report.asOf}: ${report.rows.length} ${report.rows.length === 1 ? 'document' : 'documents'}.${retired}\n\n`;
  const table = report.rows.length ? textTable(headers, rows) : 'No documents to review.\n';
  return `${heading}${table}\n${parts.join(', ')}.\n`;
}

export function formatReviewJson(report: ReviewReport): string {
  const documents = report.rows.map((row) => ({
    filePath: row.filePath,
    id: row.id ?? null,
    title: row.title ?? null,
    owner: row.owner ?? null,
    status: row.status ?? null,
    lastReviewed: row.lastReviewed ?? null,
    nextReview: row.nextReview ?? null,
    basis: row.basis ?? null,
    daysLeft: row.daysLeft ?? null,
    state: row.state,
    staleTranslation: row.staleTranslation ?? null,
  }));
  return `${JSON.stringify({ asOf: report.asOf, dueWithinDays: report.dueWithinDays, counts: countByState(report), retired: report.retired, documents }, null, 2)}\n`;
}

export function formatReviewCsv(report: ReviewReport): string {
  const headers = ['state', 'next_review', 'days_left', 'basis', 'last_reviewed', 'owner', 'id', 'title', 'status', 'file'];
  const rows = report.rows.map((row) => [
    row.state,
    row.nextReview ?? '',
    row.daysLeft === undefined ? '' : String(row.daysLeft),
    row.basis ?? '',
    row.lastReviewed ?? '',
    row.owner ?? '',
    row.id ?? '',
    row.title ?? '',
    row.status ?? '',
    row.filePath,
  ]);
  return csvTable(headers, rows);
}
