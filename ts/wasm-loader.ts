// Hand-written loader for wasm/binast.wasm (the Rust encoder in crates/binast).
//
// No Node built-ins are imported here, so this file works unchanged in Node,
// browsers, Deno and Cloudflare Workers. It lives directly in ts/ so that
// `new URL('../wasm/binast.wasm', import.meta.url)` resolves from both
// ts/wasm-loader.ts and dist/wasm-loader.js.
//
// ABI (mirrors `pub mod abi` in crates/binast/src/wasm.rs; one buffer crosses
// per call, never one per node):
//   binast_alloc(len) -> ptr            JS writes the UTF-8 source there
//   binast_encode(ptr, len, flags) -> status
//   binast_result_ptr() / binast_result_len()
//                                       the result, valid until the next call
//   binast_free(ptr, len)               JS frees the source buffer (same len
//                                       as allocated)
//   binast_result_clear()               releases the result early
//   binast_realloc(ptr, old, new) -> ptr
//                                       grows the source buffer (big sources)
//   binast_failure() -> FAILURE_*       why the last call trapped, with
//   binast_failure_message_ptr/len()    a message; callable after a trap
//   binast_abi_version() -> ABI_VERSION
//   __stack_pointer (global)            to recognise a stack overflow
// Result layout: STATUS_OK -> the binary AST; otherwise u32 LE UTF-16 offset
// `pos` followed by the UTF-8 message.
//
// Failures never escape as RangeError, TypeError or WebAssembly.RuntimeError:
// every one becomes a BinastError (ts/errors.ts). A trap (a panic, a failed
// allocation, a stack overflow) or a JS stack overflow inside the module
// leaves the instance unusable (allocator mid-operation, stack pointer not
// restored), so it is dropped and the next call instantiates the compiled
// module again; an instance whose memory grew past RETAIN_MEMORY_BYTES is
// dropped after the call as well (WebAssembly memory never shrinks).
import { BinastError } from './errors.ts';

/** Must equal `abi::ABI_VERSION` in crates/binast/src/wasm.rs. */
export const ABI_VERSION = 4;

/** bit0: parse as an ES module (else as a script). */
export const FLAG_MODULE = 1 << 0;
/** bit1: collect comments. */
export const FLAG_COMMENTS = 1 << 1;
/** bit2: allow `return` outside of functions. */
export const FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION = 1 << 2;
/** bit3: allow a leading `#!` line. */
export const FLAG_ALLOW_HASH_BANG = 1 << 3;
/** bit4: parse JSX (acorn-jsx's tree). */
export const FLAG_JSX = 1 << 4;
/** bit5: with JSX, reject namespaced names (acorn-jsx's `allowNamespaces: false`). */
export const FLAG_JSX_NO_NAMESPACES = 1 << 5;
/** bit6: the source bytes are UTF-8 by construction (set only by `encodeRaw`, never for outside bytes). */
export const FLAG_KNOWN_UTF8 = 1 << 6;
/** bit7: a transient binary, decoded at once and never stored (no checksum, skip entries, module records). */
export const FLAG_TRANSIENT = 1 << 7;
/** bit8: with FLAG_TRANSIENT, keep the line table. */
export const FLAG_TRANSIENT_LINES = 1 << 8;

export const STATUS_OK = 0;
export const STATUS_SYNTAX_ERROR = 1;
export const STATUS_INTERNAL_ERROR = 2;
export const STATUS_INVALID_UTF8 = 3;

export const FAILURE_NONE = 0;
export const FAILURE_OUT_OF_MEMORY = 1;
export const FAILURE_PANIC = 2;

/**
 * After a call, an instance whose linear memory is larger than this is
 * replaced by a fresh one (lazily, on the next call) so that one huge source
 * does not pin its peak memory for the life of the process.
 */
export const RETAIN_MEMORY_BYTES = 256 * 1024 * 1024;

/** Sources up to this many UTF-16 units get 3 bytes per unit up front (no second pass). */
const SMALL_SOURCE = 1 << 20;

/**
 * A trap with the shadow stack pointer below this many bytes is a stack
 * overflow: the stack grows down towards address 0 (it is placed first).
 */
const STACK_OVERFLOW_MARGIN = 64 * 1024;

export type EncodeRawResult = { ok: true; bytes: Uint8Array } | { ok: false; pos: number; message: string };

/** Module bytes: any ArrayBuffer or view (e.g. a Node Buffer). */
export type WasmBytes = ArrayBuffer | ArrayBufferView;

