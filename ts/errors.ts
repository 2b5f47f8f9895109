/** Stable codes for what can be wrong with a binary AST or with how binast is called. */
export type BinastErrorCode =
  | 'BAD_MAGIC'
  | 'UNSUPPORTED_VERSION'
  | 'SCHEMA_MISMATCH'
  | 'TRUNCATED'
  | 'CORRUPT'
  | 'LIMIT'
  | 'BAD_OPTION'
  | 'NOT_INITIALISED';

/** Thrown for a damaged, foreign or truncated binary, or a misuse of the API. */
export class BinastError extends Error {
  /** Byte offset in the binary where the problem was found (-1 when not about a binary). */
  readonly offset: number;

  constructor(
    readonly code: BinastErrorCode,
    message: string,
    offset = -1,
  ) {
    super(offset >= 0 ? `binast: ${message} (at byte ${offset})` : `binast: ${message}`);
    this.name = 'BinastError';
    this.offset = offset;
  }
}
