// Bounding the cache: maxBytes and maxAge by least recent use (a pack's mtime, renewed by
// hits), merging small packs, leftovers, the prune lock, and readers that keep reading packs
// pruned under them. Pruning with several processes at once is in cache-processes.test.ts.
import * as acorn from 'acorn';
import { mkdirSync, readdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCache, type CacheOptions } from '../ts/cache/index.ts';
import { firstDifference } from './helpers/canonical.ts';
import { packKeys, packs } from './helpers/cache.ts';
import { removeTempDirs, tempDir } from './cli-helpers.ts';

afterAll(removeTempDirs);

const OPTIONS = { ecmaVersion: 'latest' } as const;
const HOUR = 3_600_000;
const source = (i: number) => `var v${i} = [${Array.from({ length: 40 }, (_, j) => `${i} * ${j}`).join(', ')}];\n`;

/** `count` packs of one entry each (sources first..first+count-1), last used `ageMs` ago, oldest first. */
function writePacks(options: CacheOptions, first: number, count: number, ageMs: number): string[] {
  const cache = createCache(options);
  const names: string[] = [];
  for (let i = first; i < first + count; i++) {
    cache.parse(source(i), OPTIONS);
    cache.flush();
    const name = packs(options.dir).find((n) => !names.includes(n) && !before.has(n))!;
    names.push(name);
    const when = (Date.now() - ageMs - (first + count - i) * 1000) / 1000; // older for smaller i
    utimesSync(join(options.dir, name), when, when);
  }
  cache.close();
  for (const n of names) before.add(n);
  return names;
}
const before = new Set<string>();

function folderBytes(dir: string): number {
  return packs(dir).reduce((n, name) => n + statSync(join(dir, name)).size, 0);
}

