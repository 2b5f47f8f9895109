// binast in Cloudflare Workers: examples/worker (bundled by esbuild as Wrangler
// would, the .wasm loaded as a CompiledWasm module) and a decoder-only Worker
// run in workerd through Miniflare. What they return is decoded here and
// compared with acorn.
import * as acorn from 'acorn';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../ts/decode/index.ts';
import { encode, moduleInfo } from '../ts/node.ts';
import { FORMAT_VERSION } from '../ts/generated/schema.ts';
import { canonical, firstDifference } from './helpers/canonical.ts';
import { FIXTURES, REPO_ROOT, WASM_PATH, requireFile } from './runtimes/env.ts';
import { bundleWorker, type WorkerBundle } from './runtimes/worker-bundle.ts';
import { runWorkers, type WorkerResult, type WorkerRun, type WorkerSpec } from './runtimes/worker-run.ts';

const BINAST = 'application/javascript-binast';
const lodash = readFileSync(FIXTURES.lodash.path, 'utf8');
const vue = readFileSync(FIXTURES.vue.path, 'utf8');
const BROKEN = 'function broken( {\n  return 1;\n}\n';
const ETAG = `"binast-${createHash('sha256').update(lodash).digest('hex').slice(0, 32)}-${FORMAT_VERSION}s"`;
const BROKEN_UNICODE = 'const café = 1;\nlet € = 2;\n';
const APP = 'import { a } from "./a.js";\nexport * from "./b.js";\nexport const go = () => import("./lazy.js");\nconsole.log(import.meta.url);\n';

let dir = '';
let edge: WorkerBundle;
let decoder: WorkerBundle;
let run: WorkerRun;

