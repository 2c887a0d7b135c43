import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../src/paths.js';
import { sop } from './helpers/cli.js';

const example = join(packageRoot, 'examples', 'customer-service');
const hasJq = spawnSync('jq', ['--version']).status === 0;

describe('action.yml', () => {
  const action = parse(readFileSync(join(packageRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: Array<{ run?: string; uses?: string; if?: string }> };
  };

  it('is a composite action with the inputs the issue names', () => {
    expect(action.runs.using).toBe('composite');
    for (const input of ['paths', 'format', 'config', 'since', 'baseline', 'upload-sarif']) expect(action.inputs, input).toHaveProperty(input);
    expect(action.inputs.since.default).toBe('${{ github.event.pull_request.base.sha }}');
    expect(action.inputs.format.default).toBe('github');
  });

  it('uploads SARIF only when asked, and runs the lint from its own checkout', () => {
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.if).toContain("inputs.upload-sarif == 'true'");
    const lint = action.runs.steps.find((step) => step.run?.includes('bin/sop.js" lint'));
    expect(lint?.run).toContain('--format sarif --output-file');
    expect(lint?.run).toContain('--format "$SOP_FORMAT"');
  });

  it("the lint step's script runs sop as the action would (annotations, baseline)", () => {
    const lint = action.runs.steps.find((step) => step.run?.includes('bin/sop.js" lint'))!;
    const outputs = join(mkdtempSync(join(tmpdir(), 'sop-action-')), 'out');
    writeFileSync(outputs, '');
    const env = { ...process.env, GITHUB_ACTION_PATH: packageRoot, GITHUB_OUTPUT: outputs, RUNNER_TEMP: tmpdir(), SOP_PATHS: '.', SOP_FORMAT: 'github', SOP_CONFIG: '', SOP_SINCE: '', SOP_BASELINE: '', SOP_UPLOAD_SARIF: 'false', SOP_ARGS: '--as-of 2026-06-01' };
    const run = spawnSync('bash', ['-e', '-c', lint.run!], { cwd: example, env, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^::warning file=policies\/refunds\.md,line=52/m);
    expect(readFileSync(outputs, 'utf8')).toBe('exit-code=1\n');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares the sop-lint hook for Markdown files, run once over the staged files', () => {
    const hooks = parse(readFileSync(join(packageRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'sop-lint', entry: 'sop lint', language: 'node', types: ['markdown'], require_serial: true });
    expect(hooks[0].pass_filenames).not.toBe(false);
  });
});

describe('the README matrix workflow', () => {
  it.skipIf(!hasJq)("merges the shards' SARIF files into the whole run's report", () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    const merge = /jq -s '([^']+)'/.exec(readme);
    expect(merge, 'the README shows the jq merge').not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'sop-sarif-'));
    const files = [1, 2, 3].map((index) => {
      const file = join(dir, `sop-${index}.sarif`);
      writeFileSync(file, sop(['lint', '--as-of', '2026-06-01', '-f', 'sarif', '--shard', `${index}/3`], { cwd: example }).stdout);
      return file;
    });
    const merged = JSON.parse(execFileSync('jq', ['-s', merge![1], ...files], { encoding: 'utf8' })) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const whole = JSON.parse(sop(['lint', '--as-of', '2026-06-01', '-f', 'sarif'], { cwd: example }).stdout) as typeof merged;
    const key = (r: (typeof merged)['runs'][0]['results'][0]) => JSON.stringify(r);
    expect(merged.runs).toHaveLength(1);
    expect(merged.runs[0].results.map(key).sort()).toEqual(whole.runs[0].results.map(key).sort());
    expect({ ...merged.runs[0], results: [] }).toEqual({ ...whole.runs[0], results: [] });
  });
});
