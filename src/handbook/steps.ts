import { parseMarkdownForRender } from './render-parse.js';
import { parseDocumentText } from '../document/parse.js';
import { procedureSteps } from '../document/section-names.js';
import type { ResolvedConfig } from '../types.js';
import type { DocumentRecord } from '../repository/record.js';

/** The steps of a procedure as the handbook numbers them (parsed as the transform parses). */
export function stepTexts(record: DocumentRecord, config: ResolvedConfig): string[] {
  const outcome = parseDocumentText({ absolutePath: record.filePath, filePath: record.filePath, text: record.text, defaultLang: record.lang, maxFileSize: Infinity, parse: parseMarkdownForRender });
  return outcome.document ? procedureSteps(outcome.document, config).map((step) => step.text) : [];
}
