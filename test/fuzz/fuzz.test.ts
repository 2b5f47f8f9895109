// Deterministic, seeded fuzzing (test/fuzz/engine.mjs). Decode: mutated binaries of real files
// (lodash, a test262 sample, and forged ones with a skip entry for every body) — bit flips, byte
// changes, truncations, splices, insertions, deletions, forged varints, u32s, section lengths
// and skip entries — each decoded as is (the checksum must catch it) and with its checksum
// recomputed (the deeper checks must), eagerly or lazily with every body then read: a tree or
// a BinastError, nothing else, never a hang. Encode: mutated real code, generated programs and
// token soups must round-trip identically to acorn or be rejected by both.
//
// Rounds of 500 cases, seeds SEED, SEED+1, ...; a failure names its seed and case. Replay or
// vary with BINAST_FUZZ_SEED=<seed>; run longer with `node scripts/fuzz.mjs --seconds N`.
import { spawnSync } from 'node:child_process';
import * as acorn from 'acorn';
import acornJsx from 'acorn-jsx';
import { describe, expect, it } from 'vitest';
import { BinastError, decode, encode } from '../../ts/index.ts';
import { xxh32 } from '../../ts/decode/checksum.ts';
import {
  compareWithAcorn,
  type DecodeBase,
  forge,
  forgedLazyBases,
  fuzzCorpus,
  fuzzDecode,
  fuzzEncode,
  signature,
  treeDifference,
} from './engine.mjs';
import { JSX_FUZZ_KNOWN, KNOWN_DISAGREEMENTS, KNOWN_JSX_DISAGREEMENTS } from './known-disagreements.mjs';
import { fuzzJsxSource, jsxFiles } from './jsx.mjs';
import { xxh32 as plainXxh32 } from './xxh32.mjs';
import { test262Files } from '../helpers/corpus.ts';

const SEED = Number(process.env.BINAST_FUZZ_SEED ?? 20_260_801);
const ROUND = 500;
const DECODE_ROUNDS = Number(process.env.BINAST_FUZZ_DECODE_ROUNDS ?? 24);
const ENCODE_ROUNDS = Number(process.env.BINAST_FUZZ_ENCODE_ROUNDS ?? 80);
const JSX_ROUNDS = Number(process.env.BINAST_FUZZ_JSX_ROUNDS ?? 16);

const corpus = fuzzCorpus();
const decodeApi = { decode, BinastError, xxh32 };
const encodeApi = { encode, decode, BinastError, acorn };
// JSX: acorn-jsx judges, binast encodes with { jsx: true }.
const jsxApi = { ...encodeApi, jsx: acorn.Parser.extend(acornJsx()) };

const bases: DecodeBase[] = [];
for (const file of corpus) {
  let bytes: Uint8Array;
  try {
    bytes = encode(file.source, { sourceType: file.sourceType, comments: true });
  } catch {
    continue;
  }
  const tree = decode(bytes);
  // lodash is one file among ~100 small ones: give it a fair share of the cases.
  for (let i = 0; i < (file.name.startsWith('lodash') ? 20 : 1); i++) bases.push({ name: file.name, bytes, tree });
}
// JSX binaries too (every 12th real .jsx file, with comments): their readers get mutated input.
const jsxBases: DecodeBase[] = jsxFiles()
  .filter((_, i) => i % 12 === 0)
  .map((file) => {
    const bytes = encode(file.source, { sourceType: 'module', comments: true, jsx: true });
    return { name: file.name, bytes, tree: decode(bytes) };
  });

// Binaries where every function body has a skip entry, so that mutations meet many entries.
bases.push(...forgedLazyBases(corpus, { decode, xxh32, acorn }));

const totals = { decodeCases: 0, decodes: 0, trees: 0, errors: {} as Record<string, number>, encodeCases: 0, same: 0, bothReject: 0, known: {} as Record<string, number> };

