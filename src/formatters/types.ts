import type { FileResult, Rule } from '../types.js';

export interface FormatContext {
  /** Chalk colour level: 0 for none. Only the stylish format colours. */
  colorLevel: 0 | 1 | 2 | 3;
  rules: readonly Rule[];
  /** Version of sop, for SARIF's tool driver. */
  version: string;
  /** The config's `docs.ruleUrl` template (`…/{rule}`) for links to rule documentation. */
  ruleDocsUrl?: string;
}

/** A formatter is a pure function from results to the text to print. */
export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
