// Node-only: synchronous initialisation of the WASM encoder. The Node entries (binast's Node
// entry, binast/cache, binast/plugin, the CLI) call initSync() as they load: it reads
// ../wasm/binast.wasm (next to ts/, dist/ and lib/) and instantiates it, so `encode`/`parse` work
// without `await init()`. The call sits in each entry, not here, so that only the entries have
// side effects (package.json `sideEffects`; the bundled lib/ puts this module in a shared chunk).
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

