import { pathToFileURL } from 'node:url';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsPath, ruleHelpUri } from '../rules/registry.js';
import type { Finding } from '../types.js';

/** What a diagnostic carries back to the server for its quick fixes. */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the finding was computed on; a fix applies only to that text. */
  version: number;
  /** Offsets into the document's text (BOM already accounted for). */
  fix?: { start: number; end: number; text: string };
}

/** A 1-based line/column finding as an LSP range (0-based lines, UTF-16 characters, as ours are). */
export function rangeOf(finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  const start = { line: Math.max(0, finding.line - 1), character: Math.max(0, finding.column - 1) };
  const end = { line: Math.max(0, finding.endLine - 1), character: Math.max(0, finding.endColumn - 1) };
  return { start, end: end.line < start.line || (end.line === start.line && end.character < start.character) ? start : end };
}

/** The link an editor shows on a diagnostic's code: the config's docs.ruleUrl, else the docs in the package. */
export function ruleDocsLink(ruleId: string, ruleDocsUrl: string | undefined): string {
  return ruleHelpUri(ruleId, ruleDocsUrl) ?? pathToFileURL(ruleDocsPath(ruleId)).href;
}

export function toDiagnostic(finding: Finding, document: TextDocument, ruleDocsUrl: string | undefined, fileUri: (path: string) => string): Diagnostic {
  // Fix offsets index the decoded text without a BOM; an editor's buffer may still start with one.
  const bom = document.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    version: document.version,
    ...(finding.fix ? { fix: { start: finding.fix.range[0] + bom, end: finding.fix.range[1] + bom, text: finding.fix.text } } : {}),
  };
  return {
    range: rangeOf(finding),
    severity: finding.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsLink(finding.ruleId, ruleDocsUrl) },
    source: 'sop',
    message: finding.message,
    ...(finding.related?.length
      ? {
          relatedInformation: finding.related.map((related) => ({
            location: { uri: fileUri(related.filePath), range: rangeOf({ line: related.line, column: related.column, endLine: related.line, endColumn: related.column }) },
            message: related.message,
          })),
        }
      : {}),
    data,
  };
}

/** The line where a document's frontmatter closes (0-based), or -1 when it has none. */
function frontmatterEnd(lines: readonly string[]): number {
  if (!/^\uFEFF?---\s*$/.test(lines[0] ?? '')) return -1;
  for (let index = 1; index < lines.length; index++) if (/^(---|\.\.\.)\s*$/.test(lines[index])) return index;
  return -1;
}

/**
 * Quick fixes for the diagnostics in a range: the rule's own fix where it has one, and a directive that
 * silences the rule: `sop-disable-line` at the end of a body line, `sop-disable-file` after the
 * frontmatter for a finding inside it (an HTML comment there would break the YAML).
 */
export function codeActionsFor(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const text = document.getText();
  const lines = text.split(/\r?\n/);
  const closing = frontmatterEnd(lines);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (diagnostic.source !== 'sop' || !data?.ruleId) continue;
    if (data.fix && data.version === document.version) {
      actions.push({
        title: `Fix: ${diagnostic.message}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri]: [{ range: { start: document.positionAt(data.fix.start), end: document.positionAt(data.fix.end) }, newText: data.fix.text }] } },
      });
    }
    const line = diagnostic.range.start.line;
    const inFrontmatter = closing >= 0 && line <= closing;
    const key = `${data.ruleId}:${inFrontmatter ? 'file' : line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const end = { line, character: lines[line]?.length ?? 0 };
    const edit = inFrontmatter
      ? { range: { start: { line: closing + 1, character: 0 }, end: { line: closing + 1, character: 0 } }, newText: `<!-- sop-disable-file ${data.ruleId} -->${eol}` }
      : { range: { start: end, end }, newText: ` <!-- sop-disable-line ${data.ruleId} -->` };
    actions.push({
      title: inFrontmatter ? `Disable ${data.ruleId} for this file` : `Disable ${data.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [edit] } },
    });
  }
  return actions;
}
