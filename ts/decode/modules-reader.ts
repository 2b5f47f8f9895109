// The modules section's reader (docs/format.md, Modules section). moduleInfo runs once per
// file, often in a fresh process, where V8 interprets it (and then runs it in its baseline
// tier) for the first few hundred files: what costs there is bytecodes and calls, not
// allocations. So the reader is one function whose state is in locals (registers in the
// interpreter, where module-level variables are context slots with hole checks), reads each
// varint inline (a one-byte varint is a load and a compare; longer ones, and everything that
// fails, are calls), and creates nothing per call but the records it returns and one string.
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

const EXPORT_KINDS = ['named', 'named', 'default', 'all'] as const;
const PHASES: ImportPhase[] = [null, 'source', 'defer'];
/** Positions are UTF-16 offsets into a source: below 2^31, as the line table's. */
const MAX_POSITION = 2 ** 31;

// The string list has the strings section's encoding (lone surrogates as code units).
// ignoreBOM: a string starting with U+FEFF keeps it (strings.ts says why).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Where the last `longVarint` stopped (its second result). */
let next = 0;

/**
 * The records of the section `bytes[start, end)` (the XXH32 that ends it excluded: the caller
 * verified it). Every list is checked against the bytes left, every string index, kind and
 * position is checked, and the section must be used up exactly.
 */
