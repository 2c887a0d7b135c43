/**
 * The public API of `sopkit`: what a program that embeds `sop` may import (`import { lint } from 'sopkit'`).
 * Everything else under src/ is internal and may change between versions.
 */
export { lint, type LintOptions, type LintReport } from './lint/engine.js';
export { build, type BuildOptions, type BuildResult } from './handbook/index.js';
export { defineCorpusRule, defineFileRule } from './rules/define.js';
export { STANDARDS, type Principle, type StandardId } from './rules/standards.js';
export { formatters, formatNames, type FormatContext, type FormatName, type Formatter } from './formatters/index.js';
export type {
  CorpusContext,
  CorpusRule,
  FileResult,
  FileRule,
  Finding,
  Fix,
  ResolvedConfig,
  Rule,
  RuleContext,
  Severity,
  SopDocument,
} from './types.js';
