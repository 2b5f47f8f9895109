// Emits ts/generated/decoder.ts: one reader function per wire kind, building each node as an
// object literal in acorn's key order (V8 pretenures literals by allocation site, and a fixed
// key order keeps one hidden class per kind), plus ts/generated/schema.ts.
import { screamingCase } from './model.mjs';

const RESERVED = new Set(['static', 'await', 'async', 'delete', 'default', 'arguments', 'eval']);
const local = (name) => (RESERVED.has(name) ? `${name}_` : name);

function readWireItem(item) {
  const name = local(item.name);
  switch (item.type) {
    case 'node':
      return `const ${name} = readNode() ?? missing(${JSON.stringify(item.name)});`;
    case 'node?':
      return `const ${name} = readNode();`;
    case 'node[]':
    case '(node|null)[]':
      return `const ${name} = readNodeList();`;
    case 'string':
      return `const ${name} = readString();`;
    case 'string?':
      return `const ${name} = readStringOrNull();`;
    case 'uint':
      return `const ${name} = readVarint();`;
    case 'f64':
      return `const ${name} = readF64();`;
    case 'bool':
      return `const ${name} = (attrs & ${1 << item.bit}) !== 0;`;
    case 'enum':
      return `const ${name} = ${screamingCase(item.enumName)}[(attrs >>> ${item.bit}) & ${(1 << item.width) - 1}] ?? badEnum(${JSON.stringify(item.enumName)});`;
  }
  throw new Error(`unhandled wire type ${item.type}`);
}

// Decode-side replacements for schema expressions whose cost is not O(1) per node (hardening:
// a forged file may reference one long string from many nodes). Each entry names the exact
// schema text it replaces, so a schema change fails here instead of being silently overridden.
const OVERRIDES = {
  // Slicing a derived raw (`"` + value + `"`, a cons string) flattens it: O(length) per
  // directive. directiveOf() slices the same way and charges the length to the work budget.
  'Directive.directive': { schema: 'expression.raw.slice(1, -1)', ts: 'directiveOf(expression)' },
};

function fieldExpr(kind, field) {
  const override = OVERRIDES[`${kind.name}.${field.key}`];
  if (override === undefined) return field.expr;
  if (override.schema !== field.expr) {
    throw new Error(`emit-ts: ${kind.name}.${field.key} is now ${JSON.stringify(field.expr)}; update OVERRIDES`);
  }
  return override.ts;
}

function fieldText(kind, field) {
  if (field.expr !== null) return `${field.key}: ${fieldExpr(kind, field)}`;
  const name = local(field.wire.name);
  return name === field.key ? field.key : `${field.key}: ${name}`;
}

/** The four object literals of a kind (plain, loc, range, both), as `switch (mode)` lines. */
function literalSwitch(kind) {
  const fields = kind.fields.map((field) => fieldText(kind, field));
  const literal = (extra) => `{ type: ${JSON.stringify(kind.type)}, start, end${extra}${fields.map((f) => `, ${f}`).join('')} }`;
  return [
    '  switch (mode) {',
    `    case 0: return ${literal('')};`,
    `    case 1: return ${literal(', loc: { start: startLoc, end: endPosition(end) }')};`,
    `    case 2: return ${literal(', range: [start, end]')};`,
    `    default: return ${literal(', loc: { start: startLoc, end: endPosition(end) }, range: [start, end]')};`,
    '  }',
  ];
}

const CHILD_TYPES = new Set(['node', 'node?', 'node[]', '(node|null)[]']);
/** Kinds with children; the others (leaves) are read by their fast reader in both modes. */
const hasChildren = (kind) => kind.wire.some((item) => CHILD_TYPES.has(item.type));
/** Stack-safe reader opcodes, one per wire item that is not in the attribute word. */
const DEEP_OP = { node: 0, 'node?': 0, 'node[]': 1, '(node|null)[]': 1, string: 2, 'string?': 3, uint: 4, f64: 5 };

/**
 * The stack-safe reader's builder for a kind with children: the stream items arrive read
 * (children decoded) in `v`, in wire order; the object is the fast reader's literal.
 */
function emitBuilder(kind) {
  const lines = [
    `function build${kind.name}(start: number, end: number, attrs: number, v: any[]): any {`,
    // Built after its children: the positioner falls back to a binary search, which is fine here.
    '  const startLoc = mode & 1 ? startPosition(start) : null;',
  ];
  let index = 0;
  for (const item of kind.wire) {
    const name = local(item.name);
    if (item.type === 'bool' || item.type === 'enum') {
      lines.push(`  ${readWireItem(item)}`);
    } else if (item.type === 'node') {
      lines.push(`  const ${name} = v[${index++}] ?? missing(${JSON.stringify(item.name)});`);
    } else {
      lines.push(`  const ${name} = v[${index++}];`);
    }
  }
  lines.push(...literalSwitch(kind), '}');
  return lines.join('\n');
}

