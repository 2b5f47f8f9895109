#!/usr/bin/env node
// What the integrity check costs (docs/format.md, Integrity): XXH32 over typescript.js's
// binary timed alone, next to whole decodes of it (plain and with `locations`), interleaved in
// one process; medians of 41 runs. Needs `npm run build`.
//   node bench/checksum-cost.mjs
import { loadCorpus } from './corpus.mjs';
import { decode, encode } from '../dist/node.js';
import { xxh32 } from '../dist/decode/checksum.js';

const [file] = loadCorpus(['typescript']);
const bytes = encode(file.source, { sourceType: file.sourceType });
const RUNS = 41;
const WARMUP = 3;
const checksum = [];
const plain = [];
const located = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  let t = performance.now();
  xxh32(bytes, bytes.length - 4);
  const x = performance.now() - t;
  t = performance.now();
  decode(bytes);
  const d = performance.now() - t;
  t = performance.now();
  decode(bytes, { locations: true });
  const l = performance.now() - t;
  if (i >= WARMUP) {
    checksum.push(x);
    plain.push(d);
    located.push(l);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const [x, d, l] = [median(checksum), median(plain), median(located)];
const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)}%`;
console.log(
  `Node ${process.version}: typescript.js binary ${(bytes.length / 1e6).toFixed(2)} MB; xxh32 ${x.toFixed(2)} ms ` +
    `(${(bytes.length / x / 1e6).toFixed(2)} GB/s); decode ${d.toFixed(1)} ms (checksum ${percent(x, d)}); ` +
    `decode with locations ${l.toFixed(1)} ms (${percent(x, l)})`,
);
