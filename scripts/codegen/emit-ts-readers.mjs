// The per-kind readers of ts/generated/decoder.ts: one set per decode mode, so that a decode
// compiles and runs only its mode's code, and each node is one object literal in acorn's key
// order (V8 pretenures literals by allocation site; a fixed key order keeps one hidden class
// per kind). Plain and `loc` (the modes tools use) have a set each, with one literal per
// reader; `range` with or without `loc` share one set that picks between two literals. (One
// set for `loc` and `range` saves 1.8 KiB of the gzipped bundle but made a fresh process's
// decode with `loc` 1.10x slower: bench/results/ab-loc-merge-node26.md.)
import { screamingCase } from './model.mjs';

/**
 * The reader sets; `modes` are the values of `mode` each serves (bit 0: locations, bit 1:
 * ranges). `loc`/`range`: always, never, or `'bit'` (per the mode's bit, one literal each way).
 * A lazy decode uses the same sets: the readers of kinds with a skippable body skip it while a
 * lazy tree is being read (emit-ts-lazy.mjs), a check on function nodes only.
 */
export const MODES = [
  { suffix: '', modes: [0], loc: false, range: false },
  { suffix: 'L', modes: [1], loc: true, range: false },
  { suffix: 'R', modes: [2, 3], loc: 'bit', range: true },
];

const RESERVED = new Set(['static', 'await', 'async', 'delete', 'default', 'arguments', 'eval']);
const local = (name) => (RESERVED.has(name) ? `${name}_` : name);

export const CHILD_TYPES = new Set(['node', 'node?', 'node[]', '(node|null)[]']);
export const hasChildren = (kind) => kind.wire.some((item) => CHILD_TYPES.has(item.type));

