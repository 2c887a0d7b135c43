import type { Labels } from './labels.js';

/** A git ref staff may read as an edition's name: a tag or branch like `v1` or `2026-q3`, not `HEAD~2` or a hash. */
const RELEASE_NAME = /^(?!HEAD\b)(?![0-9a-f]{7,40}$)[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/;

/**
 * The previous edition as staff know it. The comparison is recorded as `git <ref>` (`--since`) or
 * `edition <id> of <date>` (`--previous`); staff see the release name or the date it was built,
 * never a git expression or an edition hash (those are in the manifest).
 */
export function previousEditionName(against: string, labels: Labels): string | undefined {
  const git = /^git (.+)$/.exec(against);
  if (git) return RELEASE_NAME.test(git[1]) ? git[1] : undefined;
  const manifest = /^edition \S+ of (\d{4}-\d{2}-\d{2})$/.exec(against);
  if (manifest) return `${labels.previousBuilt} ${manifest[1]}`;
  return undefined;
}
