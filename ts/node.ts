// binast's Node entry: the WASM encoder is initialised synchronously on import, so `encode`
// and `parse` work right away (also on Node versions without process.getBuiltinModule).
import { initSync } from './node-init.ts';

initSync();

export * from './index.ts';
