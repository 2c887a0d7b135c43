import type { Formatter } from './types.js';
import { visibleText } from './visible-text.js';

/** Workflow-command escaping: data escapes %, CR, LF; properties also escape `:` and `,`. */
function escapeData(value: string): string {
  // The log viewer renders ANSI: ESC and other controls become visible text (CR and LF stay escapes).
  return visibleText(value, { keepLineBreaks: true })
    .replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      const command = m.severity === 2 ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(result.filePath)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`sop(${m.ruleId})`)}`,
      ].join(',');
      lines.push(`::${command} ${properties}::${escapeData(m.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
