import { resolve } from 'node:path';
import { lint } from '../lint/engine.js';
import { loadRules } from '../rules/registry.js';
import type { Finding, ResolvedConfig, Rule } from '../types.js';

/** Findings per absolute path, and the config's docs link template, from one run. */
export interface LintOutcome {
  findings: Map<string, Finding[]>;
  ruleDocsUrl?: string;
}

/**
 * The two passes behind the editor's diagnostics. The file rules run on an open buffer alone, so they
 * follow every keystroke cheaply; the repository rules (ids, links, variants, duplicates) need every
 * document, so they run on the saved repository with the open buffers laid over it, less often. The
 * config is read again on every run, so an edit to sop.config.yaml applies without a restart.
 */
export class RepositoryLinter {
  private rules: Rule[] | undefined;

  constructor(private readonly root: string) {}

  async corpusRuleIds(): Promise<Set<string>> {
    this.rules ??= await loadRules();
    return new Set(this.rules.filter((rule) => rule.scope === 'corpus').map((rule) => rule.id));
  }

  /** File rules on one buffer (as `sop lint --stdin --stdin-filename <path>` runs them). */
  async lintBuffer(path: string, text: string): Promise<LintOutcome> {
    const report = await lint({ cwd: this.root, stdin: { text, filename: path }, jobs: 1 });
    const messages = report.results[0]?.messages ?? [];
    return { findings: new Map([[path, messages]]), ruleDocsUrl: docsUrlOf(report.config) };
  }

  /** Repository rules on the whole repository, with unsaved buffers in place of their files. */
  async lintRepository(overlay: ReadonlyMap<string, string>): Promise<LintOutcome> {
    const corpus = await this.corpusRuleIds();
    const report = await lint({ cwd: this.root, paths: [this.root], overlay, onlyRules: [...corpus], jobs: 1 });
    const findings = new Map<string, Finding[]>();
    for (const result of report.results) {
      findings.set(
        resolve(this.root, result.filePath),
        result.messages.filter((message) => corpus.has(message.ruleId)),
      );
    }
    return { findings, ruleDocsUrl: docsUrlOf(report.config) };
  }
}

function docsUrlOf(config: ResolvedConfig): string | undefined {
  return (config.docs as { ruleUrl?: string } | undefined)?.ruleUrl;
}

/**
 * Runs a task after a quiet period, one at a time: a call while the task runs asks for one more run
 * afterwards instead of a second concurrent one, so the latest text is always the last one linted.
 */
export class Debounced {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly delayMs: number,
    private readonly task: () => Promise<void>,
  ) {}

  schedule(delayMs = this.delayMs): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delayMs);
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.task().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    });
    await this.running;
  }

  /** Waits for a pending or running task; used on shutdown. */
  async settle(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.running) await this.running;
  }
}
