// What the cache makes of acorn's options: the bits that shape a stored tree (they seed the
// key), the decode-time options, and the option checks, run once per distinct set of options.
import { parse, type AcornOptions, type DecodeOptions } from '../index.ts';

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
  return {
    locations: options.locations === true,
    ranges: options.ranges === true,
    ...(options.onComment != null ? { onComment: options.onComment } : {}),
  };
}

const accepted = new Set<string>();

/**
 * Throws what binast's parse() throws for these options (ecmaVersion, refused acorn options,
 * onComment's type). parse('') applies exactly those checks, but encoding even an empty
 * program through WASM costs ~50 µs, as much as decoding a small file, so options already
 * accepted are recognised by a signature of their keys and value kinds, which is all the
 * checks look at.
 */
export function checkOptions(options: AcornOptions): void {
  if (options === null || typeof options !== 'object') {
    parse('', options); // throws BAD_OPTION
    return;
  }
  // Own keys as parse() lists them, plus the options it reads by name (possibly inherited).
  let signature = `${kindOf(options.ecmaVersion)};${kindOf(options.sourceType)};${kindOf(options.onComment)}`;
  for (const key of Object.keys(options)) signature += `;${key}=${kindOf(options[key])}`;
  if (accepted.has(signature)) return;
  parse('', options);
  if (accepted.size >= 256) accepted.clear(); // callers that vary options endlessly
  accepted.add(signature);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'object':
      return Array.isArray(value) ? 'array' : 'object';
    case 'function':
      return 'function';
    case 'string':
    case 'number':
    case 'boolean':
      return `${typeof value}:${String(value)}`;
    default:
      return typeof value;
  }
}
