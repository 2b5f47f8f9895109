#!/usr/bin/env node
// Lazy bodies (issue #13) in steady state: per file of the bench corpus, in one process,
// interleaved, medians of N rounds: acorn.parse, an eager decode, the lazy top level, and every
// body read (the lazy tree walked, against the eager tree walked the same way).
//
//   node bench/lazy.mjs [--files typescript,three] [--rounds 15]
//
// Measures dist/ (`npm run build` first). The project-scale figures (fresh processes) are in
// bench/project (tools decodeLazy, decodeLazyAll, decodeWalk).
import * as acorn from 'acorn';
import { FILES, loadCorpus } from './corpus.mjs';
import { visitAll } from './visit.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const names = option('files', FILES.map((f) => f.name).join(',')).split(',');
const rounds = Number(option('rounds', '15'));
const { decode, encode } = await import(new URL('../dist/index.js', import.meta.url).href);


const TOOLS = {
  acorn: (f) => acorn.parse(f.source, { ecmaVersion: 'latest', sourceType: f.sourceType }),
  decode: (f) => decode(f.bytes),
  lazyTop: (f) => decode(f.bytes, { lazy: true }),
  decodeWalk: (f) => visitAll(decode(f.bytes)),
  lazyWalk: (f) => visitAll(decode(f.bytes, { lazy: true })),
};

const median = (list) => list.slice().sort((a, b) => a - b)[list.length >> 1];
const rows = [];
const sums = Object.fromEntries(Object.keys(TOOLS).map((t) => [t, 0]));
for (const file of loadCorpus(names)) {
  const f = { ...file, bytes: encode(file.source, { sourceType: file.sourceType }) };
  const times = Object.fromEntries(Object.keys(TOOLS).map((t) => [t, []]));
  const ids = Object.keys(TOOLS);
  for (let round = 0; round < rounds + 2; round++) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[(i + round) % ids.length];
      const start = performance.now();
      TOOLS[id](f);
      if (round >= 2) times[id].push(performance.now() - start);
    }
  }
  const m = Object.fromEntries(Object.entries(times).map(([id, list]) => [id, median(list)]));
  for (const id of ids) sums[id] += m[id];
  rows.push([file.name, m]);
}
rows.push(['**sum**', sums]);
const x = (a, b) => `${(a / b).toFixed(2)}x`;
console.log(`Node ${process.version}, medians of ${rounds} rounds (ms), interleaved in one process`);
console.log('| File | acorn | decode | lazy top level | decode + walk | lazy + walk | acorn ÷ lazy top | lazy+walk ÷ decode+walk | lazy+walk ÷ decode |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, m] of rows) {
  console.log(`| ${name} | ${m.acorn.toFixed(1)} | ${m.decode.toFixed(1)} | ${m.lazyTop.toFixed(2)} | ${m.decodeWalk.toFixed(1)} | ${m.lazyWalk.toFixed(1)} | ` +
    `${x(m.acorn, m.lazyTop)} | ${x(m.lazyWalk, m.decodeWalk)} | ${x(m.lazyWalk, m.decode)} |`);
}
