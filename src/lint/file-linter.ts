import { formatMessage, ruleAppliesToLang } from '../rules/define.js';
import type { FileSettings } from '../config/rule-settings.js';
import type { ParseProblem } from '../document/parse.js';
import type { CorpusRule, FileRule, Finding, ReportDescriptor, ResolvedConfig, Rule, RuleContext, SeverityLevel, SopDocument } from '../types.js';
import { buildSuppressions, collectDirectives, type Directive, type Suppressions } from './directives.js';
import { resolveLocation } from './locate.js';

export const PARSE_ERROR_RULE = 'parse-error';

export interface RuleCrash {
  ruleId: string;
  filePath: string;
  error: string;
}

export interface DocumentLint {
  findings: Finding[];
  crashes: RuleCrash[];
  /** Corpus rule id → this document's summary. */
  summaries: Map<string, unknown>;
  /** The document's inline directives (plain data, so they cross worker threads) and their matcher. */
  directives: Directive[];
  suppressions: Suppressions;
  /** Which run inputs besides the text, settings and config a rule read (`--as-of`, `--since`): a cached result depends on them only then. */
  reads: RunInputReads;
}

export interface RunInputReads {
  asOf: boolean;
  since: boolean;
}

/**
 * The clock of the timings, in ms: `SOP_TIMING=cpu` reads the process's CPU time, which other jobs on a
 * busy machine do not inflate as they inflate wall time; any other value reads the wall clock.
 */
const timingClock: () => number =
  process.env.SOP_TIMING === 'cpu'
    ? () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      }
    : () => performance.now();

export function severityLevel(severity: 'off' | 'warn' | 'error'): SeverityLevel | 0 {
  return severity === 'error' ? 2 : severity === 'warn' ? 1 : 0;
}

/**
 * A rule's report as a finding, for file and repository rules alike: the message from the rule's
 * template, the place, a fix only from a rule that declares itself fixable, related places.
 */
export function findingOf(
  rule: Pick<Rule, 'id' | 'messages' | 'fixable'>,
  level: SeverityLevel,
  descriptor: Pick<ReportDescriptor<string>, 'messageId' | 'data' | 'fix' | 'related'>,
  at: { line: number; column: number; endLine: number; endColumn: number },
): Finding {
  const template = rule.messages[descriptor.messageId] ?? descriptor.messageId;
  return {
    ruleId: rule.id,
    severity: level,
    message: formatMessage(template, descriptor.data),
    ...at,
    ...(descriptor.fix && rule.fixable ? { fix: descriptor.fix } : {}),
    ...(descriptor.related ? { related: descriptor.related } : {}),
  };
}

export function parseProblemFindings(problems: readonly ParseProblem[], settings: FileSettings): Finding[] {
  const level = severityLevel(settings.rules[PARSE_ERROR_RULE]?.severity ?? 'error');
  if (level === 0) return [];
  return problems.map((problem) => ({
    ruleId: PARSE_ERROR_RULE,
    severity: problem.warning ? 1 : level,
    message: problem.message,
    line: problem.line,
    column: problem.column,
    endLine: problem.endLine,
    endColumn: problem.endColumn,
    ...(problem.fatal ? { fatal: true } : {}),
  }));
}

/**
 * Runs every enabled file rule on one parsed document and collects corpus summaries while the tree
 * is alive. A rule that throws becomes a fatal finding under its own id and is recorded as a crash.
 */
export function lintDocument(
  doc: SopDocument,
  rules: readonly Rule[],
  settings: FileSettings,
  config: ResolvedConfig,
  asOf: string,
  since: string | undefined,
  /** Corpus rules whose summaries the run will use; others are not summarised (standard input wants none). */
  corpusRuleIds: readonly string[],
  /** When given, the time spent per rule (ms) is added to it (`SOP_TIMING`, as ESLint's TIMING). */
  timings?: Map<string, number>,
): DocumentLint {
  const findings: Finding[] = [];
  const crashes: RuleCrash[] = [];
  const summaries = new Map<string, unknown>();
  const directives = collectDirectives(doc);
  const suppressions = buildSuppressions(directives);
  const reads: RunInputReads = { asOf: false, since: false };

  for (const rule of rules) {
    if (rule.id === PARSE_ERROR_RULE) continue;
    const setting = settings.rules[rule.id];
    const level = severityLevel(setting?.severity ?? 'off');
    const applies = ruleAppliesToLang(rule.languages, doc.lang);
    if (rule.scope === 'file' && (level === 0 || !applies)) continue;
    if (rule.scope === 'corpus' && !corpusRuleIds.includes(rule.id)) continue;
    const context: RuleContext<Record<string, unknown>> = {
      ruleId: rule.id,
      options: setting?.options ?? {},
      config,
      // Getters, so the cache knows whether this file's result depends on the date or the ref.
      get asOf() {
        reads.asOf = true;
        return asOf;
      },
      get since() {
        reads.since = true;
        return since;
      },
      report(descriptor) {
        if (level === 0) return;
        const span = resolveLocation(doc, descriptor.at);
        if (suppressions.isSuppressed(rule.id, span.start.line)) return;
        findings.push(findingOf(rule, level, descriptor, { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column }));
      },
    };
    const started = timings ? timingClock() : 0;
    try {
      if (rule.scope === 'file') (rule as FileRule).check(doc, context);
      // Summaries are taken even where the rule is off for this file: other files' checks may need them.
      else summaries.set(rule.id, (rule as CorpusRule).summarize(doc, context));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      crashes.push({ ruleId: rule.id, filePath: doc.filePath, error: (error as Error)?.stack ?? message });
      findings.push({
        ruleId: rule.id,
        severity: 2,
        message: `Rule "${rule.id}" crashed on this file: ${message}. This is a bug in sop; please report it.`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        fatal: true,
      });
    }
    if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + timingClock() - started);
  }
  return { findings, crashes, summaries, directives, suppressions, reads };
}
