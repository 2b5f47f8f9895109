// The project-scale corpus: every JavaScript file of 200 B to 200 KB in node_modules (the pinned
// devDependencies and their dependencies, as a project's build tools would meet them), deduplicated
// by content, kept when acorn, binast, meriyah and oxc-parser all accept it (so that every tool does
// the same work). test262-parser-tests is left out: it is a conformance suite, not project code.
//
// Preparing it (selection, encoding, acorn's trees as JSON and v8 serialisation) takes a minute; the
// result is cached in node_modules/.cache/binast-bench/project/<key>/, where <key> covers the file
// list, the encoder build and the parsers' versions. Inputs are stored as one pack per kind
// (concatenated bytes + offsets in manifest.json), so that a child process loads them in one read.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { ROOT } from '../corpus.mjs';

export const MIN_BYTES = 200;
export const MAX_BYTES = 200 * 1024;
const EXCLUDED = new Set(['test262-parser-tests', '.cache', '.bin', '.vite', '.vitest']);
const CACHE = path.join(ROOT, 'node_modules/.cache/binast-bench/project');

/** Files for the cold single-file figure: one small, one medium, one large. */
export const COLD_FILES = [
  { name: 'small', file: 'lodash/debounce.js', sourceType: 'script' },
  { name: 'medium', file: 'jquery/dist/jquery.js', sourceType: 'script' },
  { name: 'large', file: 'typescript/lib/typescript.js', sourceType: 'script' },
];

/** Input kinds a tool can ask for; each is one pack file. */
export const INPUTS = ['source', 'binary', 'acornJson', 'acornV8'];

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (EXCLUDED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && /\.(m|c)?js$/.test(entry.name)) {
      const { size } = statSync(full);
      if (size >= MIN_BYTES && size <= MAX_BYTES) out.push(full);
    }
  }
  return out;
}

// A JSON cache cannot hold a BigInt; the few bigint literal values are stored as their digits.
const bigintAsString = (_key, value) => (typeof value === 'bigint' ? String(value) : value);

