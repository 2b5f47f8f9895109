// The fixed 32-byte header and the section boundaries it announces (docs/format.md).
import { BinastError } from '../errors.ts';
import { xxh32 } from './checksum.ts';
import { FORMAT_VERSION, SCHEMA_HASH } from '../generated/schema.ts';

export const MAGIC = [0x89, 0x42, 0x41, 0x53] as const;
export const HEADER_LENGTH = 32;
/** The XXH32 checksum of everything before it. */
export const TRAILER_LENGTH = 4;
export const FLAG_MODULE = 1;
export const FLAG_COMMENTS = 2;
/** The source was parsed with JSX (acorn-jsx's tree): decoding needs nothing else. */
export const FLAG_JSX = 4;

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
  /** String references: fixed-width codes of \`refWidth\` bytes. */
  refs: Section;
  refWidth: number;
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
  if (bytes.length < HEADER_LENGTH + TRAILER_LENGTH) {
    throw new BinastError('TRUNCATED', `a binast file has at least ${HEADER_LENGTH + TRAILER_LENGTH} bytes, got ${bytes.length}`, bytes.length);
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
  const payloadEnd = bytes.length - TRAILER_LENGTH;
  let at = HEADER_LENGTH;
  const section = (field: number): Section => {
    const length = view.getUint32(field, true);
    const start = at;
    at += length;
    if (at > payloadEnd) {
      throw new BinastError('TRUNCATED', `a section ends at byte ${at} but the sections end at byte ${payloadEnd}`, field);
    }
    return { start, end: at };
  };
  const refWidth = bytes[6];
  if (refWidth < 1 || refWidth > 4) {
    throw new BinastError('CORRUPT', `string references ${refWidth} bytes wide; the format allows 1 to 4`, 6);
  }
  const strings = section(12);
  const nodes = section(16);
  const refs = section(20);
  const lines = section(24);
  const comments = section(28);
  if ((refs.end - refs.start) % refWidth !== 0) {
    throw new BinastError('CORRUPT', `the string-reference section is not a whole number of ${refWidth}-byte codes`, 20);
  }
  if (at !== payloadEnd) {
    throw new BinastError('CORRUPT', `${payloadEnd - at} unexpected bytes after the last section`, at);
  }
  const stored = view.getUint32(payloadEnd, true);
  const actual = xxh32(bytes, payloadEnd);
  if (stored !== actual) {
    throw new BinastError('CORRUPT', `checksum mismatch (stored ${hex(stored)}, computed ${hex(actual)}): the file is damaged`, payloadEnd);
  }
  return { version, flags: bytes[5], schemaHash, strings, nodes, refs, refWidth, lines, comments };
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}
