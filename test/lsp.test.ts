import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SOP_BIN } from './helpers/cli.js';

/**
 * `sop lsp --stdio` end to end: the built CLI is started as an editor starts it, and spoken to in JSON-RPC
 * over its standard input and output. Every wait has a deadline, so a silent server fails the test instead
 * of hanging it; nothing here measures speed.
 */
const FRONTMATTER = (id: string, extra = '') => `---\nid: ${id}\ntitle: ${id}\ntype: procedure\nowner: Store Manager\nstatus: draft\nversion: 1.0.0\nlast_reviewed: 2026-11-01\n${extra}---\n`;
const PROCEDURE = (id: string, steps: string, extra = '') => `${FRONTMATTER(id, extra)}\n## Purpose\n\nStaff count the till.\n\n## Scope\n\nAll stores.\n\n## Procedure\n\n${steps}\n`;

let root: string;
let server: ChildProcessWithoutNullStreams;
let connection: MessageConnection;
let stderr = '';
const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
const waiters: Array<() => void> = [];

function uriOf(path: string): string {
  return pathToFileURL(join(root, path)).href;
}

/** Resolves with the first diagnostics for `uri` (published after `since`) that satisfy `accept`. */
function nextDiagnostics(uri: string, accept: (list: Diagnostic[]) => boolean, since = 0): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within 20 s; got ${JSON.stringify(diagnostics.get(uri)?.map((p) => p.diagnostics.map((d) => d.code)))}\n${stderr}`)), 20_000);
    const check = () => {
      const published = (diagnostics.get(uri) ?? []).slice(since);
      const match = published.find((params) => accept(params.diagnostics));
      if (!match) return false;
      clearTimeout(timer);
      resolve(match.diagnostics);
      return true;
    };
    const wait = () => {
      if (!check()) waiters.push(wait);
    };
    wait();
  });
}

const codes = (list: Diagnostic[]) => list.map((diagnostic) => String(diagnostic.code));
const publishedCount = (uri: string) => diagnostics.get(uri)?.length ?? 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sop-lsp-'));
  mkdirSync(join(root, 'procedures'), { recursive: true });
  writeFileSync(join(root, 'sop.config.yaml'), 'lang: en\n');
  writeFileSync(join(root, 'procedures/base.md'), PROCEDURE('counting-the-till', '1. Count the till.\n2. Sign the sheet.'));
  server = spawn(process.execPath, [SOP_BIN, 'lsp', '--stdio'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  server.stderr.on('data', (chunk) => (stderr += String(chunk)));
  connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, [...(diagnostics.get(params.uri) ?? []), params]);
    for (const waiter of waiters.splice(0)) waiter();
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const result = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'repo' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  })) as { capabilities: { hoverProvider: boolean; codeActionProvider: unknown } };
  expect(result.capabilities.hoverProvider).toBe(true);
  await connection.sendNotification('initialized', {});
}, 30_000);

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    expect(await exited, stderr).toBe(0);
  }
  connection.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('sop lsp --stdio', () => {
  const uri = () => uriOf('procedures/new.md');

  it('publishes diagnostics on open, with the rule id as code and a link to its docs', async () => {
    const text = PROCEDURE('new-procedure', '1. The agent will count the till in order to check it.\n2. Sign the sheet.', 'implements: [no-such-policy]\n');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'markdown', version: 1, text } });
    const list = await nextDiagnostics(uri(), (l) => codes(l).includes('wordy-phrase') && codes(l).includes('reference-resolves'));
    const wordy = list.find((d) => d.code === 'wordy-phrase')!;
    expect(wordy.source).toBe('sop');
    expect(wordy.codeDescription?.href).toMatch(/rules\/wordy-phrase\/docs\.md$/);
    // Line 21 of the buffer (0-based 20) holds the first step; the finding covers "in order to".
    const line = text.split('\n').findIndex((l) => l.includes('in order to'));
    expect(wordy.range.start).toEqual({ line, character: text.split('\n')[line].indexOf('in order to') });
    expect(wordy.range.end.character - wordy.range.start.character).toBe('in order to'.length);
    // A repository rule, computed against the saved repository plus this unsaved buffer.
    expect(list.find((d) => d.code === 'reference-resolves')!.message).toContain('no-such-policy');
  });

  it('follows unsaved changes', async () => {
    const since = publishedCount(uri());
    const text = PROCEDURE('new-procedure', '1. Count the till.\n2. Sign the sheet.', 'implements: [no-such-policy]\n');
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 2 }, contentChanges: [{ text }] });
    const list = await nextDiagnostics(uri(), (l) => !codes(l).includes('wordy-phrase'), since);
    expect(codes(list)).toContain('reference-resolves');
  });

  it('offers the rule\'s fix and a disable comment as quick fixes', async () => {
    const since = publishedCount(uri());
    const text = PROCEDURE('new-procedure', '1. Count the till in order to check it.\n2. Sign the sheet.');
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 3 }, contentChanges: [{ text }] });
    const list = await nextDiagnostics(uri(), (l) => codes(l).includes('wordy-phrase'), since);
    const wordy = list.find((d) => d.code === 'wordy-phrase')!;
    const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri() }, range: wordy.range, context: { diagnostics: [wordy] } })) as CodeAction[];
    const fix = actions.find((action) => action.isPreferred)!;
    const edit = fix.edit!.changes![uri()][0];
    expect(edit.newText).toBe('to');
    expect(edit.range).toEqual(wordy.range);
    const disable = actions.find((action) => action.title === 'Disable wordy-phrase for this line')!;
    expect(disable.edit!.changes![uri()][0].newText).toBe(' <!-- sop-disable-line wordy-phrase -->');
  });

  it('shows a rule\'s docs on hover over its id in a disable comment', async () => {
    const text = `${PROCEDURE('new-procedure', '1. Count the till in order to check it. <!-- sop-disable-line wordy-phrase -->')}`;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 4 }, contentChanges: [{ text }] });
    const line = text.split('\n').findIndex((l) => l.includes('sop-disable-line'));
    const character = text.split('\n')[line].indexOf('wordy-phrase') + 3;
    const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line, character } })) as Hover;
    expect(JSON.stringify(hover.contents)).toContain('# wordy-phrase');
    const outside = await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line, character: 3 } });
    expect(outside).toBeNull();
  });

  it('picks up a config change without a restart', async () => {
    const since = publishedCount(uri());
    const text = PROCEDURE('new-procedure', '1. Count the till in order to check it.');
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 5 }, contentChanges: [{ text }] });
    await nextDiagnostics(uri(), (l) => codes(l).includes('wordy-phrase'), since);
    writeFileSync(join(root, 'sop.config.yaml'), 'lang: en\nrules:\n  wordy-phrase: off\n');
    const after = publishedCount(uri());
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('sop.config.yaml'), type: 2 }] });
    const list = await nextDiagnostics(uri(), (l) => !codes(l).includes('wordy-phrase'), after);
    expect(codes(list)).not.toContain('wordy-phrase');
  });
});

describe('quick fixes for a finding in the frontmatter', () => {
  it('disable the rule for the file after the frontmatter, never inside the YAML', async () => {
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const { codeActionsFor } = await import('../src/lsp/diagnostics.js');
    const text = '---\nid: a\nimplements: [nope]\n---\n\n## Purpose\n';
    const document = TextDocument.create('file:///repo/a.md', 'markdown', 7, text);
    const diagnostic: Diagnostic = { range: { start: { line: 2, character: 13 }, end: { line: 2, character: 17 } }, message: 'no such id', source: 'sop', code: 'reference-resolves', data: { ruleId: 'reference-resolves', version: 7 } };
    const [disable] = codeActionsFor(document, [diagnostic]);
    expect(disable.title).toBe('Disable reference-resolves for this file');
    expect(disable.edit!.changes!['file:///repo/a.md'][0]).toEqual({ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '<!-- sop-disable-file reference-resolves -->\n' });
    // A fix computed on an older version of the text is not offered.
    const stale = codeActionsFor(document, [{ ...diagnostic, data: { ruleId: 'reference-resolves', version: 6, fix: { start: 0, end: 1, text: 'x' } } }]);
    expect(stale.some((action) => action.isPreferred)).toBe(false);
  });
});
