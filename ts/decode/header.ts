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

/** The header, checked; `wholeChecksum` false only for a transient binary (decodeTransient). */
export function readHeader(bytes: Uint8Array, wholeChecksum = true): Header {
  const ends = checkFile(bytes, wholeChecksum);
  const sections = {} as Record<SectionName, Section>;
  let at = HEADER_LENGTH;
  SECTIONS.forEach(({ name }, i) => {
    sections[name] = { start: at, end: ends[i]! };
    at = ends[i]!;
  });
  return { version: bytes[4]!, flags: bytes[5]!, schemaHash: u32(bytes, 8), refWidth: bytes[6]!, ...sections };
}

/**
 * Section ends in SECTIONS order, as `checkFile` leaves them (one array, reused: no garbage per
 * file). A plain array of small integers: a Float64Array would hand out doubles, which the
 * decoder then carries in its section limits and compares as doubles on every node.
 */
const sectionEnds: number[] = SECTIONS.map(() => 0);

/**
 * Checks what readHeader checks (magic, version, schema, section bounds, checksum) without
 * allocating, for callers that run once per file in bulk (moduleInfo). Returns the section
 * ends in SECTIONS order, in an array valid until the next call. Without `wholeChecksum` the
 * caller verifies the bytes it reads itself (moduleInfo: the modules section's own checksum).
 */
export function checkFile(bytes: Uint8Array, wholeChecksum = true): readonly number[] {
  if (!(bytes instanceof Uint8Array)) {
    throw new BinastError('BAD_OPTION', `decode expects a Uint8Array, got ${describe(bytes)}`);
  }
  if (bytes.length < 4 || bytes[0] !== MAGIC[0] || bytes[1] !== MAGIC[1] || bytes[2] !== MAGIC[2] || bytes[3] !== MAGIC[3]) {
    throw new BinastError('BAD_MAGIC', 'not a binast file (wrong magic bytes)', 0);
  }
  if (bytes.length < HEADER_LENGTH + TRAILER_LENGTH) {
    throw new BinastError('TRUNCATED', `a binast file has at least ${HEADER_LENGTH + TRAILER_LENGTH} bytes, got ${bytes.length}`, bytes.length);
  }
  const version = bytes[4];
  if (version !== FORMAT_VERSION) {
    throw new BinastError('UNSUPPORTED_VERSION', `format version ${version}; this decoder reads version ${FORMAT_VERSION}`, 4);
  }
  const schemaHash = u32(bytes, 8);
  if (schemaHash !== SCHEMA_HASH) {
    throw new BinastError('SCHEMA_MISMATCH', `schema ${hex(schemaHash)}; this decoder reads schema ${hex(SCHEMA_HASH)}`, 8);
  }
  const payloadEnd = bytes.length - TRAILER_LENGTH;
  const refWidth = bytes[6]!;
  if (refWidth < 1 || refWidth > 4) {
    throw new BinastError('CORRUPT', `string references ${refWidth} bytes wide; the format allows 1 to 4`, 6);
  }
  let at = HEADER_LENGTH;
  for (let i = 0; i < SECTIONS.length; i++) {
    const field = SECTIONS[i]!.field;
    at += u32(bytes, field);
    if (at > payloadEnd) {
      throw new BinastError('TRUNCATED', `a section ends at byte ${at} but the sections end at byte ${payloadEnd}`, field);
    }
    sectionEnds[i] = at;
  }
  // refs is the third section: it ends at sectionEnds[2] and starts where nodes end.
  if ((sectionEnds[2]! - sectionEnds[1]!) % refWidth !== 0) {
    throw new BinastError('CORRUPT', `the string-reference section is not a whole number of ${refWidth}-byte codes`, SECTIONS[2].field);
  }
  if (at !== payloadEnd) {
    throw new BinastError('CORRUPT', `${payloadEnd - at} unexpected bytes after the last section`, at);
  }
  if (!wholeChecksum) return sectionEnds;
  const stored = u32(bytes, payloadEnd);
  const actual = xxh32(bytes, payloadEnd);
  if (stored !== actual) {
    throw new BinastError('CORRUPT', `checksum mismatch (stored ${hex(stored)}, computed ${hex(actual)}): the file is damaged`, payloadEnd);
  }
  return sectionEnds;
}

/** A little-endian u32 (what a DataView would read, without making one). */
export function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}
