/**
 * Stable codes for what can be wrong with a binary AST, with a source binast cannot take, or
 * with how binast is called. Syntax errors in a source are not BinastErrors: they are
 * acorn-style `SyntaxError`s (ts/syntax-error.ts).
 *
 * - `BAD_MAGIC`, `UNSUPPORTED_VERSION`, `SCHEMA_MISMATCH`: not a binary this decoder reads.
 * - `TRUNCATED`: the sections do not fit the bytes given.
 * - `CORRUPT`: damaged (checksum mismatch) or inconsistent (forged) content.
 * - `LIMIT`: a resource ran out: the stack (nesting too deep for the encoder) or WASM memory.
 * - `BAD_OPTION`: a misuse of the API (wrong argument type, unknown or unsupported option).
 * - `NOT_INITIALISED`: the WASM encoder has not been (or could not be) loaded; see `init()`.
 * - `UNSUPPORTED_SOURCE`: a source binast cannot encode faithfully (lone surrogates).
 * - `INTERNAL`: a bug in binast (an encoder panic or trap, a mismatched WASM build).
 */
export type BinastErrorCode =
  | 'BAD_MAGIC'
  | 'UNSUPPORTED_VERSION'
  | 'SCHEMA_MISMATCH'
  | 'TRUNCATED'
  | 'CORRUPT'
  | 'LIMIT'
  | 'BAD_OPTION'
  | 'NOT_INITIALISED'
  | 'UNSUPPORTED_SOURCE'
  | 'INTERNAL';

/** Thrown for a damaged, foreign or truncated binary, a source binast cannot encode, or a misuse of the API. */
export class BinastError extends Error {
  /** Byte offset in the binary where the problem was found (-1 when not about a binary). */
  readonly offset: number;
  readonly code: BinastErrorCode;

  constructor(code: BinastErrorCode, message: string, offset = -1, options?: { cause?: unknown }) {
    // Every TRUNCATED message says so, whatever detail the reader gives.
    const text = code === 'TRUNCATED' && !/truncated/i.test(message) ? `truncated binary: ${message}` : message;
    super(offset >= 0 ? `binast: ${text} (at byte ${offset})` : `binast: ${text}`, options);
    this.name = 'BinastError';
    this.code = code;
    this.offset = offset;
  }
}
