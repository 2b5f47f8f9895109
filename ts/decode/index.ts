// decode(): binary AST -> ESTree Program, exactly as acorn would have produced it.
import type { Comment, SourceLocation } from 'estree';
import type { Program } from '../types.ts';
import { BinastError } from '../errors.ts';
import { decodeFile } from './file.ts';
import { readHeader } from './header.ts';

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
  return decodeFile(bytes, readHeader(bytes), options);
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