export function readModulesSection(bytes: Uint8Array, start: number, end: number): ModuleInfo {
  let at = start;
  let v = 0;
  // Each `v = ...` line below is one varint: inline when it is one byte, else longVarint.
  v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
  if (v > end - at) corrupt(`a string list of ${v} bytes`, start);
  const listEnd = at + v;

  // The string list: count, blob length, the UTF-8 blob, a header per string.
  v = bytes[at]!; if (v < 128 && at < listEnd) at++; else { v = longVarint(bytes, at, listEnd); at = next; }
  const stringCount = v;
  v = bytes[at]!; if (v < 128 && at < listEnd) at++; else { v = longVarint(bytes, at, listEnd); at = next; }
  if (v > listEnd - at || stringCount > listEnd - at) corrupt(`a string list of ${stringCount} strings in ${v} bytes`, start);
  const blobStart = at;
  at += v;
  let text: string;
  try {
    const blob = bytes.subarray(blobStart, at);
    // Browsers' TextDecoder refuses views of a SharedArrayBuffer: decode a copy.
    text = utf8.decode(typeof SharedArrayBuffer !== 'undefined' && bytes.buffer instanceof SharedArrayBuffer ? blob.slice() : blob);
  } catch {
    return corrupt('a string list that is not valid UTF-8', blobStart);
  }
  const strings = new Array<string>(stringCount);
  let textAt = 0;
  for (let i = 0; i < stringCount; i++) {
    v = bytes[at]!; if (v < 128 && at < listEnd) at++; else { v = longVarint(bytes, at, listEnd); at = next; }
    const length = (v - (v % 2)) / 2;
    if (v % 2 === 0) {
      if (length > text.length - textAt) corrupt(`string ${i} running past the string list`, at);
      strings[i] = text.slice(textAt, textAt + length);
      textAt += length;
    } else {
      // A string with lone surrogates (not representable in UTF-8) as code units.
      strings[i] = codeUnits(bytes, at, listEnd, length);
      at = next;
    }
  }
  if (textAt !== text.length) corrupt('a string list with unused text', blobStart);
  if (at !== listEnd) corrupt(`${listEnd - at} bytes left over in its string list`, at);

  // Static imports: range, source, attributes, specifier count and phase, specifiers.
  v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
  if (v * 7 > end - at) corrupt(`${v} records in the bytes left`, at);
  const imports = new Array<ImportRecord>(v);
  let cursor = 0;
  for (let i = 0; i < imports.length; i++) {
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const declarationStart = cursor + v;
    if (declarationStart >= MAX_POSITION) corrupt(`position ${declarationStart}`, at);
    cursor = declarationStart;
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const declarationEnd = declarationStart + v;
    if (declarationEnd >= MAX_POSITION) corrupt(`position ${declarationEnd}`, at);
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    if (v >= stringCount) corrupt(`string ${v} of ${stringCount}`, at);
    const source = strings[v]!;
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const sourceStart = declarationStart + v;
    if (sourceStart >= MAX_POSITION) corrupt(`position ${sourceStart}`, at);
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const sourceEnd = sourceStart + v;
    if (sourceEnd >= MAX_POSITION) corrupt(`position ${sourceEnd}`, at);
    let attributes: ImportAttributeRecord[];
    if (bytes[at] === 0 && at < end) {
      at++;
      attributes = [];
    } else {
      attributes = readAttributes(bytes, at, end, strings);
      at = next;
    }
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const phase = PHASES[v % 4];
    if (phase === undefined) corrupt(`import phase ${v % 4}`, at);
    const specifierCount = (v - (v % 4)) / 4;
    if (specifierCount * 2 > end - at) corrupt(`${specifierCount} records in the bytes left`, at);
    const specifiers = new Array<ImportSpecifierRecord>(specifierCount);
    for (let k = 0; k < specifierCount; k++) {
      v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
      const code = v;
      v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
      if (v >= stringCount) corrupt(`string ${v} of ${stringCount}`, at);
      const local = strings[v]!;
      if (code === 0) specifiers[k] = { kind: 'default', imported: 'default', local };
      else if (code === 1) specifiers[k] = { kind: 'namespace', imported: null, local };
      else {
        if (code - 2 >= stringCount) corrupt(`string ${code - 2} of ${stringCount}`, at);
        specifiers[k] = { kind: 'named', imported: strings[code - 2]!, local };
      }
    }
    imports[i] = { source, sourceStart, sourceEnd, specifiers, attributes, phase, start: declarationStart, end: declarationEnd };
  }

  // Exports: range, name count and kind, names, and a source for kinds 1 and 3.
  v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
  if (v * 3 > end - at) corrupt(`${v} records in the bytes left`, at);
  const exports = new Array<ExportRecord>(v);
  cursor = 0;
  for (let i = 0; i < exports.length; i++) {
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const declarationStart = cursor + v;
    if (declarationStart >= MAX_POSITION) corrupt(`position ${declarationStart}`, at);
    cursor = declarationStart;
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const declarationEnd = declarationStart + v;
    if (declarationEnd >= MAX_POSITION) corrupt(`position ${declarationEnd}`, at);
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const kindCode = v % 4;
    const kind = EXPORT_KINDS[kindCode]!;
    const nameCount = (v - kindCode) / 4;
    if (nameCount * 2 > end - at) corrupt(`${nameCount} records in the bytes left`, at);
    if (kindCode === 2 ? nameCount !== 1 : kindCode === 3 && nameCount > 1) {
      corrupt(`an export of kind ${kind} with ${nameCount} names`, at);
    }
    const names = new Array<ExportNameRecord>(nameCount);
    for (let k = 0; k < nameCount; k++) {
      v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
      if (v >= stringCount) corrupt(`string ${v} of ${stringCount}`, at);
      const exported = strings[v]!;
      v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
      if (v > stringCount) corrupt(`string ${v - 1} of ${stringCount}`, at);
      names[k] = { exported, local: v === 0 ? null : strings[v - 1]! };
    }
    if (kindCode === 1 || kindCode === 3) {
      v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
      if (v >= stringCount) corrupt(`string ${v} of ${stringCount}`, at);
      const source = strings[v]!;
      v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
      const sourceStart = declarationStart + v;
      if (sourceStart >= MAX_POSITION) corrupt(`position ${sourceStart}`, at);
      v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
      const sourceEnd = sourceStart + v;
      if (sourceEnd >= MAX_POSITION) corrupt(`position ${sourceEnd}`, at);
      let attributes: ImportAttributeRecord[];
      if (bytes[at] === 0 && at < end) {
        at++;
        attributes = [];
      } else {
        attributes = readAttributes(bytes, at, end, strings);
        at = next;
      }
      exports[i] = { kind, names, source, sourceStart, sourceEnd, attributes, start: declarationStart, end: declarationEnd };
    } else {
      exports[i] = { kind, names, source: null, sourceStart: null, sourceEnd: null, attributes: [], start: declarationStart, end: declarationEnd };
    }
  }

  // import() calls and import.meta: rare, so read by their own function.
  v = bytes[at]!;
  let dynamicImports: DynamicImportRecord[];
  let importMeta: ImportMetaRecord[];
  if (v === 0 && bytes[at + 1] === 0 && at + 2 <= end) {
    at += 2;
    dynamicImports = [];
    importMeta = [];
  } else {
    const rest = readExpressions(bytes, at, end, strings);
    dynamicImports = rest.dynamicImports;
    importMeta = rest.importMeta;
    at = next;
  }
  if (at !== end) corrupt(`${end - at} bytes left over`, at);
  const hasModuleSyntax = imports.length > 0 || exports.length > 0 || importMeta.length > 0;
  return { imports, exports, dynamicImports, importMeta, hasModuleSyntax };
}

