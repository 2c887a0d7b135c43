import { extname, resolve } from 'node:path';
import { IMAGE_TYPES } from './brand.js';
import { readContainedFile } from './contained-file.js';
import type { MediaReader } from './edition.js';

const REFUSED = {
  outside: 'it points outside the repository',
  'not-a-file': 'it is not a regular file',
  'too-large': 'it is larger than maxFileSize',
} as const;

/**
 * Reads the images documents show. A path is the document's folder joined with what the document
 * wrote (relative to the working folder, as the document's own path is), so `sop build repo/` from
 * anywhere finds them; only regular files whose real path lies inside the repository are copied.
 */
export function createMediaReader(options: { cwd: string; root: string; maxBytes: number; warn(message: string): void }): MediaReader {
  return (ref) => {
    const result = readContainedFile(options.root, resolve(options.cwd, ref.source), options.maxBytes);
    if (result.ok) return { bytes: result.bytes, type: IMAGE_TYPES[extname(ref.source).toLowerCase()] ?? 'application/octet-stream' };
    if (result.reason !== 'missing') options.warn(`Image ${ref.source} is not copied into the handbook: ${REFUSED[result.reason]}.`);
    return undefined;
  };
}
