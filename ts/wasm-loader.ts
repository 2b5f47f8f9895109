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
//   binast_abi_version() -> ABI_VERSION
// Result layout: STATUS_OK -> the binary AST; otherwise u32 LE UTF-16 offset
// `pos` followed by the UTF-8 message.

/** Must equal `abi::ABI_VERSION` in crates/binast/src/wasm.rs. */
export const ABI_VERSION = 1;

/** bit0: parse as an ES module (else as a script). */
export const FLAG_MODULE = 1 << 0;
/** bit1: collect comments. */
export const FLAG_COMMENTS = 1 << 1;
/** bit2: allow `return` outside of functions. */
export const FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION = 1 << 2;
/** bit3: allow a leading `#!` line. */
export const FLAG_ALLOW_HASH_BANG = 1 << 3;

export const STATUS_OK = 0;
export const STATUS_SYNTAX_ERROR = 1;
export const STATUS_INTERNAL_ERROR = 2;

export type EncodeRawResult = { ok: true; bytes: Uint8Array } | { ok: false; pos: number; message: string };

/** Module bytes: any ArrayBuffer or view (e.g. a Node Buffer). */
export type WasmBytes = ArrayBuffer | ArrayBufferView;

export type InitInput = WasmBytes | WebAssembly.Module | URL | string | Response | Promise<Response>;

interface BinastExports {
  readonly memory: WebAssembly.Memory;
  binast_alloc(len: number): number;
  binast_free(ptr: number, len: number): void;
  binast_encode(srcPtr: number, srcLen: number, flags: number): number;
  binast_result_ptr(): number;
  binast_result_len(): number;
  binast_result_clear(): void;
  binast_abi_version(): number;
}

const NOT_INITIALISED =
  "binast: WASM encoder not initialised; call `await init()` first (browsers, Workers) or import 'binast' in Node";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The compiled module: kept so that a trapped instance can be replaced. */
let wasmModule: WebAssembly.Module | undefined;
/** The live instance's exports (undefined after a trap until re-instantiated). */
let wasm: BinastExports | undefined;
let pending: Promise<void> | undefined;

/** The default location of the module, next to ts/ and dist/. */
export function defaultWasmUrl(): URL {
  return new URL('../wasm/binast.wasm', import.meta.url);
}

function checkExports(instance: WebAssembly.Instance): BinastExports {
  const ex = instance.exports as unknown as BinastExports;
  if (typeof ex.binast_abi_version !== 'function' || !(ex.memory instanceof WebAssembly.Memory)) {
    throw new Error('binast: the WASM module is not a binast encoder (missing exports)');
  }
  const version = ex.binast_abi_version();
  if (version !== ABI_VERSION) {
    throw new Error(
      `binast: WASM ABI version ${version} does not match the loader's ${ABI_VERSION}; ` +
        'rebuild wasm/binast.wasm (npm run build:wasm) or reinstall binast',
    );
  }
  return ex;
}

function adopt(module: WebAssembly.Module, instance: WebAssembly.Instance): BinastExports {
  const ex = checkExports(instance);
  wasmModule = module;
  wasm = ex;
  return ex;
}

function instantiateBytesSync(bytes: WasmBytes): BinastExports {
  const module = new WebAssembly.Module(bytes as BufferSource);
  return adopt(module, new WebAssembly.Instance(module, {}));
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
  pending ??= initAsync(input).finally(() => {
    pending = undefined;
  });
  return pending;
}

async function initAsync(input: InitInput | undefined): Promise<void> {
  let source: InitInput = input ?? defaultWasmUrl();
  if (source instanceof WebAssembly.Module) {
    adopt(source, await WebAssembly.instantiate(source, {}));
    return;
  }
  if (typeof source === 'string' || source instanceof URL) {
    const url = typeof source === 'string' ? new URL(source, import.meta.url) : source;
    if (url.protocol === 'file:') {
      // fetch() does not read file: URLs in Node.
      let bytes: Uint8Array | undefined;
      try {
        bytes = readFileSyncViaBuiltin(url);
      } catch (cause) {
        throw new Error(`binast: cannot read ${url.href} (build it with npm run build:wasm)`, { cause });
      }
      if (bytes === undefined) {
        throw new Error(
          `binast: cannot load ${url.href} here; in Node import 'binast' (it initialises itself), ` +
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
      throw new Error(`binast: fetching ${response.url || 'the WASM module'} failed: HTTP ${response.status}`);
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

function exports(): BinastExports {
  if (wasm !== undefined) return wasm;
  if (wasmModule !== undefined) {
    // The previous instance trapped: its memory may be inconsistent, start afresh.
    wasm = checkExports(new WebAssembly.Instance(wasmModule, {}));
    return wasm;
  }
  // Last resort in Node >= 20.16 when nobody initialised us (e.g. importing
  // the platform-neutral entry directly): read the default file synchronously.
  const url = defaultWasmUrl();
  if (url.protocol === 'file:') {
    let bytes: Uint8Array | undefined;
    try {
      bytes = readFileSyncViaBuiltin(url);
    } catch (cause) {
      throw new Error(`binast: cannot read ${url.href} (build it with npm run build:wasm)`, { cause });
    }
    if (bytes !== undefined) return instantiateBytesSync(bytes);
  }
  throw new Error(NOT_INITIALISED);
}

/**
 * Encodes `source` with the given `FLAG_*` bits. The source crosses into WASM
 * memory once (UTF-8, `TextEncoder.encodeInto`); the result is copied out, so
 * the returned bytes stay valid after later calls.
 */
export function encodeRaw(source: string, flags: number): EncodeRawResult {
  const ex = exports();
  // Every UTF-16 code unit takes at most 3 UTF-8 bytes (lone surrogates become
  // U+FFFD, also 3 bytes and 1 code unit, so UTF-16 offsets are unchanged).
  const capacity = source.length * 3;
  const srcPtr = ex.binast_alloc(capacity);
  if (srcPtr === 0) {
    throw new Error(`binast: out of WASM memory allocating ${capacity} bytes for the source`);
  }
  let status: number;
  let result: Uint8Array;
  try {
    const { written } = encoder.encodeInto(source, new Uint8Array(ex.memory.buffer, srcPtr, capacity));
    status = ex.binast_encode(srcPtr, written, flags);
    // Re-read memory.buffer: it is replaced whenever the memory grows.
    result = new Uint8Array(ex.memory.buffer, ex.binast_result_ptr(), ex.binast_result_len()).slice();
    ex.binast_free(srcPtr, capacity);
    ex.binast_result_clear();
  } catch (error) {
    // A trap (e.g. a Rust panic, which aborts) leaves the instance unusable;
    // the next call instantiates the module again.
    wasm = undefined;
    if (error instanceof WebAssembly.RuntimeError) {
      throw new Error(`binast: internal encoder error (${error.message})`, { cause: error });
    }
    throw error;
  }
  if (status === STATUS_OK) return { ok: true, bytes: result };
  if (result.length < 4) throw new Error(`binast: malformed encoder result (status ${status})`);
  const pos = new DataView(result.buffer, result.byteOffset, result.byteLength).getUint32(0, true);
  const message = decoder.decode(result.subarray(4));
  if (status === STATUS_SYNTAX_ERROR) return { ok: false, pos, message };
  throw new Error(status === STATUS_INTERNAL_ERROR ? message : `binast: unknown encoder status ${status}: ${message}`);
}
