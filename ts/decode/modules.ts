// moduleInfo(): a file's imports, exports, `import()` calls and `import.meta`, read from the
// modules section alone (docs/format.md, Modules section): no string table, no node stream.
import { BinastError } from '../errors.ts';
import { xxh32Range } from './checksum.ts';
import { checkFile, u32 } from './header.ts';
import { SECTIONS } from '../generated/schema.ts';
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

const MODULES = SECTIONS.findIndex((section) => section.name === 'modules');

/**
 * The module records of a binast file. Verifies what it reads: the header and the modules
 * section, which carries its own checksum (hashing the whole file would cost more than reading
 * the records); `decode` verifies the whole file.
 */
export function moduleInfo(input: Uint8Array | ArrayBuffer): ModuleInfo {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  // The modules section is the last one: it runs from the end of bodies to the end of modules.
  const ends = checkFile(bytes, false);
  const start = ends[MODULES - 1]!;
  const end = ends[MODULES]!;
  if (start === end) return { imports: [], exports: [], dynamicImports: [], importMeta: [], hasModuleSyntax: false };
  const body = end - SECTION_CHECKSUM;
  if (body <= start) throw new BinastError('CORRUPT', `a modules section of ${end - start} bytes has no room for its checksum`, start);
  const stored = u32(bytes, body);
  const actual = xxh32Range(bytes, start, body);
  if (stored !== actual) {
    throw new BinastError('CORRUPT', `modules section checksum mismatch (stored ${stored}, computed ${actual}): the file is damaged`, body);
  }
  return readModulesSection(bytes, start, body);
}

/** The XXH32 of the section's records that ends a non-empty modules section. */
const SECTION_CHECKSUM = 4;
