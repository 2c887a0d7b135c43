#!/usr/bin/env node
// Draws the sentences of test/accuracy/sentences-real-*.jsonl from public policy and runbook
// repositories, by a seeded random draw that never looks at what the rules say. It needs bare git
// mirrors of the repositories (the `fetch` tool puts them under /work/.mirror/<owner>+<name>/repo);
// the project's tests never run it. It prints unlabelled entries; the labels are added by hand, per the
// rules' docs.md, before any rule is run on them.
//
//   node scripts/draw-real-sentences.mjs /work/.mirror > drawn.jsonl
//   node scripts/draw-real-sentences.mjs /work/.mirror holdout2 > drawn.jsonl   (the second held-out set)
//   node scripts/draw-real-sentences.mjs /work/.mirror dev2 > drawn.jsonl       (the second development set)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIRST_SOURCES = [
  { repo: 'tailscale/security-policies', include: /\.md$/, exclude: /^(README|_index)\.md$/ },
  { repo: 'strongdm/comply', include: /^(themes|example)\/.*\.md$/, exclude: /README|TODO/ },
  { repo: 'catalyzeio/policies', include: /^source\/sections\/.*\.md$/ },
  { repo: 'openregulatory/templates', include: /^templates\/.*\.md$/ },
  { repo: 'hmcts/ops-runbooks', include: /^source\/.*\.md(\.erb)?$/ },
];
// The second held-out set draws from four repositories the first draw did not use, so no fix made
// while reading the first sets' misses has seen their writers' habits.
const HOLDOUT2_SOURCES = [
  { repo: 'JupiterOne/security-policy-templates', include: /^templates\/(policies|procedures)\/.*\.md\.tmpl$/ },
  { repo: 'alphagov/gds-way', include: /^source\/(standards|manuals)\/.*\.md(\.erb)?$/ },
  { repo: 'ministryofjustice/cloud-platform-user-guide', include: /^source\/documentation\/.*\.md(\.erb)?$/ },
  { repo: 'alphagov/govuk-developer-docs', include: /^source\/manual\/.*\.md(\.erb)?$/ },
];
// The second development set: the first draw's repositories again, new lines only (none already in a
// real-text set), and only lines with a word the tense and time rules look at (a future, a likely past
// form, a vague time or frequency word), so the few lines a writer labels exercise those rules. The
// filter reads the text, never the rules' output.
const FOCUS = /\b(will|won't|wo n't|\w+'ll|was|were|had|did|\w+ed|promptly|quickly|soon|shortly|timely|regular(ly)?|periodic(ally)?|frequently|often|rapidly|reasonable|continuous(ly)?|ongoing|routinely|constantly|annual(ly)?)\b/i;
// The time half of the second development set: only lines with a vague time or frequency word (or a
// look-alike such as "periodic review", "continuous", "timeline"), for measurable-standard.
const TIME_FOCUS = /\b(promptly|quickly|soon|shortly|timely|regular(ly)?|periodic(ally)?|frequently|often|rapidly|reasonable|continuous(ly)?|ongoing|routinely|constantly|immediately|asap|in due course)\b/i;
const DRAWS = {
  first: { seed: '20261202-english-accuracy', sources: FIRST_SOURCES, prose: 44, steps: 28, split: true },
  holdout2: { seed: '20261202-english-holdout2', sources: HOLDOUT2_SOURCES, prose: 26, steps: 16, split: false },
  dev2time: { seed: '20261202-english-dev2-time', sources: FIRST_SOURCES, prose: 8, steps: 4, split: false, focus: TIME_FOCUS, excludeExisting: true },
  dev2: { seed: '20261202-english-dev2', sources: FIRST_SOURCES, prose: 12, steps: 6, split: false, focus: FOCUS, excludeExisting: true },
};
const draw = DRAWS[process.argv[3] ?? 'first'];
if (!draw) throw new Error(`unknown draw ${process.argv[3]}: use ${Object.keys(DRAWS).join(' or ')}`);
const { seed: SEED, sources: SOURCES, prose: PROSE_PER_SOURCE, steps: STEPS_PER_SOURCE } = draw;

/** mulberry32 seeded with a string hash: the same draw every time. */
function random(seed) {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353), (h = (h << 13) | (h >>> 19));
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, next) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const words = (text) => text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
const usable = (text) =>
  words(text) >= 4 && words(text) <= 35 && !/[<>{}|`\\]|https?:|\]\(|^\W*$/.test(text) && /^[*"“A-Za-z]/.test(text) && /[a-z]/.test(text);

/** Paragraph sentences ("prose") and ordered-list or checklist items ("step") of one Markdown file. */
function extract(markdown) {
  const lines = markdown.replace(/\r/g, '').split('\n');
  let start = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) start = end + 1;
  }
  const blocks = [];
  let current = null;
  let fenced = false;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const raw of lines.slice(start)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      close();
      continue;
    }
    if (fenced) continue;
    const line = raw.trimEnd();
    if (line.trim() === '' || /^\s*(#|\||<|>|!\[|\[\^|-{3,}|={3,}|\*{3,})/.test(line) || /^ {4,}\S/.test(line) && !current) {
      close();
      continue;
    }
    const ordered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const checklist = /^\s*[-*+]\s+\[[ xX]\]\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    if (ordered || checklist) {
      close();
      current = { kind: 'step', text: (ordered ?? checklist)[1] };
    } else if (bullet) {
      close();
      current = { kind: 'prose', text: bullet[1] };
    } else if (current) current.text += ` ${line.trim()}`;
    else current = { kind: 'prose', text: line.trim() };
  }
  close();
  const out = [];
  for (const block of blocks) {
    const text = block.text.replace(/\s+/g, ' ').trim();
    if (block.kind === 'step') out.push({ context: 'step', text });
    else for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z"“*])/)) out.push({ context: 'prose', text: sentence.trim() });
  }
  return out.filter((entry) => usable(entry.text));
}

const mirrors = process.argv[2] ?? '/work/.mirror';
const next = random(SEED);
const seen = new Set();
if (draw.excludeExisting) {
  const accuracyDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'accuracy');
  for (const file of readdirSync(accuracyDir).filter((name) => /^sentences-real-.*\.jsonl$/.test(name))) {
    for (const line of readFileSync(join(accuracyDir, file), 'utf8').split('\n')) if (line.trim()) seen.add(JSON.parse(line).text);
  }
}
const drawn = [];
for (const source of SOURCES) {
  const gitDir = join(mirrors, source.repo.replace('/', '+'), 'repo');
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const commit = git('rev-parse', 'HEAD').trim();
  const paths = git('ls-tree', '-r', '--name-only', commit)
    .split('\n')
    .filter((path) => source.include.test(path) && !(source.exclude?.test(path.split('/').pop()) ?? false))
    .sort();
  const pool = { prose: [], step: [] };
  for (const path of paths) {
    for (const entry of extract(git('show', `${commit}:${path}`))) {
      if (seen.has(entry.text) || (draw.focus && !draw.focus.test(entry.text))) continue;
      seen.add(entry.text);
      pool[entry.context].push({ ...entry, source: `${source.repo}@${commit.slice(0, 7)}:${path}` });
    }
  }
  drawn.push(...shuffle(pool.prose, next).slice(0, PROSE_PER_SOURCE), ...shuffle(pool.step, next).slice(0, STEPS_PER_SOURCE));
}
// Alternate dev / held-out over a second shuffle, so both halves mix every source.
shuffle(drawn, next).forEach((entry, index) => {
  const split = draw.split ? { split: index % 2 === 0 ? 'dev' : 'holdout' } : {};
  process.stdout.write(`${JSON.stringify({ text: entry.text, context: entry.context, expect: [], source: entry.source, ...split })}\n`);
});