/** An import's or re-export's attributes, from `at`; sets `next`. */
function readAttributes(bytes: Uint8Array, at: number, end: number, strings: string[]): ImportAttributeRecord[] {
  let v = 0;
  v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
  if (v * 2 > end - at) corrupt(`${v} records in the bytes left`, at);
  const attributes = new Array<ImportAttributeRecord>(v);
  for (let k = 0; k < attributes.length; k++) {
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    if (v >= strings.length) corrupt(`string ${v} of ${strings.length}`, at);
    const key = strings[v]!;
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    if (v >= strings.length) corrupt(`string ${v} of ${strings.length}`, at);
    attributes[k] = { key, value: strings[v]! };
  }
  next = at;
  return attributes;
}

/** The dynamic-import and import.meta lists, from `at`; sets `next`. */
function readExpressions(
  bytes: Uint8Array,
  at: number,
  end: number,
  strings: string[],
): { dynamicImports: DynamicImportRecord[]; importMeta: ImportMetaRecord[] } {
  let v = 0;
  v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
  if (v * 5 > end - at) corrupt(`${v} records in the bytes left`, at);
  const dynamicImports = new Array<DynamicImportRecord>(v);
  let cursor = 0;
  for (let i = 0; i < dynamicImports.length; i++) {
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const start = cursor + v;
    if (start >= MAX_POSITION) corrupt(`position ${start}`, at);
    cursor = start;
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const stop = start + v;
    if (stop >= MAX_POSITION) corrupt(`position ${stop}`, at);
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const sourceStart = start + v;
    if (sourceStart >= MAX_POSITION) corrupt(`position ${sourceStart}`, at);
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const sourceEnd = sourceStart + v;
    if (sourceEnd >= MAX_POSITION) corrupt(`position ${sourceEnd}`, at);
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    if (v > strings.length) corrupt(`string ${v - 1} of ${strings.length}`, at);
    dynamicImports[i] = { source: v === 0 ? null : strings[v - 1]!, sourceStart, sourceEnd, start, end: stop };
  }
  v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
  if (v * 2 > end - at) corrupt(`${v} records in the bytes left`, at);
  const importMeta = new Array<ImportMetaRecord>(v);
  cursor = 0;
  for (let i = 0; i < importMeta.length; i++) {
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const start = cursor + v;
    if (start >= MAX_POSITION) corrupt(`position ${start}`, at);
    cursor = start;
    v = bytes[at]!; if (v < 128 && at < end) at++; else { v = longVarint(bytes, at, end); at = next; }
    const stop = start + v;
    if (stop >= MAX_POSITION) corrupt(`position ${stop}`, at);
    importMeta[i] = { start, end: stop };
  }
  next = at;
  return { dynamicImports, importMeta };
}

/** A varint of any length from `at` (the inline reads take one-byte ones); sets `next`. */
function longVarint(bytes: Uint8Array, at: number, end: number): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (at >= end) corrupt('a number cut by the end of the section', at);
    const byte = bytes[at++]!;
    result += (byte & 127) * scale;
    if (byte < 128) {
      next = at;
      return result;
    }
    scale *= 128;
  }
  return corrupt('a number longer than 8 bytes', at);
}

/** A string of `length` UTF-16 code units, one varint each, from `at`; sets `next`. */
function codeUnits(bytes: Uint8Array, at: number, end: number, length: number): string {
  if (length > end - at) corrupt(`a string of ${length} code units in the bytes left`, at);
  let text = '';
  for (let j = 0; j < length; j++) {
    const unit = longVarint(bytes, at, end);
    if (unit > 0xffff) corrupt(`${unit} in a string, not a UTF-16 code unit`, at);
    at = next;
    text += String.fromCharCode(unit);
  }
  next = at;
  return text;
}

function corrupt(what: string, offset: number): never {
  throw new BinastError('CORRUPT', `the modules section has ${what}`, offset);
}
