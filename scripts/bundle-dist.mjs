#!/usr/bin/env node
// After `tsc` (npm run build:ts): bundles the package's entry points from dist/ into lib/, one
// file per entry plus chunks of the code entries share (so `binast` and `binast/decode` share one
// BinastError and one decoder). Node loads one ES module per file: the ~12 modules behind
// `binast/decode` cost more to import than their code (docs/ARCHITECTURE.md, "Packaging").
// Not minified: stack traces stay readable. package.json's exports point here; the types stay
// in dist/. lib/ sits beside dist/ so that `new URL('../wasm/binast.wasm', import.meta.url)`
// resolves the same from both.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** lib/<name>.js: the entry points of package.json's exports. */
export const ENTRIES = {
  index: 'dist/index.js',
  node: 'dist/node.js',
  decode: 'dist/decode/index.js',
  cache: 'dist/cache/index.js',
  plugin: 'dist/plugin/index.js',
};

rmSync(new URL('../lib', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES,
  outdir: 'lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'esnext',
  // Dependencies and Node's modules are imported at run time, as from dist/.
  packages: 'external',
  external: ['node:*'],
  logLevel: 'warning',
});
