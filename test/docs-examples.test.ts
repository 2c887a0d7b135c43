import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../src/lint/engine.js';
import { languageFile } from '../src/language/registry.js';
import { ruleSourceDir } from '../src/paths.js';
import { loadRules } from '../src/rules/registry.js';

/**
 * Every rule doc's examples run as written (ESLint's check-rule-examples, for Markdown). The `## Examples`
 * section of `rules/<id>/docs.md` is a sequence of fenced blocks, each introduced by a paragraph:
 *
 * - "Flagged…" (the block must draw at least one finding of the rule, and one on every line that carries a
 *   claim: a trailing `<!-- … -->` comment or a YAML `# flagged…` comment; a comment on a line of its own
 *   claims the nearest line with content above it);
 * - "Not flagged…" (the rule must stay silent on the block; comments there only explain);
 * - anything else: a file the next examples need (a base procedure, a policy they link to, a config).
 *
 * A block is a whole file as a user would save it. Its first line may name the file (`<!-- file: path -->`
 * in Markdown, `# file: path` in YAML; default `example.md`); a block named `sop.config.yaml` is the config
 * of the examples after it. A `sop lint …` command quoted in the introducing paragraph gives the flags
 * (`--as-of`). Each Flagged/Not-flagged block is linted with the files before it, in a fresh folder, with
 * only the rule under test switched on, as `sop lint` runs it.
 */
interface Block {
  intro: string;
  file: string;
  text: string;
}

type Verdict = 'flagged' | 'clean' | 'context';

