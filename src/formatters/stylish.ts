import { Chalk } from 'chalk';
import type { Formatter } from './types.js';
import { visibleText } from './visible-text.js';

/** Groups findings by file, aligned in columns, with a summary line (ESLint's stylish, for people). */
export const stylish: Formatter = (results, context) => {
  const chalk = new Chalk({ level: context.colorLevel });
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    lines.push(chalk.underline(visibleText(result.filePath)));
    const rows = result.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? 'error' : 'warning',
      visibleText(m.message),
      m.ruleId,
    ]);
    const widths = [0, 1].map((i) => rows.reduce((widest, row) => Math.max(widest, row[i].length), 0));
    for (const [position, severity, message, ruleId] of rows) {
      const colour = severity === 'error' ? chalk.red : chalk.yellow;
      lines.push(`  ${chalk.dim(position.padEnd(widths[0]))}  ${colour(severity.padEnd(widths[1]))}  ${message}  ${chalk.dim(ruleId)}`);
    }
    lines.push('');
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  lines.push((errors > 0 ? chalk.red.bold : chalk.yellow.bold)(summary));
  if (fixableErrors + fixableWarnings > 0) {
    lines.push(
      (errors > 0 ? chalk.red.bold : chalk.yellow.bold)(
        `  ${fixableErrors} error${fixableErrors === 1 ? '' : 's'} and ${fixableWarnings} warning${fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`,
      ),
    );
  }
  return `\n${lines.join('\n')}\n`;
};
