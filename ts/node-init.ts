// Node-only: synchronous initialisation of the WASM encoder on import.
// Importing this module reads ../wasm/binast.wasm (next to ts/ and dist/) and
// instantiates it, so `encode`/`parse` work without `await init()`.
import { readFileSync } from 'node:fs';
import { BinastError } from './errors.ts';
import { defaultWasmUrl, instantiateSync, isReady } from './wasm-loader.ts';

/**
 * Initialise synchronously from `wasm/binast.wasm` (no-op when already initialised). Throws a
 * BinastError: `NOT_INITIALISED` when the file cannot be read, `INTERNAL` when it is not a
 * binast encoder.
 */
export function initSync(): void {
  if (isReady()) return;
  const url = defaultWasmUrl();
  if (url === undefined) {
    // Only when bundled into a format without import.meta.url: the browser entry's init() takes the module.
    throw new BinastError('NOT_INITIALISED', "binast's Node entry cannot locate binast.wasm in this bundle; import init from 'binast' and pass the module's path or bytes to it");
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(url);
  } catch (cause) {
    throw new BinastError(
      'NOT_INITIALISED',
      `cannot read the WASM encoder at ${url.pathname}: the binast package is incomplete; reinstall it`,
      -1,
      { cause },
    );
  }
  instantiateSync(bytes);
}

initSync();
