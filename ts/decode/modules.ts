// moduleInfo(): a file's imports, exports, `import()` calls and `import.meta`, read from the
// modules section alone (docs/format.md, Modules section): no string table, no node stream.
import { BinastError } from '../errors.ts';
import { xxh32Range } from './checksum.ts';
import { checkFile, TRAILER_LENGTH } from './header.ts';
import { FORMAT_VERSION, HEADER_LENGTH, MAGIC, SCHEMA_HASH, SECTIONS } from '../generated/schema.ts';
import { readModulesSection } from './modules-reader.ts';

/** An import phase as ESTree has it; acorn has none yet, so binast's is always null. */
export type ImportPhase = 'source' | 'defer' | null;

/** One `with { key: 'value' }` entry. */
export interface ImportAttributeRecord {
  key: string;
  value: string;
}

/** One binding of an import declaration. */
export interface ImportSpecifierRecord {
  /** `import { a as b }`, `import b`, `import * as b`. */
  kind: 'named' | 'default' | 'namespace';
  /** The imported name (`'default'` for a default import), null for a namespace import. */
  imported: string | null;
  /** The local binding. */
  local: string;
}

/** A static import declaration. Positions are acorn's (UTF-16 offsets). */
export interface ImportRecord {
  /** The module specifier (the string literal's value). */
  source: string;
  /** The string literal's range, quotes included. */
  sourceStart: number;
  sourceEnd: number;
  specifiers: ImportSpecifierRecord[];
  attributes: ImportAttributeRecord[];
  phase: ImportPhase;
  /** The declaration's range. */
  start: number;
  end: number;
}

/** One name an export declaration exports. */
export interface ExportNameRecord {
  /** The exported name (`'default'` for `export default`). */
  exported: string;
  /**
   * The local name: the declared or listed binding; in a re-export the name imported from
   * `source`; the function's or class's name in `export default`; null for an anonymous
   * default export, an `export default` expression and `export * as ns`.
   */
  local: string | null;
}

/** An export declaration. Positions are acorn's (UTF-16 offsets). */
export interface ExportRecord {
  /** ExportNamedDeclaration, ExportDefaultDeclaration, ExportAllDeclaration. */
  kind: 'named' | 'default' | 'all';
  /** Empty for `export * from`. */
  names: ExportNameRecord[];
  /** The module re-exported from (`export ... from`), else null. */
  source: string | null;
  /** The source literal's range, null without a source. */
  sourceStart: number | null;
  sourceEnd: number | null;
  attributes: ImportAttributeRecord[];
  /** The declaration's range. */
  start: number;
  end: number;
}

/** An `import()` call. */
export interface DynamicImportRecord {
  /**
   * The argument's value when it is a string literal or a template literal without
   * substitutions (`import(\`./chunk.js\`)`, as minifiers write it), else null.
   */
  source: string | null;
  /** The argument's range. */
  sourceStart: number;
  sourceEnd: number;
  /** The call's range (acorn's ImportExpression). */
  start: number;
  end: number;
}

/** An `import.meta` (acorn's MetaProperty). */
export interface ImportMetaRecord {
  start: number;
  end: number;
}

export interface ModuleInfo {
  /** Static import declarations, in source order. */
  imports: ImportRecord[];
  /** Export declarations, in source order. */
  exports: ExportRecord[];
  /** `import()` calls anywhere in the file, in source order (scripts have them too). */
  dynamicImports: DynamicImportRecord[];
  /** `import.meta` expressions, in source order. */
  importMeta: ImportMetaRecord[];
  /** Any import or export declaration or `import.meta`. */
  hasModuleSyntax: boolean;
}

