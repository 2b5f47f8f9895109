// The fuzzers and the binary forge shared by test/fuzz/*.test.ts, test/hostile-*.test.ts and
// scripts/fuzz.mjs. Plain JavaScript (typed by engine.d.mts) so that the script runs on Node
// without a TypeScript step; the API under test is passed in (ts/ sources from vitest, dist/
// from the script), so both exercise the same code the same way.
//
// Everything is deterministic for a given seed: a failure prints its seed and iteration, and
// `node scripts/fuzz.mjs --seed S` (or the test with that seed) replays it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../scripts/codegen/model.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

// ---------------------------------------------------------------------------------------------
// PRNG: sfc32 seeded through splitmix32, so nearby seeds give unrelated streams.

export function createRandom(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  const random = {
    seed: seed >>> 0,
    next,
    /** Integer in [0, n). */
    int: (n) => (n <= 0 ? 0 : Math.floor((next() / 4294967296) * n)),
    /** Integer in [lo, hi]. */
    range: (lo, hi) => lo + random.int(hi - lo + 1),
    chance: (p) => next() / 4294967296 < p,
    pick: (list) => list[random.int(list.length)],
  };
  return random;
}

// ---------------------------------------------------------------------------------------------
// Byte-level helpers for forging files.

const MODEL = buildModel();
export const SCHEMA = MODEL;
export const KIND = new Map(MODEL.kinds.map((kind) => [kind.name, kind]));
export const HEADER_LENGTH = MODEL.header.length;

export function varint(value) {
  const out = [];
  let v = value;
  for (;;) {
    const low = v % 128;
    v = Math.floor(v / 128);
    if (v === 0) {
      out.push(low);
      return out;
    }
    out.push(low | 128);
  }
}

export const zigzag = (delta) => (delta >= 0 ? delta * 2 : -delta * 2 - 1);

export function u32(value) {
  return [value & 255, (value >>> 8) & 255, (value >>> 16) & 255, (value >>> 24) & 255];
}

/** Section boundaries of a binary, from its header (no validation). */
export function layout(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = HEADER_LENGTH;
  const section = (field) => {
    const start = at;
    at += view.getUint32(field, true);
    return { start, end: at, field };
  };
  return Object.fromEntries(MODEL.header.sections.map(({ name, field }) => [name, section(field)]));
}

/** A copy of `bytes` whose XXH32 trailer is recomputed, so the decoder's deeper checks run. */
export function reseal(bytes, xxh32) {
  const out = bytes.slice();
  if (out.length < 4) return out;
  const payload = out.length - 4;
  const hash = xxh32(out, payload);
  out.set(u32(hash), payload);
  return out;
}

/**
 * Assembles a file from raw sections (arrays or Uint8Arrays of bytes) with a valid header
 * and checksum: hand-forged files exercise the checks behind the checksum.
 */
export function assemble({ strings, nodes, refs = [], refWidth = 1, lines = [0], comments = null, bodies = [], modules = [], module = false }, xxh32) {
  const given = { strings, nodes, refs, lines, comments: comments ?? [], bodies, modules };
  const parts = MODEL.header.sections.map(({ name }) => Uint8Array.from(given[name]));
  const total = HEADER_LENGTH + parts.reduce((n, p) => n + p.length, 0) + 4;
  const out = new Uint8Array(total);
  const flags = (module ? MODEL.header.flags.module : 0) | (comments ? MODEL.header.flags.comments : 0);
  out.set([...MODEL.header.magic, MODEL.formatVersion, flags, refWidth, 0]);
  out.set(u32(MODEL.schemaHash), 8);
  parts.forEach((p, i) => out.set(u32(p.length), MODEL.header.sections[i].field));
  let at = HEADER_LENGTH;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return reseal(out, xxh32);
}

/** String-reference codes as a refs section: { refs, refWidth } (the fewest bytes that fit). */
export function refsSection(codes) {
  const max = codes.reduce((m, c) => Math.max(m, c), 0);
  const refWidth = max < 0x100 ? 1 : max < 0x10000 ? 2 : max < 0x1000000 ? 3 : 4;
  const refs = [];
  for (const code of codes) for (let i = 0; i < refWidth; i++) refs.push(Math.floor(code / 256 ** i) % 256);
  return { refs, refWidth };
}

/** A strings section: ordinary strings go to the UTF-8 blob, the others as code units. */
export function stringsSection(list) {
  const encoder = new TextEncoder();
  const blob = [];
  const headers = [];
  for (const s of list) {
    if (s.isWellFormed()) {
      blob.push(...encoder.encode(s));
      headers.push(...varint(s.length * 2));
    } else {
      headers.push(...varint(s.length * 2 + 1));
      for (let i = 0; i < s.length; i++) headers.push(...varint(s.charCodeAt(i)));
    }
  }
  return [...varint(list.length), ...varint(blob.length), ...blob, ...headers];
}

