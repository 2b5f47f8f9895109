// encode(): JavaScript source -> binary AST, through the WASM encoder (one call, one buffer).
import type { Options as AcornOptions } from 'acorn';
import { acornRejection } from './acorn-verdict.ts';
import { BinastError } from './errors.ts';
import { syntaxError } from './syntax-error.ts';
import {
  encodeRaw,
  encodeRawBytes,
  FLAG_ALLOW_HASH_BANG,
  FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION,
  FLAG_COMMENTS,
  FLAG_JSX,
  FLAG_JSX_NO_NAMESPACES,
  FLAG_MODULE,
  FLAG_TRANSIENT,
  FLAG_TRANSIENT_LINES,
} from './wasm-loader.ts';

/** acorn-jsx's options, as `acornJsx(options)` takes them. */
export interface JsxOptions {
  /** Namespaced names such as `<svg:rect>` (default true). */
  allowNamespaces?: boolean;
  /**
   * Namespaced names as member objects, `<a:b.c>` (default false). Only `parse()` takes `true`
   * (acorn-jsx then parses the sources binast rejects); `encode()` refuses it.
   */
  allowNamespacedObjects?: boolean;
}

export interface EncodeOptions {
  /** 'script' (default) or 'module', as acorn's sourceType. */
  sourceType?: 'script' | 'module';
  /** Store comments, so that decode's `onComment` can return them. */
  comments?: boolean;
  /** Accept `return` at the top level (acorn's allowReturnOutsideFunction). */
  allowReturnOutsideFunction?: boolean;
  /** Accept a leading `#!` line (default true, as acorn with ecmaVersion 'latest'). */
  allowHashBang?: boolean;
  /**
   * Parse JSX as acorn-jsx 5.3.2 does (`acorn.Parser.extend(acornJsx(options))`): `true`, or
   * acorn-jsx's options. Without it JSX is a SyntaxError, as in acorn.
   */
  jsx?: boolean | JsxOptions;
}

const ENCODE_OPTIONS = new Set(['sourceType', 'comments', 'allowReturnOutsideFunction', 'allowHashBang', 'jsx']);
const JSX_OPTIONS = new Set(['allowNamespaces', 'allowNamespacedObjects']);

/**
 * Encodes `source`: a string, or the UTF-8 bytes of a file (a `Uint8Array` or `Buffer`), which
 * skip the UTF-16 to UTF-8 conversion; bytes that are not UTF-8 throw `UNSUPPORTED_SOURCE`
 * with the byte offset. Either way the tree's offsets are UTF-16, as acorn's.
 */
export function encode(source: string | Uint8Array, options: EncodeOptions = {}): Uint8Array {
  if (source instanceof Uint8Array) return encodeBytes(source, options);
  if (typeof source !== 'string') {
    throw new BinastError('BAD_OPTION', `encode expects the source as a string or UTF-8 bytes, got ${typeof source}`);
  }
  return encodeString(source, encodeFlags(options), encodeRaw);
}

/**
 * For parse(), which decodes the result at once and drops it: a transient binary (no checksum,
 * skip entries or module records; a line table only with `lines`), as a view of WASM memory
 * valid until the next encode.
 */
export function encodeTransient(source: string, options: EncodeOptions, lines: boolean): Uint8Array {
  const flags = encodeFlags(options) | FLAG_TRANSIENT | (lines ? FLAG_TRANSIENT_LINES : 0);
  return encodeString(source, flags, (text, bits) => encodeRaw(text, bits, false));
}

function encodeString(source: string, flags: number, raw: typeof encodeRaw): Uint8Array {
  // acorn without allowHashBang reads `#` as the start of a private name, then fails on `!`.
  if ((flags & FLAG_ALLOW_HASH_BANG) === 0 && source.startsWith('#!')) {
    throw syntaxError(source, "Unexpected character '!'", 1);
  }
  const result = raw(source, flags);
  if (!result.ok) {
    // acorn's wording and position for what both reject; binast's own where acorn accepts.
    throw acornRejection(source, acornOptionsOf(flags), () => syntaxError(source, result.message, result.pos));
  }
  return result.bytes;
}

