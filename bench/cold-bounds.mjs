#!/usr/bin/env node
// What bounds a cold decode (issue #11): one decode in a fresh process, of the project bench's
// cold files, under V8 settings a library cannot choose but that show where the time goes:
// eager compilation of everything (`--no-lazy`: no compile on first call), also without the
// optimizing tiers (the interpreter alone, compile excluded), and a 16 MB young generation from
// the start (`--min-semi-space-size=16`: fewer scavenges copying a tree that all survives).
// Also the first XXH32 of the binary (decode's integrity check, interpreted until replaced on
// the stack) against a second one. Medians of fresh processes; Node 26.
//
//   node bench/cold-bounds.mjs [--runs 9]        (needs `npm run build`; uses the bench's corpus)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireRuntime } from '../scripts/runtimes/index.mjs';
import { ROOT } from './corpus.mjs';
import { prepareCorpus, readManifest } from './project/corpus.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 0) || 9;
const node = requireRuntime('node26');
const binast = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
if (!binast.isReady()) await binast.init();
const dir = await prepareCorpus(binast, (s) => console.log(s));
const manifest = readManifest(dir);

const SETTINGS = [
  ['default', []],
  ['--no-lazy', ['--no-lazy']],
  ['--no-lazy, interpreter only', ['--no-lazy', '--no-sparkplug', '--no-maglev', '--no-turbofan']],
  ['--min-semi-space-size=16', ['--min-semi-space-size=16']],
];
// The child: import the package's decode entry, then time one decode; or two XXH32 calls.
const CHILD = `
const { readFileSync } = await import('node:fs');
const bytes = new Uint8Array(readFileSync(process.argv[1]));
if (process.argv[2] === 'xxh32') {
  const { xxh32 } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/decode/checksum.js')).href)});
  const a = performance.now(); xxh32(bytes, bytes.length - 4); const b = performance.now(); xxh32(bytes, bytes.length - 4);
  console.log(JSON.stringify([b - a, performance.now() - b]));
} else {
  const { decode } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'lib/decode.js')).href)});
  const a = performance.now(); decode(bytes); console.log(JSON.stringify([performance.now() - a]));
}`;
const child = (flags, file, what = 'decode') =>
  JSON.parse(execFileSync(node, [...flags, '--input-type=module', '-e', CHILD, file, what], { encoding: 'utf8' }));
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];

const header = ['cold file', ...SETTINGS.map(([name]) => name), 'first XXH32', 'second XXH32'];
const rows = [];
for (const cold of manifest.cold) {
  const file = path.join(dir, `cold-${cold.name}.binast`);
  const samples = SETTINGS.map(() => []);
  const hashes = [[], []];
  for (let r = 0; r < runs; r++) {
    SETTINGS.forEach(([, flags], i) => samples[i].push(child(flags, file)[0])); // interleaved
    const [first, second] = child([], file, 'xxh32');
    hashes[0].push(first);
    hashes[1].push(second);
  }
  rows.push([`${cold.name} (${cold.file})`, ...samples.map((s) => median(s).toFixed(2)), ...hashes.map((h) => median(h).toFixed(2))]);
}
console.log(`\nOne decode in a fresh process, ms (median of ${runs}), Node 26:\n`);
console.log(`| ${header.join(' | ')} |`);
console.log(`| --- | ${header.slice(1).map(() => '---:').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
