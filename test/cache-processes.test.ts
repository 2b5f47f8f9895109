// binast/cache across real processes: entries written at a normal exit, several processes
// sharing one folder while another prunes it, and the README example.
import * as acorn from 'acorn';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache } from '../ts/cache/index.ts';
import { decode } from '../ts/index.ts';
import { firstDifference } from './helpers/canonical.ts';
import { packIndex, packKeys, packs } from './helpers/cache.ts';
import { docExample, ensureBuilt, makeProject, removeTempDirs, REPO, run, tempDir } from './cli-helpers.ts';

afterAll(removeTempDirs);
beforeAll(ensureBuilt, 120_000);

const OPTIONS = { ecmaVersion: 'latest', sourceType: 'module' } as const;
const CACHE_URL = JSON.stringify(pathToFileURL(join(REPO, 'dist', 'cache', 'index.js')).href);
const ACORN_URL = JSON.stringify(pathToFileURL(join(REPO, 'node_modules', 'acorn', 'dist', 'acorn.mjs')).href);

/** 24 distinct programs of 3-15 KB, so that writes take a while and overlap. */
const SOURCES = Array.from({ length: 24 }, (_, i) => {
  const parts: string[] = [];
  for (let j = 0; j < 30 + i * 5; j++) {
    parts.push(`export function f${i}_${j}(a, b = ${j}n) { /* ${i}:${j} */ return [a?.x ?? b, \`t\${a}\`, /r${j}/g]; }`);
  }
  return parts.join('\n');
});

interface ChildResult {
  hits: number;
  misses: number;
  errors: number;
  mismatches: number;
  pruned?: number;
}

function spawnChild(script: string, args: string[], nodeOptions: string[] = []): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...nodeOptions, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/** Every pack in the folder is whole and every entry decodes to acorn's tree of its source. */
function checkFolder(dir: string): void {
  const files = readdirSync(dir);
  expect(files.filter((f) => f.includes('tmp') || f === 'prune.lock')).toEqual([]);
  const check = createCache({ dir });
  const bySource = new Map(SOURCES.map((s) => [check.keyOf(s, OPTIONS), s]));
  for (const name of packs(dir)) {
    const bytes = readFileSync(join(dir, name));
    for (const entry of packIndex(dir, name).entries) {
      const source = bySource.get(entry.key)!;
      expect(source, entry.key).toBeDefined();
      const tree = decode(bytes.subarray(entry.offset, entry.offset + entry.length), { locations: true });
      expect(firstDifference(tree, acorn.parse(source, { ...OPTIONS, locations: true }))).toBeNull();
    }
  }
  check.close();
}

describe('entries of a process that exits normally are stored', () => {
  // maxBytes 600 KB: new entries are written in the background every 75 KB (a few sources).
  it.each([
    ['returning from its last task', '{}', ''],
    ['calling process.exit()', '{}', 'process.exit(0);'],
    ['returning, with background writes', '{ maxBytes: 600_000 }', ''],
    ['calling process.exit() during background writes', '{ maxBytes: 600_000 }', 'process.exit(0);'],
  ])('%s', async (_, limits, ending) => {
    const dir = tempDir('cache-exit');
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(SOURCES));
    const child = join(dir, 'child.mjs');
    writeFileSync(
      child,
      `import { readFileSync } from 'node:fs';
import { createCache } from ${CACHE_URL};
const dir = process.argv[2];
const cache = createCache({ dir: dir + '/cache', ...${limits} });
for (const source of JSON.parse(readFileSync(dir + '/sources.json', 'utf8'))) cache.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
process.stdout.write(JSON.stringify({ ...cache.stats, mismatches: 0 }));
${ending}
`,
    );
    // Node 26 sometimes hangs in process.exit() when V8's background compile jobs wait for a
    // GC that the exiting main thread never runs (seen in ~3% of runs, with or without the
    // cache: a plain binast parse loop too); V8 without helper threads does not.
    const first = await spawnChild(child, [dir], ending ? ['--single-threaded'] : []);
    expect(first).toMatchObject({ hits: 0, misses: SOURCES.length, errors: 0 });
    if (limits === '{}') expect(first).toMatchObject({ bytes: 0 }); // nothing written before the exit
    const keys = packKeys(join(dir, 'cache')); // every pack whole (an unfinished temp file may be left: pruned later)
    expect(new Set(keys).size).toBe(SOURCES.length);
    expect(keys).toHaveLength(SOURCES.length);
    const second = await spawnChild(child, [dir], ending ? ['--single-threaded'] : []);
    expect(second).toMatchObject({ hits: SOURCES.length, misses: 0, errors: 0 });
  }, 60_000);
});