// The header fields moduleInfo reads (docs/format.md, Layout): the section lengths are u32s
// back to back, the modules section's last (else every call goes through checkFile).
const MAGIC_WORD = MAGIC[0] | (MAGIC[1] << 8) | (MAGIC[2] << 16) | (MAGIC[3] << 24);
const SCHEMA_WORD = SCHEMA_HASH | 0;
const FIRST_LENGTH = SECTIONS[0].field;
const REFS_LENGTH = SECTIONS[2].field;
const MODULES_LENGTH = SECTIONS[SECTIONS.length - 1].field;
const INLINE_HEADER =
  SECTIONS.every((section, i) => section.field === FIRST_LENGTH + 4 * i) && SECTIONS[SECTIONS.length - 1].name === 'modules';

/**
 * The module records of a binast file. Verifies what it reads: the header and the modules
 * section, which carries its own checksum (hashing the whole file would cost more than reading
 * the records); `decode` verifies the whole file.
 */
export function moduleInfo(input: Uint8Array | ArrayBuffer): ModuleInfo {
  const bytes = input instanceof Uint8Array ? input : input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  // What checkFile checks, inline for a well-formed header (no call, no loop over the section
  // table: in a fresh process this runs interpreted for every file without records); anything
  // else is checkFile's to report, with its exact error.
  let payloadEnd = -1;
  if (INLINE_HEADER && bytes instanceof Uint8Array && bytes.length >= HEADER_LENGTH + TRAILER_LENGTH) {
    payloadEnd = bytes.length - TRAILER_LENGTH;
    if (
      (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) !== MAGIC_WORD ||
      bytes[4] !== FORMAT_VERSION ||
      (bytes[8]! | (bytes[9]! << 8) | (bytes[10]! << 16) | (bytes[11]! << 24)) !== SCHEMA_WORD ||
      !sectionsFit(bytes, payloadEnd)
    ) {
      payloadEnd = -1;
    }
  }
  if (payloadEnd < 0) payloadEnd = checkFile(bytes, false).at(-1)!;
  // The modules section is the last one: it ends where the trailer starts.
  const m = MODULES_LENGTH;
  const start = payloadEnd - ((bytes[m]! | (bytes[m + 1]! << 8) | (bytes[m + 2]! << 16) | (bytes[m + 3]! << 24)) >>> 0);
  if (start === payloadEnd) return { imports: [], exports: [], dynamicImports: [], importMeta: [], hasModuleSyntax: false };
  return readSection(bytes, start, payloadEnd);
}

/** The section lengths add up to the payload, and the string references are whole codes. */
function sectionsFit(bytes: Uint8Array, payloadEnd: number): boolean {
  const refWidth = bytes[6]!;
  const r = REFS_LENGTH;
  const refs = (bytes[r]! | (bytes[r + 1]! << 8) | (bytes[r + 2]! << 16) | (bytes[r + 3]! << 24)) >>> 0;
  let sum = 0;
  for (let f = FIRST_LENGTH; f <= MODULES_LENGTH; f += 4) sum += (bytes[f]! | (bytes[f + 1]! << 8) | (bytes[f + 2]! << 16) | (bytes[f + 3]! << 24)) >>> 0;
  return refWidth >= 1 && refWidth <= 4 && refs % refWidth === 0 && sum === payloadEnd - HEADER_LENGTH;
}

/** A non-empty modules section `bytes[start, end)`: its checksum, then its records. */
function readSection(bytes: Uint8Array, start: number, end: number): ModuleInfo {
  const body = end - SECTION_CHECKSUM;
  if (body <= start) throw new BinastError('CORRUPT', `a modules section of ${end - start} bytes has no room for its checksum`, start);
  const stored = (bytes[body]! | (bytes[body + 1]! << 8) | (bytes[body + 2]! << 16) | (bytes[body + 3]! << 24)) >>> 0;
  const actual = xxh32Range(bytes, start, body);
  if (stored !== actual) {
    throw new BinastError('CORRUPT', `modules section checksum mismatch (stored ${stored}, computed ${actual}): the file is damaged`, body);
  }
  return readModulesSection(bytes, start, body);
}

/** The XXH32 of the section's records that ends a non-empty modules section. */
const SECTION_CHECKSUM = 4;
