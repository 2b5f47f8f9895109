// binast's browser entry bundled as ESM, IIFE and CJS (esbuild), run in Node: misuse and a
// missing or bad module are BinastErrors with messages for users (NOT_INITIALISED or
// BAD_OPTION), never a raw TypeError (an IIFE or CJS bundle has no import.meta.url).
import * as esbuild from 'esbuild';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, removeTempDirs, run, tempDir } from './cli-helpers.ts';
import { REPO_ROOT } from './helpers/corpus.ts';

const WASM = join(REPO_ROOT, 'wasm', 'binast.wasm');

// Each step prints [what, error name, code, message] or [what, 'ok', result].
const SCRIPT = `
import { init, encode, decode, parse, BinastError } from 'binast';
const steps = [];
const step = async (what, run) => {
  try {
    steps.push([what, 'ok', await run()]);
  } catch (e) {
    steps.push([what, e && e.name, e && e.code, e && e.message, e instanceof BinastError]);
  }
};
await step('encode before init', () => encode('x'));
await step('parse before init', () => parse('x', { ecmaVersion: 'latest' }));
await step('init(42)', () => init(42));
await step('init({})', () => init({}));
await step('init(missing path)', () => init('/nope/binast.wasm'));
await step('init(bad bytes)', () => init(new Uint8Array([1, 2, 3])));
await step('init()', () => init());
await step('init(bytes)', () => init(globalThis.WASM_BYTES).then(() => 'ready'));
await step('parse after init', () => parse('a + 1', { ecmaVersion: 'latest' }).body[0].type);
await step('syntax error', () => parse('let x = ;', { ecmaVersion: 'latest' }));
await step('decode(ArrayBuffer)', () => { const b = encode('y'); return decode(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)).body.length; });
console.log(JSON.stringify(steps));
`;

afterAll(removeTempDirs);

describe('init and encode in bundles', () => {
  for (const format of ['esm', 'iife', 'cjs'] as const) {
    it(`${format}: BinastErrors with messages for users`, async () => {
      ensureBuilt();
      const dir = tempDir(`bundle-${format}`);
      // binast as an installed package, resolved through its "exports" (the browser entry).
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(REPO_ROOT, join(dir, 'node_modules', 'binast'), 'dir');
      const entry = join(dir, 'entry.mjs');
      // IIFE and CJS cannot hold top-level await: wrap the steps.
      writeFileSync(entry, format === 'esm' ? SCRIPT : SCRIPT.replace(/^import (.*);$/m, 'import $1;\n(async () => {') + '})();');
      const out = join(dir, `bundle.${format === 'esm' ? 'mjs' : 'cjs'}`);
      await esbuild.build({
        entryPoints: [entry], bundle: true, format, platform: 'browser', outfile: out, logLevel: 'error',
        external: ['*.wasm'],
      });
      const runner = join(dir, `run.${format === 'esm' ? 'mjs' : 'cjs'}`);
      const bytes = `new Uint8Array(require('node:fs').readFileSync(${JSON.stringify(WASM)}))`;
      writeFileSync(runner, format === 'esm'
        ? `import { readFileSync } from 'node:fs'; globalThis.WASM_BYTES = new Uint8Array(readFileSync(${JSON.stringify(WASM)})); await import('./bundle.mjs');`
        : `globalThis.WASM_BYTES = ${bytes}; require('./bundle.cjs');`);
      const result = run(process.execPath, [runner], { cwd: dir });
      expect(result.stderr).toBe('');
      const steps = new Map((JSON.parse(result.stdout) as unknown[][]).map(([what, ...rest]) => [what as string, rest]));
      const error = (what: string, code: string, message: RegExp) => {
        const [name, actualCode, actualMessage, isBinastError] = steps.get(what)!;
        expect({ name, code: actualCode, isBinastError }, what).toEqual({ name: 'BinastError', code, isBinastError: true });
        expect(actualMessage, what).toMatch(message);
      };
      // An ESM bundle looks for binast.wasm beside itself (import.meta.url); IIFE and CJS cannot.
      const notInitialised = format === 'esm' ? /binast\.wasm does not exist; pass the path of binast\.wasm/ : /call `await init\(\)` first/;
      error('encode before init', 'NOT_INITIALISED', notInitialised);
      error('parse before init', 'NOT_INITIALISED', notInitialised);
      error('init(42)', 'BAD_OPTION', /init expects the URL of binast\.wasm, .*got number 42/);
      error('init({})', 'BAD_OPTION', /init expects .*got Object/);
      // Node has no page URL to resolve a path against: an absolute URL or the bytes are asked for.
      if (format === 'esm') error('init(missing path)', 'NOT_INITIALISED', /nope\/binast\.wasm does not exist/);
      else error('init(missing path)', 'BAD_OPTION', /cannot resolve "\/nope\/binast\.wasm" to a URL/);
      error('init(bad bytes)', 'BAD_OPTION', /init was given Uint8Array, which is not binast\.wasm/);
      error('init()', 'NOT_INITIALISED', format === 'esm' ? /binast\.wasm does not exist/ : /cannot locate binast\.wasm by itself \(no import\.meta\.url\); pass/);
      expect(steps.get('init(bytes)')).toEqual(['ok', 'ready']);
      expect(steps.get('parse after init')).toEqual(['ok', 'ExpressionStatement']);
      expect(steps.get('decode(ArrayBuffer)')).toEqual(['ok', 1]);
      // acorn's error, from the acorn bundled in (JSON has no undefined: the code is null)
      expect(steps.get('syntax error')!.slice(0, 3)).toEqual(['SyntaxError', null, 'Unexpected token (1:8)']);
      for (const [what, [name, , message]] of steps) {
        expect(name, what).not.toBe('TypeError');
        expect(String(message), what).not.toMatch(/npm run build:wasm/); // a hint for binast's developers, not users
      }
    }, 60_000);
  }
});
