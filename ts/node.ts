// binast's Node entry: the WASM encoder is initialised synchronously on import, so `encode`
// and `parse` work right away (also on Node versions without process.getBuiltinModule).
import './node-init.ts';

export * from './index.ts';
