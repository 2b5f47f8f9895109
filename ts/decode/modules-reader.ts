// The modules section's reader (docs/format.md, Modules section). moduleInfo runs once per
// file, often in a fresh process, where V8 interprets it (then runs its baseline code) for the
// first few hundred files and compiles it, on a second core when there is one to spare, while
// it runs. So the reader is shaped for those tiers:
// - every varint after the string blob is decoded by one small loop into one reused
//   Int32Array, before any record is read: the branches a long varint takes are taken within
//   the first file, so no rarely taken branch in the record code makes the optimized code
//   bail out (each bail-out is another compile of the function), and the record code is plain
//   array reads;
// - the record code is a few small functions, taking their state as parameters (registers in
//   the interpreter, where module-level variables are context slots);
// - nothing is allocated per file but the records, the strings and their list.
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
/** How many names an export of each kind has: `export default` one, `export *` at most one. */
const MIN_NAMES = [0, 0, 1, 0];
const MAX_NAMES = [2 ** 30, 2 ** 30, 1, 1];
const PHASES: ImportPhase[] = [null, 'source', 'defer'];
const SPECIFIER_KINDS = ['default', 'namespace'] as const;
/** The imported name of a default and of a namespace specifier. */
const SPECIFIER_IMPORTED = ['default', null];
/**
 * Positions are UTF-16 offsets into a source, below 2^31 as the line table's; so is every
 * number of the section (lengths, counts, indexes), which is what lets an Int32Array hold them.
 */
const MAX_POSITION = 2 ** 31;

// The string list has the strings section's encoding (lone surrogates as code units).
// ignoreBOM: a string starting with U+FEFF keeps it (strings.ts says why).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The section's numbers, decoded before the records are read: enough for most sections (a
 * larger one gets its own array). Never reassigned: V8 treats a module variable that has kept
 * its first value as a constant in optimized code, and reassigning it would throw that away.
 */
const NUMBERS = new Int32Array(16384);
/** A second result: where `varintAt` stopped, or the next number a list reader has not read. */
let next = 0;
/** Where the numbers of the current section start and end in the file: for error offsets. */
let numbersStart = 0;
let numbersEnd = 0;

/**
 * V8 tracks the type of every field of an object shape (a string, a small integer, an array of
 * one elements kind) and throws away the optimized code that relied on it the first time a
 * field holds something else: the first `export default` expression of a run (a null local),
 * the first re-export (a source where there were nulls), the first empty list after filled
 * ones. Giving each record shape both kinds of values here, once, makes their fields general
 * before any code is optimized, so none of those firsts costs a recompilation. Done at the first
 * section read rather than on import: a decode-only bundle then leaves all of this out.
 */
function primeShapes(): void {
  const filled = (item: unknown) => {
    const list = new Array<unknown>(1);
    list[0] = item;
    return list;
  };
  const strings = ['a', 'b'];
  for (let i = 0; i < 2; i++) {
    const some = i === 0;
    const specifier: ImportSpecifierRecord = some
      ? { kind: 'named', imported: strings[i]!, local: strings[i]! }
      : { kind: 'namespace', imported: null, local: strings[i]! };
    const name: ExportNameRecord = { exported: strings[i]!, local: some ? strings[i]! : null };
    const attribute: ImportAttributeRecord = { key: strings[i]!, value: strings[i]! };
    const attributes = some ? filled(attribute) : [];
    const lists = some ? filled(specifier) : new Array(0);
    const names = some ? filled(name) : new Array(0);
    const record: ImportRecord = { source: strings[i]!, sourceStart: i, sourceEnd: i, specifiers: lists as ImportSpecifierRecord[], attributes: attributes as ImportAttributeRecord[], phase: null, start: i, end: i };
    const exported: ExportRecord = some
      ? { kind: 'named', names: names as ExportNameRecord[], source: strings[i]!, sourceStart: i, sourceEnd: i, attributes: attributes as ImportAttributeRecord[], start: i, end: i }
      : { kind: 'named', names: names as ExportNameRecord[], source: null, sourceStart: null, sourceEnd: null, attributes: [], start: i, end: i };
    const dynamic: DynamicImportRecord = { source: some ? strings[i]! : null, sourceStart: i, sourceEnd: i, start: i, end: i };
    const info: ModuleInfo = {
      imports: (some ? filled(record) : new Array(0)) as ImportRecord[],
      exports: (some ? filled(exported) : []) as ExportRecord[],
      dynamicImports: (some ? filled(dynamic) : new Array(0)) as DynamicImportRecord[],
      importMeta: (some ? filled({ start: i, end: i }) : new Array(0)) as ImportMetaRecord[],
      hasModuleSyntax: some,
    };
    strings.push(info.imports.length > 0 ? 'c' : 'd');
  }
}
let primed = false;

