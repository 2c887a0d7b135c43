import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, MISSING_CHROMIUM } from '../src/handbook/chromium.js';
import { terminalProgress } from '../src/handbook/progress.js';
import { ALL_DEFAULT_LABELS } from '../src/handbook/render/labels.js';
import { buildSettings } from '../src/handbook/settings.js';
import type { UsageError } from '../src/errors.js';
import { loadConfig } from '../src/config/load.js';
import { packageRoot } from '../src/paths.js';
import { loadRules } from '../src/rules/registry.js';
import { makeRepo } from './helpers/repo.js';

const rules = await loadRules();
const configOf = (yaml: string) => loadConfig({ cwd: makeRepo({ 'sop.config.yaml': yaml }), rules });

describe('build settings', () => {
  it('come from the config over the defaults', () => {
    const settings = buildSettings(
      configOf(
        'lang: fr\nglossary:\n  zone: [area]\n  Client:\n    definition: Une personne.\n    avoid: [patron]\n' +
          'build:\n  organisation: Acme\n  title: Manuel\n  order: [b, a]\n  pages: [glossary, review]\n  labels:\n    contents: Sommaire\n  dueSoonDays: 0\n  out: dist/handbook\n',
      ),
    );
    expect(settings).toMatchObject({ organisation: 'Acme', title: 'Manuel', order: ['b', 'a'], pages: ['glossary', 'review'], lang: 'fr', dueSoonDays: 0, branches: [] });
    expect(settings.labels.contents).toBe('Sommaire');
    expect(settings.labels.glossary).toBe('Glossary');
    expect(settings.out).toMatch(/dist\/handbook$/);
    expect(settings.glossary).toEqual([
      { term: 'Client', definition: 'Une personne.', avoid: ['patron'] },
      { term: 'zone', definition: undefined, avoid: ['area'] },
    ]);
    expect(buildSettings(configOf('rules: {}\n'))).toMatchObject({ organisation: '', title: 'Employee handbook', pages: ['changes', 'review', 'index', 'glossary', 'acknowledgements'], lang: 'en', dueSoonDays: 30 });
  });

  it('are checked by the config schema, with the line of the mistake', () => {
    const failure = (yaml: string) => {
      try {
        configOf(yaml);
        return 'no error';
      } catch (error) {
        return (error as UsageError).format();
      }
    };
    expect(failure('build:\n  organisation: Acme\n  colour: blue\n')).toBe('sop.config.yaml:1:1: Invalid config: unknown field `build.colour`.');
    expect(failure('build:\n  pages: [glossary, appendix]\n')).toMatch(/^sop\.config\.yaml:2:\d+: Invalid config: .*pages/);
    expect(failure('build:\n  labels:\n    contentz: Sommaire\n')).toMatch(/^sop\.config\.yaml:\d+:\d+: Invalid config/);
    expect(failure('build:\n  formats: [site, docx]\n')).toMatch(/^sop\.config\.yaml:2:\d+: Invalid config/);
  });

  it('the schema names every label the handbook has', () => {
    const schema = JSON.parse(readFileSync(join(packageRoot, 'schemas', 'config.schema.json'), 'utf8'));
    expect([...schema.properties.build.properties.labels.propertyNames.enum].sort()).toEqual(Object.keys(ALL_DEFAULT_LABELS).sort());
  });
});

describe('finding Chromium', () => {
  it('takes --chromium, else the Debian path, else PATH; says what to install when there is none', () => {
    const root = makeRepo({});
    mkdirSync(join(root, 'bin'));
    const fake = join(root, 'bin', 'chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const none = join(root, 'none');
    expect(findChromium('bin/chromium', root, {}, none)).toBe(fake);
    expect(findChromium(undefined, root, { PATH: join(root, 'bin') }, none)).toBe(fake);
    expect(findChromium(undefined, root, { PATH: '' }, fake)).toBe(fake);
    expect(findChromium(undefined, root, { PATH: root }, none)).toBeUndefined();
    expect(() => findChromium('bin/missing', root, {}, none)).toThrow(/--chromium bin\/missing: no executable file there/);
    expect(MISSING_CHROMIUM).toContain('Install the Debian package `chromium`');
    expect(MISSING_CHROMIUM).toContain('--chromium <path>');
  });
});

describe('progress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, columns: 50, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
  };

  it('rewrites one line on a terminal and clears it at the end', () => {
    const { written, stream: tty } = stream(true);
    const progress = terminalProgress(tty);
    progress.stage('transforming documents');
    progress.count(1, 4);
    progress.count(1, 4);
    progress.count(4, 4);
    progress.stage('printing the PDF of a handbook with a very long name');
    progress.done();
    expect(written).toEqual([
      '\r\x1b[2Ksop build: transforming documents',
      '\r\x1b[2Ksop build: transforming documents 1/4 (25%)',
      '\r\x1b[2Ksop build: transforming documents 4/4 (100%)',
      '\r\x1b[2Ksop build: printing the PDF of a handbook with a…',
      '\r\x1b[2K',
    ]);
  });

  it('writes nothing when the output is not a terminal', () => {
    const { written, stream: pipe } = stream(false);
    const progress = terminalProgress(pipe);
    progress.stage('linting');
    progress.count(1, 2);
    progress.done();
    expect(written).toEqual([]);
  });
});
