// Pack files: many entries in one immutable file, written whole to a temp file and renamed
// into place, so a reader sees all of a pack or none of it and a crash leaves at worst a temp
// file. Layout (little-endian):
//
//   header   32 bytes: "binastpk", pack version, FORMAT_VERSION, SCHEMA_HASH,
//            entry count, file record count, index byte length
//   index    entry records: key (16 bytes), offset, length, source length (UTF-16 units)
//            file records:  key (16), size, mtimeMs, ctimeMs, ino (f64 each), path length, path (UTF-8)
//   checksum XXH32 of header and index
//   data     the entries (each at a multiple of 4): binary ASTs, each with its own XXH32
//            trailer checked by decode()
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { BinastError } from '../errors.ts';
import { xxh32 } from '../decode/checksum.ts';
import { FORMAT_VERSION, SCHEMA_HASH } from '../generated/schema.ts';

export const PACK_SUFFIX = '.binastpack';
/** <time base36>-<pid base36>-<random hex>.binastpack: names sort by creation time. */
export const PACK_NAME = /^[0-9a-z]{9}-[0-9a-z]+-[0-9a-f]{8}\.binastpack$/;

const MAGIC = Buffer.from('binastpk', 'latin1');
const PACK_VERSION = 1;
const HEADER_BYTES = 32;
const ENTRY_RECORD_BYTES = 28;
const FILE_RECORD_FIXED_BYTES = 52;
/** The first read of a pack: header and index of ~2,000 entries at once. */
const FIRST_READ_BYTES = 64 * 1024;

export interface EntryRecord {
  key: string;
  offset: number;
  length: number;
  sourceLength: number;
}

/** The stat-keyed fast path: a file in this state had this content key. */
export interface FileRecord {
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  key: string;
}

export interface NewEntry {
  key: string;
  bytes: Uint8Array;
  sourceLength: number;
}

export interface PackIndex {
  /** False for a pack of another binast (format version or schema): valid, but not ours to read. */
  readable: boolean;
  entries: EntryRecord[];
  files: FileRecord[];
}