/**
 * The records of the section `bytes[start, end)` (the XXH32 that ends it excluded: the caller
 * verified it). Every count is checked against what is left, every string index, kind and
 * position too, and the section must be used up exactly.
 */
export function readModulesSection(bytes: Uint8Array, start: number, end: number): ModuleInfo {
  if (!primed) {
    primed = true;
    primeShapes();
  }
  const listLength = varintAt(bytes, start, end);
  let at = next;
  if (listLength > end - at) badList(listLength, -1, start);
  const listEnd = at + listLength;
  // The string list: count, blob length, the UTF-8 blob, a header per string.
  const stringCount = varintAt(bytes, at, listEnd);
  const blobLength = varintAt(bytes, next, listEnd);
  at = next;
  if (blobLength > listEnd - at || stringCount > listEnd - at) badList(blobLength, stringCount, start);
  const blobEnd = at + blobLength;
  const text = decodeText(bytes.subarray(at, blobEnd), at);
  // Every number from the string headers to the end, in two runs: the headers must end where
  // the list does.
  const ints = end - blobEnd <= NUMBERS.length ? NUMBERS : new Int32Array(end - blobEnd);
  numbersStart = blobEnd;
  numbersEnd = end;
  const headerCount = decodeVarints(bytes, blobEnd, listEnd, ints, 0);
  const count = decodeVarints(bytes, listEnd, end, ints, headerCount);

  const strings = new Array<string>(stringCount);
  const textLength = text.length;
  let p = 0;
  let textAt = 0;
  for (let i = 0; i < stringCount; i++) {
    if (p >= headerCount) badHeaders(bytes, i, p);
    const header = ints[p++]!;
    const length = header >>> 1;
    if ((header & 1) === 0 && length <= textLength - textAt) {
      strings[i] = text.slice(textAt, textAt + length);
      textAt += length;
    } else {
      // A string with lone surrogates (not representable in UTF-8): its code units.
      if ((header & 1) === 0) badHeaders(bytes, i, p - 1);
      strings[i] = codeUnits(ints, p, headerCount, length, bytes);
      p = next;
    }
  }
  if (textAt !== textLength || p !== headerCount) badHeaders(bytes, stringCount, p);

  // Each list starts with its length (checked by its reader before it is used here); the
  // lengths come from `ints`, not from the arrays (an empty array and a filled one have
  // different shapes, and a property read that meets a new shape costs a recompile).
  const importCount = ints[p]!;
  const imports = readImports(ints, p, count, strings, bytes);
  const exportCount = ints[next]!;
  const exports = readExports(ints, next, count, strings, bytes);
  const dynamicImports = readDynamicImports(ints, next, count, strings, bytes);
  const metaCount = ints[next]!;
  const importMeta = readImportMeta(ints, next, count, bytes);
  if (next !== count) leftOver(bytes, count - next, next);
  const hasModuleSyntax = (importCount | exportCount | metaCount) !== 0;
  return { imports, exports, dynamicImports, importMeta, hasModuleSyntax };
}

