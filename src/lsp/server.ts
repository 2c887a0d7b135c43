import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadRules } from '../rules/registry.js';
import { packageVersion } from '../paths.js';
import type { Finding } from '../types.js';
import { codeActionsFor, toDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { Debounced, RepositoryLinter } from './linting.js';

/** Quiet time after a keystroke before the buffer is linted, and before the repository rules run again. */
const BUFFER_DELAY_MS = 150;
const REPOSITORY_DELAY_MS = 600;

const isMarkdown = (uri: string) => uri.startsWith('file:') && /\.(md|markdown)$/i.test(uri);

/**
 * The language server behind `sop lsp --stdio`: diagnostics for the Markdown files of a policy
 * repository on open and on change, quick fixes, disable-comment actions and rule docs on hover.
 */
export function startLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let root = process.cwd();
  let linter = new RepositoryLinter(root);
  let ruleDocsUrl: string | undefined;
  /** File-rule findings per open document, with the version they were computed on. */
  const bufferFindings = new Map<string, { version: number; findings: Finding[] }>();
  /** Repository-rule findings per absolute path, from the latest repository run. */
  let repositoryFindings = new Map<string, Finding[]>();
  const published = new Set<string>();
  const bufferPasses = new Map<string, Debounced>();

  const pathOf = (uri: string) => fileURLToPath(uri);
  const fileUri = (relativePath: string) => pathToFileURL(resolve(root, relativePath)).href;

  function publish(uri: string): void {
    const path = pathOf(uri);
    const document = documents.get(uri);
    const buffer = bufferFindings.get(uri);
    const findings = [...(buffer && document && buffer.version === document.version ? buffer.findings : []), ...(repositoryFindings.get(path) ?? [])];
    const target = document ?? TextDocument.create(uri, 'markdown', 0, '');
    const diagnostics = findings.map((finding) => toDiagnostic(finding, target, ruleDocsUrl, fileUri));
    if (diagnostics.length === 0 && !published.has(uri)) return;
    if (diagnostics.length > 0) published.add(uri);
    else published.delete(uri);
    void connection.sendDiagnostics({ uri, version: document?.version, diagnostics });
  }

  const repositoryPass = new Debounced(REPOSITORY_DELAY_MS, async () => {
    const overlay = new Map(documents.all().filter((document) => isMarkdown(document.uri)).map((document) => [pathOf(document.uri), document.getText()]));
    try {
      const outcome = await linter.lintRepository(overlay);
      ruleDocsUrl = outcome.ruleDocsUrl;
      const before = repositoryFindings;
      repositoryFindings = outcome.findings;
      const touched = new Set([...before.keys(), ...outcome.findings.keys()].map((path) => pathToFileURL(path).href));
      for (const document of documents.all()) touched.add(document.uri);
      for (const uri of [...touched].sort()) publish(uri);
    } catch (error) {
      connection.console.error(`sop: the repository rules could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  function bufferPass(uri: string): Debounced {
    let pass = bufferPasses.get(uri);
    if (!pass) {
      pass = new Debounced(BUFFER_DELAY_MS, async () => {
        const document = documents.get(uri);
        if (!document) return;
        const version = document.version;
        try {
          const outcome = await linter.lintBuffer(pathOf(uri), document.getText());
          ruleDocsUrl = outcome.ruleDocsUrl;
          bufferFindings.set(uri, { version, findings: outcome.findings.get(pathOf(uri)) ?? [] });
          publish(uri);
        } catch (error) {
          // A broken config is the usual cause; say it where the user looks, and keep serving.
          connection.window.showErrorMessage(`sop: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
      bufferPasses.set(uri, pass);
    }
    return pass;
  }

  let canWatchFiles = false;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    else if (params.rootPath) root = params.rootPath;
    linter = new RepositoryLinter(root);
    canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'sop', version: packageVersion },
    };
  });

  connection.onInitialized(() => {
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/sop.config.{yaml,yml,json}' }, { globPattern: '**/.sopignore' }, { globPattern: '**/*.md' }],
      });
    }
    repositoryPass.schedule(0);
  });

  documents.onDidOpen((event) => {
    if (!isMarkdown(event.document.uri)) return;
    bufferPass(event.document.uri).schedule(0);
    repositoryPass.schedule();
  });
  documents.onDidChangeContent((event) => {
    if (!isMarkdown(event.document.uri)) return;
    bufferPass(event.document.uri).schedule();
    repositoryPass.schedule();
  });
  documents.onDidSave(() => repositoryPass.schedule(0));
  documents.onDidClose((event) => {
    bufferFindings.delete(event.document.uri);
    bufferPasses.delete(event.document.uri);
    publish(event.document.uri);
    repositoryPass.schedule();
  });

  // A changed config, ignore file or document on disk: lint the open buffers and the repository again.
  connection.onDidChangeWatchedFiles(() => {
    for (const document of documents.all()) if (isMarkdown(document.uri)) bufferPass(document.uri).schedule(0);
    repositoryPass.schedule(0);
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? codeActionsFor(document, params.context.diagnostics) : [];
  });

  let rules: Awaited<ReturnType<typeof loadRules>> | undefined;
  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    rules ??= await loadRules();
    return hoverAt(document, params.position, rules, ruleDocsUrl);
  });

  connection.onShutdown(async () => {
    await Promise.all([repositoryPass.settle(), ...[...bufferPasses.values()].map((pass) => pass.settle())]);
  });

  documents.listen(connection);
  connection.listen();
}
