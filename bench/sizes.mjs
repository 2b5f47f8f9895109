// Sizes: source vs binary AST, raw / gzip -9 / brotli (quality 11, 16 MiB window), of the corpus
// as published and minified (what the bundler plugin meets), plus the WASM encoder and the
// minified decode-only bundle. `node bench/sizes.mjs` prints both corpora's tables alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { ROOT, loadCorpus } from './corpus.mjs';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * { raw, gzip, brotli } byte counts. Asynchronous: compression runs on libuv's thread pool, so
 * it can overlap with work that does not time anything (the memory child processes).
 */
export async function compressedSizes(buffer) {
  const [g, b] = await Promise.all([
    gzip(buffer, { level: 9 }),
    brotli(buffer, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }),
  ]);
  return { raw: buffer.length, gzip: g.length, brotli: b.length };
}

/**
 * Per-file { source, binary, comments } sizes and their sums. `binary` is the default encoding
 * (no comments, what decode returns by default); `comments` the same with `comments: true`.
 * A missing binary is null, with `error`.
 */
export async function corpusSizes(fixtures) {
  const perFile = {};
  await Promise.all(fixtures.map(async (f) => {
    const errors = [];
    const get = (fn) => {
      try {
        return fn();
      } catch (e) {
        errors.push(e.message);
        return null;
      }
    };
    const binaryBytes = get(f.binary);
    const [source, binary, comments, noSkipEntries] = await Promise.all([
      compressedSizes(Buffer.from(f.source, 'utf8')),
      ...[binaryBytes, get(f.binaryWithComments), binaryBytes && withoutBodies(binaryBytes)].map((b) => (b ? compressedSizes(b) : null)),
    ]);
    perFile[f.name] = { source, binary, comments, noSkipEntries, ...(errors.length ? { error: errors.join('; ') } : {}) };
  }));
  const sum = (pick) => {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const s of Object.values(perFile)) {
      const v = pick(s);
      if (!v) return null;
      for (const k of Object.keys(total)) total[k] += v[k];
    }
    return total;
  };
  return {
    perFile,
    aggregate: { source: sum((s) => s.source), binary: sum((s) => s.binary), comments: sum((s) => s.comments), noSkipEntries: sum((s) => s.noSkipEntries) },
  };
}

/** Byte offset of the bodies section's length in the header (docs/format.md, Layout). */
const BODIES_FIELD = 32;

/**
 * The binary without its skip entries (bodies section emptied; skip bits left as they are): what
 * the entries cost, for the size table. Not a valid file (its checksum is stale).
 */
export function withoutBodies(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 40;
  for (let field = 12; field < BODIES_FIELD; field += 4) start += view.getUint32(field, true);
  const length = view.getUint32(BODIES_FIELD, true);
  const out = new Uint8Array(bytes.length - length);
  out.set(bytes.subarray(0, start));
  out.set(bytes.subarray(start + length), start);
  new DataView(out.buffer).setUint32(BODIES_FIELD, 0, true);
  return out;
}

/**
 * The corpus minified by esbuild (`minify: true`; ESM output for modules), as fixtures for
 * corpusSizes(): { name, sourceType, source, binary(), binaryWithComments() }.
 */
export async function minifiedFixtures(files, binast) {
  const esbuild = await import('esbuild');
  return files.map((f) => {
    const source = esbuild.transformSync(f.source, { minify: true, format: f.sourceType === 'module' ? 'esm' : undefined }).code;
    return {
      name: f.name,
      sourceType: f.sourceType,
      source,
      binary: () => binast.encode(source, { sourceType: f.sourceType }),
      binaryWithComments: () => binast.encode(source, { sourceType: f.sourceType, comments: true }),
    };
  });
}

/**
 * The WASM encoder and the decoder bundled alone (esbuild, minified, ESM): `ts/decode/index.ts`
 * and `wasm/binast.wasm`, or, when BINAST_DIST points at another build, that build's
 * `decode/index.js` and the `wasm/` beside its dist/ (so sizes match what was timed).
 */
export async function librarySizes() {
  const other = process.env.BINAST_DIST ? path.dirname(path.resolve(process.env.BINAST_DIST)) : null;
  const wasmPath = other ? path.join(other, '../wasm/binast.wasm') : path.join(ROOT, 'wasm/binast.wasm');
  const entry = other ? path.join(other, 'decode/index.js') : path.join(ROOT, 'ts/decode/index.ts');
  const out = {};
  try {
    out.wasm = await compressedSizes(readFileSync(wasmPath));
  } catch (error) {
    out.wasm = { error: error.message };
  }
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    out.decoder = { ...await compressedSizes(Buffer.from(result.outputFiles[0].contents)), entry: path.relative(ROOT, entry), tool: 'esbuild --bundle --minify' };
  } catch (error) {
    out.decoder = { error: error.message };
  }
  return out;
}

// `node bench/sizes.mjs [--files a,b] [--json]`: the size tables of both corpora, no timing, with
// what the skip entries of lazy decoding cost on each.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { loadBinast } = await import('./binast.mjs');
  const { sizeTable } = await import('./report.mjs');
  const at = process.argv.indexOf('--files');
  const files = loadCorpus(at > 0 ? process.argv[at + 1].split(',') : undefined);
  const binast = await loadBinast();
  const fixtures = files.map((f) => ({
    ...f,
    binary: () => binast.encode(f.source, { sourceType: f.sourceType }),
    binaryWithComments: () => binast.encode(f.source, { sourceType: f.sourceType, comments: true }),
  }));
  const sizes = await corpusSizes(fixtures);
  sizes.minified = await corpusSizes(await minifiedFixtures(files, binast));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(sizes, null, 2));
  } else {
    const pct = (a, b) => `+${((a / b - 1) * 100).toFixed(2)}%`;
    const skipCost = ({ binary, noSkipEntries }) => `Skip entries (bodies section): ${pct(binary.raw, noSkipEntries.raw)} raw, ${pct(binary.brotli, noSkipEntries.brotli)} brotli.`;
    console.log(sizeTable({ files, sizes }));
    console.log('');
    console.log(skipCost(sizes.aggregate));
    console.log('');
    console.log('Minified (esbuild --minify):');
    console.log('');
    console.log(sizeTable({ files, sizes: sizes.minified }));
    console.log('');
    console.log(skipCost(sizes.minified.aggregate));
  }
}
