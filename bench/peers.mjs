// Everything the bench times: binast (from the built dist/) and its peers. Each tool is
// { id, label, prepare(fixture) -> () => result }; `prepare` does untimed setup per file, the
// returned function is what gets timed. Results are returned so the runner can keep the latest
// one alive (as a program replacing its previous AST would).
import v8 from 'node:v8';
import * as acorn from 'acorn';
import * as meriyah from 'meriyah';
import * as babel from '@babel/parser';
import * as oxc from 'oxc-parser';
import { parseAst } from 'rollup/parseAst';
import { allocateLike } from './floor.mjs';

export { loadBinast } from './binast.mjs';

const major = Number(process.versions.node.split('.')[0]);

/** oxc's raw transfer needs Node >= 22 (ArrayBuffers > 4 GiB) on a 64-bit little-endian host. */
export function rawTransferAvailable() {
  return major >= 22 && typeof oxc.rawTransferSupported === 'function' && oxc.rawTransferSupported();
}

const acornOptions = (f, extra) => ({ ecmaVersion: 'latest', sourceType: f.sourceType, ...extra });

/** The tools in display order. `binast` is the loaded library. */
export function createTools(binast) {
  const tools = [
    { id: 'decode', label: 'binast decode', group: 'binast',
      prepare: (f) => { const bytes = f.binary(); return () => binast.decode(bytes); } },
    { id: 'decodeLoc', label: 'binast decode +loc', group: 'binast',
      prepare: (f) => { const bytes = f.binary(); const o = { locations: true }; return () => binast.decode(bytes, o); } },
    { id: 'encode', label: 'binast encode (WASM)', group: 'binast',
      prepare: (f) => { const o = { sourceType: f.sourceType }; return () => binast.encode(f.source, o); } },
    { id: 'parse', label: 'binast parse (encode+decode)', group: 'binast',
      prepare: (f) => { const o = acornOptions(f); return () => binast.parse(f.source, o); } },
    { id: 'acorn', label: 'acorn.parse', group: 'parser',
      prepare: (f) => { const o = acornOptions(f); return () => acorn.parse(f.source, o); } },
    { id: 'acornLoc', label: 'acorn.parse +loc', group: 'parser',
      prepare: (f) => { const o = acornOptions(f, { locations: true }); return () => acorn.parse(f.source, o); } },
    { id: 'meriyah', label: 'meriyah (ranges)', group: 'parser',
      prepare: (f) => { const o = { module: f.sourceType === 'module', ranges: true }; return () => meriyah.parse(f.source, o); } },
    { id: 'babel', label: '@babel/parser', group: 'parser',
      prepare: (f) => { const o = { sourceType: f.sourceType }; return () => babel.parse(f.source, o); } },
    { id: 'oxc', label: 'oxc-parser parseSync', group: 'parser',
      prepare: (f) => { const o = { sourceType: f.sourceType }; return () => oxc.parseSync('input.js', f.source, o).program; } },
  ];
  if (rawTransferAvailable()) {
    tools.push({ id: 'oxcRaw', label: 'oxc-parser raw transfer', group: 'parser',
      prepare: (f) => {
        const o = { sourceType: f.sourceType, experimentalRawTransfer: true };
        return () => oxc.parseSync('input.js', f.source, o).program;
      } });
  }
  tools.push(
    { id: 'rollup', label: 'rollup parseAst', group: 'parser',
      prepare: (f) => () => parseAst(f.source) },
    { id: 'json', label: 'JSON.parse (cached acorn JSON)', group: 'cache',
      prepare: (f) => { const json = f.acornJson(); return () => JSON.parse(json); } },
    { id: 'v8', label: 'v8.deserialize (cached acorn AST)', group: 'cache',
      prepare: (f) => { const buffer = f.acornV8(); return () => v8.deserialize(buffer); } },
    { id: 'floor', label: 'allocation floor', group: 'floor',
      prepare: (f) => { const profile = f.profile(); return () => allocateLike(profile); } },
  );
  return tools;
}

/** Versions of the peers, read from node_modules (some packages do not export package.json). */
export async function peerVersions() {
  const { readFileSync } = await import('node:fs');
  const version = (name) => {
    try {
      return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
    } catch {
      return 'unknown';
    }
  };
  return Object.fromEntries(['acorn', 'meriyah', '@babel/parser', 'oxc-parser', 'rollup', 'tinybench', 'esbuild'].map((n) => [n, version(n)]));
}
