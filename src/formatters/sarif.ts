import { readRuleDocs, ruleHelpUri } from '../rules/registry.js';
import { principleText } from '../rules/standards.js';
import type { Finding, Rule } from '../types.js';
import type { Formatter } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function level(severity: Rule['defaultSeverity']): 'error' | 'warning' | 'none' {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'none';
}

function region(m: Pick<Finding, 'line' | 'column'> & Partial<Pick<Finding, 'endLine' | 'endColumn'>>) {
  const endLine = m.endLine ?? m.line;
  const endColumn = m.endColumn ?? m.column;
  // SARIF regions may not end before they start; a zero-width finding becomes one character wide.
  const wide = endLine > m.line || endColumn > m.column;
  return { startLine: m.line, startColumn: m.column, endLine: wide ? endLine : m.line, endColumn: wide ? endColumn : m.column + 1 };
}

/**
 * A relative URI reference for a `/`-separated path: each segment percent-encoded, so `#`, `?` and
 * `%` stay part of the name and a `:` (`c:`, `colon:file.md`) cannot be read as a scheme.
 */
export function artifactUri(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

function artifact(uri: string) {
  return { uri: artifactUri(uri), uriBaseId: '%SRCROOT%' };
}

/**
 * SARIF 2.1.0 for code scanning: every rule with its description, documentation and default level;
 * results with regions in UTF-16 columns (JavaScript string indices), related locations and fixes.
 * Paths are relative to the working folder (`%SRCROOT%`), so the log is the same on every machine.
 */
export const sarif: Formatter = (results, context) => {
  const rules = [...context.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sop',
            semanticVersion: context.version,
            rules: rules.map((rule) => {
              const docs = readRuleDocs(rule.id);
              const helpUri = ruleHelpUri(rule.id, context.ruleDocsUrl);
              return {
                id: rule.id,
                name: rule.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
                shortDescription: { text: rule.description },
                fullDescription: { text: `${rule.description} ${principleText(rule.principle)}` },
                ...(helpUri ? { helpUri } : {}),
                help: { text: rule.description, ...(docs ? { markdown: docs } : {}) },
                defaultConfiguration: { level: level(rule.defaultSeverity), enabled: rule.defaultSeverity !== 'off' },
                properties: { tags: ['sop', rule.scope === 'corpus' ? 'corpus' : 'document'], fixable: Boolean(rule.fixable) },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) =>
          result.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: m.severity === 2 ? 'error' : 'warning',
            message: { text: m.message },
            locations: [{ physicalLocation: { artifactLocation: artifact(result.filePath), region: region(m) } }],
            ...(m.related?.length
              ? {
                  relatedLocations: m.related.map((related, i) => ({
                    id: i + 1,
                    message: { text: related.message },
                    physicalLocation: { artifactLocation: artifact(related.filePath), region: region(related) },
                  })),
                }
              : {}),
            ...(m.fix
              ? {
                  fixes: [
                    {
                      description: { text: `Replace with "${m.fix.text}"` },
                      artifactChanges: [
                        {
                          artifactLocation: artifact(result.filePath),
                          replacements: [
                            {
                              deletedRegion: { charOffset: m.fix.range[0], charLength: m.fix.range[1] - m.fix.range[0] },
                              insertedContent: { text: m.fix.text },
                            },
                          ],
                        },
                      ],
                    },
                  ],
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
