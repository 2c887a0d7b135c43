import { describe, expect, it } from 'vitest';
import { documentSummaries } from '../src/commands/document-summaries.js';
import { countByState, formatReviewCsv, formatReviewJson, formatReviewTable, reviewReport } from '../src/reports/review.js';
import { csvTable, displayWidth, markdownTable, textTable } from '../src/reports/table.js';
import { sop } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';

function doc(id: string, fields: string): string {
  return `---\nid: ${id}\ntitle: ${id.replace(/-/g, ' ')}\ntype: procedure\nowner: Support Team Lead\nstatus: draft\nversion: "1.0.0"\n${fields}\n---\n\n# ${id}\n`;
}

const files = {
  'sop.config.yaml': 'review:\n  interval: 1 year\n',
  'refunds.md': doc('refunds', 'last_reviewed: 2025-05-01'), // due 2026-05-01: overdue on 2026-06-01
  'greeting.md': doc('greeting', 'last_reviewed: 2025-06-20'), // due 2026-06-20: within 30 days
  'transfers.md': doc('transfers', 'last_reviewed: 2026-01-10\nreview_interval: 6 months'), // due 2026-07-10
  'holds.md': doc('holds', 'last_reviewed: 2026-02-01\nreview_by: 2026-06-01'), // due today
  'hindi.md': doc('hindi-greeting', 'last_reviewed: 2025-12-01\nowner_note: x').replace('owner: Support Team Lead', 'owner: "शाखा प्रबंधक, पुणे"'),
  'undated.md': doc('undated', 'tags: [x]'),
  'old.md': doc('old', 'last_reviewed: 2019-01-01').replace('status: draft', 'status: retired'),
  'notes/readme.txt': 'not a document',
};

async function report(asOf = '2026-06-01', dueWithin = 30) {
  const root = makeRepo(files);
  const corpus = await documentSummaries({ cwd: root });
  return reviewReport(corpus.summaries, corpus.config, asOf, dueWithin);
}

describe('review report', () => {
  it('lists every current document sorted by next review, retired ones left out', async () => {
    const result = await report();
    expect(result.rows.map((row) => [row.id, row.nextReview, row.state, row.daysLeft])).toEqual([
      ['refunds', '2026-05-01', 'overdue', -31],
      ['holds', '2026-06-01', 'due-soon', 0],
      ['greeting', '2026-06-20', 'due-soon', 19],
      ['transfers', '2026-07-10', 'fine', 39],
      ['hindi-greeting', '2026-12-01', 'fine', 183],
      ['undated', undefined, 'unknown', undefined],
    ]);
    expect(result.retired).toBe(1);
    expect(countByState(result)).toEqual({ overdue: 1, 'due-soon': 2, fine: 2, unknown: 1 });
  });

  it('uses the config interval, the document interval and review_by as the basis', async () => {
    const rows = (await report()).rows;
    expect(rows.find((row) => row.id === 'refunds')?.basis).toBe('every 1 year');
    expect(rows.find((row) => row.id === 'transfers')?.basis).toBe('every 6 months');
    expect(rows.find((row) => row.id === 'holds')?.basis).toBe('review_by');
  });

  it('formats a table with aligned columns, non-Latin owners included', async () => {
    const table = formatReviewTable(await report());
    expect(table).toContain('Review schedule as of 2026-06-01: 6 documents. 1 retired document is not listed.');
    const lines = table.split('\n');
    const header = lines.find((line) => line.startsWith('State'))!;
    const documentColumn = header.indexOf('Document');
    const hindiRow = lines.find((line) => line.includes('hindi-greeting'))!;
    // The owner is in Devanagari: the Document column still starts at the same display column.
    expect(displayWidth(hindiRow.slice(0, hindiRow.indexOf('hindi-greeting (')))).toBe(documentColumn);
    expect(lines.find((line) => line.includes('refunds'))).toMatch(/^OVERDUE\s+2026-05-01\s+-31\s+every 1 year\s+2025-05-01\s+Support Team Lead\s+refunds \(refunds\.md\)$/);
    expect(table).toContain('1 overdue, 2 due within 30 days, 2 fine, 1 without a review date.');
  });

  it('formats JSON and CSV with the same rows', async () => {
    const result = await report();
    const json = JSON.parse(formatReviewJson(result));
    expect(json.documents).toHaveLength(6);
    expect(json.documents[0]).toEqual({
      filePath: 'refunds.md', id: 'refunds', title: 'refunds', owner: 'Support Team Lead', status: 'draft',
      lastReviewed: '2025-05-01', nextReview: '2026-05-01', basis: 'every 1 year', daysLeft: -31, state: 'overdue', staleTranslation: null,
    });
    const csv = formatReviewCsv(result).split('\r\n');
    expect(csv[0]).toBe('state,next_review,days_left,basis,last_reviewed,owner,id,title,status,file');
    expect(csv[1]).toBe('overdue,2026-05-01,-31,every 1 year,2025-05-01,Support Team Lead,refunds,refunds,draft,refunds.md');
    expect(csv).toContain('fine,2026-12-01,183,every 1 year,2025-12-01,"शाखा प्रबंधक, पुणे",hindi-greeting,hindi greeting,draft,hindi.md');
  });

  it('is deterministic', async () => {
    expect(formatReviewTable(await report())).toBe(formatReviewTable(await report()));
  });
});