/** The lines section of a source (acorn's line breaks). */
export function linesSection(source) {
  const out = [];
  let count = 0;
  let previous = 0;
  const deltas = [];
  for (const match of source.matchAll(/\r\n?|\n|\u2028|\u2029/g)) {
    const start = match.index + match[0].length;
    deltas.push(...varint(start - previous));
    previous = start;
    count++;
  }
  out.push(...varint(count), ...deltas);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The forge writer: an ESTree (acorn's) to a binast binary, without recursion, so that trees
// nested deeper than any stack can be written. Independent of the Rust encoder: decoding its
// output and comparing with acorn checks the decoder alone, at any depth.

class ByteSink {
  constructor() {
    this.buffer = new Uint8Array(1 << 16);
    this.length = 0;
  }
  reserve(n) {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
  byte(b) {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }
  varint(value) {
    let v = value;
    this.reserve(10);
    for (;;) {
      const low = v % 128;
      v = Math.floor(v / 128);
      if (v === 0) {
        this.buffer[this.length++] = low;
        return;
      }
      this.buffer[this.length++] = low | 128;
    }
  }
  bytes(list) {
    this.reserve(list.length);
    this.buffer.set(list, this.length);
    this.length += list.length;
  }
  result() {
    return this.buffer.slice(0, this.length);
  }
}

function literalKind(node) {
  if (node.regex) return 'RegExpLiteral';
  if (typeof node.bigint === 'string') return 'BigIntLiteral';
  const { value, raw } = node;
  if (value === null) return 'NullLiteral';
  if (typeof value === 'boolean') return 'BooleanLiteral';
  if (typeof value === 'string') {
    if (raw === `"${value}"`) return 'StringLiteralDoubleQuoted';
    if (raw === `'${value}'`) return 'StringLiteralSingleQuoted';
    return 'StringLiteral';
  }
  if (Number.isInteger(value) && value >= 0 && value < 2 ** 31 && raw === String(value)) return 'IntegerLiteral';
  return 'NumberLiteral';
}

export function wireKind(node) {
  switch (node.type) {
    case 'Literal':
      return literalKind(node);
    case 'ExpressionStatement':
      return typeof node.directive === 'string' ? 'Directive' : 'ExpressionStatement';
    case 'Identifier':
      return node.end - node.start === node.name.length ? 'Identifier' : 'IdentifierWithEnd';
    case 'PrivateIdentifier':
      return node.end - node.start === node.name.length + 1 ? 'PrivateIdentifier' : 'PrivateIdentifierWithEnd';
    case 'TemplateElement':
      return node.value.cooked === node.value.raw ? 'TemplateElement' : 'TemplateElementCooked';
    default:
      return node.type;
  }
}

function wireValue(node, item) {
  if (node.type === 'TemplateElement' && (item.name === 'raw' || item.name === 'cooked')) return node.value[item.name];
  if (node.type === 'Literal' && node.regex && (item.name === 'pattern' || item.name === 'flags')) return node.regex[item.name];
  return node[item.name];
}

/**
 * The bodies section from skip entries in pre-order ({ node, refs, fresh, delta, nested }:
 * nested = how many entries after it belong to it), as the Rust writer does (bodies.rs).
 */
export function bodiesSection(entries) {
  const own = entries.map((e) => [...varint(e.node), ...varint(e.refs), ...varint(e.fresh), ...varint(zigzag(e.delta))]);
  const nestedBytes = new Array(entries.length).fill(0);
  const suffix = new Array(entries.length + 1).fill(0);
  for (let i = entries.length - 1; i >= 0; i--) {
    nestedBytes[i] = suffix[i + 1] - suffix[i + 1 + entries[i].nested];
    suffix[i] = suffix[i + 1] + own[i].length + varint(nestedBytes[i]).length;
  }
  return own.flatMap((bytes, i) => [...bytes, ...varint(nestedBytes[i])]);
}

/** The skip entries of a binary's bodies section (the inverse of bodiesSection; no validation). */
export function readBodies(bytes) {
  const { bodies } = layout(bytes);
  let at = bodies.start;
  const next = () => {
    let result = 0;
    for (let scale = 1; at < bodies.end; scale *= 128) {
      const byte = bytes[at++];
      result += (byte & 127) * scale;
      if (byte < 128) break;
    }
    return result;
  };
  const entries = [];
  const ends = [];
  while (at < bodies.end) {
    while (ends.length > 0 && at >= ends[ends.length - 1].end) ends.pop();
    const [node, refs, fresh, delta, nestedBytes] = [next(), next(), next(), next(), next()];
    const entry = { node, refs, fresh, delta: delta % 2 === 0 ? delta / 2 : -(delta + 1) / 2, nested: 0 };
    for (const open of ends) open.entry.nested++;
    entries.push(entry);
    ends.push({ entry, end: at + nestedBytes });
  }
  return entries;
}

/** A copy of `bytes` with section `name` replaced by `content`, its length and checksum updated. */
export function replaceSection(bytes, name, content, xxh32) {
  const sections = layout(bytes);
  const { start, end, field } = sections[name];
  const out = new Uint8Array(bytes.length - (end - start) + content.length);
  out.set(bytes.subarray(0, start));
  out.set(content, start);
  out.set(bytes.subarray(end), start + content.length);
  out.set(u32(content.length), field);
  return reseal(out, xxh32);
}

/**
 * Writes `program` (acorn's tree of `source`) as a binast binary with a valid checksum.
 * `skipAtLeast`: bodies of at least that many node bytes get a skip entry (0: every body, the
 * most a lazy decode can defer; Infinity: none).
 */
export function forge(program, source, xxh32, { module = program.sourceType === 'module', skipAtLeast = Infinity } = {}) {
  const entries = [];
  const sink = new ByteSink();
  const strings = [];
  const index = new Map();
  const codes = [];
  // Code 0 for a string used for the first time (numbered by first use), else index + 1.
  const stringCode = (s) => {
    const i = index.get(s);
    if (i !== undefined) return i + 1;
    index.set(s, strings.length);
    strings.push(s);
    return 0;
  };
  let pos = 0;
  // Positions (docs/format.md, Nodes): the start gap the parent's slot predicts for the next node.
  let expected = 0;
  const expect = (gap) => () => {
    expected = gap;
  };
  // A skippable body: its cursors before (a placeholder entry keeps pre-order), then its entry
  // and the skip bit in its node's one-byte attribute word if it is large enough.
  const marks = [];
  const beginBody = (attrsAt, bit) => () => {
    marks.push({ attrsAt, bit, node: sink.length, codes: codes.length, strings: strings.length, pos, entry: entries.length });
    entries.push(null);
  };
  const endBody = () => {
    const mark = marks.pop();
    const size = sink.length - mark.node;
    if (size < skipAtLeast) {
      entries.length = mark.entry;
      return;
    }
    sink.buffer[mark.attrsAt] |= mark.bit;
    const fresh = strings.length - mark.strings;
    entries[mark.entry] = { node: size, refs: codes.length - mark.codes, fresh, delta: pos - mark.pos, nested: entries.length - mark.entry - 1 };
  };
  // Work items: a node (object or null), or a function to run.
  const work = [program];
  while (work.length > 0) {
    const item = work.pop();
    if (typeof item === 'function') {
      item();
      continue;
    }
    if (item === null || item === undefined) {
      sink.byte(0);
      continue;
    }
    const node = item;
    const kind = KIND.get(wireKind(node));
    if (kind === undefined) throw new Error(`forge: no wire kind for ${node.type}`);
    // Bit 7 of the tag: the start, and the end if stored, fall where predicted. The end's cursor
    // is the end of the last child in wire order (or the start): known here, from the tree.
    const startResidual = node.start - pos - expected;
    const endResidual = kind.endLength ? 0 : node.end - (lastChildEnd(node, kind) ?? node.start) - kind.endExpect;
    const hit = startResidual === 0 && endResidual === 0;
    if (hit) {
      sink.byte(kind.tag | 128);
    } else {
      sink.byte(kind.tag);
      sink.varint(zigzag(startResidual));
    }
    pos = node.start;
    const attrsAt = sink.length;
    if (kind.attrBits > 0) {
      let attrs = 0;
      for (const w of kind.wire) {
        if (w.type === 'bool' && wireValue(node, w) === true) attrs += 2 ** w.bit;
        if (w.type === 'enum') {
          const at = MODEL.enums[w.enumName].indexOf(wireValue(node, w));
          if (at < 0) throw new Error(`forge: ${node.type}.${w.name} = ${wireValue(node, w)}`);
          attrs += at * 2 ** w.bit;
        }
      }
      sink.varint(attrs);
    }
    const tasks = [];
    for (const w of kind.wire) {
      const value = wireValue(node, w);
      if (w === kind.skip?.item) tasks.push(beginBody(attrsAt, 2 ** kind.skip.bit));
      switch (w.type) {
        case 'node':
        case 'node?':
          tasks.push(expect(w.expect), value ?? null);
          break;
        case 'node[]':
        case '(node|null)[]':
          tasks.push(() => sink.varint(value.length));
          value.forEach((element, i) => tasks.push(expect(i === 0 ? w.expectFirst : w.expectRest), element ?? null));
          break;
        case 'string':
          tasks.push(() => codes.push(stringCode(value)));
          break;
        case 'string?':
          tasks.push(() => codes.push(value === null ? 0 : stringCode(value) + 1));
          break;
        case 'uint':
          tasks.push(() => sink.varint(value));
          break;
        case 'f64':
          tasks.push(() => {
            const b = new Uint8Array(8);
            new DataView(b.buffer).setFloat64(0, value, true);
            sink.bytes(b);
          });
          break;
        default:
          break; // bool, enum: in the attribute word
      }
      if (w === kind.skip?.item) tasks.push(endBody);
    }
    tasks.push(() => {
      if (kind.endLength) {
        pos = node.end;
      } else {
        if (!hit) sink.varint(zigzag(node.end - pos - kind.endExpect));
        pos = node.end;
      }
    });
    for (let i = tasks.length - 1; i >= 0; i--) work.push(tasks[i]);
  }
  return assemble(
    { strings: stringsSection(strings), nodes: sink.result(), ...refsSection(codes), lines: linesSection(source), bodies: bodiesSection(entries), module },
    xxh32,
  );
}

/** The end of the last non-null child of `node` in wire order, or null. */
function lastChildEnd(node, kind) {
  for (let i = kind.wire.length - 1; i >= 0; i--) {
    const w = kind.wire[i];
    const value = wireValue(node, w);
    if ((w.type === 'node' || w.type === 'node?') && value) return value.end;
    if (w.type === 'node[]' || w.type === '(node|null)[]') {
      for (let j = value.length - 1; j >= 0; j--) if (value[j]) return value[j].end;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tree comparison without recursion (trees here may be 100,000 levels deep). Same rules as
// test/helpers/canonical.ts: own enumerable keys in order, primitives by Object.is, bigint by
// value, RegExp by its text, holes, prototypes ignored.

function show(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 60) + '...' : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return `[array ${value.length}]`;
  if (value !== null && typeof value === 'object') return `{${typeof value.type === 'string' ? value.type : 'object'}}`;
  return String(value);
}

/** Path of the first difference, e.g. `body[0].expression.end: 3 vs 4`, or null. */
export function treeDifference(a, b) {
  const stack = [[a, b, '']];
  while (stack.length > 0) {
    const [x, y, path] = stack.pop();
    const where = path || '(root)';
    const xo = x !== null && typeof x === 'object' && !(x instanceof RegExp);
    const yo = y !== null && typeof y === 'object' && !(y instanceof RegExp);
    if (!xo || !yo) {
      if (xo || yo) return `${where}: ${show(x)} vs ${show(y)}`;
      if (x instanceof RegExp || y instanceof RegExp) {
        if (!(x instanceof RegExp && y instanceof RegExp) || String(x) !== String(y)) return `${where}: ${show(x)} vs ${show(y)}`;
      } else if (!Object.is(x, y)) {
        return `${where}: ${show(x)} vs ${show(y)}`;
      }
      continue;
    }
    if (Array.isArray(x) !== Array.isArray(y)) return `${where}: ${show(x)} vs ${show(y)}`;
    const pending = [];
    if (Array.isArray(x)) {
      if (x.length !== y.length) return `${where}: length ${x.length} vs ${y.length}`;
      for (let i = 0; i < x.length; i++) {
        const xi = i in x, yi = i in y;
        if (xi !== yi) return `${path}[${i}]: ${xi ? show(x[i]) : '<hole>'} vs ${yi ? show(y[i]) : '<hole>'}`;
        if (xi) pending.push([x[i], y[i], `${path}[${i}]`]);
      }
    } else {
      const kx = Object.keys(x), ky = Object.keys(y);
      if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i])) {
        return `${where}: keys [${kx.join(',')}] vs [${ky.join(',')}]`;
      }
      for (const k of kx) pending.push([x[k], y[k], path ? `${path}.${k}` : k]);
    }
    // Reverse so that the first difference in document order is found first.
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]);
  }
  return null;
}