describe('several processes on one cache folder, one of them pruning', () => {
  it('4 processes x 60 parses of overlapping sources while a 5th prunes: every tree equals acorn, no errors', async () => {
    const dir = tempDir('cache-shared');
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(SOURCES));
    const child = join(dir, 'child.mjs');
    writeFileSync(
      child,
      `import { readFileSync } from 'node:fs';
import { createCache } from ${CACHE_URL};
import * as acorn from ${ACORN_URL};
const [dir, seed] = process.argv.slice(2);
const sources = JSON.parse(readFileSync(dir + '/sources.json', 'utf8'));
const json = (v) => JSON.stringify(v, (k, x) => typeof x === 'bigint' ? 'n' + x : x instanceof RegExp ? String(x) : x);
const errors = [];
if (seed === 'pruner') {
  // Small limits: every round deletes packs and merges the rest.
  const cache = createCache({ dir: dir + '/cache', maxBytes: 60_000, onError: (e) => errors.push(e.message) });
  let pruned = 0;
  const until = Date.now() + 4000;
  while (Date.now() < until) {
    pruned += cache.prune().deletedPacks;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  if (errors.length) throw new Error(errors.join('\\n'));
  process.stdout.write(JSON.stringify({ ...cache.stats, mismatches: 0, pruned }));
} else {
  const cache = createCache({ dir: dir + '/cache', onError: (e) => errors.push(e.message) });
  let mismatches = 0;
  let state = Number(seed);
  for (let i = 0; i < 60; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const source = sources[(state >>> 12) % sources.length]; // high bits: an LCG's low bits cycle fast
    const options = { ecmaVersion: 'latest', sourceType: 'module', locations: i % 2 === 0 };
    if (json(cache.parse(source, options)) !== json(acorn.parse(source, options))) mismatches++;
    if (i % 5 === 4) cache.flush(); // many small packs, for the pruner to delete and merge
  }
  if (errors.length) throw new Error(errors.join('\\n'));
  process.stdout.write(JSON.stringify({ ...cache.stats, mismatches }));
}
`,
    );
    const results = await Promise.all([spawnChild(child, [dir, 'pruner']), ...[1, 2, 3, 4].map((seed) => spawnChild(child, [dir, String(seed)]))]);
    const [pruner, ...parsers] = results;
    expect(pruner!.errors).toBe(0);
    expect(pruner!.pruned).toBeGreaterThan(0); // it did delete packs under the parsers
    for (const r of parsers) {
      expect(r.mismatches).toBe(0);
      expect(r.errors).toBe(0); // never a torn or half-written pack
      expect(r.hits + r.misses).toBe(60);
    }
    expect(parsers.reduce((n, r) => n + r.hits, 0)).toBeGreaterThan(0);
    checkFolder(join(dir, 'cache'));
  }, 120_000);
});

describe('README.md', () => {
  it('the cache example misses on the first run and hits on the next', () => {
    const dir = makeProject('cache-doc');
    writeFileSync(join(dir, 'example.mjs'), docExample('cache'));
    const first = run(process.execPath, ['example.mjs'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('answer 0 hits, 1 misses\n');
    const second = run(process.execPath, ['example.mjs'], { cwd: dir });
    expect(second.stdout).toBe('answer 1 hits, 0 misses\n');
    expect(packKeys(join(dir, 'node_modules', '.cache', 'binast'))).toHaveLength(1);
  });
});