function emitReader(kind) {
  const lines = [];
  lines.push(`// ${kind.name}: ${kind.wire.map((w) => `${w.name}: ${w.enumName ?? w.type}`).join(', ') || 'no fields'}`);
  lines.push(`function read${kind.name}(): any {`);
  lines.push('  const start = pos + readDelta();');
  lines.push('  pos = start;');
  // The start's line is looked up now, in pre-order, when offsets still arrive in order.
  lines.push('  const startLoc = mode & 1 ? startPosition(start) : null;');
  if (kind.attrBits > 0) lines.push('  const attrs = readVarint();');
  for (const item of kind.wire) lines.push(`  ${readWireItem(item)}`);
  lines.push(kind.endLength ? `  const end = start + (${kind.endLength.ts});` : '  const end = pos + readDelta();');
  lines.push('  pos = end;');
  lines.push(...literalSwitch(kind));
  lines.push('}');
  return lines.join('\n');
}

const HEADER = (source) =>
  `// Generated by scripts/codegen/index.mjs from scripts/codegen/schema.mjs (${source}). Do not edit.\n`;

export function emitTsSchema(model) {
  const out = [HEADER('schema constants')];
  out.push(`export const FORMAT_VERSION = ${model.formatVersion};`);
  out.push(`export const SCHEMA_HASH = 0x${model.schemaHash.toString(16).padStart(8, '0')};`);
  out.push('');
  out.push('/** Wire kind names by tag (tag 0 is null). */');
  out.push(`export const KIND_NAMES: readonly (string | null)[] = ${JSON.stringify([null, ...model.kinds.map((k) => k.name)])};`);
  out.push('');
  for (const [name, values] of Object.entries(model.enums)) {
    out.push(`export const ${screamingCase(name)} = ${JSON.stringify(values)} as const;`);
  }
  return out.join('\n') + '\n';
}

