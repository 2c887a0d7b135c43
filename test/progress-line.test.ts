import { describe, expect, it } from 'vitest';
import { progressLine } from '../src/commands/progress-line.js';
import { sop } from './helpers/cli.js';
import { packageRoot } from '../src/paths.js';
import { join } from 'node:path';

function fakeTerminal(isTTY = true) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

describe('the progress line', () => {
  it('stays silent for the first two seconds, then shows files done of total, at most ten times a second', () => {
    let clock = 0;
    const { stream, writes } = fakeTerminal();
    const line = progressLine(stream, { enabled: true, now: () => clock });
    line.update(10, 1000);
    clock = 1999;
    line.update(400, 1000);
    expect(writes).toEqual([]);
    clock = 2000;
    line.update(410, 1000);
    clock = 2050;
    line.update(420, 1000); // too soon after the last draw
    clock = 2100;
    line.update(1000, 1000);
    line.finish();
    expect(writes).toEqual(['\r\u001b[2Ksop: linted 410 of 1,000 files', '\r\u001b[2Ksop: linted 1,000 of 1,000 files', '\r\u001b[2K']);
  });

  it('never draws when the stream is not a terminal or the output is a machine format', () => {
    let clock = 0;
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      const { stream, writes } = fakeTerminal(isTTY);
      const line = progressLine(stream, { enabled, now: () => clock });
      clock = 5000;
      line.update(1, 2);
      line.finish();
      expect(writes).toEqual([]);
    }
  });

  it('leaves a piped stderr clean on a real run', () => {
    const run = sop(['lint', join(packageRoot, 'examples', 'customer-service'), '--as-of', '2026-11-23'], { cwd: packageRoot });
    expect(run.stderr).not.toContain('linted');
    expect(run.stderr).not.toContain('\u001b[2K');
  });
});
