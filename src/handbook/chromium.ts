import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Debian's path first; then names Chromium and Chrome go by on PATH. */
const DEFAULT_PATH = '/usr/bin/chromium';
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const MISSING_CHROMIUM =
  'The pdf format prints the handbook with Chromium, and none was found. Install the Debian package `chromium` ' +
  '(`sudo apt-get install chromium fonts-noto-core`; the fonts shape Devanagari, Tamil and Telugu), or pass ' +
  '--chromium <path> to a Chromium or Chrome executable.';

/** The Chromium to print with: `--chromium`, else /usr/bin/chromium, else the first found on PATH. */
export function findChromium(flag: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env, defaultPath = DEFAULT_PATH): string | undefined {
  if (flag) {
    const path = resolve(cwd, flag);
    if (!isExecutable(path)) throw new UsageError(`--chromium ${flag}: no executable file there. ${MISSING_CHROMIUM}`);
    return path;
  }
  if (isExecutable(defaultPath)) return defaultPath;
  for (const folder of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = join(folder, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export function requireChromium(flag: string | undefined, cwd: string): string {
  const found = findChromium(flag, cwd);
  if (!found) throw new UsageError(MISSING_CHROMIUM);
  return found;
}