function readWireItem(item, m) {
  const name = local(item.name);
  switch (item.type) {
    // Positions: each child read is passed its slot's predicted start gap (docs/format.md, Nodes).
    case 'node':
      return `const ${name} = readNode${m.suffix}(${item.expect}) ?? missing(${JSON.stringify(item.name)});`;
    case 'node?':
      return `const ${name} = readNode${m.suffix}(${item.expect});`;
    case 'node[]':
    case '(node|null)[]':
      return `const ${name} = readNodeList${m.suffix}(${item.expectFirst}, ${item.expectRest});`;
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

// `loc` from the start's line (found in pre-order) and the end; locOf() builds it as one nested
// literal: one allocation site for every kind, whose pretenuring V8 decides early.
const LOC = ', loc: locOf(start, startLine, end)';
const LOC_ON = '(mode & 1) !== 0';
const RANGE_ON = '(mode & 2) !== 0';

/** The object literal(s) of a node, without the field `omit` (a lazy body, added after). */
function literal(kind, m, omit = null) {
  const fields = kind.fields
    .filter((field) => field.key !== omit)
    .map((field) => `, ${fieldText(kind, field)}`)
    .join('');
  const make = (loc, range) =>
    `{ type: ${JSON.stringify(kind.type)}, start, end${loc ? LOC : ''}${range ? ', range: [start, end]' : ''}${fields} }`;
  // A set that never serves mode 0 has no literal without both `loc` and `range`.
  const byRange = (loc) =>
    m.range !== 'bit' ? make(loc, m.range) : !loc && !m.modes.includes(0) ? make(false, true) : `${RANGE_ON} ? ${make(loc, true)} : ${make(loc, false)}`;
  return m.loc === 'bit' ? `${LOC_ON} ? ${byRange(true)} : ${byRange(false)}` : byRange(m.loc);
}

function emitReader(kind, m) {
  // Positions: bit 7 of the tag (just read) says start and end are as predicted; else residuals.
  const lines = [`function read${kind.name}${m.suffix}(expected: number): any {`];
  if (kind.endLength) lines.push('  const start = pos + expected + (bytes[offset - 1] > 127 ? 0 : readDelta());');
  else lines.push('  const hit = bytes[offset - 1] > 127;', '  const start = pos + expected + (hit ? 0 : readDelta());');
  lines.push('  pos = start;');
  // The start's line is looked up now, in pre-order, when offsets arrive in ascending order.
  if (m.loc === 'bit') lines.push(`  const startLine = ${LOC_ON} ? lineOfStart(start) : 0;`);
  else if (m.loc) lines.push('  const startLine = lineOfStart(start);');
  if (kind.attrBits > 0) lines.push('  const attrs = readVarint();');
  const skip = kind.skip;
  if (skip) lines.push(`  const skipped = (attrs & ${1 << skip.bit}) !== 0 && lazyTree !== null;`);
  for (const item of kind.wire) {
    if (item === skip?.item) {
      // A skipped body keeps its slot's predicted start gaps, for when it is read.
      const read = readWireItem(item, m).replace(/^const \w+ = /, '').replace(/;$/, '');
      const gaps = item.type === 'node[]' ? `${item.expectFirst}, ${item.expectRest}` : `${item.expect}, 0`;
      lines.push(`  const ${local(item.name)} = skipped ? skipBody(${item.type === 'node[]'}, ${gaps}) : ${read};`);
    } else {
      lines.push(`  ${readWireItem(item, m)}`);
    }
  }
  lines.push(kind.endLength ? `  const end = start + (${kind.endLength.ts});` : `  const end = pos + ${kind.endExpect} + (hit ? 0 : readDelta());`);
  lines.push('  pos = end;');
  if (skip) {
    // The body's key is added last, as an accessor (adding one keeps the object's fast
    // properties; a literal with a getter would not): it is the last field in acorn's order.
    const key = kind.fields.find((field) => field.wire === skip.item).key;
    if (kind.fields[kind.fields.length - 1].key !== key) throw new Error(`${kind.name}: a skippable body must be the last field`);
    lines.push(`  if (skipped) return lazyField(${literal(kind, m, key)}, ${JSON.stringify(key)}, ${local(skip.item.name)});`);
  }
  lines.push(`  return ${literal(kind, m)};`, '}');
  return lines.join('\n');
}

/**
 * readNode and readNodeList of one mode. `room` counts the nesting levels the JavaScript stack
 * may still take; at 0 (or while a node is rebuilt from children already read) readNodeSlow()
 * takes over: see the stack-safe path in emit-ts-runtime.mjs.
 */
function emitDispatch(model, m) {
  const s = m.suffix;
  return `/** Reads one node (mode ${JSON.stringify(s || 'plain')}), or null for tag 0; \`expected\`: its predicted start gap. */
function readNode${s}(expected: number): any {
  if (room === 0) return readNodeSlow(expected);
  room--;
  let node: any = null;
  switch (bytes[offset++]) {
    case 0: break;
${model.kinds.map((kind) => `    case ${kind.tag}: case ${kind.tag | 128}: node = read${kind.name}${s}(expected); break;`).join('\n')}
    default: throw badTag();
  }
  room++;
  return node;
}

/**
 * Short lists as exact-size array literals: no over-reserved backing store for the GC to copy.
 * first, rest: the start gap predicted for the first element and for every later one.
 */
function readNodeList${s}(first: number, rest: number): any[] {
  const length = readVarint();
  if (length === 0) return [];
  if (length > 4) checkListLength(length);
  const a = readNode${s}(first);
  switch (length) {
    case 1: return [a];
    case 2: return [a, readNode${s}(rest)];
    case 3: { const b = readNode${s}(rest); return [a, b, readNode${s}(rest)]; }
    case 4: { const b = readNode${s}(rest); const c = readNode${s}(rest); return [a, b, c, readNode${s}(rest)]; }
  }
  const list = new Array(length);
  list[0] = a;
  for (let i = 1; i < length; i++) list[i] = readNode${s}(rest);
  return list;
}`;
}

export function emitModeReaders(model, m) {
  const label = m.range ? 'range, with or without loc' : m.loc ? 'loc' : 'plain';
  const readers = model.kinds.map((kind) => `${emitReader(kind, m)}\n`);
  return [`// ---- Mode ${label} ----`, '', emitDispatch(model, m), '', ...readers].join('\n');
}
