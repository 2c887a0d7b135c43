import { defineFileRule } from '../../src/rules/define.js';

/**
 * The engine reports these while reading and parsing (see src/document/parse.ts); the module exists so
 * the rule has metadata, docs and a severity that config can change like any other.
 */
export default defineFileRule({
  id: 'parse-error',
  description: 'The file can be read and parsed: UTF-8 text, not binary, with a closed, valid YAML frontmatter block.',
  principle: 'predictable-structure',
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: {},
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: {},
  check() {
    // Reported by the engine.
  },
});
