// decode(): binary AST -> ESTree Program, exactly as acorn would have produced it.
import type { Comment, SourceLocation } from 'estree';
import type { Program } from '../types.ts';
import { BinastError } from '../errors.ts';
import { decodeNodeSection } from '../generated/decoder.ts';
import { deliverComments, readComments } from './comments.ts';
import { FLAG_COMMENTS, readHeader } from './header.ts';
import { createLocator, readLineStarts } from './locations.ts';
import { readStrings } from './strings.ts';

/** acorn's function form of `onComment`. */
export type CommentCallback = (
  block: boolean,
  text: string,
  start: number,
  end: number,
  startLoc?: SourceLocation['start'],
  endLoc?: SourceLocation['end'],
) => void;

export interface DecodeOptions {
  /** Add acorn's `loc` ({start: {line, column}, end}) to every node. */
  locations?: boolean;
  /** Add acorn's `range` ([start, end]) to every node. */
  ranges?: boolean;
  /** Receives the comments, as acorn's `onComment` does (array or callback). */
  onComment?: Comment[] | CommentCallback;
  /**
   * Decode large function bodies (and static blocks) on first access: the tree is the same by
   * value (JSON, key order), but a body is read from `input` when its `body` is first read, so
   * `input` stays alive (and must not be modified) as long as the tree has unread bodies.
   * A body whose data is damaged throws a BinastError (`CORRUPT`) when it is read.
   */
  lazy?: boolean;
}

const DECODE_OPTIONS = new Set(['locations', 'ranges', 'onComment', 'lazy']);

// What a consumer checks before fetching binaries (a manifest's formatVersion and schemaHash).
export { FORMAT_VERSION, SCHEMA_HASH } from '../generated/schema.ts';
export { BinastError, type BinastErrorCode } from '../errors.ts';
// Module records without a tree (docs/format.md, Modules section).
export * from './modules.ts';

export function decode(input: Uint8Array | ArrayBuffer, options: DecodeOptions = {}): Program {
  checkOptions(options);
  const bytes = asBytes(input);
  const header = readHeader(bytes);
  const strings = readStrings(bytes, header.strings);
  const locations = options.locations === true;
  const ranges = options.ranges === true;
  const lineStarts = locations ? readLineStarts(bytes, header.lines) : null;
  const program = decodeNodeSection({
    bytes,
    offset: header.nodes.start,
    end: header.nodes.end,
    refs: { start: header.refs.start, end: header.refs.end, width: header.refWidth },
    strings,
    lineStarts,
    ranges,
    bodies: options.lazy === true ? header.bodies : null,
  }) as Program;
  const { onComment } = options;
  if (onComment !== undefined) {
    if ((header.flags & FLAG_COMMENTS) === 0) {
      throw new BinastError(
        'BAD_OPTION',
        'onComment was given but this binary was encoded without comments; encode with { comments: true }',
      );
    }
    const commentLocation = lineStarts ? createLocator(lineStarts) : null;
    if (Array.isArray(onComment)) {
      readComments(bytes, header.comments, strings, commentLocation, ranges, onComment);
    } else {
      const comments: Comment[] = [];
      readComments(bytes, header.comments, strings, commentLocation, false, comments);
      deliverComments(onComment, comments);
    }
  }
  return program;
}

/** An ArrayBuffer (fetch's `arrayBuffer()`) is read in place; anything else is checked by readHeader. */
function asBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof ArrayBuffer ? new Uint8Array(input) : input;
}

function checkOptions(options: DecodeOptions): void {
  if (options === null || typeof options !== 'object') {
    throw new BinastError('BAD_OPTION', 'decode options must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!DECODE_OPTIONS.has(key)) throw new BinastError('BAD_OPTION', `unknown decode option "${key}"`);
  }
  const { onComment } = options;
  if (onComment !== undefined && !Array.isArray(onComment) && typeof onComment !== 'function') {
    throw new BinastError('BAD_OPTION', 'onComment must be an array or a function');
  }
}
