// The fixed header and the section boundaries it announces (docs/format.md). Its constants
// come from the schema (scripts/codegen/schema.mjs, `header`).
import { BinastError } from '../errors.ts';
import { xxh32 } from './checksum.ts';
import { FORMAT_VERSION, HEADER_LENGTH, MAGIC, SCHEMA_HASH, SECTIONS } from '../generated/schema.ts';

export { FLAG_COMMENTS, FLAG_JSX, FLAG_MODULE, HEADER_LENGTH, MAGIC } from '../generated/schema.ts';
/** The XXH32 checksum of everything before it. */
export const TRAILER_LENGTH = 4;

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
  /** Function-body skip data (lazy decoding). */
  bodies: Section;
  /** Module records (imports, exports). */
  modules: Section;
}

export type SectionName = (typeof SECTIONS)[number]['name'];

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
  const sections = {} as Record<SectionName, Section>;
  for (const { name, field } of SECTIONS) sections[name] = section(field);
  const { refs } = sections;
  if ((refs.end - refs.start) % refWidth !== 0) {
    throw new BinastError('CORRUPT', `the string-reference section is not a whole number of ${refWidth}-byte codes`, SECTIONS[2].field);
  }
  if (at !== payloadEnd) {
    throw new BinastError('CORRUPT', `${payloadEnd - at} unexpected bytes after the last section`, at);
  }
  const stored = view.getUint32(payloadEnd, true);
  const actual = xxh32(bytes, payloadEnd);
  if (stored !== actual) {
    throw new BinastError('CORRUPT', `checksum mismatch (stored ${hex(stored)}, computed ${hex(actual)}): the file is damaged`, payloadEnd);
  }
  return { version, flags: bytes[5], schemaHash, refWidth, ...sections };
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}
