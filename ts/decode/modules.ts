// moduleInfo(): a file's imports, exports, `import()` calls and `import.meta`, read from the
// modules section alone (docs/format.md, Modules section): no string table, no node stream.
import { BinastError } from '../errors.ts';
import { readHeader } from './header.ts';
import { readStrings } from './strings.ts';
import { SectionReader } from './varint.ts';

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

const EXPORT_KINDS = ['named', 'named', 'default', 'all'] as const;
const PHASES: ImportPhase[] = [null, 'source', 'defer'];
/** Positions are UTF-16 offsets into a source: below 2^31, as the line table's. */
const MAX_POSITION = 2 ** 31;

/** The module records of a binast file. Verifies the file's checksum, as `decode` does. */
export function moduleInfo(input: Uint8Array | ArrayBuffer): ModuleInfo {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  const { start, end } = readHeader(bytes).modules;
  if (start === end) return { imports: [], exports: [], dynamicImports: [], importMeta: [], hasModuleSyntax: false };
  return new ModulesReader(bytes, start, end).read();
}

class ModulesReader {
  private readonly reader: SectionReader;
  private readonly strings: string[];

  constructor(bytes: Uint8Array, start: number, end: number) {
    this.reader = new SectionReader(bytes, start, end, 'modules');
    const listLength = this.reader.varint();
    const listStart = this.reader.offset;
    if (listLength > end - listStart) this.corrupt(`a string list of ${listLength} bytes`, start);
    // The string list has the strings section's encoding (lone surrogates included).
    this.strings = readStringList(bytes, listStart, listStart + listLength);
    this.reader.offset = listStart + listLength;
  }

  read(): ModuleInfo {
    const imports = this.list(7, () => this.importRecord());
    const exports = this.list(3, () => this.exportRecord());
    const dynamicImports = this.list(5, () => this.dynamicImport());
    const importMeta = this.list(2, (): ImportMetaRecord => {
      this.range();
      return { start: this.start, end: this.end };
    });
    this.reader.finish();
    const hasModuleSyntax = imports.length > 0 || exports.length > 0 || importMeta.length > 0;
    return { imports, exports, dynamicImports, importMeta, hasModuleSyntax };
  }

  private cursor = 0;

  /** A list of records of at least `minBytes` each, their starts delta-coded from a cursor. */
  private list<T>(minBytes: number, record: () => T): T[] {
    const count = this.count(minBytes);
    this.cursor = 0;
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = record();
    return out;
  }

  private importRecord(): ImportRecord {
    this.range();
    const { start, end } = this;
    const { source, sourceStart, sourceEnd, attributes } = this.source(start);
    const head = this.reader.varint();
    const phase = PHASES[head % 4];
    if (phase === undefined) this.corrupt(`import phase ${head % 4}`);
    const specifiers = new Array<ImportSpecifierRecord>(this.checked(Math.floor(head / 4), 2));
    for (let i = 0; i < specifiers.length; i++) {
      const code = this.reader.varint();
      const local = this.string(this.reader.varint());
      if (code === 0) specifiers[i] = { kind: 'default', imported: 'default', local };
      else if (code === 1) specifiers[i] = { kind: 'namespace', imported: null, local };
      else specifiers[i] = { kind: 'named', imported: this.string(code - 2), local };
    }
    return { source, sourceStart, sourceEnd, specifiers, attributes, phase, start, end };
  }

  private exportRecord(): ExportRecord {
    this.range();
    const { start, end } = this;
    const head = this.reader.varint();
    const kind = EXPORT_KINDS[head % 4];
    const names = new Array<ExportNameRecord>(this.checked(Math.floor(head / 4), 2));
    if (kind === 'default' ? names.length !== 1 : kind === 'all' && names.length > 1) {
      this.corrupt(`an export of kind ${kind} with ${names.length} names`);
    }
    for (let i = 0; i < names.length; i++) {
      const exported = this.string(this.reader.varint());
      const local = this.reader.varint();
      names[i] = { exported, local: local === 0 ? null : this.string(local - 1) };
    }
    if (head % 4 === 1 || kind === 'all') {
      const { source, sourceStart, sourceEnd, attributes } = this.source(start);
      return { kind, names, source, sourceStart, sourceEnd, attributes, start, end };
    }
    return { kind, names, source: null, sourceStart: null, sourceEnd: null, attributes: [], start, end };
  }

