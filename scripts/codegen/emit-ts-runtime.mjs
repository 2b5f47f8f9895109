// The hand-written part of ts/generated/decoder.ts: stream state, primitives, line lookup and the
// stack-safe path. It lives in the generated module because V8 reads and writes module-level
// `let`s of the same module as context slots, far cheaper than an object or an imported binding
// on the hottest path.
export const RUNTIME = `
let bytes: Uint8Array = EMPTY;
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
/** 0: plain, 1: loc, 2: range, 3: both; selects the set of readers. */
let mode = 0;
/** Start offsets of lines 1..n (mode 1 and 3), and the lines where the last start and end fell. */
let lineStarts: Int32Array = NO_LINES;
let lastLine = 0;
let startCursor = 0;
let endCursor = 0;
/**
 * Nesting levels the readers may still recurse. Real code stays far below ROOM; deeper trees
 * (a chain of thousands of member accesses, a forged file) continue on the stack-safe path,
 * in the same pass.
 */
let room = 0;
/** While a node is rebuilt by its reader on the stack-safe path: its children, already read. */
let replay: any[] | null = null;
let replayCursors: number[] = [];
let replayIndex = 0;

export interface NodeSection {
  bytes: Uint8Array;
  offset: number;
  end: number;
  /** The string-reference section: fixed-width codes, in the order the node stream uses them. */
  refs: { start: number; end: number; width: number };
  strings: readonly string[];
  /** Line start offsets (for \`loc\`), or null. */
  lineStarts: Int32Array | null;
  ranges: boolean;
  /** The bodies section, for a lazy decode (bodies with a skip entry are read on first access); null: eager. */
  bodies: { start: number; end: number } | null;
}

/**
 * Decodes the node section: one Program, which must end exactly at the section's end.
 * Nothing but a BinastError leaves this function: a TypeError or RangeError from forged
 * content (a field of the wrong kind, a read past the end) is reported as CORRUPT.
 */
export function decodeNodeSection(section: NodeSection): any {
  bytes = section.bytes;
  offset = section.offset;
  limit = section.end;
  pos = 0;
  strings = section.strings;
  refOffset = section.refs.start;
  refLimit = section.refs.end;
  refWidth = section.refs.width;
  nextNew = 0;
  lineStarts = section.lineStarts ?? NO_LINES;
  lastLine = lineStarts.length - 1;
  startCursor = 0;
  endCursor = 0;
  mode = (section.lineStarts !== null ? 1 : 0) | (section.ranges ? 2 : 0);
  room = ROOM;
  replay = null;
  startWork(bytes.length);
  const tree = section.bodies === null ? null : { bytes, strings, lineStarts, refWidth, mode, work: 0 };
  if (section.bodies !== null) {
    lazyTree = tree;
    entryOffset = section.bodies.start;
    entryLimit = section.bodies.end;
  }
  try {
    const program = READ_NODE[mode](0);
    if (program === null || program.type !== 'Program') throw corrupt('the node section does not start with a Program');
    if (offset !== limit) throw corrupt(\`the node section has \${limit - offset} bytes left after the Program\`);
    if (refOffset !== refLimit) {
      throw new BinastError('CORRUPT', \`the string-reference section has \${refLimit - refOffset} bytes left after the Program\`, refOffset);
    }
    if (tree !== null && entryOffset !== entryLimit) {
      throw new BinastError('CORRUPT', \`the bodies section has \${entryLimit - entryOffset} bytes left after the Program\`, entryOffset);
    }
    return program;
  } catch (error) {
    throw asBinastError(error);
  } finally {
    if (tree !== null) tree.work = workLeft();
    release();
  }
}

/** What a failed decode reports: a TypeError or RangeError from forged content becomes CORRUPT. */
function asBinastError(error: unknown): BinastError {
  if (error instanceof BinastError) return error;
  if (error instanceof RangeError && offset >= bytes.length) return corrupt('the node section ends inside a node');
  if (error instanceof RangeError && /stack|recursion/i.test(error.message)) {
    // The readers stop recursing at ROOM levels; this is a caller whose stack was nearly full.
    return new BinastError('LIMIT', 'not enough JavaScript stack left to decode', offset);
  }
  return corrupt(\`inconsistent node data (\${error instanceof Error ? error.message : String(error)})\`);
}

/** After a decode or a body read: do not keep the caller's buffer alive. */
function release(): void {
  endWork();
  bytes = EMPTY;
  strings = [];
  lineStarts = NO_LINES;
  replay = null;
  lazyTree = null;
}

function corrupt(message: string): BinastError {
  // A forged stream may be read past its section (and the buffer) before the check at its end.
  return new BinastError('CORRUPT', message, Math.min(offset, bytes.length));
}

function badTag(): BinastError {
  return corrupt(\`unknown node tag \${bytes[offset - 1]}\`);
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

/** A zigzag-coded signed delta (twice per node: the one-byte case without a further call). */
function readDelta(): number {
  const first = bytes[offset++];
  const value = first < 128 ? first : readVarintFrom(first);
  return (value >>> 1) ^ -(value & 1);
}

function readVarintFrom(first: number): number {
  offset--;
  return readVarint();
}

/** Every element takes at least one byte: a longer claim is forged, refuse before allocating. */
function checkListLength(length: number): number {
  if (length > limit - offset) throw corrupt(\`a list claims \${length} elements with \${limit - offset} bytes left\`);
  return length;
}

/**
 * The string of the next string-reference code. Codes are fixed-width little-endian (the width
 * suits the table's size); a read past the section's end is caught by the check after the
 * Program. Code 0: the next string not used before (strings are numbered by first use);
 * k: string k - 1.
 */
function readString(): string {
  const at = refOffset;
  refOffset = at + refWidth;
  const code = refWidth === 2 ? bytes[at] | (bytes[at + 1] << 8) : refWidth === 1 ? bytes[at] : wideRef(at);
  return (code === 0 ? strings[nextNew++] : strings[code - 1]) ?? badString();
}

/** As readString, shifted by one: code 0 is null. */
function readStringOrNull(): string | null {
  const at = refOffset;
  refOffset = at + refWidth;
  const code = refWidth === 2 ? bytes[at] | (bytes[at + 1] << 8) : refWidth === 1 ? bytes[at] : wideRef(at);
  return code === 0 ? null : ((code === 1 ? strings[nextNew++] : strings[code - 2]) ?? badString());
}

/** A 3- or 4-byte code (tables of more than 65,535 strings). */
function wideRef(at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + (refWidth === 4 ? bytes[at + 3] * 0x1000000 : 0);
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
  if (offset + 8 > bytes.length) throw corrupt('the node section ends inside a number');
  for (let i = 0; i < 8; i++) F64_BYTES[i] = bytes[offset + i];
  offset += 8;
  return F64_VIEW.getFloat64(0, true);
}

// Line lookup for \`loc\`: starts arrive in pre-order and ends in post-order, each (almost always)
// ascending, so each has a cursor: its line, or a few lines further (blank lines, comments),
// else a binary search (no forged order of offsets makes a lookup cost more than O(log lines)).

function lineOfStart(at: number): number {
  const line = startCursor;
  if (at >= lineStarts[line] && (line === lastLine || at < lineStarts[line + 1])) return line;
  return (startCursor = findLine(line, at));
}

function lineOfEnd(at: number): number {
  const line = endCursor;
  if (at >= lineStarts[line] && (line === lastLine || at < lineStarts[line + 1])) return line;
  return (endCursor = findLine(line, at));
}

function findLine(line: number, at: number): number {
  let low = 0;
  if (at >= lineStarts[line]) {
    for (let i = 0; i < 8 && line < lastLine && at >= lineStarts[line + 1]; i++) line++;
    if (line === lastLine || at < lineStarts[line + 1]) return line;
    low = line;
  }
  let high = lastLine;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** acorn's \`loc\`: three new objects per node (a tool may mutate one node's loc alone). */
function locOf(start: number, startLine: number, end: number): any {
  const endLine = lineOfEnd(end);
  // Three shallow literals: each is a plain inline allocation, also before V8 optimizes this.
  const from = { line: startLine + 1, column: start - lineStarts[startLine] };
  const to = { line: endLine + 1, column: end - lineStarts[endLine] };
  return { start: from, end: to };
}

// The stack-safe path. When \`room\` runs out, readNodeSlow() reads the subtree at the cursor with
// an explicit stack: each node's items are walked by the table DEEP_OPS (children entered, other
// items skipped), and when its last child is read the node is rebuilt by its own reader, rewound
// to its start, whose readNode calls then return the children already read (with the cursors as
// they were after each). So one reader per kind and mode builds every node, each node's bytes
// are read twice at most, and the pass never restarts.

/**
 * Op codes of DEEP_OPS: the wire items that are not in the attribute word. OP_NODE is followed
 * in DEEP_OPS by its slot's predicted start gap, OP_LIST by the first and later elements'.
 */
const OP_NODE = 0;
const OP_LIST = 1;
const OP_STRING = 2;
const OP_STRING_OR_NULL = 3;
const OP_UINT = 4;

interface DeepFrame {
  ops: readonly number[];
  /** Cursors at the node's tag: offset, pos, refOffset, nextNew, and the predicted start gap. */
  offset: number;
  pos: number;
  refOffset: number;
  nextNew: number;
  expected: number;
  op: number;
  /** Elements of the list being read still to come, and the start gaps predicted for them. */
  listLeft: number;
  listFirst: boolean;
  listGapFirst: number;
  listGapRest: number;
  children: any[];
  /** The four cursors after each child. */
  cursors: number[];
}

const PENDING: unknown = {};
const DONE: unknown = {};

function readNodeSlow(expected: number): any {
  if (replay !== null) {
    const i = replayIndex++;
    if (i >= replay.length) throw corrupt('a node read differently on the stack-safe path');
    offset = replayCursors[4 * i];
    pos = replayCursors[4 * i + 1];
    refOffset = replayCursors[4 * i + 2];
    nextNew = replayCursors[4 * i + 3];
    return replay[i];
  }
  const frames: DeepFrame[] = [];
  let value = enterDeep(frames, expected);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (value !== PENDING) {
      frame.children.push(value);
      frame.cursors.push(offset, pos, refOffset, nextNew);
    }
    value = nextDeep(frame, frames);
    if (value === DONE) {
      frames.pop();
      value = rebuild(frame);
    }
  }
  return value;
}

/**
 * Reads a leaf (or null) at once; pushes a frame for a node with children. \`expected\`: the
 * start gap its slot predicts (its start is pos + expected, plus a residual unless bit 7 of the tag).
 */
function enterDeep(frames: DeepFrame[], expected: number): any {
  const tag = bytes[offset];
  // Bit 7: start and end as predicted (tag 128 is no node: DEEP_OPS[0] is null, the reader refuses it).
  const ops = DEEP_OPS[tag & 127];
  if (ops === undefined) {
    offset++;
    throw badTag();
  }
  if (ops === null) return readOne(expected);
  frames.push({
    ops, offset, pos, refOffset, nextNew, expected, op: 0,
    listLeft: 0, listFirst: false, listGapFirst: 0, listGapRest: 0, children: [], cursors: [],
  });
  offset++;
  pos += expected + (tag > 127 ? 0 : readDelta());
  const attrs = DEEP_ATTRS[tag & 127] === 1 ? readVarint() : 0;
  // A lazy decode reads bodies at once on this path: their entries are passed over in pre-order.
  if ((attrs & DEEP_SKIP[tag & 127]) !== 0 && lazyTree !== null) passEntry();
  return PENDING;
}

/** Walks a frame's items up to its next child: that child's value, PENDING, or DONE. */
function nextDeep(frame: DeepFrame, frames: DeepFrame[]): any {
  for (;;) {
    if (frame.listLeft > 0) {
      frame.listLeft--;
      const gap = frame.listFirst ? frame.listGapFirst : frame.listGapRest;
      frame.listFirst = false;
      return enterDeep(frames, gap);
    }
    if (frame.op === frame.ops.length) return DONE;
    const op = frame.ops[frame.op++];
    if (op === OP_NODE) return enterDeep(frames, frame.ops[frame.op++]);
    if (op === OP_LIST) {
      frame.listGapFirst = frame.ops[frame.op++];
      frame.listGapRest = frame.ops[frame.op++];
      frame.listFirst = true;
      frame.listLeft = checkListLength(readVarint());
    } else if (op === OP_STRING) readString();
    else if (op === OP_STRING_OR_NULL) readStringOrNull();
    else if (op === OP_UINT) readVarint();
    else readF64();
  }
}

/** The node of a finished frame, built by its reader from the children read. */
function rebuild(frame: DeepFrame): any {
  const tag = bytes[frame.offset];
  pos += DEEP_END[tag & 127] + (tag > 127 ? 0 : readDelta());
  const after = offset;
  offset = frame.offset;
  pos = frame.pos;
  refOffset = frame.refOffset;
  nextNew = frame.nextNew;
  replay = frame.children;
  replayCursors = frame.cursors;
  replayIndex = 0;
  const node = readOne(frame.expected);
  replay = null;
  if (offset !== after || replayIndex !== frame.children.length) throw corrupt('a node read differently on the stack-safe path');
  return node;
}

/**
 * One node by its reader, with one level of room (its children come from \`replay\`, if any).
 * A body on this path was read with the walk, so its skip bit is ignored.
 */
function readOne(expected: number): any {
  room = 1;
  // Not lazy while rebuilding: the body's entry was passed over and its nodes are in \`replay\`.
  const tree = lazyTree;
  lazyTree = null;
  const node = READ_NODE[mode](expected);
  lazyTree = tree;
  room = 0;
  return node;
}
`;