describe('fuzz setup', () => {
  it('the JSX bases round-trip identically to acorn-jsx', () => {
    expect(jsxBases.length).toBeGreaterThan(20);
    const parser = acorn.Parser.extend(acornJsx());
    for (const base of jsxBases) {
      const file = jsxFiles().find((f) => f.name === base.name)!;
      expect(treeDifference(base.tree, parser.parse(file.source, { ecmaVersion: 'latest', sourceType: 'module' })), base.name).toBeNull();
    }
  });

  it('the bases round-trip identically to acorn', () => {
    expect(bases.length).toBeGreaterThan(90);
    for (const base of new Set(bases)) {
      const file = corpus.find((f) => f.name === base.name.replace(' (forged, every body lazy)', ''))!;
      const expected = acorn.parse(file.source, { ecmaVersion: 'latest', sourceType: file.sourceType });
      expect(treeDifference(base.tree, expected), base.name).toBeNull();
    }
  });

  it('the independent XXH32 of the forge agrees with the decoder', () => {
    for (const base of bases.slice(0, 20)) expect(plainXxh32(base.bytes, base.bytes.length - 4)).toBe(xxh32(base.bytes, base.bytes.length - 4));
  });

  it("the decoder reproduces acorn's trees from binaries written by the forge (no WASM involved)", () => {
    for (const file of test262Files('pass')) {
      const tree = acorn.parse(file.source, { ecmaVersion: 'latest', sourceType: file.sourceType, locations: true });
      const bytes = forge(tree, file.source, xxh32);
      expect(treeDifference(decode(bytes, { locations: true }), tree), file.id).toBeNull();
    }
  });

  it('regression: a string table starting with U+FEFF keeps it (TextDecoder drops a leading BOM)', () => {
    for (const source of ['//\uFEFF', 'x = "\uFEFFa"', '/\uFEFF[--]/']) {
      const comments: unknown[] = [];
      const acornComments: unknown[] = [];
      const expected = acorn.parse(source, { ecmaVersion: 'latest', onComment: acornComments as never });
      expect(treeDifference(decode(encode(source, { comments: true }), { onComment: comments as never }), expected)).toBeNull();
      expect(treeDifference(comments, acornComments)).toBeNull();
    }
  });
});

describe('decode fuzzing: mutated binaries give a tree or a BinastError', () => {
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    const seed = SEED + round;
    it(`seed ${seed}: ${ROUND} mutations`, () => {
      const stats = fuzzDecode(decodeApi, round % 4 === 3 ? jsxBases : bases, { seed, iterations: ROUND });
      totals.decodeCases += stats.cases;
      totals.decodes += stats.decodes;
      totals.trees += stats.trees;
      for (const [code, n] of Object.entries(stats.errors)) totals.errors[code] = (totals.errors[code] ?? 0) + n;
      expect(stats.failures, `seed ${seed}`).toEqual([]);
      expect(stats.slowestMs).toBeLessThan(2000);
    });
  }
});

describe('encode fuzzing: identical to acorn, or rejected by both', () => {
  for (let round = 0; round < ENCODE_ROUNDS; round++) {
    const seed = SEED + 1000 + round;
    it(`seed ${seed}: ${ROUND} sources`, () => {
      const stats = fuzzEncode(encodeApi, corpus, { seed, iterations: ROUND, known: KNOWN_DISAGREEMENTS });
      totals.encodeCases += stats.cases;
      totals.same += stats.same;
      totals.bothReject += stats.bothReject;
      for (const [id, n] of Object.entries(stats.knownDisagreements)) totals.known[id] = (totals.known[id] ?? 0) + n;
      expect(stats.failures, `seed ${seed}`).toEqual([]);
      const found = stats.disagreements.map(
        (d) => `${d.signature} (x${d.count}, ${d.sourceType}): ${JSON.stringify(d.source)} — acorn ${d.acorn}; binast ${d.binast} [${d.where}]`,
      );
      expect(found, `new disagreements with acorn (add them to test/fuzz/known-disagreements.mjs and disagreements.md): seed ${seed}`).toEqual([]);
    });
  }

  it('counts', () => {
    console.log(
      `fuzz (seeds from ${SEED}): decode ${totals.decodeCases} mutated binaries / ${totals.decodes} decodes: ${totals.trees} trees, ` +
        `errors ${JSON.stringify(totals.errors)}; encode ${totals.encodeCases} sources: ${totals.same} identical, ` +
        `${totals.bothReject} rejected by both, known disagreements ${JSON.stringify(totals.known)}`,
    );
  });
});

