#!/usr/bin/env node
// What a lazy decode of the top level (decode(bytes, { lazy: true }), bodies never read) still
// has to read on the project corpus: the node-section bytes outside the outermost skipped bodies
// (docs/format.md, Bodies section), by size class. Decode time grows with node bytes, so the
// top-level-only speed-up over an eager decode is bounded near 1 / this fraction (before the
// per-file costs a lazy decode keeps: header, checksum, string table).
//
//   node bench/project/lazy-bound.mjs        (needs `npm run build`; uses the bench's cached corpus)
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../corpus.mjs';
import { loadInputs, prepareCorpus, readManifest } from './corpus.mjs';
import { SIZE_CLASSES, sizeClass } from './size-classes.mjs';

const binast = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
const { readHeader } = await import(pathToFileURL(path.join(ROOT, 'dist/decode/header.js')).href);
const dir = await prepareCorpus(binast, (s) => console.log(s));
const manifest = readManifest(dir);
const binaries = loadInputs(dir, manifest, 'binary');
const sources = loadInputs(dir, manifest, 'source');

/** Node bytes of the outermost bodies with a skip entry: entries are in pre-order, each ending
 * with the length of the entries nested in it, which are passed over. */
function skippedBytes(bytes, bodies) {
  let at = bodies.start;
  const varint = () => {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      if (at >= bodies.end) throw new Error('a skip entry runs past the bodies section');
      const byte = bytes[at++];
      value += (byte & 127) * scale;
      if (byte < 128) return value;
    }
  };
  let skipped = 0;
  while (at < bodies.end) {
    skipped += varint(); // node bytes
    varint(); // string references
    varint(); // new strings
    varint(); // position cursor delta
    const nested = varint(); // bytes of the nested entries
    at += nested;
  }
  return skipped;
}

const classes = Object.fromEntries(SIZE_CLASSES.map((c) => [c.key, [0, 0, 0]]));
const all = [0, 0, 0];
for (let i = 0; i < binaries.length; i++) {
  const header = readHeader(binaries[i]);
  const size = Buffer.byteLength(sources[i]);
  const bucket = classes[sizeClass(size)];
  const nodes = header.nodes.end - header.nodes.start;
  const skipped = skippedBytes(binaries[i], header.bodies);
  for (const sum of [bucket, all]) {
    sum[0]++;
    sum[1] += nodes;
    sum[2] += skipped;
  }
}
console.log(`\n| files (${binaries.length}) | node bytes | read by a lazy top-level decode | bound on lazy ÷ eager speed-up |`);
console.log('| --- | ---: | ---: | ---: |');
const label = (key) => SIZE_CLASSES.find((c) => c.key === key)?.label.replace(' files', '') ?? key;
for (const [key, [files, nodes, skipped]] of [...Object.entries(classes), ['all', all]]) {
  const name = label(key);
  const read = (nodes - skipped) / nodes;
  console.log(`| ${name} (${files}) | ${(nodes / 1e6).toFixed(1)} MB | ${(read * 100).toFixed(1)}% | ${(1 / read).toFixed(2)}x |`);
}
