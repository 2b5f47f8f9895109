// Encodes and decodes one real file, side by side with acorn: sizes, times, and a check that
// the trees are identical. Usage: node scripts/demo.mjs [file.js] [--module]
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as acorn from 'acorn';
import { decode, encode } from '../dist/node.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'node_modules/typescript/lib/typescript.js';
const sourceType = args.includes('--module') || file.endsWith('.mjs') ? 'module' : 'script';
const source = readFileSync(file, 'utf8');

const median = (run, times = 7) => {
  const samples = [];
  let result;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    result = run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[samples.length >> 1], result };
};

const encoded = median(() => encode(source, { sourceType }));
const bytes = encoded.result;
const decoded = median(() => decode(bytes));
const parsed = median(() => acorn.parse(source, { ecmaVersion: 'latest', sourceType }));
const identical =
  JSON.stringify(decoded.result, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)) ===
  JSON.stringify(parsed.result, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sourceBytes = Buffer.from(source);

console.log(`${file} (${sourceType}), Node ${process.version}`);
console.log(`  size    source ${kb(sourceBytes.length)}  binary ${kb(bytes.length)} (${(bytes.length / sourceBytes.length).toFixed(2)}x)`);
console.log(`  gzip    source ${kb(gzip(sourceBytes))}  binary ${kb(gzip(bytes))}`);
console.log(`  brotli  source ${kb(brotli(sourceBytes))}  binary ${kb(brotli(bytes))}`);
console.log(`  time    encode ${encoded.ms.toFixed(1)} ms  decode ${decoded.ms.toFixed(1)} ms  acorn.parse ${parsed.ms.toFixed(1)} ms (median of 7)`);
console.log(`  decode is ${(parsed.ms / decoded.ms).toFixed(1)}x faster than acorn.parse; trees identical: ${identical}`);
if (!identical) process.exitCode = 1;
