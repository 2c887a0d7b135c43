import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/document/parse.js';
import { lint } from '../../src/lint/engine.js';
import { applyFixes } from '../../src/lint/fix.js';
import { recordFromText } from '../../src/repository/record.js';
import { renderMarkdown } from '../../src/handbook/render/markdown.js';
import { renderManifest } from '../../src/handbook/render/manifest.js';
import { renderSingle } from '../../src/handbook/render/single.js';
import { transformDocument } from '../../src/handbook/transform/document.js';
import { loadConfig } from '../../src/config/load.js';
import { loadRules } from '../../src/rules/registry.js';
import { plan } from '../helpers/build.js';
import { AS_OF, LONG, procedureText, scratch } from './kit.js';

/**
 * Properties over generated documents: the pieces attackers and real repositories combine (quotes,
 * lists, emphasis, HTML, tables, frontmatter fences, CR/LF, controls, long runs). A fixed seed keeps
 * `npm test` repeatable; SOP_LONG_ATTACKS=1 runs many more cases from a fresh seed each time.
 */
const settings = LONG ? { numRuns: 300 } : { numRuns: 25, seed: 16 };
const buildSettings = LONG ? { numRuns: 60 } : { numRuns: 8, seed: 16 };

const PIECES = [
  'Check the till.', 'in order to', 'will be checked by the manager', 'very', 'should', 'e.g.', 'Mr. Smith', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r',
  '> ', '>', '- ', '* ', '1. ', '12) ', '  - ', '#', '## Procedure', '## Scope', '*', '**', '_', '~~', '`', '```', '[x](y.md)', '![i](logo.png)', '<div>', '</div>',
  '<script>alert(1)</script>', '<!-- sop-disable -->', '| a | b |\n|---|---|\n| c | d |', '---', '\u00a0', '\u200b', '\u2028', '\f', '\u0000', 'é', 'देवनागरी', '"', '(', ')', '[', ']', '.', ',', ':',
];
const bodyArbitrary = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));
const repeatArbitrary = fc.tuple(fc.constantFrom('>', '- ', '1. ', '*', '<div>', '[', '(', 'a.', '"'), fc.integer({ min: 1, max: 400 })).map(([piece, n]) => piece.repeat(n));
const documentArbitrary = fc.tuple(bodyArbitrary, fc.option(repeatArbitrary, { nil: '' }), fc.boolean()).map(([body, repeated, withFrontmatter]) =>
  withFrontmatter ? procedureText('generated', `${body}\n${repeated}\n`) : `${body}\n${repeated}`,
);

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Every position a finding names exists in the text (1-based; a column may sit just after a line's end). */
function withinText(text: string, finding: { line: number; column: number; endLine: number; endColumn: number }): boolean {
  const all = lines(text);
  const fits = (line: number, column: number) => line >= 1 && line <= all.length && column >= 1 && column <= all[line - 1].length + 2;
  return fits(finding.line, finding.column) && fits(finding.endLine, finding.endColumn);
}

describe('properties: parse', () => {
  it('never throws, and every problem is positioned inside the text', () => {
    fc.assert(
      fc.property(documentArbitrary, (text) => {
        const outcome = parseDocumentText({ absolutePath: '/x/doc.md', filePath: 'doc.md', text, defaultLang: 'en', maxFileSize: 5e6 });
        for (const problem of outcome.problems) expect(withinText(text, problem)).toBe(true);
      }),
      settings,
    );
  });
});

describe('properties: lint and fix', () => {
  const folder = scratch();
  writeFileSync(join(folder, 'sop.config.yaml'), 'lang: en\n');
  const lintText = async (text: string) => (await lint({ cwd: folder, stdin: { text, filename: 'procedures/generated.md' }, asOf: AS_OF, fixDryRun: true })).results[0];

  it('no rule crashes, the same text gives the same findings, positions are inside the text', async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary, async (text) => {
        const first = await lintText(text);
        const second = await lintText(text);
        expect(first.messages.filter((m) => /crashed|could not be linted/.test(m.message))).toEqual([]);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        for (const finding of first.messages) expect(withinText(text, finding), `${finding.ruleId} ${finding.line}:${finding.column}`).toBe(true);
        for (const finding of first.messages) {
          if (finding.fix) expect(finding.fix.range[0] >= 0 && finding.fix.range[0] <= finding.fix.range[1] && finding.fix.range[1] <= text.length).toBe(true);
        }
      }),
      settings,
    );
  });

  it('fixing is idempotent: the fixed text has nothing left to fix', async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary, async (text) => {
        const fixed = (await lintText(text)).output ?? text;
        const again = await lintText(fixed);
        expect(again.output ?? fixed).toBe(fixed);
        const fixes = again.messages.flatMap((m) => (m.fix ? [m.fix] : []));
        expect(applyFixes(fixed, fixes).applied).toBe(0);
      }),
      settings,
    );
  });
});

describe('properties: build', async () => {
  const rules = await loadRules();
  const folder = scratch();
  const config = loadConfig({ cwd: folder, rules });

  it('a document the lint can read transforms and renders without throwing, the same bytes twice', () => {
    fc.assert(
      fc.property(documentArbitrary, (body) => {
        const text = procedureText('generated', body);
        const outcome = parseDocumentText({ absolutePath: '/x/doc.md', filePath: 'doc.md', text, defaultLang: 'en', maxFileSize: 5e6 });
        fc.pre(outcome.problems.every((problem) => !problem.fatal)); // the build leaves unreadable files out
        const record = recordFromText('procedures/generated.md', text, 'en')!;
        const render = () => {
          const edition = plan([record], config);
          const bodies = new Map(edition.docs.map((doc) => [doc.anchor, transformDocument(doc, edition, config)]));
          const content = { plan: edition, bodies };
          return [renderSingle(content, { css: '', media: new Map() }), renderMarkdown(content), renderManifest(edition, bodies)].join('\u0000');
        };
        expect(render()).toBe(render());
      }),
      buildSettings,
    );
  });
});