/**
 * A canonical text of a tree under the same rules as treeDifference, built without
 * recursion: compares trees that live in different threads (equal texts, equal trees).
 */
export function treeText(tree) {
  const parts = [];
  const stack = [tree];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === CLOSE_OBJECT || value === CLOSE_ARRAY || value === HOLE) {
      parts.push(value === HOLE ? '<hole>' : value === CLOSE_OBJECT ? '}' : ']');
      continue;
    }
    if (value instanceof Key) {
      parts.push(value.text);
      continue;
    }
    if (typeof value === 'string') {
      parts.push(JSON.stringify(value));
      continue;
    }
    if (value === null || typeof value !== 'object') {
      parts.push(typeof value === 'bigint' ? `${value}n` : Object.is(value, -0) ? '-0' : String(value));
      continue;
    }
    if (value instanceof RegExp) {
      parts.push(`/${value.source}/${value.flags}`);
      continue;
    }
    if (Array.isArray(value)) {
      parts.push('[');
      stack.push(CLOSE_ARRAY);
      for (let i = value.length - 1; i >= 0; i--) stack.push(i in value ? value[i] : HOLE);
    } else {
      parts.push('{');
      stack.push(CLOSE_OBJECT);
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) stack.push(value[keys[i]], KEYS.get(keys[i]) ?? key(keys[i]));
    }
  }
  return parts.join(',');
}
const CLOSE_OBJECT = Symbol('}');
const CLOSE_ARRAY = Symbol(']');
const HOLE = Symbol('hole');
/** An object key on the stack (distinct from a string value). */
class Key {
  constructor(name) {
    this.text = `${JSON.stringify(name)}:`;
  }
}
const KEYS = new Map();
function key(name) {
  const marker = new Key(name);
  KEYS.set(name, marker);
  return marker;
}