beforeAll(async () => {
  requireFile(WASM_PATH, 'run `npm run build` first');
  requireFile(join(REPO_ROOT, 'dist', 'index.js'), 'run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'binast-worker-'));
  writeFileSync(join(dir, 'broken.js'), BROKEN);
  writeFileSync(join(dir, 'broken-unicode.js'), BROKEN_UNICODE);
  writeFileSync(join(dir, 'app.mjs'), APP);
  edge = await bundleWorker(join(REPO_ROOT, 'examples', 'worker', 'src', 'worker.js'), join(dir, 'edge'), 'worker');
  decoder = await bundleWorker(join(REPO_ROOT, 'test', 'runtimes', 'decode-worker.ts'), join(dir, 'decoder'), 'worker');
  const edgeModules = [
    { type: 'ESModule' as const, path: edge.script },
    ...edge.wasm.map((w) => ({ type: 'CompiledWasm' as const, path: w.path })),
  ];
  const ORIGIN = 'https://origin.test';
  const binast = { accept: BINAST };
  const lodashUrl = 'https://cdn.test/lodash.js';
  const spec: WorkerSpec = {
    workers: [
      { name: 'edge', modules: edgeModules, bindings: { ORIGIN } },
      { name: 'edge-no-memory', modules: edgeModules, bindings: { ORIGIN, MEMORY_CACHE_BYTES: '0' } },
      { name: 'edge-comments', modules: edgeModules, bindings: { ORIGIN, COMMENTS: 'true' } },
      { name: 'decoder', modules: [{ type: 'ESModule', path: decoder.script }] },
    ],
    origin: {
      '/lodash.js': { file: FIXTURES.lodash.path, type: 'application/javascript' },
      '/vue.mjs': { file: FIXTURES.vue.path, type: 'text/javascript' },
      '/vue-as-js.js': { file: FIXTURES.vue.path, type: 'text/javascript' },
      '/broken.js': { file: join(dir, 'broken.js'), type: 'text/javascript' },
      '/broken-unicode.js': { file: join(dir, 'broken-unicode.js'), type: 'text/javascript; charset=utf-8' },
      '/style.css': { file: join(REPO_ROOT, 'package.json'), type: 'text/css' },
      '/app.mjs': { file: join(dir, 'app.mjs'), type: 'text/javascript' },
    },
    requests: [
      { name: 'binast', worker: 'edge', url: lodashUrl, headers: binast },
      { name: 'binastAgain', worker: 'edge', url: lodashUrl, headers: binast },
      { name: 'js', worker: 'edge', url: lodashUrl, headers: { accept: 'text/javascript' } },
      { name: 'wildcard', worker: 'edge', url: lodashUrl, headers: { accept: '*/*' } },
      { name: 'refused', worker: 'edge', url: lodashUrl, headers: { accept: `${BINAST};q=0, */*` } },
      { name: 'notModified', worker: 'edge', url: lodashUrl, headers: { ...binast, 'if-none-match': ETAG } },
      { name: 'mjs', worker: 'edge', url: 'https://cdn.test/vue.mjs', headers: { accept: `text/javascript, ${BINAST};q=0.9` } },
      { name: 'moduleAsJs', worker: 'edge', url: 'https://cdn.test/vue-as-js.js', headers: binast },
      { name: 'broken', worker: 'edge', url: 'https://cdn.test/broken.js', headers: binast },
      { name: 'brokenUnicode', worker: 'edge', url: 'https://cdn.test/broken-unicode.js', headers: binast },
      { name: 'css', worker: 'edge', url: 'https://cdn.test/style.css', headers: binast },
      { name: 'imports', worker: 'edge', url: 'https://cdn.test/app.mjs?imports' },
      { name: 'importsBroken', worker: 'edge', url: 'https://cdn.test/broken.js?imports' },
      // Workers share caches.default: another host, so another cache key.
      { name: 'cacheMiss', worker: 'edge-no-memory', url: 'https://other.test/lodash.js', headers: binast },
      // The Cache API put happens in waitUntil(): retry until it is visible.
      {
        name: 'cacheHit',
        worker: 'edge-no-memory',
        url: 'https://other.test/lodash.js',
        headers: binast,
        until: { header: 'x-binast-cache', equals: 'cache', tries: 100 },
      },
      { name: 'withComments', worker: 'edge-comments', url: lodashUrl, headers: binast },
      { name: 'decoded', worker: 'decoder', url: 'https://decoder.test/', method: 'POST', bodyFrom: 'binast' },
      {
        name: 'decodedFull',
        worker: 'decoder',
        url: 'https://decoder.test/',
        method: 'POST',
        bodyFrom: 'withComments',
        headers: { 'x-decode-options': JSON.stringify({ locations: true, ranges: true, comments: true }) },
      },
    ],
  };
  run = await runWorkers(spec, dir);
  console.info(`workerd ${run.workerd} (miniflare ${run.miniflare}, node ${run.node})`);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const result = (name: string): WorkerResult => {
  const r = run.results[name];
  if (r === undefined) throw new Error(`no result for ${name}`);
  return r;
};
function encodeError(source: string): string {
  try {
    encode(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a syntax error');
}
const bytes = (r: WorkerResult): Uint8Array => new Uint8Array(Buffer.from(r.body, 'base64'));
const text = (r: WorkerResult): string => Buffer.from(r.body, 'base64').toString('utf8');

describe('examples/worker in workerd', () => {
  it('bundles without Node built-ins or eval, the .wasm imported from the package exports', () => {
    expect(edge.wasm.map((w) => w.resolved)).toEqual([WASM_PATH]);
    expect(edge.code).not.toMatch(/from\s*["']node:|require\(["']/);
    expect(edge.code).not.toMatch(/\beval\(|new Function\(/);
    expect(edge.code).toMatch(/import \w+ from "\.\/binast\.wasm"/);
  });

  it('answers Accept: application/javascript-binast with the binary AST of the script', () => {
    const r = result('binast');
    expect(r.status, text(r)).toBe(200);
    expect(r.headers['content-type']).toBe(BINAST);
    expect(r.headers['vary']).toBe('Accept');
    expect(r.headers['etag']).toBe(ETAG);
    expect(r.headers['x-binast-cache']).toBe('miss');
    expect(r.headers['x-binast-source-type']).toBe('script');
    expect(r.headers['x-binast-format']).toBe(String(FORMAT_VERSION));
    expect(r.headers['cache-control']).toBe('public, max-age=60');
    const expected = acorn.parse(lodash, { ecmaVersion: 'latest', sourceType: 'script' });
    expect(firstDifference(decode(bytes(r)), expected)).toBeNull();
  });

  it('serves the next request from memory, byte for byte the same', () => {
    const r = result('binastAgain');
    expect(r.headers['x-binast-cache']).toBe('memory');
    expect(r.body).toBe(result('binast').body);
  });

  it('serves the JavaScript, with Vary: Accept, to everyone else', () => {
    for (const name of ['js', 'wildcard', 'refused']) {
      const r = result(name);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('application/javascript');
      expect(r.headers['vary']).toBe('Accept');
      expect(text(r)).toBe(lodash);
    }
  });

  it('answers If-None-Match with 304 when the ETag matches', () => {
    const r = result('notModified');
    expect(r.status).toBe(304);
    expect(r.headers['etag']).toBe(ETAG);
    expect(r.headers['vary']).toBe('Accept');
    expect(r.body).toBe('');
  });

  it('encodes .mjs as a module, and a .js that only parses as a module as one', () => {
    const expected = acorn.parse(vue, { ecmaVersion: 'latest', sourceType: 'module' });
    for (const name of ['mjs', 'moduleAsJs']) {
      const r = result(name);
      expect(r.headers['content-type']).toBe(BINAST);
      expect(r.headers['x-binast-source-type']).toBe('module');
      expect(firstDifference(decode(bytes(r)), expected)).toBeNull();
    }
  });

  it('?imports answers with the module records as JSON, as moduleInfo reads them', () => {
    const r = result('imports');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(text(r));
    expect(body).toEqual({ sourceType: 'module', ...moduleInfo(encode(APP, { sourceType: 'module' })) });
    expect(body.imports.map((i: { source: string }) => i.source)).toEqual(['./a.js']);
    expect(body.exports.map((e: { source: string }) => e.source)).toEqual(['./b.js', null]);
    expect(body.dynamicImports.map((d: { source: string }) => d.source)).toEqual(['./lazy.js']);
    expect(body.importMeta).toHaveLength(1);
    const broken = result('importsBroken');
    expect(broken.status).toBe(422);
    expect(JSON.parse(text(broken)).error).toBe(encodeError(BROKEN));
  });

  it('falls back to the JavaScript when the source does not parse', () => {
    const r = result('broken');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/javascript');
    expect(r.headers['vary']).toBe('Accept');
    // The encoder's own message, as encode() gives it in Node.
    expect(r.headers['x-binast-error']).toBe(encodeError(BROKEN));
    expect(text(r)).toBe(BROKEN);
    // A message quoting a non-ASCII character still makes a valid header.
    const u = result('brokenUnicode');
    expect(u.status).toBe(200);
    expect(u.headers['x-binast-error']).toBe(encodeError(BROKEN_UNICODE).replace(/[^\x20-\x7e]+/g, '?'));
    expect(text(u)).toBe(BROKEN_UNICODE);
  });

  it('passes other content through untouched', () => {
    const r = result('css');
    expect(r.headers['content-type']).toBe('text/css');
    expect(r.headers['vary']).toBeUndefined();
    expect(r.headers['x-binast-cache']).toBeUndefined();
  });

  it('reuses encodings through the Cache API', () => {
    expect(result('cacheMiss').headers['x-binast-cache']).toBe('miss');
    const hit = result('cacheHit');
    expect(hit.headers['x-binast-cache']).toBe('cache');
    expect(hit.body).toBe(result('binast').body);
  });
});

describe('binast/decode alone in workerd', () => {
  it('bundles without the encoder or any WASM loader', () => {
    expect(decoder.wasm).toEqual([]);
    expect(decoder.code).not.toMatch(/WebAssembly|binast_encode|\.wasm\b|getBuiltinModule/);
  });

  it('decodes what the edge Worker returned into acorn’s tree', () => {
    const r = result('decoded');
    expect(r.status, text(r)).toBe(200);
    const { tree } = JSON.parse(text(r)) as { tree: string };
    expect(tree === canonical(acorn.parse(lodash, { ecmaVersion: 'latest', sourceType: 'script' }))).toBe(true);
  });

  it('with locations, ranges and comments (a Worker encoding with COMMENTS=true)', () => {
    const r = result('decodedFull');
    expect(r.status, text(r)).toBe(200);
    const { tree, comments } = JSON.parse(text(r)) as { tree: string; comments: string };
    const expectedComments: acorn.Comment[] = [];
    const expected = acorn.parse(lodash, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      locations: true,
      ranges: true,
      onComment: expectedComments,
    });
    expect(tree === canonical(expected)).toBe(true);
    expect(comments === canonical(expectedComments)).toBe(true);
  });
});
