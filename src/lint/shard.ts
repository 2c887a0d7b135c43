import { UsageError } from '../errors.js';

/** `--shard <i>/<n>`: the i-th (1-based) of n slices of the files. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes <i>/<n> with 1 ≤ i ≤ n, for example --shard 2/4 (got "${value}").`);
  }
  return { index, count };
}

/**
 * The files of one shard: the sorted list dealt round-robin, so the slices differ in size by at most
 * one file, do not overlap, and together are every file, whatever order discovery returned them in.
 */
export function shardFiles(absolutePaths: readonly string[], shard: Shard): Set<string> {
  const sorted = [...absolutePaths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Set(sorted.filter((_, position) => position % shard.count === shard.index - 1));
}