/** The string list's text (a call of its own: no try in the reader). */
function decodeText(blob: Uint8Array, offset: number): string {
  try {
    return utf8.decode(blob);
  } catch {
    // Browsers' TextDecoder refuses views of a SharedArrayBuffer: decode a copy.
    if (typeof SharedArrayBuffer !== 'undefined' && blob.buffer instanceof SharedArrayBuffer) return decodeText(blob.slice(), offset);
    return badText(offset);
  }
}

/** Static imports from number `p`: range, source, attributes, specifier count and phase, specifiers. */
function readImports(ints: Int32Array, p: number, count: number, strings: string[], bytes: Uint8Array): ImportRecord[] {
  // Its length: its items of at least 7 numbers each must fit what is left.
  if (p >= count) cut();
  const n = ints[p]!;
  if (n * 7 > count - p - 1) badCount(bytes, n, p);
  p++;
  const stringCount = strings.length;
  const imports = new Array<ImportRecord>(n);
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    if (p + 7 > count) cut();
    const start = cursor + ints[p]!;
    const end = start + ints[p + 1]!;
    const sourceIndex = ints[p + 2]!;
    const sourceStart = start + ints[p + 3]!;
    const sourceEnd = sourceStart + ints[p + 4]!;
    if (end >= MAX_POSITION || sourceEnd >= MAX_POSITION) badPosition(bytes, p);
    if (sourceIndex >= stringCount) badString(bytes, sourceIndex, stringCount, p + 2);
    cursor = start;
    // Called for every import (a call first made late would cost a recompilation).
    const attributes = readAttributes(ints, p + 5, count, strings, bytes);
    p = next;
    if (p >= count) cut();
    const head = ints[p]!;
    const phase = PHASES[head & 3];
    if (phase === undefined) badPhase(bytes, head & 3, p);
    const specifierCount = head >>> 2;
    p++;
    if (specifierCount * 2 > count - p) badCount(bytes, specifierCount, p - 1);
    const specifiers = new Array<ImportSpecifierRecord>(specifierCount);
    for (let k = 0; k < specifierCount; k++) {
      const code = ints[p]!;
      const localIndex = ints[p + 1]!;
      if (code - 2 >= stringCount || localIndex >= stringCount) badString(bytes, Math.max(code - 2, localIndex), stringCount, p);
      p += 2;
      specifiers[k] = code > 1
        ? { kind: 'named', imported: strings[code - 2]!, local: strings[localIndex]! }
        : { kind: SPECIFIER_KINDS[code]!, imported: SPECIFIER_IMPORTED[code] as string | null, local: strings[localIndex]! };
    }
    imports[i] = { source: strings[sourceIndex]!, sourceStart, sourceEnd, specifiers, attributes, phase: phase!, start, end };
  }
  next = p;
  return imports;
}

/** Exports from number `p`: range, name count and kind, names, and a source for kinds 1 and 3. */
function readExports(ints: Int32Array, p: number, count: number, strings: string[], bytes: Uint8Array): ExportRecord[] {
  // Its length: its items of at least 3 numbers each must fit what is left.
  if (p >= count) cut();
  const n = ints[p]!;
  if (n * 3 > count - p - 1) badCount(bytes, n, p);
  p++;
  const stringCount = strings.length;
  const exports = new Array<ExportRecord>(n);
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    if (p + 3 > count) cut();
    const start = cursor + ints[p]!;
    const end = start + ints[p + 1]!;
    if (end >= MAX_POSITION) badPosition(bytes, p);
    cursor = start;
    const head = ints[p + 2]!;
    const kindCode = head & 3;
    const kind = EXPORT_KINDS[kindCode]!;
    const nameCount = head >>> 2;
    p += 3;
    if (nameCount * 2 > count - p) badCount(bytes, nameCount, p - 1);
    // Compares that run for every export (a branch first taken late would cost a recompile).
    if (nameCount < MIN_NAMES[kindCode]! || nameCount > MAX_NAMES[kindCode]!) badNames(bytes, kind, nameCount, p - 1);
    const names = new Array<ExportNameRecord>(nameCount);
    for (let k = 0; k < nameCount; k++) {
      const exportedIndex = ints[p]!;
      const local = ints[p + 1]!;
      if (exportedIndex >= stringCount || local > stringCount) badString(bytes, Math.max(exportedIndex, local - 1), stringCount, p);
      p += 2;
      names[k] = { exported: strings[exportedIndex]!, local: local === 0 ? null : strings[local - 1]! };
    }
    if (kindCode === 1 || kindCode === 3) {
      if (p + 4 > count) cut();
      const sourceIndex = ints[p]!;
      const sourceStart = start + ints[p + 1]!;
      const sourceEnd = sourceStart + ints[p + 2]!;
      if (sourceEnd >= MAX_POSITION) badPosition(bytes, p + 1);
      if (sourceIndex >= stringCount) badString(bytes, sourceIndex, stringCount, p);
      let attributes: ImportAttributeRecord[];
      if (ints[p + 3] === 0) {
        attributes = [];
        p += 4;
      } else {
        attributes = readAttributes(ints, p + 3, count, strings, bytes);
        p = next;
      }
      exports[i] = { kind, names, source: strings[sourceIndex]!, sourceStart, sourceEnd, attributes, start, end };
    } else {
      exports[i] = { kind, names, source: null, sourceStart: null, sourceEnd: null, attributes: [], start, end };
    }
  }
  next = p;
  return exports;
}