const CLAIM_HTML = /<!--(?!\s*file:).*-->\s*$/;
const CLAIM_YAML = /#\s*flagged\b/i;
const NAMED_FILE = /^(?:<!--\s*file:\s*(.+?)\s*-->|#\s*file:\s*(\S+))\s*$/;

function examplesOf(docs: string): Block[] {
  const start = docs.search(/^## Examples\s*$/m);
  if (start < 0) return [];
  const rest = docs.slice(start).split('\n').slice(1);
  // The section ends at the next level-2 heading outside a fenced block (examples contain headings).
  let inFence = false;
  const end = rest.findIndex((line) => {
    if (/^`{3,}/.test(line)) inFence = !inFence;
    return !inFence && /^## /.test(line);
  });
  const lines = end < 0 ? rest : rest.slice(0, end);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^(`{3,})(\w*)/.exec(lines[index]);
    if (!fence) {
      if (lines[index].trim() === '') {
        if (paragraph.length > 0) paragraph = [...paragraph, ''];
      } else {
        if (paragraph.at(-1) === '') paragraph = [];
        paragraph.push(lines[index]);
      }
      continue;
    }
    const body: string[] = [];
    index++;
    while (index < lines.length && !lines[index].startsWith(fence[1])) body.push(lines[index++]);
    const named = NAMED_FILE.exec(body[0] ?? '');
    const file = named ? (named[1] ?? named[2]) : 'example.md';
    blocks.push({ intro: paragraph.filter(Boolean).join(' '), file, text: `${(named ? body.slice(1) : body).join('\n')}\n` });
    paragraph = [];
  }
  return blocks;
}

function verdictOf(intro: string): Verdict {
  if (/\bnot flagged\b/i.test(intro)) return 'clean';
  if (/\bflagged\b/i.test(intro)) return 'flagged';
  return 'context';
}

/**
 * The 1-based line ranges a Flagged block claims a finding in: the line of a trailing claim comment, or,
 * for a comment on a line of its own, the paragraph right above it.
 */
function claimedRanges(text: string): Array<[number, number]> {
  const lines = text.split('\n');
  const claims: Array<[number, number]> = [];
  lines.forEach((line, index) => {
    const yamlComment = line.includes('#') && CLAIM_YAML.test(line.slice(line.indexOf('#')));
    if (!CLAIM_HTML.test(line) && !yamlComment) return;
    if (!/^\s*<!--/.test(line)) {
      claims.push([index + 1, index + 1]);
      return;
    }
    let last = index - 1;
    while (last >= 0 && (lines[last].trim() === '' || /^\s*<!--/.test(lines[last]))) last--;
    let first = last;
    while (first > 0 && lines[first - 1].trim() !== '' && !/^\s*<!--/.test(lines[first - 1])) first--;
    if (last >= 0) claims.push([first + 1, last + 1]);
  });
  return claims;
}

function flagsOf(intro: string): { asOf?: string } {
  const asOf = /--as-of\s+(\d{4}-\d{2}-\d{2})/.exec(intro)?.[1];
  return asOf ? { asOf } : {};
}

const rules = await loadRules();
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function findingsOf(ruleId: string, files: Block[], target: Block, intro: string) {
  const folder = mkdtempSync(join(tmpdir(), `sop-doc-example-${ruleId}-`));
  folders.push(folder);
  for (const block of [...files, target]) {
    mkdirSync(dirname(join(folder, block.file)), { recursive: true });
    writeFileSync(join(folder, block.file), block.text);
  }
  const report = await lint({ cwd: folder, paths: [folder], onlyRules: [ruleId], asOf: flagsOf(intro).asOf ?? '2026-06-01', jobs: 1 });
  const result = report.results.find((entry) => entry.filePath.replace(/\\/g, '/').endsWith(`/${target.file}`) || entry.filePath === target.file);
  return (result?.messages ?? []).filter((message) => message.ruleId === ruleId);
}

/**
 * A rule doc's language sections (`## Tamil (`ta`)`, `## French (fr)`) show sentences and steps in that
 * language. They are fragments, so the test places them as a reader would read them: numbered lines as
 * the steps of a procedure's Procedure section, other lines as paragraphs of its Purpose section, under
 * the headings the language uses, in a document whose `lang` is the section's. A line whose comment
 * starts with "flagged" must draw a finding of the rule, one whose comment starts with "not flagged" must
 * not ("flagged with future: true" switches that option on for the block). A block introduced by a
 * "Flagged" paragraph must draw at least one finding, and one introduced by "Not flagged" none.
 */
interface LanguageBlock {
  lang: string;
  intro: string;
  lines: string[];
}

function languageBlocksOf(docs: string): LanguageBlock[] {
  const blocks: LanguageBlock[] = [];
  let lang: string | undefined;
  let paragraph: string[] = [];
  const lines = docs.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const heading = /^## .*\(`?([a-z]{2,3})`?\)\s*$/.exec(lines[index]);
    if (heading) {
      lang = heading[1];
      paragraph = [];
      continue;
    }
    if (/^## /.test(lines[index])) {
      lang = undefined;
      continue;
    }
    const fence = /^(`{3,})markdown\s*$/.exec(lines[index]);
    if (!fence) {
      if (lines[index].trim() === '') paragraph = [];
      else if (!/^`{3,}/.test(lines[index])) paragraph.push(lines[index]);
      continue;
    }
    const body: string[] = [];
    index++;
    while (index < lines.length && !lines[index].startsWith(fence[1])) body.push(lines[index++]);
    if (lang) blocks.push({ lang, intro: paragraph.join(' '), lines: body.filter((line) => line.trim() !== '') });
    paragraph = [];
  }
  return blocks;
}

const LINE_VERDICT = /<!--\s*(not flagged|flagged)\b([^>]*)-->\s*$/i;

function headingOf(lang: string, canonical: 'Purpose' | 'Procedure'): string {
  const names = languageFile<{ sections: Record<string, string[]> }>(lang, 'sections')?.sections?.[canonical];
  return names?.[0] ?? canonical;
}

async function lintLanguageBlock(ruleId: string, block: LanguageBlock) {
  const options = Object.fromEntries(
    block.lines.flatMap((line) => [...(LINE_VERDICT.exec(line)?.[2] ?? '').matchAll(/with \{?\s*(\w+):\s*true/g)].map((match) => [match[1], true])),
  );
  const steps = block.lines.filter((line) => /^\s*\d+[.)]\s/.test(line));
  const prose = block.lines.filter((line) => !/^\s*\d+[.)]\s/.test(line));
  const text = [
    '---', 'id: example', 'title: Example', 'type: procedure', `lang: ${block.lang}`, '---', '',
    `## ${headingOf(block.lang, 'Purpose')}`, '', ...prose.flatMap((line) => [line, '']),
    `## ${headingOf(block.lang, 'Procedure')}`, '', ...steps, '',
  ].join('\n');
  const lineOf = new Map<string, number>();
  text.split('\n').forEach((line, index) => lineOf.set(line, index + 1));
  const report = await lint({
    cwd: tmpdir(),
    stdin: { text, filename: `example.${block.lang}.md` },
    onlyRules: [ruleId],
    ruleOverrides: { [ruleId]: { severity: 'warn', ...(Object.keys(options).length > 0 ? { options } : {}) } },
    asOf: '2026-06-01',
  });
  const findings = (report.results[0]?.messages ?? []).filter((message) => message.ruleId === ruleId);
  return { findings, lineOf };
}