export type InitInput = WasmBytes | WasmModule | URL | string | Response | Promise<Response>;
/**
 * WebAssembly.Module where the consumer's `lib` declares it (DOM, WebWorker); without it
 * (a Node project on lib es2022 + @types/node) nothing, instead of an error in this file.
 */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (...args: never[]) => infer M } } ? M : never;

/**
 * The module's exports. Pointers and lengths come back as signed i32: above 2 GiB they are
 * negative, so every one is read with `>>> 0`.
 */
interface BinastExports {
  readonly memory: WebAssembly.Memory;
  readonly __stack_pointer?: WebAssembly.Global;
  binast_alloc(len: number): number;
  binast_realloc(ptr: number, oldLen: number, newLen: number): number;
  binast_free(ptr: number, len: number): void;
  binast_encode(srcPtr: number, srcLen: number, flags: number): number;
  binast_result_ptr(): number;
  binast_result_len(): number;
  binast_result_clear(): void;
  binast_failure(): number;
  binast_failure_message_ptr(): number;
  binast_failure_message_len(): number;
  binast_abi_version(): number;
}

const REQUIRED_EXPORTS = [
  'binast_abi_version', 'binast_alloc', 'binast_realloc', 'binast_free', 'binast_encode', 'binast_result_ptr',
  'binast_result_len', 'binast_result_clear', 'binast_failure', 'binast_failure_message_ptr',
  'binast_failure_message_len',
] as const;

const NOT_INITIALISED =
  "WASM encoder not initialised; call `await init()` first (browsers, Workers) or import 'binast' in Node";

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The compiled module: kept so that a trapped instance can be replaced. */
let wasmModule: WebAssembly.Module | undefined;
/** The live instance's exports (undefined after a trap until re-instantiated). */
let wasm: BinastExports | undefined;
let pending: Promise<void> | undefined;

/**
 * The default location of the module, next to ts/ and dist/; undefined where the bundle has
 * no `import.meta.url` (esbuild's IIFE and CJS formats), where `new URL` would throw.
 */
export function defaultWasmUrl(): URL | undefined {
  try {
    return new URL('../wasm/binast.wasm', import.meta.url);
  } catch {
    return undefined;
  }
}

/** What init() was given, for error messages. */
function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (typeof input === 'string') return JSON.stringify(input);
  if (typeof input !== 'object') return `${typeof input} ${String(input)}`;
  return Object.prototype.toString.call(input).slice(8, -1);
}

const INIT_INPUTS = 'the URL of binast.wasm, its bytes, a WebAssembly.Module or a (promised) Response';

/** A BAD_OPTION for what init() cannot take, or null. */
function badInitInput(input: unknown): BinastError | null {
  if (input === undefined || typeof input === 'string' || input instanceof URL) return null;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input) || input instanceof WebAssembly.Module) return null;
  if (isResponseLike(input)) return null;
  return new BinastError('BAD_OPTION', `init expects ${INIT_INPUTS}, got ${describeInput(input)}`);
}

function checkExports(instance: WebAssembly.Instance): BinastExports {
  const ex = instance.exports as unknown as BinastExports;
  if (typeof ex.binast_abi_version !== 'function' || !(ex.memory instanceof WebAssembly.Memory)) {
    throw new BinastError('INTERNAL', 'the WASM module is not a binast encoder (missing exports)');
  }
  const version = ex.binast_abi_version();
  if (version !== ABI_VERSION) {
    throw new BinastError(
      'INTERNAL',
      `WASM ABI version ${version} does not match the loader's ${ABI_VERSION}; ` +
        'rebuild wasm/binast.wasm (npm run build:wasm) or reinstall binast',
    );
  }
  const missing = REQUIRED_EXPORTS.filter((name) => typeof ex[name] !== 'function');
  if (missing.length > 0) {
    throw new BinastError('INTERNAL', `the WASM module lacks ${missing.join(', ')}; rebuild it (npm run build:wasm)`);
  }
  return ex;
}

/** Compiles or instantiates, turning the engine's errors into BinastErrors. */
function guarded<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw asLoadError(what, error);
  }
}

