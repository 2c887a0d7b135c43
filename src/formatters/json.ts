import type { Formatter } from './types.js';

/** ESLint's JSON formatter shape: an array of `{filePath, messages, errorCount, warningCount, …}`. */
export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(m.fix ? { fix: m.fix } : {}),
        ...(m.related ? { related: m.related } : {}),
        ...(m.fatal ? { fatal: true } : {}),
      })),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fixableErrorCount: result.fixableErrorCount,
      fixableWarningCount: result.fixableWarningCount,
      ...(result.output !== undefined ? { output: result.output } : {}),
    })),
  ) + '\n';