  private dynamicImport(): DynamicImportRecord {
    this.range();
    const { start, end } = this;
    const sourceStart = this.position(start + this.reader.varint());
    const sourceEnd = this.position(sourceStart + this.reader.varint());
    const code = this.reader.varint();
    return { source: code === 0 ? null : this.string(code - 1), sourceStart, sourceEnd, start, end };
  }

  /** The range of the record being read (set by `range()`, kept in fields: no allocation). */
  private start = 0;
  private end = 0;

  /** A record's range: start from the cursor (the previous start), then the length. */
  private range(): void {
    this.start = this.position(this.cursor + this.reader.varint());
    this.cursor = this.start;
    this.end = this.position(this.start + this.reader.varint());
  }

  /** The source string, its literal's range (from the declaration's start), the attributes. */
  private source(declarationStart: number) {
    const source = this.string(this.reader.varint());
    const sourceStart = this.position(declarationStart + this.reader.varint());
    const sourceEnd = this.position(sourceStart + this.reader.varint());
    const attributes = new Array<ImportAttributeRecord>(this.count(2));
    for (let i = 0; i < attributes.length; i++) {
      const key = this.string(this.reader.varint());
      attributes[i] = { key, value: this.string(this.reader.varint()) };
    }
    return { source, sourceStart, sourceEnd, attributes };
  }

  private count(minBytes: number): number {
    return this.checked(this.reader.varint(), minBytes);
  }

  /** `count` items of at least `minBytes` each must fit the bytes left: checked before allocating. */
  private checked(count: number, minBytes: number): number {
    if (count * minBytes > this.reader.end - this.reader.offset) this.corrupt(`${count} records in the bytes left`);
    return count;
  }

  private string(index: number): string {
    if (index >= this.strings.length) this.corrupt(`string ${index} of ${this.strings.length}`);
    return this.strings[index];
  }

  private position(value: number): number {
    if (value >= MAX_POSITION) this.corrupt(`position ${value}`);
    return value;
  }

  private corrupt(what: string, offset = this.reader.offset): never {
    throw new BinastError('CORRUPT', `the modules section has ${what}`, offset);
  }
}

/**
 * The section's string list. Module specifiers and names are nearly always ASCII: then each
 * string is a slice of the blob read directly, without a TextDecoder call (its fixed cost is a
 * good part of a small file's moduleInfo). Anything else goes through readStrings.
 */
function readStringList(bytes: Uint8Array, start: number, end: number): string[] {
  const reader = new SectionReader(bytes, start, end, 'modules');
  const count = reader.varint();
  const blobLength = reader.varint();
  const blobStart = reader.offset;
  const blobEnd = blobStart + blobLength;
  if (blobLength > end - blobStart || count > end - blobEnd) return readStrings(bytes, { start, end });
  for (let i = blobStart; i < blobEnd; i++) if (bytes[i]! >= 0x80) return readStrings(bytes, { start, end });
  const strings = new Array<string>(count);
  reader.offset = blobEnd;
  let at = blobStart;
  for (let i = 0; i < count; i++) {
    const header = reader.varint();
    const length = header / 2;
    // A special string (lone surrogates) or one running past the blob: the general reader decides.
    if (header % 2 !== 0 || at + length > blobEnd) return readStrings(bytes, { start, end });
    strings[i] = ascii(bytes, at, at + length);
    at += length;
  }
  if (at !== blobEnd || reader.offset !== end) return readStrings(bytes, { start, end });
  return strings;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}