function asLoadError(what: string, error: unknown): BinastError {
  if (error instanceof BinastError) return error;
  if (isStackOverflow(error)) {
    return new BinastError('LIMIT', `${what}: not enough stack space`, -1, { cause: error });
  }
  if (error instanceof RangeError) {
    // Instantiation reserves the module's initial memory (stack and data, ~9 MB).
    return new BinastError('LIMIT', `${what}: cannot reserve memory (${error.message})`, -1, { cause: error });
  }
  return new BinastError('INTERNAL', `${what}: ${error instanceof Error ? error.message : String(error)}`, -1, { cause: error });
}

function isStackOverflow(error: unknown): boolean {
  // V8: RangeError "Maximum call stack size exceeded"; SpiderMonkey: InternalError "too much recursion".
  return error instanceof Error && /\bstack\b.*\b(exceeded|overflow)\b|\btoo much recursion\b/i.test(error.message);
}

function adopt(module: WebAssembly.Module, instance: WebAssembly.Instance): BinastExports {
  const ex = checkExports(instance);
  wasmModule = module;
  wasm = ex;
  return ex;
}

function instantiateBytesSync(bytes: WasmBytes): BinastExports {
  const module = guarded('compiling the WASM encoder', () => new WebAssembly.Module(bytes as BufferSource));
  return adopt(module, guarded('instantiating the WASM encoder', () => new WebAssembly.Instance(module, {})));
}

/**
 * Synchronous initialisation from the module's bytes (Node; elsewhere only
 * where synchronous compilation is allowed). Replaces any previous instance.
 */
export function instantiateSync(bytes: WasmBytes): void {
  instantiateBytesSync(bytes);
}

/**
 * Asynchronous initialisation. Without an argument the module is fetched from
 * `new URL('../wasm/binast.wasm', import.meta.url)`. Accepts the bytes, a
 * precompiled `WebAssembly.Module` (Cloudflare Workers: `import wasm from
 * 'binast/wasm/binast.wasm'`), a URL or URL string, or a (promised) `Response`.
 * Resolves immediately if already initialised.
 */
export function init(input?: InitInput): Promise<void> {
  if (wasmModule !== undefined) return Promise.resolve();
  const bad = badInitInput(input);
  if (bad) return Promise.reject(bad);
  pending ??= initAsync(input)
    .catch((error: unknown) => {
      if (input !== undefined && error instanceof WebAssembly.CompileError) {
        // What the caller handed over is not WebAssembly at all.
        throw new BinastError('BAD_OPTION', `init was given ${describeInput(input)}, which is not binast.wasm (${error.message})`, -1, { cause: error });
      }
      throw error instanceof BinastError ? error : asLoadError('initialising the WASM encoder', error);
    })
    .finally(() => {
      pending = undefined;
    });
  return pending;
}

async function initAsync(input: InitInput | undefined): Promise<void> {
  const fallback = input === undefined ? defaultWasmUrl() : undefined;
  if (input === undefined && fallback === undefined) {
    throw new BinastError(
      'NOT_INITIALISED',
      `this bundle cannot locate binast.wasm by itself (no import.meta.url); pass ${INIT_INPUTS} to init()`,
    );
  }
  let source: InitInput = input ?? fallback!;
  if (source instanceof WebAssembly.Module) {
    adopt(source, await WebAssembly.instantiate(source, {}));
    return;
  }
  if (typeof source === 'string' || source instanceof URL) {
    const url = typeof source === 'string' ? resolveUrl(source) : source;
    if (url.protocol === 'file:') {
      // fetch() does not read file: URLs in Node.
      let bytes: Uint8Array | undefined;
      try {
        bytes = readFileSyncViaBuiltin(url);
      } catch (cause) {
        throw new BinastError('NOT_INITIALISED', cannotRead(url, cause), -1, { cause });
      }
      if (bytes === undefined) {
        throw new BinastError(
          'NOT_INITIALISED',
          `cannot load ${url.href} here; in Node import 'binast' (it initialises itself), ` +
            'elsewhere pass the bytes, a WebAssembly.Module or an http(s) URL to init()',
        );
      }
      source = bytes;
    } else {
      source = fetch(url);
    }
  }
  if (isResponseLike(source)) {
    const response = await source;
    if (!response.ok) {
      throw new BinastError('NOT_INITIALISED', `fetching ${response.url || 'the WASM module'} failed: HTTP ${response.status}`);
    }
    if (
      typeof WebAssembly.instantiateStreaming === 'function' &&
      (response.headers.get('content-type') ?? '').split(';')[0]?.trim() === 'application/wasm'
    ) {
      const { module, instance } = await WebAssembly.instantiateStreaming(response, {});
      adopt(module, instance);
      return;
    }
    source = await response.arrayBuffer();
  }
  const { module, instance } = await WebAssembly.instantiate(source as BufferSource, {});
  adopt(module, instance);
}