/** An import's or re-export's attributes from number `p` (their count); sets `next`. */
function readAttributes(ints: Int32Array, p: number, count: number, strings: string[], bytes: Uint8Array): ImportAttributeRecord[] {
  if (ints[p] === 0 && p < count) {
    next = p + 1;
    return [];
  }
  // Its length: its items of at least 2 numbers each must fit what is left.
  if (p >= count) cut();
  const n = ints[p]!;
  if (n * 2 > count - p - 1) badCount(bytes, n, p);
  p++;
  const attributes = new Array<ImportAttributeRecord>(n);
  for (let k = 0; k < n; k++) {
    const key = ints[p]!;
    const value = ints[p + 1]!;
    if (key >= strings.length || value >= strings.length) badString(bytes, Math.max(key, value), strings.length, p);
    p += 2;
    attributes[k] = { key: strings[key]!, value: strings[value]! };
  }
  next = p;
  return attributes;
}

/** The dynamic imports from number `p`: range, argument range, source; sets `next`. */
function readDynamicImports(ints: Int32Array, p: number, count: number, strings: string[], bytes: Uint8Array): DynamicImportRecord[] {
  // Its length: its items of at least 5 numbers each must fit what is left.
  if (p >= count) cut();
  const n = ints[p]!;
  if (n * 5 > count - p - 1) badCount(bytes, n, p);
  p++;
  const dynamicImports = new Array<DynamicImportRecord>(n);
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    const start = cursor + ints[p]!;
    const end = start + ints[p + 1]!;
    const sourceStart = start + ints[p + 2]!;
    const sourceEnd = sourceStart + ints[p + 3]!;
    const source = ints[p + 4]!;
    if (end >= MAX_POSITION || sourceEnd >= MAX_POSITION) badPosition(bytes, p);
    if (source > strings.length) badString(bytes, source - 1, strings.length, p + 4);
    cursor = start;
    p += 5;
    dynamicImports[i] = { source: source === 0 ? null : strings[source - 1]!, sourceStart, sourceEnd, start, end };
  }
  next = p;
  return dynamicImports;
}

/** The import.meta ranges from number `p`; sets `next`. */
function readImportMeta(ints: Int32Array, p: number, count: number, bytes: Uint8Array): ImportMetaRecord[] {
  // Its length: its items of at least 2 numbers each must fit what is left.
  if (p >= count) cut();
  const n = ints[p]!;
  if (n * 2 > count - p - 1) badCount(bytes, n, p);
  p++;
  const importMeta = new Array<ImportMetaRecord>(n);
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    const start = cursor + ints[p]!;
    const end = start + ints[p + 1]!;
    if (end >= MAX_POSITION) badPosition(bytes, p);
    cursor = start;
    p += 2;
    importMeta[i] = { start, end };
  }
  next = p;
  return importMeta;
}

