// binast/cache in one process: hits and misses, what splits the key, the hash, damaged and
// foreign packs, the stat-keyed path of parseFile, flushing. Several processes (and pruning)
// are in cache-processes.test.ts, limits in cache-prune.test.ts.
import * as acorn from 'acorn';
import type { Comment } from 'estree';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { murmur128, sourceKey } from '../ts/cache/hash.ts';
import { createCache, type AstCache } from '../ts/cache/index.ts';
import { serializePack } from '../ts/cache/pack.ts';
import { xxh32 } from '../ts/decode/checksum.ts';
import { BinastError, encode, parse } from '../ts/index.ts';
import { canonical, firstDifference } from './helpers/canonical.ts';
import { removeTempDirs, tempDir } from './cli-helpers.ts';
import { packIndex, packKeys, packs } from './helpers/cache.ts';

afterAll(removeTempDirs);

const OPTIONS = { ecmaVersion: 'latest', sourceType: 'module' } as const;
const SOURCE = '// answer\nexport const answer = 6 * 7, big = 1n, re = /x+/gu;\n/* done */\n';

function acornParse(source: string, options: acorn.Options): acorn.Program {
  return acorn.parse(source, options);
}

function counters(cache: AstCache) {
  const { hits, misses, errors } = cache.stats;
  return { hits, misses, errors };
}