describe('JSX encode fuzzing: identical to acorn-jsx, or rejected by both', () => {
  const jsxTotals = { cases: 0, same: 0, bothReject: 0, known: {} as Record<string, number> };
  for (let round = 0; round < JSX_ROUNDS; round++) {
    const seed = SEED + 5000 + round;
    it(`seed ${seed}: ${ROUND} JSX sources`, () => {
      const stats = fuzzEncode(jsxApi, corpus, { seed, iterations: ROUND, known: JSX_FUZZ_KNOWN, sources: fuzzJsxSource });
      jsxTotals.cases += stats.cases;
      jsxTotals.same += stats.same;
      jsxTotals.bothReject += stats.bothReject;
      for (const [id, n] of Object.entries(stats.knownDisagreements)) jsxTotals.known[id] = (jsxTotals.known[id] ?? 0) + n;
      expect(stats.failures, `seed ${seed}`).toEqual([]);
      const found = stats.disagreements.map(
        (d) => `${d.signature} (x${d.count}, ${d.sourceType}): ${JSON.stringify(d.source)} — acorn-jsx ${d.acorn}; binast ${d.binast} [${d.where}]`,
      );
      expect(found, `new disagreements with acorn-jsx (add them to KNOWN_JSX_DISAGREEMENTS and disagreements.md): seed ${seed}`).toEqual([]);
    });
  }

  it('counts', () => {
    console.log(
      `jsx fuzz (seeds from ${SEED + 5000}): ${jsxTotals.cases} sources: ${jsxTotals.same} identical to acorn-jsx, ` +
        `${jsxTotals.bothReject} rejected by both, known disagreements ${JSON.stringify(jsxTotals.known)}`,
    );
  });

  for (const known of KNOWN_JSX_DISAGREEMENTS) {
    it(`${known.id}: ${JSON.stringify(known.source)} still disagrees with acorn-jsx (remove the entry once fixed)`, () => {
      const result = compareWithAcorn(jsxApi, known.source, known.sourceType);
      expect(result.status, `${known.id} no longer disagrees: ${result.acornOutcome} / ${result.binastOutcome}`).toBe('disagree');
      expect(known.test(known.source, known.sourceType, result), signature(result)).toBe(true);
    });
  }
});

describe('known disagreements (test/fuzz/known-disagreements.mjs)', () => {
  for (const known of KNOWN_DISAGREEMENTS) {
    it(`${known.id}: ${JSON.stringify(known.source)} still disagrees (remove the entry once fixed)`, () => {
      const result = compareWithAcorn(encodeApi, known.source, known.sourceType);
      expect(result.status, `${known.id} no longer disagrees: ${result.acornOutcome} / ${result.binastOutcome}`).toBe('disagree');
      expect(known.test(known.source, known.sourceType, result), signature(result)).toBe(true);
    });
    // Every class left is one where binast follows the spec and acorn does not: V8 (this
    // Node's) must accept or reject the reproducer as binast does.
    it(`${known.id}: V8 ${known.binast.startsWith('rejects') ? 'rejects' : 'accepts'} it, as binast does`, () => {
      const compile = known.sourceType === 'module' ? 'new vm.SourceTextModule(source)' : 'new vm.Script(source)';
      const child = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', '-e', `const vm = require('node:vm'); const source = ${JSON.stringify(known.source)}; try { ${compile}; } catch { process.exit(3) }`]);
      const v8Rejects = child.status === 3;
      expect(child.status === 0 || v8Rejects, child.stderr.toString()).toBe(true);
      const binastRejects = thrown(() => encode(known.source, { sourceType: known.sourceType })) instanceof SyntaxError;
      expect(v8Rejects, `V8 ${v8Rejects ? 'rejects' : 'accepts'} ${JSON.stringify(known.source)}`).toBe(binastRejects);
    });
  }
});

function thrown(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}