/** `source` resolved against the module's URL or, in a bundle without one, the page's. */
function resolveUrl(source: string): URL {
  const bases = [import.meta.url, (globalThis as { location?: { href?: string } }).location?.href];
  for (const base of bases) {
    try {
      return new URL(source, base);
    } catch {
      // no base here, or not a URL relative to it: try the next
    }
  }
  throw new BinastError('BAD_OPTION', `init cannot resolve ${JSON.stringify(source)} to a URL; pass an absolute URL, or the bytes`);
}

function cannotRead(url: URL, cause: unknown): string {
  const code = (cause as { code?: string })?.code;
  return code === 'ENOENT'
    ? `${url.href} does not exist; pass the path of binast.wasm (it ships in the binast package, under wasm/) or its bytes to init()`
    : `cannot read ${url.href} (${cause instanceof Error ? cause.message : String(cause)})`;
}

function isResponseLike(value: unknown): value is Response | Promise<Response> {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof (value as Promise<unknown>).then === 'function') return true;
  return typeof Response !== 'undefined' && value instanceof Response;
}

/**
 * Reads a file: URL through `process.getBuiltinModule('fs')` (Node >= 20.16 /
 * 22.3) without importing a Node built-in. Returns undefined when unavailable.
 */
function readFileSyncViaBuiltin(url: URL): Uint8Array | undefined {
  const proc = (globalThis as unknown as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  const fs = proc.getBuiltinModule('fs') as { readFileSync?: (path: URL) => Uint8Array } | undefined;
  if (typeof fs?.readFileSync !== 'function') return undefined;
  return fs.readFileSync(url);
}

/** True once the encoder can be called synchronously. */
export function isReady(): boolean {
  return wasmModule !== undefined;
}

/**
 * Bytes of linear memory held by the live encoder instance (0 when there is
 * none). A diagnostic: WebAssembly memory never shrinks, so this is the
 * instance's high-water mark.
 */
export function wasmMemoryBytes(): number {
  return wasm === undefined ? 0 : wasm.memory.buffer.byteLength;
}

function exports(): BinastExports {
  if (wasm !== undefined) return wasm;
  if (wasmModule !== undefined) {
    // The previous instance trapped or grew too large: start afresh.
    const module = wasmModule;
    wasm = checkExports(guarded('instantiating the WASM encoder', () => new WebAssembly.Instance(module, {})));
    return wasm;
  }
  // Last resort in Node >= 20.16 when nobody initialised us (e.g. importing
  // the platform-neutral entry directly): read the default file synchronously.
  const url = defaultWasmUrl();
  if (url?.protocol === 'file:') {
    let bytes: Uint8Array | undefined;
    try {
      bytes = readFileSyncViaBuiltin(url);
    } catch (cause) {
      throw new BinastError('NOT_INITIALISED', cannotRead(url, cause), -1, { cause });
    }
    if (bytes !== undefined) return instantiateBytesSync(bytes);
  }
  throw new BinastError('NOT_INITIALISED', NOT_INITIALISED);
}

/**
 * Offset (UTF-16 units) of the first lone surrogate in `source`, or -1. UTF-8
 * cannot carry one (TextEncoder would silently turn it into U+FFFD and change
 * string values), so such sources are refused.
 */
export function firstLoneSurrogate(source: string): number {
  const wellFormed = (source as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof wellFormed === 'function' ? wellFormed.call(source) : !LONE_SURROGATE.test(source)) return -1;
  LONE_SURROGATE.lastIndex = 0;
  const match = LONE_SURROGATE.exec(source);
  return match === null ? -1 : match.index;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Encodes `source` with the given `FLAG_*` bits. The source crosses into WASM
 * memory once (UTF-8, `TextEncoder.encodeInto`); the result is copied out, so
 * the returned bytes stay valid after later calls (with `copy` false, for
 * parse()'s transient binaries: a view of WASM memory, valid only until the next
 * call into the encoder). Throws a BinastError for
 * everything but syntax errors (which are returned): `UNSUPPORTED_SOURCE`
 * (lone surrogates), `LIMIT` (stack or memory exhausted), `INTERNAL` (a bug),
 * `NOT_INITIALISED`.
 */
export function encodeRaw(source: string, flags: number, copy = true): EncodeRawResult {
  const lone = firstLoneSurrogate(source);
  if (lone >= 0) {
    const unit = source.charCodeAt(lone).toString(16).toUpperCase();
    throw new BinastError(
      'UNSUPPORTED_SOURCE',
      `the source contains a lone surrogate (U+${unit}) at UTF-16 offset ${lone}; binast encodes through UTF-8, ` +
        'which cannot represent it (write it as an escape such as "\\u' + unit + '" instead)',
    );
  }
  // encodeInto of a well-formed string writes UTF-8: the encoder need not check it again.
  return callEncoder((ex) => writeSource(ex, source), flags | FLAG_KNOWN_UTF8, copy);
}

/**
 * As {@link encodeRaw}, for the UTF-8 bytes of a source (a file as read from disk): copied into
 * WASM memory as they are, no UTF-16 round trip. Bytes that are not UTF-8 throw
 * `UNSUPPORTED_SOURCE` with the byte offset of the first invalid sequence.
 */
export function encodeRawBytes(bytes: Uint8Array, flags: number): EncodeRawResult {
  return callEncoder((ex) => writeBytes(ex, bytes), flags);
}

function callEncoder(
  write: (ex: BinastExports) => { ptr: number; length: number; capacity: number },
  flags: number,
  copy = true,
): EncodeRawResult {
  const ex = exports();
  let status: number;
  let result: Uint8Array;
  try {
    const { ptr, length, capacity } = write(ex);
    status = ex.binast_encode(ptr, length, flags);
    // Re-read memory.buffer: it is replaced whenever the memory grows.
    result = new Uint8Array(ex.memory.buffer, ex.binast_result_ptr() >>> 0, ex.binast_result_len() >>> 0);
    ex.binast_free(ptr, capacity);
    // A view stays valid until the next call (which frees the result first); freeing the source
    // first cannot move it: only growing memory would, and freeing never grows it.
    if (copy || status !== STATUS_OK) {
      result = result.slice();
      ex.binast_result_clear();
    }
  } catch (error) {
    // The instance may be inconsistent (see the top of this file): drop it.
    wasm = undefined;
    throw asEncodeError(ex, error);
  }
  if (ex.memory.buffer.byteLength > RETAIN_MEMORY_BYTES) wasm = undefined;
  if (status === STATUS_OK) return { ok: true, bytes: result };
  if (result.length < 4) throw new BinastError('INTERNAL', `malformed encoder result (status ${status})`);
  const pos = new DataView(result.buffer, result.byteOffset, result.byteLength).getUint32(0, true);
  const message = decoder.decode(result.subarray(4));
  if (status === STATUS_SYNTAX_ERROR) return { ok: false, pos, message };
  if (status === STATUS_INVALID_UTF8) throw new BinastError('UNSUPPORTED_SOURCE', message, pos);
  throw new BinastError(
    'INTERNAL',
    status === STATUS_INTERNAL_ERROR ? message.replace(/^binast: /, '') : `unknown encoder status ${status}: ${message}`,
  );
}

/** Thrown inside encodeRaw's try block when WASM memory cannot hold the source. */
class SourceTooLarge extends Error {}

/**
 * Copies `source` into WASM memory as UTF-8. Small sources get 3 bytes per
 * UTF-16 unit (the worst case) and one `encodeInto`. Large ones start with one
 * byte per unit (exact for ASCII) and grow the buffer once, by 3 bytes per
 * unit not yet written, when the text is not ASCII; the buffer is then shrunk
 * to the bytes written. Peak memory stays near the UTF-8 size instead of 3x.
 */
function writeSource(ex: BinastExports, source: string): { ptr: number; length: number; capacity: number } {
  let capacity = source.length <= SMALL_SOURCE ? source.length * 3 : source.length;
  let ptr = ex.binast_alloc(capacity) >>> 0;
  if (ptr === 0) throw new SourceTooLarge(`out of WASM memory allocating ${capacity} bytes for the source`);
  let { read, written } = encoder.encodeInto(source, new Uint8Array(ex.memory.buffer, ptr, capacity));
  if (read < source.length) {
    const grown = written + (source.length - read) * 3;
    if (grown > 0x7fff_ffff) {
      // One buffer on wasm32 holds at most 2 GiB.
      ex.binast_free(ptr, capacity);
      throw new SourceTooLarge(`the source may need more than 2 GiB as UTF-8`);
    }
    const moved = ex.binast_realloc(ptr, capacity, grown) >>> 0;
    if (moved === 0) {
      ex.binast_free(ptr, capacity);
      throw new SourceTooLarge(`out of WASM memory allocating ${grown} bytes for the source`);
    }
    ptr = moved;
    capacity = grown;
    // encodeInto never splits a surrogate pair, so `read` is on a code point boundary.
    const rest = encoder.encodeInto(source.slice(read), new Uint8Array(ex.memory.buffer, ptr + written, capacity - written));
    read += rest.read;
    written += rest.written;
  }
  if (capacity > SMALL_SOURCE * 3 && capacity - written > SMALL_SOURCE) {
    const shrunk = ex.binast_realloc(ptr, capacity, written) >>> 0;
    if (shrunk !== 0) {
      ptr = shrunk;
      capacity = written;
    }
  }
  return { ptr, length: written, capacity };
}

/** Copies UTF-8 `bytes` into WASM memory (the encoder checks that they are UTF-8). */
function writeBytes(ex: BinastExports, bytes: Uint8Array): { ptr: number; length: number; capacity: number } {
  if (bytes.length > 0x7fff_ffff) throw new SourceTooLarge(`the source is larger than 2 GiB`);
  const ptr = ex.binast_alloc(bytes.length) >>> 0;
  if (ptr === 0 && bytes.length > 0) throw new SourceTooLarge(`out of WASM memory allocating ${bytes.length} bytes for the source`);
  new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
  return { ptr, length: bytes.length, capacity: bytes.length };
}

/** Classifies an exception thrown by a call into the (now discarded) instance. */
function asEncodeError(ex: BinastExports, error: unknown): BinastError {
  if (error instanceof BinastError) return error;
  if (error instanceof SourceTooLarge) return new BinastError('LIMIT', error.message);
  if (isStackOverflow(error)) {
    // The JS engine's stack ran out while WASM frames were on it.
    return new BinastError(
      'LIMIT',
      'the source is nested too deeply for the encoder (out of stack space); acorn itself reports ' +
        '"Not enough stack space" at a similar depth',
      -1,
      { cause: error },
    );
  }
  if (error instanceof WebAssembly.RuntimeError) {
    const failure = readFailure(ex);
    if (failure.code === FAILURE_OUT_OF_MEMORY) {
      return new BinastError('LIMIT', `the encoder ran out of WASM memory (${failure.message})`, -1, { cause: error });
    }
    if (failure.code === FAILURE_PANIC) {
      // A buffer of 2 GiB or more cannot exist in 32-bit memory: Rust reports it as a panic.
      if (/capacity overflow/.test(failure.message)) {
        return new BinastError('LIMIT', `the source is too large for the encoder's 32-bit memory (${failure.message})`, -1, {
          cause: error,
        });
      }
      return new BinastError('INTERNAL', `encoder bug: ${failure.message}`, -1, { cause: error });
    }
    if (stackPointer(ex) < STACK_OVERFLOW_MARGIN) {
      return new BinastError(
        'LIMIT',
        'the source is nested too deeply for the encoder (its WASM stack overflowed)',
        -1,
        { cause: error },
      );
    }
    return new BinastError('INTERNAL', `the encoder trapped (${error.message})`, -1, { cause: error });
  }
  if (error instanceof RangeError) {
    // E.g. an ArrayBuffer view past the memory's end: a loader or encoder bug.
    return new BinastError('INTERNAL', `encoder call failed (${error.message})`, -1, { cause: error });
  }
  return new BinastError('INTERNAL', `encoder call failed (${error instanceof Error ? error.message : String(error)})`, -1, {
    cause: error,
  });
}

/** The failure the trapped instance recorded, read without allocating in it. */
function readFailure(ex: BinastExports): { code: number; message: string } {
  try {
    const code = ex.binast_failure();
    if (code === FAILURE_NONE) return { code, message: '' };
    const bytes = new Uint8Array(ex.memory.buffer, ex.binast_failure_message_ptr() >>> 0, ex.binast_failure_message_len() >>> 0);
    return { code, message: decoder.decode(bytes) };
  } catch {
    return { code: FAILURE_NONE, message: '' };
  }
}

/** The shadow stack pointer as a signed value (negative after an overflow), or +Infinity if unknown. */
function stackPointer(ex: BinastExports): number {
  const global = ex.__stack_pointer;
  if (!(global instanceof WebAssembly.Global)) return Infinity;
  try {
    return (global.value as number) | 0;
  } catch {
    return Infinity;
  }
}