describe('tables', () => {
  it('measures display width', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('शाखा')).toBe(2); // two consonants, two combining vowel signs
    expect(displayWidth('日本')).toBe(4);
  });

  it('escapes CSV and Markdown cells, and defuses spreadsheet formulas', () => {
    expect(csvTable(['a', 'b'], [['x,y', 'say "hi"'], ['=SUM(A1)', '-12']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),-12\r\n');
    expect(markdownTable(['a'], [['x|y']])).toBe('| a |\n| --- |\n| x\\|y |\n');
    expect(textTable(['a', 'bb'], [['xxx', '']])).toBe('a    bb\n---  --\nxxx\n');
  });
});

describe('sop review (CLI)', () => {
  it('exits 1 with --fail-on-overdue when something is overdue, 0 otherwise', () => {
    const root = makeRepo(files);
    expect(sop(['review', '--as-of', '2026-06-01'], { cwd: root }).code).toBe(0);
    const failing = sop(['review', '--as-of', '2026-06-01', '--fail-on-overdue'], { cwd: root });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('OVERDUE');
    expect(sop(['review', '--as-of', '2026-04-01', '--fail-on-overdue'], { cwd: root }).code).toBe(0);
  });

  it('honours --due-within and --format', () => {
    const root = makeRepo(files);
    const json = JSON.parse(sop(['review', '--as-of', '2026-06-01', '--due-within', '2w', '--format', 'json'], { cwd: root }).stdout);
    expect(json.dueWithinDays).toBe(14);
    expect(json.counts).toEqual({ overdue: 1, 'due-soon': 1, fine: 3, unknown: 1 });
    const csv = sop(['review', 'refunds.md', '--as-of', '2026-06-01', '--format', 'csv'], { cwd: root });
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('rejects bad flags with exit code 2 and a clear message', () => {
    const root = makeRepo(files);
    const badDate = sop(['review', '--as-of', '2026-02-30'], { cwd: root });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--as-of takes a date as YYYY-MM-DD');
    const badWindow = sop(['review', '--due-within', 'soon'], { cwd: root });
    expect(badWindow.code).toBe(2);
    expect(badWindow.stderr).toContain('--due-within takes a period');
    expect(sop(['review', '--format', 'xml'], { cwd: root }).code).toBe(2);
    expect(sop(['review', 'missing-folder'], { cwd: root }).code).toBe(2);
  });
});