/** The acorn options equivalent to `flags`. */
function acornOptionsOf(flags: number): AcornOptions & { jsx?: JsxOptions } {
  return {
    ecmaVersion: 'latest',
    sourceType: flags & FLAG_MODULE ? 'module' : 'script',
    allowReturnOutsideFunction: (flags & FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION) !== 0,
    allowHashBang: (flags & FLAG_ALLOW_HASH_BANG) !== 0,
    ...(flags & FLAG_JSX ? { jsx: { allowNamespaces: (flags & FLAG_JSX_NO_NAMESPACES) === 0 } } : {}),
  };
}

/** `jsx` checked: null without JSX, else acorn-jsx's options with their defaults. */
export function jsxOptionsOf(jsx: unknown, encoding: boolean): Required<JsxOptions> | null {
  if (jsx == null || jsx === false) return null;
  if (jsx === true) return { allowNamespaces: true, allowNamespacedObjects: false };
  if (typeof jsx !== 'object' || Array.isArray(jsx)) {
    throw new BinastError('BAD_OPTION', `jsx must be a boolean or acorn-jsx's options { allowNamespaces, allowNamespacedObjects }, got ${typeof jsx}`);
  }
  for (const key of Object.keys(jsx)) {
    if (!JSX_OPTIONS.has(key)) throw new BinastError('BAD_OPTION', `unknown acorn-jsx option "${key}" (it has allowNamespaces and allowNamespacedObjects)`);
  }
  const { allowNamespaces = true, allowNamespacedObjects = false } = jsx as JsxOptions;
  for (const [key, value] of [['allowNamespaces', allowNamespaces], ['allowNamespacedObjects', allowNamespacedObjects]] as const) {
    if (typeof value !== 'boolean') throw new BinastError('BAD_OPTION', `jsx.${key} must be a boolean, got ${typeof value}`);
  }
  if (encoding && allowNamespaces && allowNamespacedObjects) {
    throw new BinastError(
      'BAD_OPTION',
      "jsx.allowNamespacedObjects is not supported by encode(): binast's encoder cannot store `<a:b.c>`; " +
        'use parse() (acorn-jsx parses what binast rejects), or leave it false',
    );
  }
  return { allowNamespaces, allowNamespacedObjects };
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function encodeBytes(bytes: Uint8Array, options: EncodeOptions): Uint8Array {
  const flags = encodeFlags(options);
  // The encoder itself rejects `#!` without allowHashBang (at UTF-16 offset 1).
  const result = encodeRawBytes(bytes, flags);
  if (!result.ok) {
    // Only a syntax error needs the text (acorn's verdict, and the line and column).
    const source = utf8.decode(bytes);
    throw acornRejection(source, acornOptionsOf(flags), () => syntaxError(source, result.message, result.pos));
  }
  return result.bytes;
}

export function encodeFlags(options: EncodeOptions): number {
  if (options === null || typeof options !== 'object') {
    throw new BinastError('BAD_OPTION', 'encode options must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!ENCODE_OPTIONS.has(key)) throw new BinastError('BAD_OPTION', `unknown encode option "${key}"`);
  }
  const { sourceType = 'script' } = options;
  if (sourceType !== 'script' && sourceType !== 'module') {
    throw new BinastError('BAD_OPTION', `sourceType must be 'script' or 'module', got ${JSON.stringify(sourceType)}`);
  }
  let flags = 0;
  if (sourceType === 'module') flags |= FLAG_MODULE;
  if (options.comments === true) flags |= FLAG_COMMENTS;
  if (options.allowReturnOutsideFunction === true) flags |= FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION;
  if (options.allowHashBang !== false) flags |= FLAG_ALLOW_HASH_BANG;
  const jsx = jsxOptionsOf(options.jsx, true);
  if (jsx !== null) {
    flags |= FLAG_JSX;
    if (!jsx.allowNamespaces) flags |= FLAG_JSX_NO_NAMESPACES;
  }
  return flags;
}
