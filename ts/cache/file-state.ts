// The stat-keyed fast path's safety: a file record (path + size + mtime + ctime + inode ->
// content key) may only be written when no later change to the file can leave all of those
// as they were. The file is read through one descriptor and stat'ed through the same one, so
// the state and the content belong together; a write after the read gives the file a ctime
// of at least the read's time (the kernel sets ctime on every change, and nobody can set it
// back), so a record is written only for files whose ctime and mtime are clearly older than
// the read: then any later change shows. Files changed in the last RACY_MS are hashed instead,
// as git does with "racily clean" index entries.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { FileRecord } from './pack.ts';

/** Timestamp granularity of the coarsest common filesystems (FAT: 2 s), and clock skew. */
export const RACY_MS = 2000;

export type FileState = Omit<FileRecord, 'path' | 'key'>;

export interface FileRead {
  source: string;
  state: FileState;
  /** Whether a record of this state may be written (see above). */
  settled: boolean;
}

/** Reads `path` as UTF-8 (like readFileSync(path, 'utf8')) with the state of the file it read. */
export function readFileWithState(path: string): FileRead {
  const readStarted = Date.now();
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    // Exactly the size fstat gave, as readFileSync does: a file that changes during the read
    // gets a new ctime, so the state recorded below (from before the change) never matches it.
    const buffer = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, length);
      if (read === 0) break;
      length += read;
    }
    const state: FileState = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
    const settled =
      length === stat.size && readStarted - stat.ctimeMs > RACY_MS && readStarted - stat.mtimeMs > RACY_MS;
    return { source: buffer.toString('utf8', 0, length), state, settled };
  } finally {
    closeSync(fd);
  }
}
