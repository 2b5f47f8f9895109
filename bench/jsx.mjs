#!/usr/bin/env node
// JSX bench (issue #14): the real JSX corpus (every .jsx file of the pinned devDependencies
// @kobalte/core, @ark-ui/solid, @solidjs/router; test/fuzz/jsx.mjs lists them), in one process
// on the built dist/, interleaved: each round runs every task once over the whole corpus, in
// an order rotated each round; the first rounds are warm-up. Tasks: acorn-jsx
// (`acorn.Parser.extend(acornJsx()).parse`), binast's decode of binaries encoded beforehand,
// and `parse({ jsx: true })` (encode through WASM + decode), each plain and with locations.
// Reported: the median over measured rounds of each task's time for the whole corpus, and the
// ratios the targets are about (decode >= 8x acorn-jsx, parse >= 2x).
//
//   bash scripts/with-node.sh 26 node bench/jsx.mjs [--rounds 15] [--warmup 3] [--no-write]
//
// Writes bench/results/jsx-node<major>.{json,md} unless --no-write.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import * as acorn from 'acorn';
import { decode, encode, parse } from '../dist/node.js';
import { jsxFiles, JSX_PACKAGES } from '../test/fuzz/jsx.mjs';

const require = createRequire(import.meta.url);
const acornJsx = require('acorn-jsx');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ROUNDS = option('rounds', 15);
const WARMUP = option('warmup', 3);

const JsxParser = acorn.Parser.extend(acornJsx());
const files = jsxFiles().map((f) => ({ ...f, bytes: encode(f.source, { sourceType: 'module', jsx: true }) }));
const sourceBytes = files.reduce((n, f) => n + Buffer.byteLength(f.source), 0);
const binaryBytes = files.reduce((n, f) => n + f.bytes.length, 0);

// Every tree is checked once against acorn-jsx before timing: the bench measures equal work.
for (const f of files) {
  for (const options of [{}, { locations: true }]) {
    const expected = JSON.stringify(JsxParser.parse(f.source, { ecmaVersion: 'latest', sourceType: 'module', ...options }));
    if (JSON.stringify(decode(f.bytes, options)) !== expected) throw new Error(`${f.name}: decode differs from acorn-jsx`);
  }
}

const base = { ecmaVersion: 'latest', sourceType: 'module' };
const TASKS = {
  'acorn-jsx': (f) => JsxParser.parse(f.source, base),
  'acorn-jsx +loc': (f) => JsxParser.parse(f.source, { ...base, locations: true }),
  'binast decode': (f) => decode(f.bytes),
  'binast decode +loc': (f) => decode(f.bytes, { locations: true }),
  'binast parse({ jsx: true })': (f) => parse(f.source, { ...base, jsx: true }),
  'binast parse({ jsx: true }) +loc': (f) => parse(f.source, { ...base, jsx: true, locations: true }),
};
const names = Object.keys(TASKS);
const times = Object.fromEntries(names.map((n) => [n, []]));
let sink = null;
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const name of order) {
    const task = TASKS[name];
    sink = null;
    const start = performance.now();
    for (const f of files) sink = task(f);
    const elapsed = performance.now() - start;
    if (round >= WARMUP) times[name].push(elapsed);
  }
}
void sink;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const med = Object.fromEntries(names.map((n) => [n, median(times[n])]));
const ratio = (a, b) => med[a] / med[b];
const ratios = {
  'decode vs acorn-jsx': ratio('acorn-jsx', 'binast decode'),
  'decode +loc vs acorn-jsx +loc': ratio('acorn-jsx +loc', 'binast decode +loc'),
  'parse({ jsx: true }) vs acorn-jsx': ratio('acorn-jsx', 'binast parse({ jsx: true })'),
  'parse({ jsx: true }) +loc vs acorn-jsx +loc': ratio('acorn-jsx +loc', 'binast parse({ jsx: true }) +loc'),
};
const node = process.versions.node;
const result = {
  node,
  date: new Date().toISOString(),
  corpus: { packages: JSX_PACKAGES, files: files.length, sourceBytes, binaryBytes, sourceGzip: gzipSync(Buffer.from(files.map((f) => f.source).join(''))).length },
  rounds: ROUNDS,
  warmup: WARMUP,
  medianMs: med,
  ratios,
};
const fmt = (x) => x.toFixed(1);
const md = [
  `JSX bench on Node ${node}: ${files.length} .jsx files of ${JSX_PACKAGES.join(', ')} (${(sourceBytes / 1024).toFixed(0)} KiB of source, ${(binaryBytes / 1024).toFixed(0)} KiB of binaries); median of ${ROUNDS} interleaved rounds after ${WARMUP} warm-up, whole corpus per round.`,
  '',
  '| task | ms (whole corpus) |',
  '| --- | ---: |',
  ...names.map((n) => `| ${n} | ${fmt(med[n])} |`),
  '',
  '| ratio (acorn-jsx time / binast time) | x |',
  '| --- | ---: |',
  ...Object.entries(ratios).map(([k, v]) => `| ${k} | ${v.toFixed(2)} |`),
  '',
].join('\n');
console.log(md);
if (!args.includes('--no-write')) {
  const major = node.split('.')[0];
  writeFileSync(new URL(`results/jsx-node${major}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(new URL(`results/jsx-node${major}.md`, import.meta.url), `${md}`);
}