describe('cache.prune', () => {
  it('maxBytes: deletes the least recently used packs until the folder fits', () => {
    const dir = tempDir('prune-bytes');
    const names = writePacks({ dir }, 0, 6, 2 * HOUR);
    const size = statSync(join(dir, names[0]!)).size;
    const cache = createCache({ dir, maxBytes: size * 3.5 });
    const result = cache.prune();
    expect(result).toMatchObject({ ran: true, deletedPacks: 3, mergedPacks: 0 });
    expect(packs(dir)).toEqual(names.slice(3).sort());
    expect(result.bytes).toBe(folderBytes(dir));
    expect(cache.stats.bytes).toBe(result.bytes);
    expect(result.bytes).toBeLessThanOrEqual(size * 3.5);
  });

  it('a hit renews its pack, which then outlives older-written ones', () => {
    const dir = tempDir('prune-lru');
    const names = writePacks({ dir }, 0, 4, 2 * HOUR);
    const size = statSync(join(dir, names[0]!)).size;
    // A run that hits source 0 (the oldest pack): at exit (here: flush) the pack's mtime is renewed.
    const user = createCache({ dir });
    user.parse(source(0), OPTIONS);
    user.close();
    expect(Date.now() - statSync(join(dir, names[0]!)).mtimeMs).toBeLessThan(60_000);
    const result = createCache({ dir, maxBytes: size * 2.5 }).prune();
    expect(result.deletedPacks).toBe(2);
    expect(packs(dir)).toEqual([names[0], names[3]].sort());
  });

  it('maxAge: deletes packs unused for longer', () => {
    const dir = tempDir('prune-age');
    const old = writePacks({ dir }, 0, 3, 48 * HOUR);
    const recent = writePacks({ dir }, 3, 2, 0);
    const result = createCache({ dir, maxAge: 24 * HOUR }).prune();
    expect(result).toMatchObject({ ran: true, deletedPacks: old.length });
    expect(packs(dir)).toEqual(recent.sort());
  });

  it('a flush past maxBytes prunes by itself', () => {
    const dir = tempDir('prune-auto');
    writePacks({ dir }, 0, 4, HOUR);
    const size = folderBytes(dir) / 4;
    const cache = createCache({ dir, maxBytes: size * 2.5 });
    cache.parse(source(100), OPTIONS);
    cache.flush();
    expect(folderBytes(dir)).toBeLessThanOrEqual(size * 2.5);
    expect(packs(dir)).toHaveLength(2);
    // Its own new entry survived (most recent), and it still reads the packs it opened.
    expect(firstDifference(cache.parse(source(100), OPTIONS), acorn.parse(source(100), OPTIONS))).toBeNull();
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, errors: 0 });
  });

  it('merges many small packs into one, keeping every entry once and the newest use', () => {
    const dir = tempDir('prune-merge');
    // Written in other folders and moved in (a cache merges by itself once it has more than 16).
    const moveIn = (first: number, count: number, ageMs: number) => {
      const elsewhere = tempDir('prune-merge-elsewhere');
      for (const name of writePacks({ dir: elsewhere }, first, count, ageMs)) renameSync(join(elsewhere, name), join(dir, name));
    };
    moveIn(0, 10, HOUR);
    moveIn(10, 10, HOUR);
    moveIn(0, 3, HOUR / 2); // the same three entries again, in newer packs
    const keys = new Set(packKeys(dir));
    expect(keys.size).toBe(20);
    const bytesBefore = folderBytes(dir);
    const newest = Math.max(...packs(dir).map((n) => statSync(join(dir, n)).mtimeMs));
    const result = createCache({ dir }).prune();
    expect(result).toMatchObject({ ran: true, deletedPacks: 0, mergedPacks: 23 });
    expect(result.bytes).toBeLessThan(bytesBefore);
    expect(packs(dir)).toHaveLength(1);
    expect(packKeys(dir).sort()).toEqual([...keys].sort());
    expect(statSync(join(dir, packs(dir)[0]!)).mtimeMs).toBe(newest);
    const reader = createCache({ dir });
    for (let i = 0; i < 20; i++) reader.parse(source(i), OPTIONS);
    expect(reader.stats).toMatchObject({ hits: 20, misses: 0, errors: 0 });
  });

  it('a reader keeps reading packs pruned after it opened them; a new reader misses', () => {
    const dir = tempDir('prune-reader');
    writePacks({ dir }, 0, 3, HOUR);
    const reader = createCache({ dir });
    reader.parse(source(0), OPTIONS); // opens the folder's packs
    createCache({ dir, maxBytes: 1 }).prune();
    expect(packs(dir)).toEqual([]);
    for (let i = 0; i < 3; i++) {
      expect(firstDifference(reader.parse(source(i), OPTIONS), acorn.parse(source(i), OPTIONS))).toBeNull();
    }
    expect(reader.stats).toMatchObject({ hits: 4, misses: 0, errors: 0 });
    const fresh = createCache({ dir });
    fresh.parse(source(1), OPTIONS);
    expect(fresh.stats).toMatchObject({ hits: 0, misses: 1, errors: 0 });
  });

  it('one pruner at a time: a live lock makes prune() a no-op, a stale one is taken over', () => {
    const dir = tempDir('prune-lock');
    writePacks({ dir }, 0, 2, 48 * HOUR);
    const lock = join(dir, 'prune.lock');
    writeFileSync(lock, '');
    const cache = createCache({ dir, maxAge: HOUR });
    expect(cache.prune()).toMatchObject({ ran: false, deletedPacks: 0 });
    expect(packs(dir)).toHaveLength(2);
    const stale = (Date.now() - 5 * 60_000) / 1000;
    utimesSync(lock, stale, stale);
    expect(cache.prune()).toMatchObject({ ran: true, deletedPacks: 2 });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes temp files of dead writers and entries of binast before packs; leaves others' files", () => {
    const dir = tempDir('prune-leftovers');
    const deadTemp = join(dir, 'x.binastpack.1-ab.binast-tmp');
    const liveTemp = join(dir, 'y.binastpack.2-cd.binast-tmp');
    writeFileSync(deadTemp, 'half');
    writeFileSync(liveTemp, 'half');
    const old = (Date.now() - HOUR) / 1000;
    utimesSync(deadTemp, old, old);
    mkdirSync(join(dir, 'ab'));
    writeFileSync(join(dir, 'ab', `${'ab'.repeat(32)}.binast`), 'old entry');
    mkdirSync(join(dir, 'cd'));
    writeFileSync(join(dir, 'cd', 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    createCache({ dir }).prune();
    expect(readdirSync(dir).sort()).toEqual(['cd', 'keep.txt', 'y.binastpack.2-cd.binast-tmp']);
    expect(readdirSync(join(dir, 'cd'))).toEqual(['notes.txt']);
  });
});
