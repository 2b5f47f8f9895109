// What ts/wasm-loader.ts would become on top of wasm-bindgen's --target web glue (../pkg/binast.js):
// the glue passes the string in and the bytes out; this keeps binast's API, errors and recovery.
// run.sh puts it in place of dist/wasm-loader.js in a copy of dist/ (the comparison only).
import { BinastError } from './errors.js';
import * as glue from '../pkg/binast.js';

export const ABI_VERSION = 2;
export const FLAG_MODULE = 1 << 0;
export const FLAG_COMMENTS = 1 << 1;
export const FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION = 1 << 2;
export const FLAG_ALLOW_HASH_BANG = 1 << 3;
export const FAILURE_NONE = 0;
export const FAILURE_OUT_OF_MEMORY = 1;
export const FAILURE_PANIC = 2;
export const RETAIN_MEMORY_BYTES = 256 * 1024 * 1024;
const STACK_OVERFLOW_MARGIN = 64 * 1024;

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
let raw; // the live instance's raw exports (memory, __stack_pointer)
let ready = false;
let stale = false; // trapped or too big: reset before the next call

export function defaultWasmUrl() {
  return new URL('../pkg/binast_bg.wasm', import.meta.url);
}

function check() {
  const v = glue.binast_abi_version();
  if (v !== ABI_VERSION) throw new BinastError('INTERNAL', `WASM ABI version ${v} does not match ${ABI_VERSION}`);
  ready = true;
}

export function instantiateSync(bytes) {
  raw = glue.initSync({ module: bytes });
  check();
}

export async function init(input) {
  if (ready) return;
  raw = await glue.default(input === undefined ? undefined : { module_or_path: input });
  check();
}

export function isReady() {
  return ready;
}

export function wasmMemoryBytes() {
  return ready && !stale ? raw.memory.buffer.byteLength : 0;
}

export function firstLoneSurrogate(source) {
  if (source.isWellFormed()) return -1;
  const m = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(source);
  return m === null ? -1 : m.index;
}

function reset() {
  if (typeof glue.__wbg_reset_state !== 'function') return false; // wasm-pack output: no way back
  glue.__wbg_reset_state();
  raw = glue.initSync(); // once loaded, initSync() hands back the current instance's exports
  stale = false;
  return true;
}

export function encodeRaw(source, flags) {
  const lone = firstLoneSurrogate(source);
  if (lone >= 0) throw new BinastError('UNSUPPORTED_SOURCE', `lone surrogate at UTF-16 offset ${lone}`);
  if (!ready) throw new BinastError('NOT_INITIALISED', 'call `await init()` first');
  if (stale) reset();
  let bytes;
  try {
    bytes = glue.encode(source, flags);
  } catch (error) {
    if (typeof error === 'string') {
      const [, status, pos, message] = /^(\d+):(\d+):([\s\S]*)$/.exec(error);
      if (status === '1') return { ok: false, pos: Number(pos), message };
      throw new BinastError('INTERNAL', message.replace(/^binast: /, ''));
    }
    stale = true;
    throw classify(error);
  }
  if (glue.binast_memory_bytes() > RETAIN_MEMORY_BYTES) stale = true;
  return { ok: true, bytes };
}

function classify(error) {
  if (error instanceof RangeError && /stack/.test(error.message)) {
    return new BinastError('LIMIT', 'the source is nested too deeply for the encoder (out of stack space)', -1, { cause: error });
  }
  if (error instanceof RangeError) {
    return new BinastError('LIMIT', `out of memory (${error.message})`, -1, { cause: error });
  }
  if (error instanceof WebAssembly.RuntimeError) {
    let code = FAILURE_NONE;
    let message = '';
    try {
      code = glue.binast_failure();
      const ptr = glue.binast_failure_message_ptr();
      const len = glue.binast_failure_message_len();
      message = decoder.decode(new Uint8Array(raw.memory.buffer, ptr, len));
    } catch {}
    if (code === FAILURE_OUT_OF_MEMORY) return new BinastError('LIMIT', `the encoder ran out of WASM memory (${message})`, -1, { cause: error });
    if (code === FAILURE_PANIC) return new BinastError('INTERNAL', `encoder bug: ${message}`, -1, { cause: error });
    const sp = raw.__stack_pointer instanceof WebAssembly.Global ? raw.__stack_pointer.value | 0 : Infinity;
    if (sp < STACK_OVERFLOW_MARGIN) {
      return new BinastError('LIMIT', 'the source is nested too deeply for the encoder (its WASM stack overflowed)', -1, { cause: error });
    }
    return new BinastError('INTERNAL', `the encoder trapped (${error.message})`, -1, { cause: error });
  }
  return new BinastError('INTERNAL', `encoder call failed (${error?.message ?? error})`, -1, { cause: error });
}
