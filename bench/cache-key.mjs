// What the AST cache's key costs (issue #17): MurmurHash3_x86_128 of the UTF-8 source (the
// cache's sourceKey) against node:crypto's one-shot hashes, over the project-scale corpus's
// sources. Interleaved rounds, medians; run `npm run bench:project` once first (it prepares the
// corpus) and `npm run build:ts`.
//   node bench/cache-key.mjs [--rounds 15]
import { hash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './corpus.mjs';
import { loadInputs, readManifest } from './project/corpus.mjs';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 15;
const base = path.join(ROOT, 'node_modules/.cache/binast-bench/project');
const corpusDir = readdirSync(base).map((d) => path.join(base, d)).find((d) => { try { readManifest(d); return true; } catch { return false; } });
if (!corpusDir) throw new Error('no prepared corpus: run `npm run bench:project` first');
const { sourceKey } = await import(pathToFileURL(path.join(ROOT, 'dist/cache/hash.js')).href);
const manifest = readManifest(corpusDir);
const sources = loadInputs(corpusDir, manifest, 'source');

const candidates = {
  'murmur3 x86_128 (utf8)': (s) => sourceKey(s, 0),
  'sha256 (node:crypto)': (s) => hash('sha256', s),
  'sha1 (node:crypto)': (s) => hash('sha1', s),
  'md5 (node:crypto)': (s) => hash('md5', s),
};
const times = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
for (let r = 0; r < rounds; r++) {
  const names = Object.keys(candidates);
  for (const name of names.slice(r % names.length).concat(names.slice(0, r % names.length))) {
    const fn = candidates[name];
    const t = performance.now();
    for (const s of sources) fn(s);
    times[name].push(performance.now() - t);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mb = manifest.sourceBytes / 1e6;
console.log(`${sources.length} sources, ${mb.toFixed(1)} MB, ${rounds} rounds, Node ${process.versions.node}`);
for (const [name, xs] of Object.entries(times)) console.log(`${name.padEnd(26)} ${median(xs).toFixed(1).padStart(7)} ms  ${(mb / (median(xs) / 1000)).toFixed(0).padStart(5)} MB/s`);
