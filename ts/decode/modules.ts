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

// The header fields moduleInfo reads (docs/format.md, Layout): sectionsFit and moduleInfo read
// the section lengths at their offsets (12 to 39, string references at 20, modules last, at 36);
// with another layout every call goes through checkFile.
const MAGIC_WORD = MAGIC[0] | (MAGIC[1] << 8) | (MAGIC[2] << 16) | (MAGIC[3] << 24);
const SCHEMA_WORD = SCHEMA_HASH | 0;
const INLINE_HEADER =
  HEADER_LENGTH === 40 &&
  SECTIONS.length === 7 &&
  SECTIONS.every((section, i) => section.field === 12 + 4 * i) &&
  SECTIONS[2].name === 'refs' &&
  SECTIONS[6].name === 'modules';

/**
 * The module records of a binast file. Verifies what it reads: the header and the modules
 * section, which carries its own checksum (hashing the whole file would cost more than reading
 * the records); `decode` verifies the whole file.
 */
export function moduleInfo(input: Uint8Array | ArrayBuffer): ModuleInfo {
  if (!(input instanceof Uint8Array)) return moduleInfoOf(input);
  const end = input.length - TRAILER_LENGTH;
  const start = modulesStart(input, end);
  if (start < 0) return checkedModuleInfo(input);
  if (start === end) return { imports: [], exports: [], dynamicImports: [], importMeta: [], hasModuleSyntax: false };
  return readSection(input, start, end);
}

/**
 * Where the modules section starts, if the header is well-formed (-1 otherwise). What
 * checkFile checks, inline: in a fresh process this runs in V8's interpreter for the first few
 * hundred files, so no call and no loop over the section table (the seven lengths are summed
 * byte column by byte column).
 */
function modulesStart(bytes: Uint8Array, end: number): number {
  if (!INLINE_HEADER || end < HEADER_LENGTH) return -1;
  const refWidth = bytes[6]!;
  const refs = (bytes[20]! | (bytes[21]! << 8) | (bytes[22]! << 16) | (bytes[23]! << 24)) >>> 0;
  const sum =
    bytes[12]! + bytes[16]! + bytes[20]! + bytes[24]! + bytes[28]! + bytes[32]! + bytes[36]! +
    (bytes[13]! + bytes[17]! + bytes[21]! + bytes[25]! + bytes[29]! + bytes[33]! + bytes[37]!) * 0x100 +
    (bytes[14]! + bytes[18]! + bytes[22]! + bytes[26]! + bytes[30]! + bytes[34]! + bytes[38]!) * 0x10000 +
    (bytes[15]! + bytes[19]! + bytes[23]! + bytes[27]! + bytes[31]! + bytes[35]! + bytes[39]!) * 0x1000000;
  if (
    (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) !== MAGIC_WORD ||
    bytes[4] !== FORMAT_VERSION ||
    (bytes[8]! | (bytes[9]! << 8) | (bytes[10]! << 16) | (bytes[11]! << 24)) !== SCHEMA_WORD ||
    refWidth < 1 ||
    refWidth > 4 ||
    refs % refWidth !== 0 ||
    sum !== end - HEADER_LENGTH
  ) {
    return -1;
  }
  // The modules section is the last one: it ends where the trailer starts.
  return end - ((bytes[36]! | (bytes[37]! << 8) | (bytes[38]! << 16) | (bytes[39]! << 24)) >>> 0);
}

/** moduleInfo of a file whose header checkFile reads (and reports the errors of). */
function checkedModuleInfo(bytes: Uint8Array): ModuleInfo {
  const ends = checkFile(bytes, false);
  const start = ends[ends.length - 2]!;
  const end = ends[ends.length - 1]!;
  if (start === end) return { imports: [], exports: [], dynamicImports: [], importMeta: [], hasModuleSyntax: false };
  return readSection(bytes, start, end);
}

/** moduleInfo of an ArrayBuffer, or checkFile's error for anything else. */
function moduleInfoOf(input: unknown): ModuleInfo {
  if (input instanceof ArrayBuffer) return moduleInfo(new Uint8Array(input));
  checkFile(input as Uint8Array, false);
  throw new BinastError('BAD_OPTION', 'moduleInfo expects a Uint8Array or an ArrayBuffer');
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
