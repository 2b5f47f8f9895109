// The hand-written lazy-body part of ts/generated/decoder.ts (decode(bytes, { lazy: true })):
// skipping a body by its entry in the bodies section, and reading it on first access. It shares
// the module-level state of emit-ts-runtime.mjs, re-established for each body read.
export const LAZY_RUNTIME = `
/** What the unread bodies of one lazy tree share: the buffer, the tables, the work budget left. */
interface LazyTree {
  bytes: Uint8Array;
  strings: readonly string[];
  lineStarts: Int32Array;
  refWidth: number;
  mode: number;
  work: number;
}

/**
 * An unread body: where it lies in the node, string-reference and bodies sections, and the
 * cursors after it (what its entry claims; checked when it is read).
 */
class LazyBody {
  tree: LazyTree;
  /** A list (a static block's statements) rather than one node. */
  list: boolean;
  offset = 0;
  offsetEnd = 0;
  refOffset = 0;
  refEnd = 0;
  nextNew = 0;
  nextNewEnd = 0;
  pos = 0;
  posEnd = 0;
  /** Its slot's predicted start gaps (docs/format.md, Nodes): of the node, or of a list's first and later elements. */
  expect = 0;
  expectRest = 0;
  /** Its nested bodies' entries in the bodies section. */
  entries = 0;
  entriesEnd = 0;
  constructor(tree: LazyTree, list: boolean) {
    this.tree = tree;
    this.list = list;
  }
}

/** The tree being decoded lazily (null in an eager decode and between decodes). */
let lazyTree: LazyTree | null = null;
/** Read position in the bodies section, and the end of the entries the current body holds. */
let entryOffset = 0;
let entryLimit = 0;

function entryVarint(): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (entryOffset >= entryLimit) throw new BinastError('CORRUPT', 'a skip entry runs past the entries it belongs to', entryOffset);
    const byte = bytes[entryOffset++];
    result += (byte & 127) * scale;
    if (byte < 128) return result;
    scale *= 128;
  }
  throw new BinastError('CORRUPT', 'varint longer than 8 bytes in the bodies section', entryOffset);
}

/**
 * Steps over the body at the cursors by its entry (node bytes, string references, new strings,
 * position cursor delta, bytes of nested entries), after checking that it stays inside every
 * section; its contents are checked when it is read.
 */
function skipBody(list: boolean, expect: number, expectRest: number): LazyBody {
  const at = entryOffset;
  const nodeBytes = entryVarint();
  const refBytes = entryVarint() * refWidth;
  const fresh = entryVarint();
  const delta = entryVarint();
  const posEnd = pos + (delta % 2 === 0 ? delta / 2 : -(delta + 1) / 2);
  const nestedBytes = entryVarint();
  if (nodeBytes > limit - offset || refBytes > refLimit - refOffset || fresh > strings.length - nextNew || nestedBytes > entryLimit - entryOffset) {
    throw new BinastError('CORRUPT', 'a skip entry reaches past its sections', at);
  }
  const body = new LazyBody(lazyTree!, list);
  body.offset = offset;
  body.offsetEnd = offset += nodeBytes;
  body.refOffset = refOffset;
  body.refEnd = refOffset += refBytes;
  body.nextNew = nextNew;
  body.nextNewEnd = nextNew += fresh;
  body.pos = pos;
  body.posEnd = pos = posEnd;
  body.expect = expect;
  body.expectRest = expectRest;
  body.entries = entryOffset;
  body.entriesEnd = entryOffset += nestedBytes;
  return body;
}

/**
 * The stack-safe path reads every body it meets (a lazy decode is eager below ROOM levels): it
 * passes over the entry of each skippable body in pre-order, as the walk meets them.
 */
function passEntry(): void {
  for (let i = 0; i < 5; i++) entryVarint();
}

/** The unread bodies of lazy nodes (weakly: a tree and its buffer die together). */
const unread = new WeakMap<object, LazyBody>();
/** Bodies of nodes frozen (or sealed) before they were read, which cannot become data properties. */
const frozen = new WeakMap<object, unknown>();
/** One accessor per key (all bodies are \`body\`), shared by every lazy node. */
const accessors = new Map<string, PropertyDescriptor>();

/**
 * Gives \`node\` (a literal holding the fields before \`key\`) the key \`key\` as an accessor that
 * decodes the body on first read and replaces itself by a data property, which keeps the key's
 * place. Added to a literal, it keeps the object's fast properties (a getter in a literal would not).
 */
function lazyField(node: object, key: string, body: unknown): object {
  unread.set(node, body as LazyBody);
  let accessor = accessors.get(key);
  if (accessor === undefined) {
    accessor = {
      get(this: object) {
        const lazy = unread.get(this);
        if (lazy === undefined) {
          if (frozen.has(this)) return frozen.get(this);
          throw new BinastError('BAD_OPTION', \`\${key} read on an object that is not a node of a lazy tree\`);
        }
        const value = decodeBody(lazy);
        if (Object.getOwnPropertyDescriptor(this, key)?.configurable === true) {
          setField(this, key, value);
        } else {
          // A node frozen or sealed before its body was read keeps the accessor: remember the value.
          unread.delete(this);
          frozen.set(this, value);
        }
        return value;
      },
      set(this: object, value: unknown) {
        setField(this, key, value);
      },
      enumerable: true,
      configurable: true,
    };
    accessors.set(key, accessor);
  }
  return Object.defineProperty(node, key, accessor);
}

function setField(node: object, key: string, value: unknown): void {
  unread.delete(node);
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Decodes one body with the lazy readers (its nested bodies stay lazy), then checks that every
 * cursor ends where its entry said. The module-level state is set up from the body and released
 * afterwards, so bodies read in any order, between other decodes; nothing keeps the buffer
 * but the tree's own unread bodies.
 */
function decodeBody(body: LazyBody): any {
  const tree = body.tree;
  bytes = tree.bytes;
  strings = tree.strings;
  lineStarts = tree.lineStarts;
  lastLine = lineStarts.length - 1;
  startCursor = 0;
  endCursor = 0;
  refWidth = tree.refWidth;
  mode = tree.mode;
  offset = body.offset;
  limit = body.offsetEnd;
  refOffset = body.refOffset;
  refLimit = body.refEnd;
  nextNew = body.nextNew;
  pos = body.pos;
  entryOffset = body.entries;
  entryLimit = body.entriesEnd;
  lazyTree = tree;
  room = ROOM;
  replay = null;
  resumeWork(tree.work);
  try {
    const value = body.list ? READ_NODE_LIST[mode](body.expect, body.expectRest) : (READ_NODE[mode](body.expect) ?? missing('body'));
    if (offset !== body.offsetEnd || refOffset !== body.refEnd || nextNew !== body.nextNewEnd || pos !== body.posEnd || entryOffset !== body.entriesEnd) {
      throw corrupt('a function body does not match its skip entry');
    }
    return value;
  } catch (error) {
    throw asBinastError(error);
  } finally {
    tree.work = workLeft();
    release();
  }
}
`;