/** The bytes of a pack holding `entries` and `files`, and where each entry landed. */
export function serializePack(entries: NewEntry[], files: FileRecord[]): { bytes: Buffer; records: EntryRecord[] } {
  const paths = files.map((f) => Buffer.from(f.path, 'utf8'));
  let indexLength = entries.length * ENTRY_RECORD_BYTES;
  for (const path of paths) indexLength += FILE_RECORD_FIXED_BYTES + path.length;
  // Entries start at multiples of 4, so that a view of a pack read whole (merging, tools)
  // decodes with aligned 32-bit checksum reads.
  const dataStart = align4(HEADER_BYTES + indexLength + 4);
  let total = dataStart;
  for (const e of entries) total = align4(total) + e.bytes.length;
  if (total > 0xffffffff) throw new BinastError('LIMIT', `cache pack of ${total} bytes exceeds 4 GiB`);

  const out = Buffer.allocUnsafe(total);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(PACK_VERSION, 8);
  out.writeUInt32LE(FORMAT_VERSION, 12);
  out.writeUInt32LE(SCHEMA_HASH >>> 0, 16);
  out.writeUInt32LE(entries.length, 20);
  out.writeUInt32LE(files.length, 24);
  out.writeUInt32LE(indexLength, 28);
  let at = HEADER_BYTES;
  let data = dataStart;
  const records: EntryRecord[] = [];
  for (const e of entries) {
    out.fill(0, data, align4(data));
    data = align4(data);
    out.write(e.key, at, 'hex');
    out.writeUInt32LE(data, at + 16);
    out.writeUInt32LE(e.bytes.length, at + 20);
    out.writeUInt32LE(e.sourceLength, at + 24);
    at += ENTRY_RECORD_BYTES;
    out.set(e.bytes, data);
    records.push({ key: e.key, offset: data, length: e.bytes.length, sourceLength: e.sourceLength });
    data += e.bytes.length;
  }
  files.forEach((f, i) => {
    const path = paths[i]!;
    out.write(f.key, at, 'hex');
    out.writeDoubleLE(f.size, at + 16);
    out.writeDoubleLE(f.mtimeMs, at + 24);
    out.writeDoubleLE(f.ctimeMs, at + 32);
    out.writeDoubleLE(f.ino, at + 40);
    out.writeUInt32LE(path.length, at + 48);
    path.copy(out, at + FILE_RECORD_FIXED_BYTES);
    at += FILE_RECORD_FIXED_BYTES + path.length;
  });
  out.writeUInt32LE(xxh32(out, at) >>> 0, at);
  out.fill(0, at + 4, dataStart);
  return { bytes: out, records };
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/**
 * Reads a pack's header and index from the start of `head` (at least the header; when the
 * index goes further, `more(length)` returns the first `length` bytes of the file). Throws
 * BinastError CORRUPT or TRUNCATED, naming the pack, for anything that does not add up.
 */
export function parsePackIndex(
  name: string,
  head: Buffer,
  fileSize: number,
  more: (length: number) => Buffer,
): PackIndex {
  const fail = (code: 'CORRUPT' | 'TRUNCATED', what: string): never => {
    throw new BinastError(code, `cache pack ${name}: ${what}`);
  };
  if (head.length < HEADER_BYTES) fail('TRUNCATED', `${head.length} bytes, shorter than a header`);
  if (!head.subarray(0, 8).equals(MAGIC)) fail('CORRUPT', 'not a binast pack (bad magic)');
  if (head.readUInt32LE(8) !== PACK_VERSION) return { readable: false, entries: [], files: [] };
  const readable = head.readUInt32LE(12) === FORMAT_VERSION && head.readUInt32LE(16) === SCHEMA_HASH >>> 0;
  const entryCount = head.readUInt32LE(20);
  const fileCount = head.readUInt32LE(24);
  const indexLength = head.readUInt32LE(28);
  const indexEnd = HEADER_BYTES + indexLength;
  if (indexEnd + 4 > fileSize) fail('TRUNCATED', `index of ${indexLength} bytes does not fit the ${fileSize}-byte file`);
  if (entryCount * ENTRY_RECORD_BYTES + fileCount * FILE_RECORD_FIXED_BYTES > indexLength) {
    fail('CORRUPT', `${entryCount} entries and ${fileCount} file records do not fit a ${indexLength}-byte index`);
  }
  const bytes = indexEnd + 4 <= head.length ? head : more(indexEnd + 4);
  if ((xxh32(bytes, indexEnd) >>> 0) !== bytes.readUInt32LE(indexEnd)) fail('CORRUPT', 'index checksum mismatch');
  if (!readable) return { readable, entries: [], files: [] };

  const entries: EntryRecord[] = [];
  let at = HEADER_BYTES;
  for (let i = 0; i < entryCount; i++, at += ENTRY_RECORD_BYTES) {
    const offset = bytes.readUInt32LE(at + 16);
    const length = bytes.readUInt32LE(at + 20);
    if (offset < indexEnd + 4 || offset + length > fileSize) fail('CORRUPT', `entry ${i} lies outside the data`);
    entries.push({ key: bytes.toString('hex', at, at + 16), offset, length, sourceLength: bytes.readUInt32LE(at + 24) });
  }
  const files: FileRecord[] = [];
  for (let i = 0; i < fileCount; i++) {
    const pathLength = bytes.readUInt32LE(at + 48);
    const pathEnd = at + FILE_RECORD_FIXED_BYTES + pathLength;
    if (pathEnd > indexEnd) fail('CORRUPT', `file record ${i} runs past the index`);
    files.push({
      key: bytes.toString('hex', at, at + 16),
      size: bytes.readDoubleLE(at + 16),
      mtimeMs: bytes.readDoubleLE(at + 24),
      ctimeMs: bytes.readDoubleLE(at + 32),
      ino: bytes.readDoubleLE(at + 40),
      path: bytes.toString('utf8', at + FILE_RECORD_FIXED_BYTES, pathEnd),
    });
    at = pathEnd;
  }
  return { readable, entries, files };
}

/** An open pack: its descriptor stays open so that pruning (an unlink) cannot pull it away mid-read. */
export interface OpenPack {
  name: string;
  fd: number;
  size: number;
  mtimeMs: number;
  index: PackIndex;
}

/** Opens `path` and reads its index; closes it again and rethrows when that fails. */
export function openPack(path: string, name: string): OpenPack {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const readAt = (length: number): Buffer => {
      const buffer = Buffer.allocUnsafe(length);
      const read = readSync(fd, buffer, 0, length, 0);
      return buffer.subarray(0, read);
    };
    const index = parsePackIndex(name, readAt(Math.min(size, FIRST_READ_BYTES)), size, readAt);
    return { name, fd, size, mtimeMs, index };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Entries up to this size are read into one reused buffer; larger ones get their own. */
const SCRATCH_BYTES = 1 << 20;
let scratch: Buffer | undefined;

/**
 * One entry's bytes: one pread into a buffer that the next call reuses. Allocating a buffer
 * per hit cost more than the read itself, and so did reading a whole pack into fresh memory
 * once a run had used many of its entries (page faults: 24-30 ms of CPU against 18-21 ms for
 * 5,563 preads, measured). The caller decodes the bytes at once; the decoded tree copies all
 * it keeps (a cache test checks that it shares no memory with them).
 */
export function readEntry(pack: OpenPack, record: EntryRecord): Uint8Array {
  let buffer: Buffer;
  if (record.length <= SCRATCH_BYTES) buffer = scratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  else buffer = Buffer.allocUnsafeSlow(record.length);
  let done = 0;
  while (done < record.length) {
    const read = readSync(pack.fd, buffer, done, record.length - done, record.offset + done);
    if (read === 0) {
      throw new BinastError('TRUNCATED', `cache pack ${pack.name}: entry at ${record.offset} ends after ${done} of ${record.length} bytes`);
    }
    done += read;
  }
  return buffer.subarray(0, record.length);
}