function version(name) {
  return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Candidate files, sorted, and the cache key they give. */
function candidates() {
  const files = walk(path.join(ROOT, 'node_modules'), []).sort();
  const hash = createHash('sha256');
  for (const f of files) {
    const s = statSync(f);
    hash.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  hash.update(readFileSync(path.join(ROOT, 'wasm/binast.wasm')));
  for (const c of COLD_FILES) hash.update(`${c.file}\n`);
  for (const n of ['acorn', 'meriyah', 'oxc-parser']) hash.update(`${n}@${version(n)}\n`);
  return { files, key: hash.digest('hex').slice(0, 16) };
}

/** The parse goal acorn accepts, as `binast encode` chooses it: by extension, else script then module. */
function goals(file) {
  if (file.endsWith('.mjs')) return ['module'];
  if (file.endsWith('.cjs')) return ['script'];
  return ['script', 'module'];
}

/**
 * Builds (or finds) the corpus; returns its directory. `binast` is the loaded library (dist/), used
 * to encode; `log` reports progress.
 */
export async function prepareCorpus(binast, log = () => {}) {
  const { files, key } = candidates();
  const dir = path.join(CACHE, key);
  if (existsSync(path.join(dir, 'manifest.json'))) return dir;
  log(`  preparing the project corpus (${files.length} candidate files; cached in ${path.relative(ROOT, dir)})...`);
  const acorn = await import('acorn');
  const meriyah = await import('meriyah');
  const oxc = await import('oxc-parser');
  const seen = new Set();
  const dropped = { duplicate: 0, acorn: 0, binast: 0, meriyah: 0, oxc: 0, mismatch: 0 };
  const packs = Object.fromEntries(INPUTS.map((k) => [k, []]));
  const entries = [];
  for (const file of files) {
    const buffer = readFileSync(file);
    const digest = createHash('sha1').update(buffer).digest('hex');
    if (seen.has(digest)) { dropped.duplicate++; continue; }
    seen.add(digest);
    const source = buffer.toString('utf8');
    let sourceType = null;
    let tree = null;
    for (const goal of goals(file)) {
      try {
        tree = acorn.parse(source, { ecmaVersion: 'latest', sourceType: goal });
        sourceType = goal;
        break;
      } catch {}
    }
    if (!sourceType) { dropped.acorn++; continue; }
    let binary;
    try {
      binary = binast.encode(source, { sourceType });
    } catch { dropped.binast++; continue; }
    const json = JSON.stringify(tree, bigintAsString);
    if (JSON.stringify(binast.decode(binary), bigintAsString) !== json) { dropped.mismatch++; continue; }
    try {
      meriyah.parse(source, { module: sourceType === 'module', ranges: true });
    } catch { dropped.meriyah++; continue; }
    const oxcResult = oxc.parseSync('input.js', source, { sourceType, experimentalRawTransfer: oxc.rawTransferSupported?.() });
    if (oxcResult.errors.length) { dropped.oxc++; continue; }
    entries.push({ file: path.relative(path.join(ROOT, 'node_modules'), file), sourceType });
    packs.source.push(buffer);
    packs.binary.push(binary);
    packs.acornJson.push(Buffer.from(json));
    packs.acornV8.push(v8.serialize(tree));
  }
  const tmp = `${dir}.tmp.${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const offsets = {};
  for (const kind of INPUTS) {
    const list = packs[kind];
    const ends = new Array(list.length);
    let at = 0;
    for (let i = 0; i < list.length; i++) ends[i] = at += list[i].byteLength;
    offsets[kind] = ends;
    writeFileSync(path.join(tmp, `${kind}.pack`), Buffer.concat(list.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength))));
  }
  const cold = COLD_FILES.map((c) => {
    const source = readFileSync(path.join(ROOT, 'node_modules', c.file));
    writeFileSync(path.join(tmp, `cold-${c.name}.js`), source);
    writeFileSync(path.join(tmp, `cold-${c.name}.binast`), binast.encode(source.toString('utf8'), { sourceType: c.sourceType }));
    return { ...c, sourceBytes: source.byteLength };
  });
  const sourceBytes = offsets.source.at(-1) ?? 0;
  const manifest = { key, files: entries, offsets, dropped, sourceBytes, cold, created: new Date().toISOString() };
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

/**
 * The corpus's binaries as another build's encoder writes them (`--compare`: each build decodes
 * its own, so builds of different formats compare): `binary@<name>.pack`, rebuilt when that
 * build's wasm changes.
 */
export async function prepareBuildBinaries(dir, manifest, name, distDir) {
  const wasm = readFileSync(path.join(distDir, '../wasm/binast.wasm'));
  const key = createHash('sha256').update(wasm).digest('hex').slice(0, 16);
  const index = path.join(dir, `binary@${name}.json`);
  if (existsSync(index) && JSON.parse(readFileSync(index, 'utf8')).key === key) return;
  const binast = await import(pathToFileURL(path.join(distDir, 'index.js')).href);
  if (!binast.isReady()) await binast.init();
  const sources = loadInputs(dir, manifest, 'source');
  const binaries = sources.map((source, i) => binast.encode(source, { sourceType: manifest.files[i].sourceType }));
  let at = 0;
  const ends = binaries.map((b) => (at += b.byteLength));
  writeFileSync(path.join(dir, `binary@${name}.pack`), Buffer.concat(binaries.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength))));
  writeFileSync(index, JSON.stringify({ key, ends }));
}

export function readManifest(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
}

/**
 * One input kind for every file, each in its own buffer (as reading each file would give), ready
 * before timing: strings for source and acornJson, Uint8Array for binary, Buffer for acornV8.
 */
export function loadInputs(dir, manifest, kind) {
  const pack = readFileSync(path.join(dir, `${kind}.pack`));
  const ends = kind.startsWith('binary@') ? JSON.parse(readFileSync(path.join(dir, `${kind}.json`), 'utf8')).ends : manifest.offsets[kind];
  const out = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i];
    if (kind === 'source' || kind === 'acornJson') out[i] = pack.toString('utf8', start, end);
    else if (kind.startsWith('binary')) out[i] = new Uint8Array(pack.subarray(start, end));
    else out[i] = Buffer.from(pack.subarray(start, end));
    start = end;
  }
  return out;
}
