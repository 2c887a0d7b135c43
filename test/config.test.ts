import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { findConfig, loadConfig } from '../src/config/load.js';
import { settingsForFile } from '../src/config/rule-settings.js';
import { loadRules } from '../src/rules/registry.js';
import { makeRepo } from './helpers/repo.js';

const rules = await loadRules();

function configError(yaml: string, name = 'sop.config.yaml'): UsageError {
  const root = makeRepo({ [name]: yaml });
  try {
    loadConfig({ cwd: root, rules });
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a config error');
}

describe('config loading', () => {
  it('uses defaults when there is no config', () => {
    const root = makeRepo({});
    const config = loadConfig({ cwd: root, rules, search: false });
    expect(config.lang).toBe('en');
    expect(config.rules['frontmatter-schema'].severity).toBe('error');
  });

  it('is found upward from the working folder', () => {
    const root = makeRepo({ 'sop.config.yaml': 'lang: fr\n', 'a/b/doc.md': '' });
    expect(findConfig(`${root}/a/b`)).toBe(`${root}/sop.config.yaml`);
    expect(loadConfig({ cwd: `${root}/a/b`, rules }).lang).toBe('fr');
  });

  it('reads JSON configs too', () => {
    const root = makeRepo({ 'sop.config.json': '{"rules": {"procedure-steps": "warn"}}' });
    expect(loadConfig({ cwd: root, rules }).rules['procedure-steps'].severity).toBe('warn');
  });

  it('names the line of invalid YAML', () => {
    const error = configError('rules:\n  procedure-steps: warn\n bad: [\n');
    expect(error.format()).toMatch(/^sop\.config\.yaml:3:\d+: Invalid YAML/);
  });

  it('suggests the closest rule id for an unknown one, at its line', () => {
    const error = configError('lang: en\nrules:\n  required-section: error\n');
    expect(error.format()).toBe(
      'sop.config.yaml:3:3: Unknown rule "required-section". Did you mean "required-sections"? Run `sop rules` to list them.',
    );
  });

  it('rejects a bad severity at its line', () => {
    const error = configError('rules:\n  procedure-steps: loud\n');
    expect(error.format()).toMatch(/^sop\.config\.yaml:2:\d+: Invalid config/);
  });

  it('rejects unknown top-level keys', () => {
    const error = configError('langs: en\n');
    expect(error.format()).toBe('sop.config.yaml:1:1: Invalid config: unknown field `langs`.');
  });

  it("checks options against the rule's own schema", () => {
    const error = configError('rules:\n  required-sections: [error, {typez: {}}]\n');
    expect(error.format()).toBe('sop.config.yaml:2:3: Invalid options for rule "required-sections": unknown field `typez`.');
  });

  it('reports a missing --config file', () => {
    const root = makeRepo({});
    expect(() => loadConfig({ cwd: root, configPath: 'nope.yaml', rules })).toThrow('Config file not found: nope.yaml');
  });

  it('applies overrides in order, by glob, with lang', () => {
    const root = makeRepo({
      'sop.config.yaml': [
        'rules:',
        '  procedure-steps: warn',
        'overrides:',
        '  - files: ["branches/**"]',
        '    rules:',
        '      procedure-steps: off',
        '  - files: "fr/*.md"',
        '    lang: fr',
        '    rules:',
        '      required-sections: [warn, {aliases: {Procedure: [Étapes]}}]',
      ].join('\n'),
    });
    const config = loadConfig({ cwd: root, rules });
    expect(settingsForFile(config, 'policies/a.md').rules['procedure-steps'].severity).toBe('warn');
    expect(settingsForFile(config, 'branches/pune/a.md').rules['procedure-steps'].severity).toBe('off');
    const french = settingsForFile(config, 'fr/a.md');
    expect(french.lang).toBe('fr');
    expect(french.rules['required-sections']).toEqual({ severity: 'warn', options: { aliases: { Procedure: ['Étapes'] } } });
  });
});