// The stream state and primitives live in the generated module itself: V8 reads and writes
// module-level `let`s of the same module as context slots, far cheaper than an object or an
// imported binding on the hottest path.
const RUNTIME = `
let bytes: Uint8Array = new Uint8Array(0);
let view: DataView = new DataView(bytes.buffer);
/** Read position in \`bytes\`. */
let offset = 0;
/** End of the node section in \`bytes\`. */
let limit = 0;
/** Source position cursor (UTF-16): starts and ends are stored as deltas from it. */
let pos = 0;
let strings: readonly string[] = [];
/** Read position in the string-reference section, its end, and its code width in bytes. */
let refOffset = 0;
let refLimit = 0;
let refWidth = 2;
/** The next string a "new string" reference (code 0) introduces. */
let nextNew = 0;
/** 0: plain, 1: with loc, 2: with range, 3: both (one object literal per mode keeps shapes fixed). */
let mode = 0;
/** Offset to { line, column }: one for starts (read in pre-order), one for ends (post-order). */
let startPosition: (offset: number) => Position = noPosition;
let endPosition: (offset: number) => Position = noPosition;

function noPosition(): Position {
  throw new BinastError('BAD_OPTION', 'locations were not requested');
}

export interface NodeSection {
  bytes: Uint8Array;
  offset: number;
  end: number;
  /** The string-reference section: fixed-width codes, in the order the node stream uses them. */
  refs: { start: number; end: number; width: number };
  strings: readonly string[];
  locations: boolean;
  ranges: boolean;
  startPosition: (offset: number) => Position;
  endPosition: (offset: number) => Position;
}

/**
 * Decodes the node section: one Program, which must end exactly at the section's end.
 *
 * The fast readers recurse once per nesting level. When the JavaScript stack runs out (a
 * tree nested thousands of levels deep: acorn builds member/call chains of any depth
 * iteratively), the section is decoded again from its start by readNodeDeep(), which keeps
 * its own stack on the heap: the same objects, at any depth, at no cost to ordinary files.
 * Nothing but a BinastError leaves this function: a TypeError or RangeError from forged
 * content (a field of the wrong kind, a read past the end) is reported as CORRUPT.
 */
export function decodeNodeSection(section: NodeSection): any {
  bytes = section.bytes;
  view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  limit = section.end;
  strings = section.strings;
  refLimit = section.refs.end;
  refWidth = section.refs.width;
  mode = (section.locations ? 1 : 0) | (section.ranges ? 2 : 0);
  startPosition = section.startPosition;
  endPosition = section.endPosition;
  startWork(bytes.length);
  try {
    let program: any;
    try {
      rewind(section);
      program = readNode();
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      rewind(section);
      program = readNodeDeep();
    }
    if (program === null || program.type !== 'Program') throw corrupt('the node section does not start with a Program');
    if (offset !== limit) throw corrupt(\`the node section has \${limit - offset} bytes left after the Program\`);
    if (refOffset !== refLimit) {
      throw new BinastError('CORRUPT', \`the string-reference section has \${refLimit - refOffset} bytes left after the Program\`, refOffset);
    }
    return program;
  } catch (error) {
    if (error instanceof BinastError) throw error;
    if (isStackOverflow(error)) {
      // Only in readNodeDeep's few frames, i.e. decode was called with the stack nearly full.
      throw new BinastError('LIMIT', 'not enough JavaScript stack left to decode', offset);
    }
    if (error instanceof RangeError && offset >= bytes.length) throw corrupt('the node section ends inside a node');
    throw corrupt(\`inconsistent node data (\${error instanceof Error ? error.message : String(error)})\`);
  } finally {
    endWork();
    // Do not keep the caller's buffer alive.
    bytes = new Uint8Array(0);
    view = new DataView(bytes.buffer);
    strings = [];
  }
}

/** Puts both cursors (nodes, string references) and the position cursor at the start. */
function rewind(section: NodeSection): void {
  offset = section.offset;
  pos = 0;
  refOffset = section.refs.start;
  nextNew = 0;
}

function isStackOverflow(error: unknown): boolean {
  // V8: RangeError "Maximum call stack size exceeded"; SpiderMonkey: InternalError "too much recursion".
  return error instanceof Error && /\\bstack\\b.*\\b(exceeded|overflow)\\b|\\btoo much recursion\\b/i.test(error.message);
}

function corrupt(message: string): BinastError {
  return new BinastError('CORRUPT', message, offset);
}

function readVarint(): number {
  const first = bytes[offset++];
  if (first < 128) return first;
  // Two bytes (values below 16384: most position deltas and list lengths) without a call.
  const second = bytes[offset];
  if (second < 128) {
    offset++;
    return (first & 127) | (second << 7);
  }
  return readVarintTail(first);
}

function readVarintTail(first: number): number {
  let result = first & 127;
  let scale = 128;
  for (let i = 1; i < 8; i++) {
    const byte = bytes[offset++];
    result += (byte & 127) * scale;
    if (byte < 128) return result;
    scale *= 128;
  }
  throw corrupt('varint longer than 8 bytes');
}

/** A zigzag-coded signed delta. */
function readDelta(): number {
  const value = readVarint();
  return (value >>> 1) ^ -(value & 1);
}

/**
 * The next string-reference code. Codes are fixed-width little-endian (the width suits the
 * table's size); a read past the section's end is caught by the check after the Program.
 */
function readRef(): number {
  const at = refOffset;
  refOffset = at + refWidth;
  if (refWidth === 2) return bytes[at] | (bytes[at + 1] << 8);
  if (refWidth === 1) return bytes[at];
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + (refWidth === 4 ? bytes[at + 3] * 0x1000000 : 0);
}

/** Code 0: the next string not used before (strings are numbered by first use); k: string k - 1. */
function readString(): string {
  const code = readRef();
  return (code === 0 ? strings[nextNew++] : strings[code - 1]) ?? badString();
}

/** As readString, shifted by one: code 0 is null. */
function readStringOrNull(): string | null {
  const code = readRef();
  return code === 0 ? null : ((code === 1 ? strings[nextNew++] : strings[code - 2]) ?? badString());
}

function badString(): never {
  throw new BinastError('CORRUPT', \`a string reference is outside the table of \${strings.length}\`, refOffset - refWidth);
}

function badEnum(name: string): never {
  throw corrupt(\`an attribute word holds no valid \${name}\`);
}

function missing(field: string): never {
  throw corrupt(\`required field \${field} is null\`);
}

function readF64(): number {
  const value = view.getFloat64(offset, true);
  offset += 8;
  return value;
}

/** Short lists as exact-size array literals: no over-reserved backing store for the GC to copy. */
function readNodeList(): any[] {
  const length = readVarint();
  switch (length) {
    case 0: return [];
    case 1: return [readNode()];
    case 2: { const a = readNode(); return [a, readNode()]; }
    case 3: { const a = readNode(); const b = readNode(); return [a, b, readNode()]; }
    case 4: { const a = readNode(); const b = readNode(); const c = readNode(); return [a, b, c, readNode()]; }
  }
  // Every element takes at least one byte: a longer claim is forged, refuse before allocating.
  if (length > limit - offset) throw corrupt(\`a list claims \${length} elements with \${limit - offset} bytes left\`);
  const list = new Array(length);
  for (let i = 0; i < length; i++) list[i] = readNode();
  return list;
}

/** A node being read by readNodeDeep(): its stream items so far, in wire order. */
interface DeepFrame {
  tag: number;
  start: number;
  attrs: number;
  ops: readonly number[];
  values: any[];
  /** The list being filled (OP_LIST), else null; \`index\` is its next element. */
  list: any[] | null;
  index: number;
}

const PENDING: unknown = {};

/** Starts reading the node at \`offset\`: a leaf or null is read at once, else a frame is pushed. */
function enterDeep(frames: DeepFrame[]): any {
  const tag = bytes[offset];
  const ops = DEEP_OPS[tag];
  if (ops === null || ops === undefined) return readNode();
  offset++;
  const start = pos + readDelta();
  pos = start;
  const attrs = DEEP_ATTRS[tag] === 1 ? readVarint() : 0;
  frames.push({ tag, start, attrs, ops, values: [], list: null, index: 0 });
  return PENDING;
}

/**
 * The stack-safe reader: the same bytes, checks and objects as readNode(), with an explicit
 * stack of frames instead of recursion, so any depth the heap can hold decodes.
 */
function readNodeDeep(): any {
  const frames: DeepFrame[] = [];
  let value = enterDeep(frames);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (value !== PENDING) {
      // A child is complete.
      if (frame.list !== null) {
        frame.list[frame.index++] = value;
      } else {
        frame.values.push(value);
      }
    }
    value = PENDING;
    if (frame.list !== null) {
      if (frame.index < frame.list.length) {
        value = enterDeep(frames);
        continue;
      }
      frame.values.push(frame.list);
      frame.list = null;
    }
    const ops = frame.ops;
    while (frame.values.length < ops.length) {
      const op = ops[frame.values.length];
      if (op === OP_NODE) {
        value = enterDeep(frames);
        break;
      }
      if (op === OP_LIST) {
        const length = readVarint();
        if (length > 4 && length > limit - offset) throw corrupt(\`a list claims \${length} elements with \${limit - offset} bytes left\`);
        if (length === 0) {
          frame.values.push([]);
          continue;
        }
        frame.list = new Array(length);
        frame.index = 0;
        value = enterDeep(frames);
        break;
      }
      frame.values.push(
        op === OP_STRING ? readString() : op === OP_STRING_OR_NULL ? readStringOrNull() : op === OP_UINT ? readVarint() : readF64(),
      );
    }
    if (frame.values.length < ops.length || frame.list !== null) continue;
    frames.pop();
    const end = pos + readDelta();
    pos = end;
    value = DEEP_BUILD[frame.tag](frame.start, end, frame.attrs, frame.values);
  }
  return value;
}
`;

