#!/usr/bin/env node
// Runs binast's fuzzers (the same ones test/fuzz/fuzz.test.ts runs for a fixed number of
// cases in CI) for as long as asked, against the built package (dist/, wasm/: run
// `npm run build` first), and prints the counts.
//
//   node scripts/fuzz.mjs --seconds 600 [--seed 12345] [--only decode|encode|jsx] [--json]
//
// Time is split evenly between the decode fuzzer (mutated binaries of real files: flips,
// truncations, splices, forged lengths and skip entries; each decoded as is and with its
// checksum recomputed, eagerly or lazily with every body read)
// and the encode fuzzer (mutated real code, generated programs and token soups, compared with
// acorn), plus, with `--only jsx`, the JSX encode fuzzer alone (generated and mutated JSX against
// acorn-jsx, test/fuzz/jsx.mjs). Each runs in rounds of 500 cases with seeds seed, seed+1, ...: a failure names its
// seed and case, and the test with BINAST_FUZZ_SEED=<seed> replays the round.
//
// Exit status: 1 if a fuzzer failed (an exception other than a BinastError or SyntaxError, a
// wrong tree for intact bytes, a damaged file that decoded, a hang) or found a disagreement
// with acorn not listed in test/fuzz/known-disagreements.mjs; 0 otherwise.
import * as acorn from 'acorn';
import acornJsx from 'acorn-jsx';
import { BinastError, decode, encode } from '../dist/node.js';
import { xxh32 } from '../dist/decode/checksum.js';
import { forgedLazyBases, fuzzCorpus, fuzzDecode, fuzzEncode, treeDifference } from '../test/fuzz/engine.mjs';
import { JSX_FUZZ_KNOWN, KNOWN_DISAGREEMENTS } from '../test/fuzz/known-disagreements.mjs';
import { fuzzJsxSource } from '../test/fuzz/jsx.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const seconds = Number(option('seconds', '60'));
const firstSeed = Number(option('seed', String(Date.now() % 1_000_000)));
const only = option('only', 'both');
const json = args.includes('--json');
if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isInteger(firstSeed)) {
  console.error('usage: node scripts/fuzz.mjs --seconds N [--seed S] [--only decode|encode|jsx] [--json]');
  process.exit(2);
}

const ROUND = 500;
const corpus = fuzzCorpus();
const bases = [];
for (const file of corpus) {
  let bytes;
  try {
    bytes = encode(file.source, { sourceType: file.sourceType, comments: true });
  } catch {
    continue;
  }
  const tree = decode(bytes);
  const diff = treeDifference(tree, acorn.parse(file.source, { ecmaVersion: 'latest', sourceType: file.sourceType }));
  if (diff) throw new Error(`${file.name} does not round-trip: ${diff}`);
  // lodash is one file among ~100 small ones: give it a fair share of the cases.
  const weight = file.name.startsWith('lodash') ? 20 : 1;
  for (let i = 0; i < weight; i++) bases.push({ name: file.name, bytes, tree });
}
// Binaries where every function body has a skip entry, so that mutations meet many entries.
bases.push(...forgedLazyBases(corpus, { decode, xxh32, acorn }));

const decodeApi = { decode, BinastError, xxh32 };
const jsx = only === 'jsx';
// With --only jsx the "encode" fuzzer is the JSX one: acorn-jsx judges, sources from test/fuzz/jsx.mjs.
const encodeApi = { encode, decode, BinastError, acorn, ...(jsx ? { jsx: acorn.Parser.extend(acornJsx()) } : {}) };
const encodeOptions = jsx ? { known: JSX_FUZZ_KNOWN, sources: fuzzJsxSource } : { known: KNOWN_DISAGREEMENTS };
const totals = {
  decode: { rounds: 0, cases: 0, decodes: 0, trees: 0, unchanged: 0, errors: {}, slowestMs: 0 },
  encode: { rounds: 0, cases: 0, same: 0, bothReject: 0, unsupported: 0, bothLimit: 0, known: {} },
  failures: [],
  disagreements: [],
};
const started = performance.now();
const share = only === 'both' ? 2 : 1;
let seed = firstSeed;

function runDecode(deadline) {
  while (performance.now() < deadline) {
    const stats = fuzzDecode(decodeApi, bases, { seed, iterations: ROUND, deadline });
    const t = totals.decode;
    t.rounds++;
    t.cases += stats.cases;
    t.decodes += stats.decodes;
    t.trees += stats.trees;
    t.unchanged += stats.unchanged;
    t.slowestMs = Math.max(t.slowestMs, stats.slowestMs);
    for (const [code, n] of Object.entries(stats.errors)) t.errors[code] = (t.errors[code] ?? 0) + n;
    totals.failures.push(...stats.failures);
    seed++;
  }
}

function runEncode(deadline) {
  while (performance.now() < deadline) {
    const stats = fuzzEncode(encodeApi, corpus, { seed, iterations: ROUND, deadline, ...encodeOptions });
    const t = totals.encode;
    t.rounds++;
    t.cases += stats.cases;
    t.same += stats.same;
    t.bothReject += stats.bothReject;
    t.unsupported += stats.unsupported;
    t.bothLimit += stats.bothLimit;
    for (const [id, n] of Object.entries(stats.knownDisagreements)) t.known[id] = (t.known[id] ?? 0) + n;
    totals.failures.push(...stats.failures);
    for (const found of stats.disagreements) {
      const same = totals.disagreements.find((d) => d.signature === found.signature);
      if (same) same.count += found.count;
      else totals.disagreements.push(found);
    }
    seed++;
  }
}

const budget = (seconds * 1000) / share;
if (only !== 'encode' && only !== 'jsx') runDecode(performance.now() + budget);
if (only !== 'decode') runEncode(performance.now() + budget);
const elapsed = (performance.now() - started) / 1000;

if (json) {
  console.log(JSON.stringify({ firstSeed, lastSeed: seed - 1, seconds: elapsed, ...totals }, null, 2));
} else {
  const d = totals.decode;
  const e = totals.encode;
  console.log(`fuzz: ${elapsed.toFixed(0)} s, seeds ${firstSeed}..${seed - 1}`);
  if (only !== 'encode' && only !== 'jsx') {
    console.log(
      `decode: ${d.cases} mutated binaries, ${d.decodes} decodes (as damaged and resealed): ${d.trees} trees ` +
        `(${d.unchanged} of intact bytes), errors ${JSON.stringify(d.errors)}; slowest decode ${d.slowestMs.toFixed(1)} ms`,
    );
  }
  if (only !== 'decode') {
    console.log(
      `${jsx ? 'jsx encode' : 'encode'}: ${e.cases} sources: ${e.same} identical to ${jsx ? 'acorn-jsx' : 'acorn'}, ${e.bothReject} rejected by both, ` +
        `${e.unsupported} lone-surrogate refusals, ${e.bothLimit} stack limits in both; ` +
        `known disagreements ${JSON.stringify(e.known)}; new disagreements ${totals.disagreements.length}`,
    );
  }
  for (const f of totals.failures.slice(0, 20)) console.log(`FAILURE ${f}`);
  if (totals.failures.length > 20) console.log(`... and ${totals.failures.length - 20} more failures`);
  for (const x of totals.disagreements) {
    console.log(
      `DISAGREEMENT [${x.signature}] x${x.count} (${x.sourceType}) ${JSON.stringify(x.source)}\n  acorn:  ${x.acorn}\n  binast: ${x.binast}\n  first at ${x.where}`,
    );
  }
}
process.exit(totals.failures.length > 0 || totals.disagreements.length > 0 ? 1 : 0);
