// The fixed 32-byte header and the section boundaries it announces (docs/format.md).
import { BinastError } from '../errors.ts';
import { FORMAT_VERSION, SCHEMA_HASH } from '../generated/schema.ts';

export const MAGIC = [0x89, 0x42, 0x41, 0x53] as const;
export const HEADER_LENGTH = 32;
export const FLAG_MODULE = 1;
export const FLAG_COMMENTS = 2;

export interface Section {
  start: number;
  end: number;
}

export interface Header {
  version: number;
  flags: number;
  schemaHash: number;
  strings: Section;
  nodes: Section;
  lines: Section;
  comments: Section;
}

export function readHeader(bytes: Uint8Array): Header {
  if (!(bytes instanceof Uint8Array)) {
    throw new BinastError('BAD_OPTION', `decode expects a Uint8Array, got ${describe(bytes)}`);
  }
  if (bytes.length < 4 || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new BinastError('BAD_MAGIC', 'not a binast file (wrong magic bytes)', 0);
  }
  if (bytes.length < HEADER_LENGTH) {
    throw new BinastError('TRUNCATED', `the header needs ${HEADER_LENGTH} bytes, got ${bytes.length}`, bytes.length);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[4];
  if (version !== FORMAT_VERSION) {
    throw new BinastError('UNSUPPORTED_VERSION', `format version ${version}; this decoder reads version ${FORMAT_VERSION}`, 4);
  }
  const schemaHash = view.getUint32(8, true);
  if (schemaHash !== SCHEMA_HASH) {
    throw new BinastError('SCHEMA_MISMATCH', `schema ${hex(schemaHash)}; this decoder reads schema ${hex(SCHEMA_HASH)}`, 8);
  }
  let at = HEADER_LENGTH;
  const section = (field: number): Section => {
    const length = view.getUint32(field, true);
    const start = at;
    at += length;
    if (at > bytes.length) {
      throw new BinastError('TRUNCATED', `a section ends at byte ${at} but the file has ${bytes.length} bytes`, field);
    }
    return { start, end: at };
  };
  const strings = section(12);
  const nodes = section(16);
  const lines = section(20);
  const comments = section(24);
  if (at !== bytes.length) {
    throw new BinastError('CORRUPT', `${bytes.length - at} unexpected bytes after the last section`, at);
  }
  return { version, flags: bytes[5], schemaHash, strings, nodes, lines, comments };
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}