export function emitTsDecoder(model) {
  const enumNames = Object.keys(model.enums).map(screamingCase);
  const out = [HEADER('node readers')];
  out.push(`import type { Position } from 'estree';
import { BinastError } from '../errors.ts';
import { bigIntDigits, bigIntValue, decimalDigits, directiveOf, endWork, regExpValue, startWork } from '../decode/values.ts';
import { ${enumNames.join(', ')} } from './schema.ts';`);
  out.push(RUNTIME);
  out.push(`/** Reads one node, or null for tag 0, at the current offset. */
function readNode(): any {
  switch (bytes[offset++]) {
    case 0: return null;`);
  for (const kind of model.kinds) out.push(`    case ${kind.tag}: return read${kind.name}();`);
  out.push(`    default: throw corrupt(\`unknown node tag \${bytes[offset - 1]}\`);
  }
}
`);
  out.push(model.kinds.map(emitReader).join('\n\n'));
  const deep = model.kinds.filter(hasChildren);
  const byTag = (f) => [null, ...model.kinds.map((kind) => (hasChildren(kind) ? f(kind) : null))];
  out.push(`
// The stack-safe reader's tables, by tag: the opcodes of the stream items that are not in the
// attribute word (null: a leaf or null, read by the fast reader), whether an attribute word
// follows the start, and the builder.
const OP_NODE = ${DEEP_OP.node};
const OP_LIST = ${DEEP_OP['node[]']};
const OP_STRING = ${DEEP_OP.string};
const OP_STRING_OR_NULL = ${DEEP_OP['string?']};
const OP_UINT = ${DEEP_OP.uint};

const DEEP_OPS: readonly (readonly number[] | null)[] = ${JSON.stringify(
    byTag((kind) => kind.wire.filter((item) => item.type !== 'bool' && item.type !== 'enum').map((item) => DEEP_OP[item.type])),
  )};

const DEEP_ATTRS: readonly number[] = ${JSON.stringify([0, ...model.kinds.map((kind) => (kind.attrBits > 0 ? 1 : 0))])};

const DEEP_BUILD: readonly ((start: number, end: number, attrs: number, v: any[]) => any)[] = [
${byTag((kind) => `build${kind.name}`).map((name) => `  ${name ?? 'badDeepTag'},`).join('\n')}
];

function badDeepTag(): never {
  throw corrupt('no builder for this tag');
}
`);
  out.push(deep.map(emitBuilder).join('\n\n'));
  return out.join('\n') + '\n';
}
