// cache.parseFile: the stat-keyed fast path (path + size + mtime + ctime + inode -> content
// key), and why it never serves a stale tree.
import * as acorn from 'acorn';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RACY_MS } from '../ts/cache/file-state.ts';
import { createCache } from '../ts/cache/index.ts';
import { serializePack } from '../ts/cache/pack.ts';
import { encode, type AcornOptions } from '../ts/index.ts';
import { firstDifference } from './helpers/canonical.ts';
import { removeTempDirs, tempDir } from './cli-helpers.ts';
import { packIndex, packs } from './helpers/cache.ts';

afterAll(removeTempDirs);

const OPTIONS = { ecmaVersion: 'latest', sourceType: 'module', locations: true } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fileRecords(dir: string) {
  return packs(dir).flatMap((name) => packIndex(dir, name).files);
}

describe('cache.parseFile', () => {
  it('returns the source and acorn\'s tree; records settled files only, and a recorded file skips hashing', async () => {
    const dir = tempDir('cache-files');
    const settledFile = join(dir, 'settled.mjs');
    const freshFile = join(dir, 'fresh.mjs');
    writeFileSync(settledFile, 'export const a = 1;\n');
    await sleep(RACY_MS + 200); // its ctime is now clearly older than any read that follows
    writeFileSync(freshFile, 'export const b = 2;\n');

    const cache = createCache({ dir: join(dir, 'cache') });
    for (const file of [settledFile, freshFile]) {
      const { source, program } = cache.parseFile(file, OPTIONS);
      expect(source).toBe(readFileSync(file, 'utf8'));
      expect(firstDifference(program, acorn.parse(source, OPTIONS))).toBeNull();
    }
    cache.close();
    // A file changed within RACY_MS of the read could change again with the same timestamps: not recorded.
    expect(fileRecords(cache.dir).map((r) => r.path)).toEqual([expect.stringMatching(new RegExp(`^\\d+:${settledFile}$`))]);
    const [record] = fileRecords(cache.dir);
    expect(record!.key).toBe(cache.keyOf(readFileSync(settledFile, 'utf8'), OPTIONS));

    // Shown by planting, under the recorded key, the tree of a same-length program: a later run
    // trusts the record (no hashing, so it cannot tell) and decodes the planted tree.
    const planted = 'export const z = 9;\n';
    const bytes = encode(planted, { sourceType: 'module' });
    writeFileSync(join(cache.dir, '0zzzzzzzz-1-00000000.binastpack'), serializePack([{ key: record!.key, bytes, sourceLength: planted.length }], []).bytes);
    const later = createCache({ dir: cache.dir });
    const { program } = later.parseFile(settledFile, OPTIONS);
    expect(firstDifference(program, acorn.parse(planted, OPTIONS))).toBeNull();
    expect(later.stats).toMatchObject({ hits: 1, misses: 0, errors: 0 });
    // parse() of the same text hashes it and reads the same entry: the planted tree too.
    expect(later.keyOf(readFileSync(settledFile, 'utf8'), OPTIONS)).toBe(record!.key);
    later.close();
  }, 20_000);

  it('a file rewritten with the same size gets a new ctime: hashed again, the new tree', async () => {
    const dir = tempDir('cache-files-changed');
    const file = join(dir, 'a.mjs');
    writeFileSync(file, 'export const a = 1;\n');
    await sleep(RACY_MS + 200);
    const first = createCache({ dir: join(dir, 'cache') });
    first.parseFile(file, OPTIONS);
    first.close();
    expect(fileRecords(first.dir)).toHaveLength(1);

    writeFileSync(file, 'export const b = 2;\n'); // same size; mtime may even be restored
    const second = createCache({ dir: first.dir });
    const { source, program } = second.parseFile(file, OPTIONS);
    expect(source).toBe('export const b = 2;\n');
    expect(firstDifference(program, acorn.parse(source, OPTIONS))).toBeNull();
    expect(second.stats).toMatchObject({ hits: 0, misses: 1, errors: 0 });
    second.close();
  }, 20_000);

  it('the same file under other tree-shaping options is another record; positions share one', async () => {
    const dir = tempDir('cache-files-options');
    const file = join(dir, 'a.js');
    writeFileSync(file, '// hi\nvar a = 1;\n');
    await sleep(RACY_MS + 200);
    const cache = createCache({ dir: join(dir, 'cache') });
    const variants: (() => acorn.Options & AcornOptions)[] = [
      () => ({ ecmaVersion: 'latest' }),
      () => ({ ecmaVersion: 'latest', locations: true, ranges: true }),
      () => ({ ecmaVersion: 'latest', sourceType: 'module' }),
      () => ({ ecmaVersion: 'latest', onComment: [] }),
    ];
    for (const options of variants) {
      const { source, program } = cache.parseFile(file, options());
      expect(firstDifference(program, acorn.parse(source, options()))).toBeNull();
    }
    cache.close();
    expect(fileRecords(cache.dir)).toHaveLength(3);
    const again = createCache({ dir: cache.dir });
    for (const options of variants) again.parseFile(file, options());
    expect(again.stats).toMatchObject({ hits: 4, misses: 0, errors: 0 });
    again.close();
  }, 20_000);

  it('a missing file throws what readFileSync throws', () => {
    const cache = createCache({ dir: tempDir('cache-files-missing') });
    expect(() => cache.parseFile(join(cache.dir, 'nope.js'), OPTIONS)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