describe('cache.parse', () => {
  it('misses once, then hits; trees and comments equal acorn for every position option', () => {
    const cache = createCache({ dir: tempDir('cache') });
    for (const positions of [{}, { locations: true }, { ranges: true }, { locations: true, ranges: true }]) {
      const comments: Comment[] = [];
      const expectedComments: acorn.Comment[] = [];
      const tree = cache.parse(SOURCE, { ...OPTIONS, ...positions, onComment: comments });
      const expected = acornParse(SOURCE, { ...OPTIONS, ...positions, onComment: expectedComments });
      expect(firstDifference(tree, expected)).toBeNull();
      expect(firstDifference(comments, expectedComments)).toBeNull();
    }
    // Positions are applied at decode time: one entry served all four, before it was even written.
    expect(counters(cache)).toEqual({ hits: 3, misses: 1, errors: 0 });
    expect(cache.stats.pendingBytes).toBeGreaterThan(0);
    expect(packs(cache.dir)).toEqual([]);
    cache.flush();
    expect(cache.stats.pendingBytes).toBe(0);
    expect(packs(cache.dir)).toHaveLength(1);
    expect(packIndex(cache.dir, packs(cache.dir)[0]!).entries).toHaveLength(1);
    expect(cache.stats.bytes).toBe(readFileSync(join(cache.dir, packs(cache.dir)[0]!)).length);

    // Another cache object on the folder (as another process would) reads the written entry.
    const other = createCache({ dir: cache.dir });
    const calls: unknown[][] = [];
    other.parse(SOURCE, { ...OPTIONS, locations: true, onComment: (...args: unknown[]) => void calls.push(args) });
    const expectedCalls: unknown[][] = [];
    acornParse(SOURCE, { ...OPTIONS, locations: true, onComment: (...args: unknown[]) => void expectedCalls.push(args) });
    expect(firstDifference(calls, expectedCalls)).toBeNull();
    expect(counters(other)).toEqual({ hits: 1, misses: 0, errors: 0 });
    other.close();
    cache.close();
  });

  it('trees read from disk share no memory with the buffer the next entry is read into', () => {
    const dir = tempDir('cache-scratch');
    const sources = [SOURCE, 'export let other = [1, 2, 3].map((x) => x * 2); // another\n'];
    const writer = createCache({ dir });
    for (const source of sources) writer.parse(source, OPTIONS);
    writer.close();
    const reader = createCache({ dir });
    const first = reader.parse(sources[0]!, { ...OPTIONS, locations: true });
    reader.parse(sources[1]!, { ...OPTIONS, locations: true }); // overwrites the read buffer
    expect(counters(reader)).toEqual({ hits: 2, misses: 0, errors: 0 });
    expect(firstDifference(first, acornParse(sources[0]!, { ...OPTIONS, locations: true }))).toBeNull();
    reader.close();
  });

  it('many entries of one pack, read through one reused buffer in another order: acorn\'s trees', () => {
    const dir = tempDir('cache-whole-pack');
    const sources = Array.from({ length: 80 }, (_, i) => `export const v${i} = [${'"x", '.repeat(i % 7)}${i}]; // ${'é'.repeat(i % 3)}\n`);
    const writer = createCache({ dir });
    for (const source of sources) writer.parse(source, OPTIONS);
    writer.close();
    expect(packs(dir)).toHaveLength(1);
    const reader = createCache({ dir });
    for (const source of [...sources].reverse()) {
      expect(firstDifference(reader.parse(source, { ...OPTIONS, locations: true }), acornParse(source, { ...OPTIONS, locations: true }))).toBeNull();
    }
    expect(counters(reader)).toEqual({ hits: 80, misses: 0, errors: 0 });
    reader.close();
  });

  it('keys on the options that shape the tree, and on the exact source text', () => {
    const cache = createCache({ dir: tempDir('cache-keys') });
    const key = (source: string, options: object) => cache.keyOf(source, { ecmaVersion: 'latest', ...options });
    const base = key('x', {});
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    expect(key('x', { locations: true, ranges: true })).toBe(base);
    expect(key('x', { sourceType: 'script' })).toBe(base); // the default
    const others = [{ sourceType: 'module' }, { onComment: [] }, { allowReturnOutsideFunction: true }, { allowHashBang: false }];
    const keys = new Set([base, ...others.map((options) => key('x', options))]);
    expect(keys.size).toBe(others.length + 1);
    expect(key('x ', {})).not.toBe(base);
    expect(key('y', {})).not.toBe(base);
    // binast refuses raw lone surrogates (UTF-8 cannot carry them): the cache throws the same
    // error and stores nothing, while the look-alike U+FFFD source (same UTF-8) is cached as usual.
    const lone = "'\uD800'";
    const replacement = "'\uFFFD'";
    expect(() => cache.parse(lone, { ecmaVersion: 'latest' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_SOURCE' }));
    for (const source of [replacement, replacement]) {
      expect(firstDifference(cache.parse(source, { ecmaVersion: 'latest' }), parse(source, { ecmaVersion: 'latest' }))).toBeNull();
    }
    expect(() => cache.parse(lone, { ecmaVersion: 'latest' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_SOURCE' }));
    expect(counters(cache)).toEqual({ hits: 1, misses: 3, errors: 0 }); // the refused source was a miss too
    cache.flush();
    expect(packIndex(cache.dir, packs(cache.dir)[0]!).entries).toHaveLength(1);
  });

  it('throws what parse throws, and stores nothing for a syntax error', () => {
    const cache = createCache({ dir: tempDir('cache-errors') });
    expect(() => cache.parse('let = ;', OPTIONS)).toThrow(SyntaxError);
    // Refused options are type errors too; these calls are what a JavaScript caller can still pass.
    const untyped = (options: object) => options as Parameters<typeof cache.parse>[1];
    expect(() => cache.parse('x', untyped({ ecmaVersion: 5 }))).toThrow(/ecmaVersion 5 is not supported/);
    expect(() => cache.parse('x', untyped({ ecmaVersion: 'latest', onToken: [] }))).toThrow(/onToken/);
    // Checked on every call, hits included.
    cache.parse('x', { ecmaVersion: 'latest', sourceType: 'script' });
    expect(() => cache.parse('x', { ecmaVersion: 'latest', sourceType: 'global' as never })).toThrow(/sourceType must be/);
    expect(() => cache.parse('x', { ecmaVersion: 'latest', onComment: 'yes' as never })).toThrow(BinastError);
    expect(() => cache.parse(42 as never, OPTIONS)).toThrow(/source must be a string/);
    cache.flush();
    expect(packIndex(cache.dir, packs(cache.dir)[0]!).entries).toHaveLength(1); // only 'x'
    expect(() => createCache({} as never)).toThrow(expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringMatching(/needs \{ dir: string \}/) }));
    expect(() => createCache({ dir: cache.dir, maxBytes: 0 })).toThrow(/maxBytes must be a positive number/);
    expect(() => createCache({ dir: cache.dir, maxAge: 'week' as never })).toThrow(/maxAge must be a positive number/);
  });

  it("options parse() honours through acorn give parse()'s answer and store nothing", () => {
    const cache = createCache({ dir: tempDir('cache-acorn-options') });
    const cases: [string, Parameters<typeof cache.parse>[1]][] = [
      ['a?.b;', { ecmaVersion: 2019 }], // older edition: acorn's SyntaxError
      ['(a) + ((b));', { ecmaVersion: 'latest', preserveParens: true }], // ParenthesizedExpression nodes
      ['if (x) { import a from "a"; }', { ecmaVersion: 'latest', sourceType: 'module', allowImportExportEverywhere: true }],
      ['return f(1);', { ecmaVersion: 'latest', sourceType: 'commonjs', locations: true }],
    ];
    for (const [source, options] of cases) {
      for (let round = 0; round < 2; round++) {
        const got = (() => { try { return canonical(cache.parse(source, options)); } catch (error) { return String(error); } })();
        const want = (() => { try { return canonical(acorn.parse(source, options as acorn.Options)); } catch (error) { return String(error); } })();
        expect(got, `${source} ${JSON.stringify(options)}`).toBe(want);
      }
    }
    cache.flush();
    // Only the commonjs script went through binast's own encoder, so it alone is stored.
    expect(packs(cache.dir).flatMap((pack) => packIndex(cache.dir, pack).entries)).toHaveLength(1);
  });

  it('a process that keeps running writes its entries soon after the last miss, without a flush', async () => {
    const cache = createCache({ dir: tempDir('cache-idle') });
    cache.parse(SOURCE, OPTIONS);
    cache.parse('x = 1;', { ecmaVersion: 'latest' });
    expect(packs(cache.dir)).toEqual([]);
    // About a second; polled, since a loaded machine delays timers.
    for (let waited = 0; packs(cache.dir).length === 0 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(packs(cache.dir)).toHaveLength(1);
    expect(packIndex(cache.dir, packs(cache.dir)[0]!).entries).toHaveLength(2);
    expect(cache.stats.pendingBytes).toBe(0);
    cache.close();
  }, 20_000);

  it('entries being written in the background are served from memory, then from their pack', async () => {
    const dir = tempDir('cache-background');
    const cache = createCache({ dir, maxBytes: 600_000 }); // written in the background every 75 KB
    // ~3.5 KB entries: 140 KB, so at least one background write starts.
    const sources = Array.from({ length: 40 }, (_, i) => `export const v${i} = [${Array.from({ length: 100 }, (_, j) => `"${'x'.repeat(30)}${i}_${j}"`).join(', ')}];\n`);
    for (const source of sources) cache.parse(source, OPTIONS);
    // A background write cannot finish before this test yields: nothing in place yet, all pending.
    expect(cache.stats.pendingBytes).toBeGreaterThan(75_000);
    expect(packs(dir)).toEqual([]);
    for (const source of sources) cache.parse(source, OPTIONS);
    expect(counters(cache)).toEqual({ hits: 40, misses: 40, errors: 0 });
    for (let waited = 0; cache.stats.pendingBytes > 0 && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(cache.stats.pendingBytes).toBe(0);
    expect(packKeys(dir).sort()).toEqual(sources.map((source) => cache.keyOf(source, OPTIONS)).sort());
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
    cache.close();
  }, 20_000);

  it('flush() right after a loop that never yielded completes the background writes: each pack once', async () => {
    const dir = tempDir('cache-background-flush');
    const cache = createCache({ dir, maxBytes: 600_000 });
    const sources = Array.from({ length: 40 }, (_, i) => `export const w${i} = [${Array.from({ length: 100 }, (_, j) => `"${'y'.repeat(30)}${i}_${j}"`).join(', ')}];\n`);
    for (const source of sources) cache.parse(source, OPTIONS);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200); // let libuv's thread finish some
    cache.flush();
    expect(cache.stats.pendingBytes).toBe(0);
    // The writes' callbacks then remove the temp files of writes flush() rewrote (polled: a loaded machine is slow).
    const temps = () => readdirSync(dir).filter((f) => f.includes('tmp'));
    for (let waited = 0; temps().length > 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const keys = packKeys(dir);
    expect(keys.sort()).toEqual(sources.map((source) => cache.keyOf(source, OPTIONS)).sort()); // none twice
    expect(temps()).toEqual([]);
    expect(counters(cache)).toEqual({ hits: 0, misses: 40, errors: 0 });
    cache.close();
  });

  it('a cache folder deleted under a running process is recreated by its next write', () => {
    const dir = join(tempDir('cache-deleted'), 'cache');
    const cache = createCache({ dir });
    cache.parse(SOURCE, OPTIONS);
    rmSync(dir, { recursive: true });
    cache.parse('x = 1;', { ecmaVersion: 'latest' });
    cache.flush();
    expect(counters(cache)).toEqual({ hits: 0, misses: 2, errors: 0 });
    expect(packIndex(dir, packs(dir)[0]!).entries).toHaveLength(2);
    cache.close();
  });

  it('clear() deletes packs and nothing else', () => {
    const dir = tempDir('cache-clear');
    const cache = createCache({ dir });
    for (let i = 0; i < 5; i++) cache.parse(`x = ${i};`, { ecmaVersion: 'latest' });
    cache.flush();
    cache.parse('x = 5;', { ecmaVersion: 'latest' });
    cache.flush();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    expect(packs(dir)).toHaveLength(2);
    cache.clear();
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    cache.parse('x = 0;', { ecmaVersion: 'latest' });
    expect(counters(cache)).toEqual({ hits: 0, misses: 7, errors: 0 });
  });
});

describe('the key', () => {
  // The reference implementation's test: hash keys 0, 0 1, 0 1 2, ... (seed 256 - length),
  // then the 256 hashes; SMHasher lists 0xB3ECE62A for MurmurHash3_x86_128.
  it('is MurmurHash3_x86_128 (SMHasher verification value)', () => {
    const hash = (bytes: Uint8Array, seed: number) => {
      const padded = new Uint8Array((bytes.length + 3) & ~3);
      padded.set(bytes);
      return murmur128(padded, new Int32Array(padded.buffer), bytes.length, seed);
    };
    const key = new Uint8Array(256);
    const hashes = new DataView(new ArrayBuffer(16 * 256));
    for (let i = 0; i < 256; i++) {
      key[i] = i;
      hash(key.subarray(0, i), 256 - i).forEach((word, j) => hashes.setUint32(i * 16 + j * 4, word, true));
    }
    expect(hash(new Uint8Array(hashes.buffer), 0)[0]).toBe(0xb3ece62a);
  });

  it('hashes the UTF-8 bytes, for short, long and non-ASCII sources alike', () => {
    const hex = (words: number[]) => words.map((w) => w.toString(16).padStart(8, '0')).join('');
    for (const source of ['', 'a', 'abcdefghijklmno', 'abcdefghijklmnop', 'é€😀'.repeat(7), 'x'.repeat(300_000)]) {
      const bytes = Buffer.from(source, 'utf8');
      const padded = new Uint8Array((bytes.length + 3) & ~3);
      padded.set(bytes);
      expect(sourceKey(source, 5)).toBe(hex(murmur128(padded, new Int32Array(padded.buffer), bytes.length, 5)));
    }
    expect(sourceKey('a', 1)).not.toBe(sourceKey('a', 2));
  });
});

describe('damaged, foreign and planted packs', () => {
  function seeded(prefix: string) {
    const dir = tempDir(prefix);
    const cache = createCache({ dir });
    cache.parse(SOURCE, OPTIONS);
    cache.close();
    const name = packs(dir)[0]!;
    return { dir, name, path: join(dir, name), good: readFileSync(join(dir, name)) };
  }

  /** A fresh cache object (as a new process) parsing SOURCE: the tree, its counters and what it reported. */
  function reparse(dir: string) {
    const errors: BinastError[] = [];
    const cache = createCache({ dir, onError: (e) => void errors.push(e) });
    const tree = cache.parse(SOURCE, OPTIONS);
    expect(firstDifference(tree, acornParse(SOURCE, OPTIONS))).toBeNull();
    const result = { counts: counters(cache), errors };
    cache.close();
    return result;
  }

  it('an entry whose bytes were damaged is missed, reported and stored again', () => {
    const { dir, path, good } = seeded('cache-damaged-entry');
    const { entries } = packIndex(dir, packs(dir)[0]!);
    const damaged = Buffer.from(good);
    damaged[entries[0]!.offset + (entries[0]!.length >> 1)]! ^= 0x40; // inside the node section
    writeFileSync(path, damaged);
    const first = reparse(dir);
    expect(first.counts).toEqual({ hits: 0, misses: 1, errors: 1 });
    expect(first.errors.map((e) => e.code)).toEqual(['CORRUPT']);
    expect(packs(dir)).toHaveLength(2); // the replacement, in a newer pack
    expect(reparse(dir).counts).toEqual({ hits: 1, misses: 0, errors: 0 });
  });

  it.each([
    ['truncated at the end', (good: Buffer) => good.subarray(0, good.length - 7), 'CORRUPT'],
    ['cut inside the index', (good: Buffer) => good.subarray(0, 40), 'TRUNCATED'],
    ['of garbage', () => Buffer.from('hello, not a binast pack at all, not at all'), 'CORRUPT'],
    ['that is empty', () => Buffer.alloc(0), 'TRUNCATED'],
    ['with a damaged index', (good: Buffer) => { const bad = Buffer.from(good); bad[33]! ^= 0xff; return bad; }, 'CORRUPT'],
  ] as const)('a pack %s is reported and its entries missed', (what, damage, code) => {
    const { dir, name, path, good } = seeded(`cache-${what.replace(/ /g, '-')}`);
    writeFileSync(path, damage(good));
    const result = reparse(dir);
    expect(result.counts).toEqual({ hits: 0, misses: 1, errors: 1 });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toBeInstanceOf(BinastError);
    expect(result.errors[0]!.code).toBe(code);
    expect(result.errors[0]!.message).toContain(name); // says which pack
  });

  it("another binast's pack (format version or schema) is skipped without an error", () => {
    const { dir, path, good } = seeded('cache-foreign');
    const foreign = Buffer.from(good);
    foreign.writeUInt32LE((foreign.readUInt32LE(16) ^ 1) >>> 0, 16); // another schema hash
    const { entries } = packIndex(dir, packs(dir)[0]!);
    const indexEnd = entries[0]!.offset - 4;
    foreign.writeUInt32LE(xxh32(foreign, indexEnd) >>> 0, indexEnd); // with a valid checksum
    writeFileSync(path, foreign);
    expect(reparse(dir).counts).toEqual({ hits: 0, misses: 1, errors: 0 });
  });

  it('a well-formed entry of another program under the key is caught, reported and missed', () => {
    const dir = tempDir('cache-planted');
    const key = createCache({ dir }).keyOf(SOURCE, OPTIONS);
    // Planted by hand under SOURCE's key, with an index that claims SOURCE's length.
    const bytes = encode('export const other = 1;', { sourceType: 'module' });
    writeFileSync(join(dir, '0zzzzzzzz-1-00000000.binastpack'), serializePack([{ key, bytes, sourceLength: SOURCE.length }], []).bytes);
    const result = reparse(dir);
    expect(result.counts).toEqual({ hits: 0, misses: 1, errors: 1 });
    expect(result.errors[0]!.message).toMatch(/holds another program/);
  });
});