/** Rules whose examples need more than files (a git history); their fixtures cover what the docs show. */
const NEEDS_HISTORY = new Set(['version-bump']);

describe('rule docs: the examples run as written', () => {
  for (const rule of rules) {
    const docs = readFileSync(join(ruleSourceDir, rule.id, 'docs.md'), 'utf8');
    const blocks = examplesOf(docs);
    describe(rule.id, () => {
      it('has a Flagged and a Not flagged example', () => {
        expect(blocks.some((block) => verdictOf(block.intro) === 'flagged'), 'a "Flagged" example').toBe(true);
        expect(blocks.some((block) => verdictOf(block.intro) === 'clean'), 'a "Not flagged" example').toBe(true);
      });
      if (NEEDS_HISTORY.has(rule.id)) return;
      const context: Block[] = [];
      blocks.forEach((block, index) => {
        const verdict = verdictOf(block.intro);
        if (verdict === 'context') {
          context.push(block);
          return;
        }
        const files = context.filter((file) => file.file !== block.file);
        it(`example ${index + 1} (${verdict === 'flagged' ? 'flagged' : 'not flagged'}, ${block.file})`, async () => {
          const findings = await findingsOf(rule.id, files, block, block.intro);
          const shown = findings.map((finding) => `${finding.line}: ${finding.message}`).join('\n');
          if (verdict === 'clean') {
            expect(shown, 'the rule must stay silent on a "Not flagged" example').toBe('');
            return;
          }
          expect(findings.length, 'a "Flagged" example draws at least one finding').toBeGreaterThan(0);
          const missed = claimedRanges(block.text)
            .filter(([first, last]) => !findings.some((finding) => finding.line >= first && finding.line <= last))
            .map(([first, last]) => (first === last ? `line ${first}` : `lines ${first}-${last}`));
          expect(missed, `lines whose comment claims a finding but got none; findings:\n${shown}`).toEqual([]);
        });
      });
    });
  }
});

describe('rule docs: the examples of each language section run', () => {
  for (const rule of rules) {
    const blocks = languageBlocksOf(readFileSync(join(ruleSourceDir, rule.id, 'docs.md'), 'utf8'));
    if (blocks.length === 0) continue;
    describe(rule.id, () => {
      blocks.forEach((block, index) => {
        it(`${block.lang} example ${index + 1}`, async () => {
          const { findings, lineOf } = await lintLanguageBlock(rule.id, block);
          const shown = findings.map((finding) => `${finding.line}: ${finding.message}`).join('\n');
          const flaggedLines = new Set(findings.map((finding) => finding.line));
          const wrong: string[] = [];
          for (const line of block.lines) {
            const verdict = LINE_VERDICT.exec(line)?.[1]?.toLowerCase();
            if (!verdict) continue;
            const got = flaggedLines.has(lineOf.get(line) ?? -1);
            if (verdict === 'flagged' && !got) wrong.push(`missed: ${line}`);
            if (verdict === 'not flagged' && got) wrong.push(`flagged: ${line}`);
          }
          const blockVerdict = /\bnot flagged\b/i.test(block.intro) ? 'clean' : /\bflagged\b/i.test(block.intro) ? 'flagged' : undefined;
          if (blockVerdict === 'clean' && findings.length > 0) wrong.push('a "Not flagged" block drew findings');
          if (blockVerdict === 'flagged' && findings.length === 0) wrong.push('a "Flagged" block drew no finding');
          expect(wrong, `findings:\n${shown}`).toEqual([]);
        });
      });
    });
  }
});
