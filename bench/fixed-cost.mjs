#!/usr/bin/env node
// The fixed cost per call (issue #11): decoding the binary of a one-statement program, warm, in
// one process, against acorn.parse of its source. Most files of a project are small, so what a
// call costs before its first node matters (header, checksum, string table, set-up).
// Rounds interleave the tools; each sample is the mean of a batch of calls; medians.
//
//   node bench/fixed-cost.mjs [--rounds 15] [--batch 20000] [--no-write]
// Needs `npm run build` (it measures the package entry in lib/). Writes
// bench/results/fixed-cost-node<major>.{json,md}.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as acorn from 'acorn';
import { ROOT } from './corpus.mjs';

const TARGET_US = 2;
const PROGRAMS = { 'x': 'x', 'a = 1;': 'a = 1;', "import x from 'y';": "import x from 'y';" };

const args = { rounds: 15, batch: 20000, write: true };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--rounds') args.rounds = Number(argv[++i]);
  else if (argv[i] === '--batch') args.batch = Number(argv[++i]);
  else if (argv[i] === '--no-write') args.write = false;
  else throw new Error(`unknown option ${argv[i]}`);
}

const { encode, decode } = await import(pathToFileURL(path.join(ROOT, 'lib/node.js')).href);
const tools = [];
for (const [name, source] of Object.entries(PROGRAMS)) {
  const sourceType = source.startsWith('import') ? 'module' : 'script';
  const bytes = encode(source, { sourceType });
  tools.push({ name, tool: 'binast decode', bytes: bytes.length, run: () => decode(bytes) });
  tools.push({ name, tool: 'binast decode +loc', bytes: bytes.length, run: () => decode(bytes, { locations: true }) });
  tools.push({ name, tool: 'acorn.parse', run: () => acorn.parse(source, { ecmaVersion: 'latest', sourceType }) });
}

const samples = tools.map(() => []);
let sink = 0;
for (let round = -2; round < args.rounds; round++) {
  for (let k = 0; k < tools.length; k++) {
    const i = (k + Math.max(round, 0)) % tools.length; // rotate the order each round
    const { run } = tools[i];
    const start = performance.now();
    for (let n = 0; n < args.batch; n++) sink += run().end;
    const us = ((performance.now() - start) * 1000) / args.batch;
    if (round >= 0) samples[i].push(us); // two warm-up rounds
  }
}
if (sink === 0) throw new Error('nothing decoded');

const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const rows = tools.map((t, i) => ({ program: t.name, tool: t.tool, binaryBytes: t.bytes ?? null, medianUs: median(samples[i]), minUs: Math.min(...samples[i]) }));
const decodeOfX = rows.find((r) => r.program === 'x' && r.tool === 'binast decode').medianUs;
const target = { label: 'decode of a one-statement program (`x`), warm', goal: `<= ${TARGET_US} µs`, value: decodeOfX, status: decodeOfX <= TARGET_US ? 'PASS' : 'MISS' };

const major = process.versions.node.split('.')[0];
const lines = [
  `# Fixed cost per call, Node ${process.version}`,
  '',
  `Warm, one process; ${args.rounds} rounds (tools interleaved, order rotated), each sample the mean of ${args.batch} calls; medians. \`node bench/fixed-cost.mjs\`.`,
  '',
  '| program | tool | µs per call (median) | min | acorn ÷ this |',
  '| --- | --- | ---: | ---: | ---: |',
  ...rows.map((r) => {
    const acornUs = rows.find((a) => a.program === r.program && a.tool === 'acorn.parse').medianUs;
    return `| \`${r.program}\` | ${r.tool} | ${r.medianUs.toFixed(2)} | ${r.minUs.toFixed(2)} | ${(acornUs / r.medianUs).toFixed(1)}x |`;
  }),
  '',
  `| Target | Goal | Measured | Result |`,
  '| --- | ---: | ---: | ---: |',
  `| ${target.label} | ${target.goal} | ${target.value.toFixed(2)} µs | ${target.status === 'PASS' ? '**PASS**' : 'MISS'} |`,
];
console.log(lines.join('\n'));
if (args.write) {
  const out = path.join(ROOT, 'bench/results', `fixed-cost-node${major}`);
  writeFileSync(`${out}.json`, JSON.stringify({ node: process.version, date: new Date().toISOString(), ...args, rows, target }, null, 2) + '\n');
  writeFileSync(`${out}.md`, lines.join('\n') + '\n');
}
