// Atomic file writes shared by the cache, the CLI and the plugin: readers see the old
// file or the whole new one, never a torn one.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Suffix of our temp files, so `clear()` and tests can recognise leftovers. */
export const TEMP_SUFFIX = '.binast-tmp';

/**
 * Writes `data` to a temp file in the same directory (rename is only atomic within one
 * filesystem), then renames it over `path`. The temp name is unique per process and call,
 * so concurrent writers of the same path never share a temp file.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A temp file name next to `path`, unique per process and call. */
export function tempPathFor(path: string): string {
  return `${path}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
}
