import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { closest } from '../config/suggest.js';
import { explainText } from '../rules/language-docs.js';
import { loadRules, readRuleDocs } from '../rules/registry.js';
import { principleRecords, principleText } from '../rules/standards.js';
import type { Rule } from '../types.js';
import { action, writeStdout , type RunOutcome } from './action.js';

export function register(program: Command, outcome: RunOutcome): void {
  program
    .command('rules')
    .description('List every rule with its default severity and description.')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json']).default('table'))
    .action(action(outcome, async (flags: { format: string }) => {
      const rules = await loadRules();
      await writeStdout(flags.format === 'json' ? `${JSON.stringify(rules.map(describeRule), null, 2)}\n` : ruleTable(rules));
      return 0;
    }));

  program
    .command('explain')
    .description("Print a rule's documentation: what it flags, why, its options and examples, in each language it supports.")
    .argument('<rule-id>', 'the rule to explain')
    .action(action(outcome, async (id: string) => {
      const rules = await loadRules();
      const rule = rules.find((candidate) => candidate.id === id);
      if (!rule) {
        const suggestion = closest(id, rules.map((r) => r.id));
        throw new UsageError(`Unknown rule "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Run \`sop rules\` to list them.`);
      }
      await writeStdout(explainText(rule, readRuleDocs(rule.id)));
      return 0;
    }));
}

function describeRule(rule: Rule) {
  return {
    id: rule.id,
    scope: rule.scope,
    defaultSeverity: rule.defaultSeverity,
    fixable: Boolean(rule.fixable),
    languages: rule.languages,
    description: rule.description,
    principle: principleText(rule.principle),
    standards: principleRecords(rule.principle),
    defaultOptions: rule.defaultOptions,
  };
}

function ruleTable(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => [
    rule.id,
    rule.defaultSeverity,
    rule.fixable ? 'fix' : '',
    rule.languages === 'all' ? 'all' : rule.languages.join(','),
    rule.description,
  ]);
  const header = ['rule', 'default', 'fix', 'languages', 'description'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.slice(0).map((row) => (i < 4 ? row[i].length : 0))));
  const line = (row: string[]) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
