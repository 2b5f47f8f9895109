// What the cache makes of acorn's options: the bits that shape a stored tree (they seed the
// key), the encode- and decode-time options, and parse()'s option checks.
import { BinastError, type AcornOptions, type DecodeOptions } from '../index.ts';
import { checkParseOptions } from '../parse.ts';

/** Bits of the key's seed: everything that changes the stored bytes for the same source. */
export function treeShape(options: AcornOptions): number {
  return (
    (options.sourceType === 'module' ? 1 : 0) |
    (options.allowReturnOutsideFunction === true ? 2 : 0) |
    (options.allowHashBang !== false ? 4 : 0) |
    (options.onComment != null ? 8 : 0)
  );
}

export function encodeOptionsOf(options: AcornOptions) {
  return {
    sourceType: options.sourceType ?? 'script',
    comments: options.onComment != null,
    allowReturnOutsideFunction: options.allowReturnOutsideFunction === true,
    allowHashBang: options.allowHashBang !== false,
  } as const;
}

export function decodeOptionsOf(options: AcornOptions): DecodeOptions {
  const decodeOptions: DecodeOptions = { locations: options.locations === true, ranges: options.ranges === true };
  if (options.onComment != null) decodeOptions.onComment = options.onComment;
  return decodeOptions;
}

/** Throws what binast's parse() throws for these options, without parsing anything. */
export function checkOptions(options: AcornOptions): void {
  checkParseOptions(options);
  const { onComment } = options;
  if (onComment != null && !Array.isArray(onComment) && typeof onComment !== 'function') {
    // what decode() says; a hit hands comments over without decode seeing the caller's onComment
    throw new BinastError('BAD_OPTION', 'onComment must be an array or a function');
  }
}