/**
 * Decodes the varints of `bytes[from, to)` into `out` from index `index`; returns the index
 * after the last. `out` has room: a varint takes at least a byte.
 */
function decodeVarints(bytes: Uint8Array, from: number, to: number, out: Int32Array, index: number): number {
  for (let at = from; at < to; ) {
    const byte = bytes[at]!;
    if (byte < 128) {
      out[index++] = byte;
      at++;
    } else {
      out[index++] = varintAt(bytes, at, to);
      at = next;
    }
  }
  return index;
}

/** The varint at `at`, which must end before `end` and be below 2^31; sets `next`. */
function varintAt(bytes: Uint8Array, at: number, end: number): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (at >= end) corrupt('a number cut by the end of the section', at);
    const byte = bytes[at++]!;
    result += (byte & 127) * scale;
    if (byte < 128) {
      if (result >= MAX_POSITION) badNumber(result, at - 1);
      next = at;
      return result;
    }
    scale *= 128;
  }
  return corrupt('a number longer than 8 bytes', at);
}

/** A string of `length` UTF-16 code units, numbers from `p` (before `count`); sets `next`. */
function codeUnits(ints: Int32Array, p: number, count: number, length: number, bytes: Uint8Array): string {
  if (length > count - p) corrupt(`a string of ${length} code units in the bytes left`, offsetOf(bytes, p - 1));
  let text = '';
  for (let j = 0; j < length; j++) {
    const unit = ints[p++]!;
    if (unit > 0xffff) corrupt(`${unit} in a string, not a UTF-16 code unit`, offsetOf(bytes, p - 1));
    text += String.fromCharCode(unit);
  }
  next = p;
  return text;
}

/** The byte offset of the current section's number `index` (for errors: it walks the varints). */
function offsetOf(bytes: Uint8Array, index: number): number {
  let at = numbersStart;
  for (let i = 0; i < index; i++) while (bytes[at++]! >= 128);
  return at;
}

/** A record that needs more numbers than the section has left. */
function cut(): never {
  return corrupt('a number cut by the end of the section', numbersEnd);
}

// The errors, out of line: the functions above keep only a compare and a call per check, so
// their bytecode is mostly what every file runs (V8 optimizes a function once it has run about
// a few hundred times its own size).
function badNumber(value: number, offset: number): never {
  return corrupt(`the number ${value}: positions, lengths, counts and indexes are below 2^31`, offset);
}

function badList(length: number, strings: number, offset: number): never {
  return corrupt(strings < 0 ? `a string list of ${length} bytes` : `a string list of ${strings} strings in ${length} bytes`, offset);
}

function badText(offset: number): never {
  return corrupt('a string list that is not valid UTF-8', offset);
}

function badHeaders(bytes: Uint8Array, string: number, p: number): never {
  return corrupt(`a string list that does not match its text at string ${string}`, offsetOf(bytes, p));
}

function badPosition(bytes: Uint8Array, p: number): never {
  return corrupt('a position beyond 2^31', offsetOf(bytes, p));
}

function badString(bytes: Uint8Array, index: number, count: number, p: number): never {
  return corrupt(`string ${index} of ${count}`, offsetOf(bytes, p));
}

function badCount(bytes: Uint8Array, n: number, p: number): never {
  return corrupt(`${n} records in the bytes left`, offsetOf(bytes, p));
}

function badPhase(bytes: Uint8Array, phase: number, p: number): never {
  return corrupt(`import phase ${phase}`, offsetOf(bytes, p));
}

function badNames(bytes: Uint8Array, kind: string, n: number, p: number): never {
  return corrupt(`an export of kind ${kind} with ${n} names`, offsetOf(bytes, p));
}

function leftOver(bytes: Uint8Array, n: number, p: number): never {
  return corrupt(`${n} numbers left over`, offsetOf(bytes, p));
}

function corrupt(what: string, offset: number): never {
  throw new BinastError('CORRUPT', `the modules section has ${what}`, offset);
}
