import type { FileResult } from '../types.js';

/** Recounts a result's error, warning and fixable totals after its findings were filtered. */
export function recount(result: FileResult): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const finding of result.messages) {
    if (finding.severity === 2) {
      errorCount++;
      if (finding.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (finding.fix) fixableWarningCount++;
    }
  }
  return { ...result, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
}