/** Nesting depth of a tree (objects and arrays), without recursion. */
export function treeDepth(tree) {
  let max = 0;
  const stack = [[tree, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop();
    if (depth > max) max = depth;
    if (value === null || typeof value !== 'object' || value instanceof RegExp) continue;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return max;
}

// ---------------------------------------------------------------------------------------------
// Corpus.

const NODE_MODULES = join(REPO_ROOT, 'node_modules');

/** Real files for the fuzzers: lodash, and every `step`-th test262 pass file. */
export function fuzzCorpus({ test262Step = 20 } = {}) {
  const files = [{ name: 'lodash/lodash.js', source: readFileSync(join(NODE_MODULES, 'lodash/lodash.js'), 'utf8'), sourceType: 'script' }];
  const dir = join(NODE_MODULES, 'test262-parser-tests/pass');
  const names = readdirSync(dir).filter((n) => n.endsWith('.js')).sort();
  for (let i = 0; i < names.length; i += test262Step) {
    const name = names[i];
    files.push({
      name: `test262/pass/${name}`,
      source: readFileSync(join(dir, name), 'utf8'),
      sourceType: name.endsWith('.module.js') ? 'module' : 'script',
    });
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// Decode fuzzer: mutated binaries must decode to a tree or throw a BinastError.

const MUTATIONS = ['flip', 'byte', 'nudge', 'nudge', 'truncate', 'splice', 'insert', 'delete', 'forge-varint', 'forge-u32', 'header-length', 'skip-entry'];

/** One mutation of `bytes` (a copy). `other` is another binary to splice from. */
export function mutateBinary(random, bytes, other) {
  const kind = random.pick(MUTATIONS);
  let out = bytes.slice();
  const at = () => random.int(out.length);
  switch (kind) {
    case 'flip': {
      const n = random.range(1, 8);
      for (let i = 0; i < n; i++) out[at()] ^= 1 << random.int(8);
      break;
    }
    case 'byte': {
      const n = random.range(1, 4);
      for (let i = 0; i < n; i++) out[at()] = random.chance(0.5) ? random.int(256) : random.pick([0, 1, 0x7f, 0x80, 0xff]);
      break;
    }
    case 'nudge': {
      // A small change to a node-section byte (a delta, an attribute word, a tag) or a string reference:
      // often still well-formed, so it reaches the tree-building code.
      if (out.length > HEADER_LENGTH + 8) {
        const { nodes, refs } = layout(out);
        const section = random.chance(0.3) ? refs : nodes;
        const from = Math.min(Math.max(HEADER_LENGTH, section.start), out.length - 1);
        const to = Math.min(Math.max(from + 1, section.end), out.length);
        const where = from + random.int(to - from);
        out[where] = (out[where] + random.pick([1, -1, 2, -2])) & 255;
      }
      break;
    }
    case 'truncate':
      out = out.slice(0, random.int(out.length));
      break;
    case 'splice': {
      const from = random.int(other.length);
      const length = random.range(1, Math.min(256, other.length - from));
      const to = at();
      const piece = other.subarray(from, from + length);
      const replaced = random.range(0, Math.min(256, out.length - to));
      const joined = new Uint8Array(out.length - replaced + piece.length);
      joined.set(out.subarray(0, to));
      joined.set(piece, to);
      joined.set(out.subarray(to + replaced), to + piece.length);
      out = joined;
      break;
    }
    case 'insert': {
      const to = at();
      const piece = Array.from({ length: random.range(1, 16) }, () => random.int(256));
      out = Uint8Array.from([...out.subarray(0, to), ...piece, ...out.subarray(to)]);
      break;
    }
    case 'delete': {
      const from = at();
      const length = random.range(1, 64);
      out = Uint8Array.from([...out.subarray(0, from), ...out.subarray(from + length)]);
      break;
    }
    case 'forge-varint': {
      // A huge count or index where a varint was: 2^31, 2^53 - 1 or a random large value.
      const value = random.pick([2 ** 31, 2 ** 32 - 1, 2 ** 53 - 1, 2 ** 20 + random.int(2 ** 30), 2 ** 28]);
      const encoded = varint(value);
      const to = Math.max(HEADER_LENGTH, at());
      out = Uint8Array.from([...out.subarray(0, to), ...encoded, ...out.subarray(to + random.range(1, 2))]);
      break;
    }
    case 'forge-u32': {
      const to = Math.max(HEADER_LENGTH, at());
      if (to + 4 <= out.length) out.set(u32(random.pick([0xffffffff, 0x7fffffff, random.next(), random.int(1024)])), to);
      break;
    }
    case 'skip-entry': {
      // One field of one skip entry changed (the bodies section rewritten consistently).
      const entries = readBodies(out);
      if (entries.length === 0) break;
      const entry = random.pick(entries);
      const field = random.pick(['node', 'refs', 'fresh', 'delta', 'nested']);
      entry[field] = field === 'nested'
        ? Math.min(entries.length - 1 - entries.indexOf(entry), Math.max(0, entry.nested + random.pick([1, -1])))
        : Math.max(field === 'delta' ? -(2 ** 20) : 0, entry[field] + random.pick([1, -1, 2, -2, 100, 2 ** 20]));
      const { bodies } = layout(out);
      const section = Uint8Array.from(bodiesSection(entries));
      const joined = new Uint8Array(out.length - (bodies.end - bodies.start) + section.length);
      joined.set(out.subarray(0, bodies.start));
      joined.set(section, bodies.start);
      joined.set(out.subarray(bodies.end), bodies.start + section.length);
      joined.set(u32(section.length), bodies.field);
      out = joined;
      break;
    }
    case 'header-length': {
      const field = random.pick([12, 16, 20, 24, 28, 32]);
      if (out.length >= 32) {
        const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
        const old = view.getUint32(field, true);
        const delta = random.pick([1, -1, 2, -2, 1000, -1000]);
        view.setUint32(field, random.chance(0.8) ? Math.max(0, old + delta) >>> 0 : random.next(), true);
      }
      break;
    }
  }
  return { kind, bytes: out };
}

/**
 * Decode-fuzz bases whose every function body has a skip entry (forged from acorn's trees), so
 * that mutations meet many entries: `count` files of `corpus` (lodash left out), `weight` each.
 */
export function forgedLazyBases(corpus, { decode, xxh32, acorn }, { count = 10, weight = 2 } = {}) {
  const bases = [];
  for (const file of corpus.filter((f) => !f.name.startsWith('lodash')).slice(0, count)) {
    let tree;
    try {
      tree = acorn.parse(file.source, { ecmaVersion: 'latest', sourceType: file.sourceType });
    } catch {
      continue;
    }
    const bytes = forge(tree, file.source, xxh32, { skipAtLeast: 0 });
    for (let i = 0; i < weight; i++) bases.push({ name: `${file.name} (forged, every body lazy)`, bytes, tree: decode(bytes) });
  }
  return bases;
}

const equalBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Runs `iterations` decode-fuzz cases (or until `deadline`, a performance.now() value).
 * `api`: { decode, BinastError, xxh32 }. `bases`: [{ name, bytes, tree }] where `tree` is the
 * expected result of decode(bytes, {}). Returns counts and failures (never throws itself).
 */
export function fuzzDecode(api, bases, { seed, iterations = Infinity, deadline = Infinity }) {
  const random = createRandom(seed);
  const stats = { seed, cases: 0, decodes: 0, trees: 0, errors: {}, unchanged: 0, slowestMs: 0, failures: [] };
  const OPTIONS = [{}, { locations: true }, { ranges: true }, { locations: true, ranges: true }];
  for (let i = 0; i < iterations && performance.now() < deadline; i++) {
    const base = random.pick(bases);
    const other = random.pick(bases);
    const { kind, bytes: mutated } = mutateBinary(random, base.bytes, other.bytes);
    const variants = [
      ['raw', mutated],
      ['resealed', reseal(mutated, api.xxh32)],
    ];
    stats.cases++;
    for (const [variant, bytes] of variants) {
      const unchanged = equalBytes(bytes, base.bytes);
      const options = unchanged ? {} : { ...random.pick(OPTIONS) };
      const comments = [];
      if (!unchanged && random.chance(0.3)) options.onComment = comments;
      // Half the decodes are lazy, and then read every body (nested ones too) at once.
      if (random.chance(0.5)) options.lazy = true;
      const started = performance.now();
      let outcome;
      try {
        const tree = api.decode(bytes, options);
        if (options.lazy) treeDepth(tree);
        outcome = { tree };
      } catch (error) {
        outcome = { error };
      }
      const ms = performance.now() - started;
      stats.decodes++;
      if (ms > stats.slowestMs) stats.slowestMs = ms;
      const where = `seed ${seed} case ${i} (${kind}, ${variant}, base ${base.name})`;
      if (outcome.error !== undefined) {
        const e = outcome.error;
        if (e instanceof api.BinastError) {
          stats.errors[e.code] = (stats.errors[e.code] ?? 0) + 1;
          if (unchanged) stats.failures.push(`${where}: unchanged bytes threw ${e.code}: ${e.message}`);
          else if (variant === 'raw' && e.code === 'LIMIT') stats.failures.push(`${where}: LIMIT before the checksum: ${e.message}`);
        } else {
          stats.failures.push(`${where}: threw ${e?.constructor?.name}: ${e?.message ?? e}`);
        }
        continue;
      }
      stats.trees++;
      const tree = outcome.tree;
      if (unchanged) {
        stats.unchanged++;
        const diff = treeDifference(tree, base.tree);
        if (diff) stats.failures.push(`${where}: unchanged bytes decode differently: ${diff}`);
      } else if (variant === 'raw') {
        // A checksum collision is a 2^-32 event: anything decoding here is a missed check.
        stats.failures.push(`${where}: damaged bytes decoded without a checksum error`);
      } else if (tree === null || typeof tree !== 'object') {
        stats.failures.push(`${where}: decode returned ${typeof tree}`);
      }
      if (ms > 5000) stats.failures.push(`${where}: decode took ${ms.toFixed(0)} ms`);
    }
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Encode fuzzer: mutated and generated sources must round-trip identically to acorn, or be
// rejected by both.

const TOKENS = [
  '(', ')', '[', ']', '{', '}', ';', ',', '.', '...', '?.', '?', ':', '=>', '=', '==', '===', '+', '++', '-', '--',
  '*', '**', '/', '%', '!', '~', '&&', '||', '??', '??=', '||=', '&&=', '<', '>>>', '<=', 'in', 'of', 'instanceof',
  'typeof', 'void', 'delete', 'new', 'new.target', 'this', 'super', 'class', 'extends', 'static', 'get', 'set',
  'function', 'function*', 'async', 'await', 'yield', 'yield*', 'return', 'if', 'else', 'for', 'while', 'do',
  'break', 'continue', 'switch', 'case', 'default', 'try', 'catch', 'finally', 'throw', 'var', 'let', 'const',
  'using', 'import', 'export', 'from', 'as', 'with', 'debugger', 'label:', 'null', 'true', 'false', 'undefined',
  'arguments', 'eval', '#x', 'a', 'b', 'x', '0', '1', '0x1F', '1e3', '.5', '08', '0o7', '0b1', '1_000', '1n',
  '"s"', "'s'", '"\\u0061"', "'\\x41'", '"\\0"', '`t`', '`a${b}c`', 'tag`x`', '`\\unicode`', '/re/g', '/[/]/v',
  '/(?<n>a)\\k<n>/u', '\\u0061', '\\u{62}', 'π', '℮', '𝑥', '\u00a0', '\u2028', '\u2029', '\r\n', '\n', '\t',
  '/* c */', '// c\n', '<!-- c\n', '\n--> c\n', '#!x\n', 'import.meta', 'import("m")', 'a?.[0]', 'a?.()',
  '"use strict";', 'async () => {}', '(a, b) => a', 'function* g() { yield 1 }', 'class C { #p = 1; static { } }',
  'for await (x of y);', 'let [a, ...b] = c;', '({a, b: [c] = d, ...e} = f);', 'x => x', '\\', '@', '\u200c',
];

/**
 * Sources from a tiny grammar: deep-ish and varied. Most are valid (the grammar tracks
 * whether it is in a function, a generator, an async function, a loop, a module's top
 * level); a few odd choices (`yield`/`await`/`let` as names, bad template escapes, private
 * names) keep the error paths busy.
 */
export function generateSource(random, budget = 40, sourceType = 'script') {
  let remaining = budget;
  const odd = () => random.chance(0.04);
  const ident = (ctx) =>
    odd() ? random.pick(['yield', 'await', 'let', 'async', 'of', 'get', 'static', 'ℯ', '\\u0061', 'arguments', 'eval']) : random.pick(['a', 'b', 'c', 'x', 'y', 'n', 'o', 's', '$', '_t']);
  const leaf = (ctx) =>
    random.pick([ident(ctx), ident(ctx), '1', '0.5', '1e3', '0x1F', '2n', '"s"', "'q'", '`t`', 'this', 'null', 'true', '/r/g', '[]', '{}', 'o.p']);
  const expr = (depth, ctx) => {
    remaining--;
    if (depth > 6 || remaining <= 0) return leaf(ctx);
    const e = (c = ctx) => expr(depth + 1, c);
    switch (random.int(18)) {
      case 0: return `${e()} ${random.pick(['+', '-', '*', '**', '/', '%', '<<', '>>>', '&', '|', '^', '==', '!==', '<', '>=', 'in', 'instanceof', '&&', '||', ','])} ${e()}`;
      case 1: return `(${e()})`;
      case 2: return `${random.pick(['!', '-', '+', '~', 'typeof ', 'void ', 'new '])}${e()}`;
      case 3: return `${e()} ? ${e()} : ${e()}`;
      case 4: return `${random.pick(['a', 'b', 'o.p', 'o[0]', '[a, b]', '({a} )'.trim()])} ${random.pick(['=', '+=', '**=', '??=', '||=', '&&=', '>>>='])} ${e()}`;
      case 5: return `${e()}${random.pick(['.p', '?.p', '[0]', '?.[0]', '()', '?.()', '`t${1}`', '.q.r', '(1, 2)'])}`;
      case 6: return `[${Array.from({ length: random.int(4) }, () => (random.chance(0.15) ? '' : random.chance(0.2) ? `...${e()}` : e())).join(', ')}]`;
      case 7: return `({${Array.from({ length: random.int(4) }, () => random.pick([ident(ctx), `${ident(ctx)}: ${e()}`, `[${e()}]: 1`, `${ident(ctx)}() {}`, `get ${ident(ctx)}() { return 1 }`, `set k(v) {}`, `...${e()}`, `async *${ident(ctx)}() {}`, `"k": 1`, `1: 2`])).join(', ')}})`;
      case 8: {
        const async = random.chance(0.3);
        const inner = { ...ctx, fn: true, async, generator: false, loop: false };
        return `${async ? 'async ' : ''}(${random.pick(['', 'a', 'a, b', '...r', '[a] = []', '{a}', 'a = 1'])}) => ${random.chance(0.5) ? e(inner) : `{ ${block(depth + 1, inner)} }`}`;
      }
      case 9: {
        const kind = random.pick(['function', 'function*', 'async function', 'async function*']);
        const inner = { ...ctx, fn: true, async: kind.startsWith('async'), generator: kind.endsWith('*'), loop: false };
        return `(${kind} ${random.chance(0.5) ? 'f' : ''}(${random.pick(['', 'a', 'a = 1', '...r', 'a, b'])}) { ${block(depth + 1, inner)} })`;
      }
      case 10: {
        const inner = { ...ctx, fn: true, async: false, generator: false, loop: false };
        return `(class ${random.chance(0.5) ? 'K' : ''} ${random.chance(0.3) ? `extends ${e()}` : ''} { ${random.pick(['', 'constructor() { super(); }', 'static x = 1;', '#p = 1; m() { return this.#p }', `static { ${block(depth + 1, inner)} }`, 'get [a]() {}', 'accessor z;', `m(a) { ${block(depth + 1, inner)} }`, '*g() { yield 1 }', 'async am() { await 1 }'])} })`;
      }
      case 11: return `\`${random.pick(['', 'a', '\\n', '\\u{41}', odd() ? '\\x' : ''])}\${${e()}}${random.pick(['', 'z', '\\`'])}\``;
      case 12: return ctx.generator ? `yield ${random.chance(0.3) ? '* ' : ''}${e()}` : e();
      case 13: return ctx.async ? `await ${e()}` : e();
      case 14: return `import(${e()})`;
      case 15: return `${e()} ?? ${e()}`;
      case 16: return `tag\`a\${${e()}}b\``;
      default: return `${ident(ctx)}(${e()})`;
    }
  };
  const block = (depth, ctx) => Array.from({ length: random.range(0, 3) }, () => stmt(depth + 1, { ...ctx, top: false })).join(' ');
  const stmt = (depth, ctx) => {
    remaining--;
    const e = () => expr(depth + 1, ctx);
    const s = (c = ctx) => stmt(depth + 1, { ...c, top: false });
    if (depth > 5 || remaining <= 0) return `${e()};`;
    switch (random.int(18)) {
      case 0: return `${random.pick(['var', 'let', 'const'])} ${random.pick(['v' + random.int(9), '[d, e]', '{f, g: h}'])} = ${e()};`;
      case 1: return `if (${e()}) ${s()}${random.chance(0.5) ? ` else ${s()}` : ''}`;
      case 2: return `for (${random.pick(['let i = 0; i < n; i++', 'const k in o', 'const v of a', ';;', 'x of y', 'var j in o'])}) ${s({ ...ctx, loop: true })}`;
      case 3: return `while (${e()}) ${s({ ...ctx, loop: true })}`;
      case 4: return `{ ${block(depth, ctx)} }`;
      case 5: return `try { ${block(depth, ctx)} } ${random.pick(['catch (err) {}', 'catch {}', 'finally {}', 'catch ([err]) {} finally {}'])}`;
      case 6: return `switch (${e()}) { case 1: ${s()} default: break; }`;
      case 7: return `lbl${random.int(3)}: ${s()}`;
      case 8: return ctx.fn ? `return ${e()};` : `${e()};`;
      case 9: {
        const kind = random.pick(['function', 'function*', 'async function']);
        const inner = { ...ctx, fn: true, async: kind.startsWith('async'), generator: kind.endsWith('*'), loop: false };
        return `${kind} fn${random.int(50)}(${random.pick(['', 'p, q', 'p', '...p', 'p = 1'])}) { ${random.chance(0.2) ? '"use strict"; ' : ''}${block(depth, inner)} }`;
      }
      case 10:
        return ctx.top && sourceType === 'module'
          ? random.pick(['export default 1;', `export const e${random.int(50)} = 1;`, 'import x0 from "m";', 'import * as ns from "m";', 'export { a as b };', 'import "m" with { type: "json" };', 'export * as q from "m";'])
          : `${e()};`;
      case 11: return `do ${s({ ...ctx, loop: true })} while (${e()})`;
      case 12: return sourceType === 'script' && !ctx.strict ? `with (${e()}) ${s()}` : `${e()};`;
      case 13: return ctx.loop ? random.pick(['break;', 'continue;']) : `${e()};`;
      case 14: return `class C${random.int(50)} ${random.chance(0.3) ? 'extends B ' : ''}{ ${random.pick(['', 'static #s = 1; static m() { return C.#s }', `m() { ${block(depth, { ...ctx, fn: true, async: false, generator: false, loop: false })} }`])} }`;
      case 15: return 'throw new Error("x");';
      default: return `${e()};`;
    }
  };
  const parts = [];
  const top = { fn: false, async: false, generator: false, loop: false, top: true, strict: sourceType === 'module' };
  if (random.chance(0.1)) parts.push('"use strict";');
  while (remaining > 0) parts.push(stmt(0, top));
  return parts.join(random.pick(['\n', ' ', ';\n', '\r\n']));
}

/**
 * Programs made of declarations of a few names in nested scopes: every kind of declaration
 * (var, let, const, class, plain/generator/async functions, parameters, catch parameters,
 * imports) in every kind of scope (blocks, functions, arrows, catch clauses, loop heads,
 * switch cases, static blocks, labelled and `if`-statement functions, `with`), sloppy and
 * strict. Most clash somewhere; the early errors for redeclarations (with Annex B's
 * exceptions) are where parsers disagree most, and what the other generators rarely reach.
 */
export function generateDeclarations(random, budget = 12, sourceType = 'script') {
  let remaining = budget;
  const name = () => random.pick(['a', 'a', 'e', 'e', 'f']);
  const pattern = () => (random.chance(0.8) ? name() : random.pick([`[${name()}]`, `{${name()}}`, `[${name()}, ${name()}]`, `{x: ${name()} = 1}`]));
  const params = () => Array.from({ length: random.int(3) }, pattern).join(', ');
  const fnKind = () => random.pick(['function', 'function', 'function*', 'async function', 'async function*']);
  const list = (depth) => Array.from({ length: random.range(0, 3) }, () => stmt(depth + 1)).join(' ');
  const stmt = (depth) => {
    remaining--;
    if (depth > 4 || remaining <= 0) {
      return random.pick([`var ${name()};`, `let ${name()};`, `const ${name()} = 1;`, `function ${name()}() {}`, `class ${name()} {}`, `${name()};`]);
    }
    switch (random.int(17)) {
      case 0: case 1: return `${random.pick(['var', 'var', 'let', 'const'])} ${pattern()}${random.chance(0.3) ? `, ${pattern()}` : ''} = 1;`;
      case 2: case 3: return `${fnKind()} ${name()}(${params()}) { ${list(depth)} }`;
      case 4: return `class ${name()} { ${random.pick(['', `m(${params()}) { ${list(depth)} }`, `static { ${list(depth)} }`])} }`;
      case 5: case 6: return `{ ${list(depth)} }`;
      case 7: return `try { ${list(depth)} } catch ${random.pick([`(${name()})`, `(${name()})`, `([${name()}])`, `({${name()}})`, ''])} { ${list(depth)} }`;
      case 8: return `if (c) ${random.chance(0.5) ? `function ${name()}() {}` : stmt(depth + 1)}${random.chance(0.3) ? ` else ${random.chance(0.5) ? `function ${name()}() {}` : stmt(depth + 1)}` : ''}`;
      case 9: return `l${random.int(2)}: ${random.chance(0.5) ? `function ${name()}() {}` : stmt(depth + 1)}`;
      case 10: return `for (${random.pick(['var', 'let', 'const'])} ${pattern()} ${random.pick(['of', 'in'])} x) ${stmt(depth + 1)}`;
      case 11: return `for (${random.pick(['var', 'let'])} ${name()} = 0;;) ${stmt(depth + 1)}`;
      case 12: return `switch (x) { case 1: ${list(depth)} default: ${list(depth)} }`;
      case 13: return `(${fnKind()}(${params()}) { ${list(depth)} });`;
      case 14: return `((${params()}) => { ${list(depth)} });`;
      case 15: return `with (o) ${stmt(depth + 1)}`;
      default: return sourceType === 'module' && depth === 0
        ? random.pick([`import ${name()} from "m";`, `import {${name()}} from "m";`, `export ${random.pick(['var', 'let'])} ${name()};`, `export function ${name()}() {}`, `export default function ${name()}() {}`, `export {${name()}};`])
        : `${name()};`;
    }
  };
  const parts = random.chance(0.15) ? ['"use strict";'] : [];
  while (remaining > 0) parts.push(stmt(0));
  return parts.join(random.pick([' ', '\n']));
}

/** One source to try: a mutated corpus slice, a generated program (of any statements, or of
 * declarations), or a token soup. */
export function fuzzSource(random, corpus) {
  const choice = random.int(10);
  if (choice < 4) {
    const sourceType = random.pick(['script', 'module']);
    return { origin: 'generated', source: generateSource(random, random.range(5, 60), sourceType), sourceType };
  }
  if (choice === 4) {
    const sourceType = random.pick(['script', 'script', 'module']);
    return { origin: 'declarations', source: generateDeclarations(random, random.range(2, 14), sourceType), sourceType };
  }
  if (choice === 5) {
    const n = random.range(1, 20);
    return { origin: 'tokens', source: Array.from({ length: n }, () => random.pick(TOKENS)).join(random.pick([' ', '', '\n'])), sourceType: random.pick(['script', 'module']) };
  }
  const file = random.pick(corpus);
  let source = file.source;
  if (source.length > 4000) {
    const start = random.int(source.length - 2000);
    source = source.slice(start, start + random.range(200, 2000));
  }
  const edits = random.range(1, 3);
  for (let e = 0; e < edits; e++) {
    const at = random.int(source.length + 1);
    switch (random.int(8)) {
      case 6:
      case 7: source = source.slice(0, at) + random.pick([' ', '\n', '/**/', '\t', '\r\n', '\u2028', '//c\n', '\ufeff']) + source.slice(at); break;
      case 0: source = source.slice(0, at) + random.pick(TOKENS) + source.slice(at); break;
      case 1: source = source.slice(0, at) + source.slice(at + random.range(1, 20)); break;
      case 2: {
        const from = random.int(source.length);
        source = source.slice(0, at) + source.slice(from, from + random.range(1, 40)) + source.slice(at);
        break;
      }
      case 3: source = source.slice(0, at) + String.fromCharCode(random.pick([0x20, 0x0a, 0x28, 0x29, 0x7b, 0x7d, 0x5c, 0x60, 0x24, 0x2f, 0x23, 0x22, 0x27, 0xa0, 0xfeff, 0x2028, 0x3000, 0x41 + random.int(26)])) + source.slice(at); break;
      case 4: source = source.slice(0, at) + random.pick(TOKENS) + ' ' + random.pick(TOKENS) + source.slice(at); break;
      default: source = random.pick(TOKENS) + ' ' + source; break;
    }
  }
  return { origin: `mutated ${file.name}`, source, sourceType: random.chance(0.2) ? (file.sourceType === 'module' ? 'script' : 'module') : file.sourceType };
}

/**
 * acorn's and binast's outcome for one source: 'ok' with a tree difference, or an error. With
 * `api.jsx` (acorn-jsx's parser, `acorn.Parser.extend(acornJsx())`), the source is JSX: acorn-jsx
 * judges and binast encodes with `{ jsx: true }`.
 */
export function compareWithAcorn(api, source, sourceType, optionsVariant = 0) {
  const parser = api.jsx ?? api.acorn;
  const OPTIONS = [{}, { locations: true }, { ranges: true }, { locations: true, ranges: true }];
  const options = OPTIONS[optionsVariant % 4];
  let expected, acornError;
  const acornComments = [];
  try {
    expected = parser.parse(source, { ecmaVersion: 'latest', sourceType, ...options, onComment: acornComments });
  } catch (error) {
    acornError = error;
  }
  let bytes, binastError;
  try {
    bytes = api.encode(source, { sourceType, comments: true, ...(api.jsx ? { jsx: true } : {}) });
  } catch (error) {
    binastError = error;
  }
  const acornOutcome = acornError ? `rejects: ${acornError.message}` : 'accepts';
  if (binastError !== undefined) {
    const e = binastError;
    const name = e instanceof api.BinastError ? `BinastError ${e.code}` : e?.constructor?.name;
    const binastOutcome = `${e instanceof SyntaxError ? 'rejects' : 'throws ' + name}: ${e?.message}`;
    if (e instanceof api.BinastError && e.code === 'UNSUPPORTED_SOURCE' && !source.isWellFormed()) {
      return { status: 'unsupported', acornOutcome, binastOutcome };
    }
    if (e instanceof api.BinastError && e.code === 'LIMIT' && acornError && /stack space/.test(acornError.message)) {
      return { status: 'both-limit', acornOutcome, binastOutcome };
    }
    if (!(e instanceof SyntaxError) || e instanceof api.BinastError) {
      return { status: 'crash', acornOutcome, binastOutcome };
    }
    if (typeof e.pos !== 'number' || typeof e.loc?.line !== 'number') return { status: 'crash', acornOutcome, binastOutcome: `SyntaxError without pos/loc: ${e.message}` };
    return acornError ? { status: 'both-reject', acornOutcome, binastOutcome } : { status: 'disagree', kind: 'binast-rejects', acornOutcome, binastOutcome };
  }
  if (acornError) return { status: 'disagree', kind: 'binast-accepts', acornOutcome, binastOutcome: 'accepts' };
  let actual;
  const comments = [];
  try {
    actual = api.decode(bytes, { ...options, onComment: comments });
  } catch (error) {
    return { status: 'crash', acornOutcome, binastOutcome: `decode of its own output threw ${error?.constructor?.name}: ${error?.message}` };
  }
  const diff = treeDifference(actual, expected) ?? (treeDifference(comments, acornComments) && `comments: ${treeDifference(comments, acornComments)}`);
  if (diff) return { status: 'disagree', kind: 'tree', acornOutcome, binastOutcome: `different tree (${JSON.stringify(options)}): ${diff}` };
  return { status: 'same', acornOutcome, binastOutcome: 'accepts' };
}

/** Shrinks `source` while `still(source)` holds (greedy chunk removal, then single chars). */
export function minimize(source, still, { maxSteps = 4000 } = {}) {
  let best = source;
  let steps = 0;
  for (let chunk = Math.max(1, best.length >> 1); chunk >= 1; chunk = chunk >> 1) {
    let progress = true;
    while (progress && steps < maxSteps) {
      progress = false;
      for (let at = 0; at < best.length && steps < maxSteps; ) {
        const candidate = best.slice(0, at) + best.slice(at + chunk);
        steps++;
        if (candidate.length < best.length && still(candidate)) {
          best = candidate;
          progress = true;
        } else {
          at += chunk;
        }
      }
    }
  }
  return best;
}

/**
 * What kind of disagreement a result is, without positions and tree paths, so that variants
 * of one bug group together: `tree: name: "x" vs "let"`, `binast-rejects: Unexpected token`.
 */
export function signature(result) {
  const strip = (text) => text.replace(/\s*\(\d+:\d+\)/g, '').replace(/\(at byte \d+\)/g, '');
  switch (result.kind) {
    case 'tree': {
      const diff = result.binastOutcome.replace(/^different tree \([^)]*\): /, '');
      const colon = diff.indexOf(': ');
      const path = diff.slice(0, colon);
      const leaf = path.slice(Math.max(path.lastIndexOf('.'), path.lastIndexOf(']')) + 1).replace(/^\./, '');
      return `tree: ${leaf}: ${diff.slice(colon + 2)}`;
    }
    case 'binast-rejects':
      return `binast-rejects: ${strip(result.binastOutcome.replace(/^rejects: /, ''))}`;
    default:
      return `binast-accepts: ${strip(result.acornOutcome.replace(/^rejects: /, ''))}`;
  }
}

/**
 * Runs encode-fuzz cases. `api`: { encode, decode, BinastError, acorn }. `known`: predicates
 * recognising already-recorded disagreements ({ id, test(source, sourceType, result) }).
 * A new disagreement is minimised (when `minimizeNew`) once per signature and returned with
 * how often its signature came up; crashes are failures.
 */
export function fuzzEncode(api, corpus, { seed, iterations = Infinity, deadline = Infinity, known = [], minimizeNew = true, sources = fuzzSource }) {
  const random = createRandom(seed);
  const stats = { seed, cases: 0, same: 0, bothReject: 0, unsupported: 0, bothLimit: 0, knownDisagreements: {}, disagreements: [], failures: [] };
  const bySignature = new Map();
  for (let i = 0; i < iterations && performance.now() < deadline; i++) {
    const { origin, source, sourceType } = sources(random, corpus);
    const variant = random.int(4);
    const result = compareWithAcorn(api, source, sourceType, variant);
    stats.cases++;
    const where = `seed ${seed} case ${i} (${origin}, ${sourceType})`;
    switch (result.status) {
      case 'same': stats.same++; continue;
      case 'both-reject': stats.bothReject++; continue;
      case 'unsupported': stats.unsupported++; continue;
      case 'both-limit': stats.bothLimit++; continue;
      case 'crash':
        stats.failures.push(`${where}: ${result.binastOutcome} [source ${JSON.stringify(source.slice(0, 300))}]`);
        continue;
    }
    const match = known.find((k) => k.test(source, sourceType, result));
    if (match) {
      stats.knownDisagreements[match.id] = (stats.knownDisagreements[match.id] ?? 0) + 1;
      continue;
    }
    const sig = signature(result);
    const seen = bySignature.get(sig);
    if (seen) {
      seen.count++;
      continue;
    }
    const same = (candidate) => {
      const r = compareWithAcorn(api, candidate, sourceType, variant);
      return r.status === 'disagree' && signature(r) === sig;
    };
    const minimal = minimizeNew ? minimize(source, same) : source;
    const final = compareWithAcorn(api, minimal, sourceType, variant);
    const entry = { where, sourceType, source: minimal, original: source.length > 2000 ? source.slice(0, 2000) : source, kind: result.kind, signature: sig, count: 1, acorn: final.acornOutcome, binast: final.binastOutcome };
    bySignature.set(sig, entry);
    stats.disagreements.push(entry);
  }
  return stats;
}
