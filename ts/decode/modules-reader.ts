// The modules section's reader (docs/format.md, Modules section). Flat functions over
// module-level state, as the generated decoder does: moduleInfo runs once per file, often in
// a fresh process, where V8 still interprets it, so fewer calls and no closures per record
// are what keep it fast before the JIT takes over.
import { BinastError } from '../errors.ts';
import type {
  DynamicImportRecord,
  ExportNameRecord,
  ExportRecord,
  ImportAttributeRecord,
  ImportMetaRecord,
  ImportPhase,
  ImportRecord,
  ImportSpecifierRecord,
  ModuleInfo,
} from './modules.ts';
import { readStrings } from './strings.ts';

const EXPORT_KINDS = ['named', 'named', 'default', 'all'] as const;
const PHASES: ImportPhase[] = [null, 'source', 'defer'];
/** Positions are UTF-16 offsets into a source: below 2^31, as the line table's. */
const MAX_POSITION = 2 ** 31;

/** What `bytes` holds between calls (one shared array: allocating buffers costs collections). */
const NONE = new Uint8Array(0);
let bytes: Uint8Array = NONE;
let at = 0;
let end = 0;
let strings: string[] = [];
/** Start of the previous record in the current list. */
let cursor = 0;
/** The range of the record being read (set by `range()`). */
let start = 0;
let stop = 0;

export function readModulesSection(input: Uint8Array, sectionStart: number, sectionEnd: number): ModuleInfo {
  bytes = input;
  at = sectionStart;
  end = sectionEnd;
  const listLength = varint();
  if (listLength > end - at) corrupt(`a string list of ${listLength} bytes`, sectionStart);
  // The string list has the strings section's encoding (lone surrogates included).
  strings = readStrings(bytes, { start: at, end: at + listLength });
  at += listLength;
  try {
    const imports = readImports();
    const exports = readExports();
    const dynamicImports = readDynamicImports();
    const importMeta = readImportMeta();
    if (at !== end) corrupt(`${end - at} bytes left over`);
    const hasModuleSyntax = imports.length > 0 || exports.length > 0 || importMeta.length > 0;
    return { imports, exports, dynamicImports, importMeta, hasModuleSyntax };
  } finally {
    bytes = NONE; // keep no file alive
    strings = [];
  }
}

function readImports(): ImportRecord[] {
  const imports = new Array<ImportRecord>(count(7));
  cursor = 0;
  for (let i = 0; i < imports.length; i++) {
    range();
    const declarationStart = start;
    const declarationEnd = stop;
    const source = string(varint());
    const sourceStart = position(declarationStart + varint());
    const sourceEnd = position(sourceStart + varint());
    const attributes = readAttributes();
    const head = varint();
    const phase = PHASES[head % 4];
    if (phase === undefined) corrupt(`import phase ${head % 4}`);
    const specifiers = new Array<ImportSpecifierRecord>(checked(Math.floor(head / 4), 2));
    for (let k = 0; k < specifiers.length; k++) {
      const code = varint();
      const local = string(varint());
      if (code === 0) specifiers[k] = { kind: 'default', imported: 'default', local };
      else if (code === 1) specifiers[k] = { kind: 'namespace', imported: null, local };
      else specifiers[k] = { kind: 'named', imported: string(code - 2), local };
    }
    imports[i] = { source, sourceStart, sourceEnd, specifiers, attributes, phase, start: declarationStart, end: declarationEnd };
  }
  return imports;
}

function readExports(): ExportRecord[] {
  const exports = new Array<ExportRecord>(count(3));
  cursor = 0;
  for (let i = 0; i < exports.length; i++) {
    range();
    const declarationStart = start;
    const declarationEnd = stop;
    const head = varint();
    const kind = EXPORT_KINDS[head % 4]!;
    const names = new Array<ExportNameRecord>(checked(Math.floor(head / 4), 2));
    if (kind === 'default' ? names.length !== 1 : kind === 'all' && names.length > 1) {
      corrupt(`an export of kind ${kind} with ${names.length} names`);
    }
    for (let k = 0; k < names.length; k++) {
      const exported = string(varint());
      const local = varint();
      names[k] = { exported, local: local === 0 ? null : string(local - 1) };
    }
    if (head % 4 === 1 || kind === 'all') {
      const source = string(varint());
      const sourceStart = position(declarationStart + varint());
      const sourceEnd = position(sourceStart + varint());
      const attributes = readAttributes();
      exports[i] = { kind, names, source, sourceStart, sourceEnd, attributes, start: declarationStart, end: declarationEnd };
    } else {
      exports[i] = { kind, names, source: null, sourceStart: null, sourceEnd: null, attributes: [], start: declarationStart, end: declarationEnd };
    }
  }
  return exports;
}

function readAttributes(): ImportAttributeRecord[] {
  const attributes = new Array<ImportAttributeRecord>(count(2));
  for (let k = 0; k < attributes.length; k++) {
    const key = string(varint());
    attributes[k] = { key, value: string(varint()) };
  }
  return attributes;
}

function readDynamicImports(): DynamicImportRecord[] {
  const dynamicImports = new Array<DynamicImportRecord>(count(5));
  cursor = 0;
  for (let i = 0; i < dynamicImports.length; i++) {
    range();
    const sourceStart = position(start + varint());
    const sourceEnd = position(sourceStart + varint());
    const code = varint();
    dynamicImports[i] = { source: code === 0 ? null : string(code - 1), sourceStart, sourceEnd, start, end: stop };
  }
  return dynamicImports;
}

function readImportMeta(): ImportMetaRecord[] {
  const importMeta = new Array<ImportMetaRecord>(count(2));
  cursor = 0;
  for (let i = 0; i < importMeta.length; i++) {
    range();
    importMeta[i] = { start, end: stop };
  }
  return importMeta;
}

/** A record's range: its start from the cursor (the previous start), then its length. */
function range(): void {
  start = position(cursor + varint());
  cursor = start;
  stop = position(start + varint());
}

function varint(): number {
  const byte = bytes[at];
  if (byte < 128 && at < end) {
    at++;
    return byte;
  }
  return longVarint();
}

function longVarint(): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (at >= end) corrupt('a number cut by the end of the section');
    const byte = bytes[at++]!;
    result += (byte & 127) * scale;
    if (byte < 128) return result;
    scale *= 128;
  }
  return corrupt('a number longer than 8 bytes');
}

/** A list's length: its items of at least `minBytes` each must fit the bytes left. */
function count(minBytes: number): number {
  return checked(varint(), minBytes);
}

function checked(n: number, minBytes: number): number {
  if (n * minBytes > end - at) corrupt(`${n} records in the bytes left`);
  return n;
}

function string(index: number): string {
  if (index >= strings.length) corrupt(`string ${index} of ${strings.length}`);
  return strings[index]!;
}

function position(value: number): number {
  if (value >= MAX_POSITION) corrupt(`position ${value}`);
  return value;
}

function corrupt(what: string, offset = at): never {
  throw new BinastError('CORRUPT', `the modules section has ${what}`, offset);
}
