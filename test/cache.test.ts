// binast/cache: hits and misses, what splits the key, damaged entries, and several real
// processes sharing one cache folder at once.
import * as acorn from 'acorn';
import type { Comment } from 'estree';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache } from '../ts/cache/index.ts';
import { decode, encode, parse } from '../ts/index.ts';
import { firstDifference } from './helpers/canonical.ts';
import { docExample, ensureBuilt, makeProject, removeTempDirs, REPO, run, tempDir } from './cli-helpers.ts';

afterAll(removeTempDirs);

const OPTIONS = { ecmaVersion: 'latest', sourceType: 'module' } as const;
const SOURCE = '// answer\nexport const answer = 6 * 7, big = 1n, re = /x+/gu;\n/* done */\n';

function acornParse(source: string, options: acorn.Options): acorn.Program {
  return acorn.parse(source, options);
}

function entries(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.binast')).sort();
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
    // Positions are applied at decode time: one entry served all four.
    expect(cache.stats).toEqual({ hits: 3, misses: 1, errors: 0 });
    expect(entries(cache.dir)).toHaveLength(1);

    const calls: unknown[][] = [];
    cache.parse(SOURCE, { ...OPTIONS, locations: true, onComment: (...args: unknown[]) => void calls.push(args) });
    const expectedCalls: unknown[][] = [];
    acornParse(SOURCE, { ...OPTIONS, locations: true, onComment: (...args: unknown[]) => void expectedCalls.push(args) });
    expect(firstDifference(calls, expectedCalls)).toBeNull();
    expect(cache.stats.hits).toBe(4);
  });

  it('keys on the options that shape the tree, and on the exact source text', () => {
    const dir = tempDir('cache-keys');
    const cache = createCache({ dir });
    const path = (source: string, options: object) => cache.entryPath(source, { ecmaVersion: 'latest', ...options });
    const base = path('x', {});
    expect(path('x', { locations: true, ranges: true })).toBe(base);
    expect(path('x', { sourceType: 'script' })).toBe(base); // the default
    for (const options of [{ sourceType: 'module' }, { onComment: [] }, { allowReturnOutsideFunction: true }, { allowHashBang: false }]) {
      expect(path('x', options), JSON.stringify(options)).not.toBe(base);
    }
    expect(path('x ', {})).not.toBe(base);
    // UTF-8 would make a lone surrogate U+FFFD: these two must not share an entry.
    const lone = "'\uD800'";
    const replacement = "'\uFFFD'";
    expect(path(lone, {})).not.toBe(path(replacement, {}));
    // binast refuses raw lone surrogates (UTF-8 cannot carry them): the cache throws the same
    // error and stores nothing, while the look-alike source is cached as usual.
    expect(() => cache.parse(lone, { ecmaVersion: 'latest' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_SOURCE' }));
    for (const source of [replacement, replacement]) {
      expect(firstDifference(cache.parse(source, { ecmaVersion: 'latest' }), parse(source, { ecmaVersion: 'latest' }))).toBeNull();
    }
    expect(cache.stats).toEqual({ hits: 1, misses: 2, errors: 0 }); // the refused source was a miss too
  });

  it('throws what parse throws, and stores nothing for a syntax error', () => {
    const cache = createCache({ dir: tempDir('cache-errors') });
    expect(() => cache.parse('let = ;', OPTIONS)).toThrow(SyntaxError);
    // Refused options are type errors too; these calls are what a JavaScript caller can still pass.
    const untyped = (options: object) => options as Parameters<typeof cache.parse>[1];
    expect(() => cache.parse('x', untyped({ ecmaVersion: 5 }))).toThrow(/ecmaVersion 5 is not supported/);
    expect(() => cache.parse('x', untyped({ ecmaVersion: 'latest', onToken: [] }))).toThrow(/onToken/);
    expect(entries(cache.dir)).toEqual([]);
    expect(() => createCache({} as never)).toThrow(/needs \{ dir: string \}/);
  });

  it('replaces truncated, garbage, foreign and misplaced entries', () => {
    const cache = createCache({ dir: tempDir('cache-damage') });
    const expected = acornParse(SOURCE, OPTIONS);
    const path = cache.entryPath(SOURCE, OPTIONS);
    cache.parse(SOURCE, OPTIONS);
    const good = readFileSync(path);
    const foreignSchema = Uint8Array.from(good);
    foreignSchema[8]! ^= 0xff; // another schema hash
    const damaged: [string, Uint8Array][] = [
      ['truncated', good.subarray(0, good.length - 7)],
      ['garbage', Buffer.from('hello, not a binary AST')],
      ['empty', new Uint8Array(0)],
      ['foreign schema', foreignSchema],
      ['another program', encode('export const other = 1;', { sourceType: 'module' })],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(path, bytes);
      const before = cache.stats;
      const comments: Comment[] = [];
      expect(firstDifference(cache.parse(SOURCE, OPTIONS), expected), what).toBeNull();
      expect(cache.stats, what).toEqual({ hits: before.hits, misses: before.misses + 1, errors: before.errors + 1 });
      expect(readFileSync(path), what).toEqual(good); // replaced by a good entry
      expect(firstDifference(decode(readFileSync(path)), expected)).toBeNull();
      expect(comments).toEqual([]);
    }
  });

  it('clear() deletes entries and nothing else', () => {
    const dir = tempDir('cache-clear');
    const cache = createCache({ dir });
    for (let i = 0; i < 5; i++) cache.parse(`x = ${i};`, { ecmaVersion: 'latest' });
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    expect(entries(dir)).toHaveLength(5);
    cache.clear();
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    cache.parse('x = 0;', { ecmaVersion: 'latest' });
    expect(cache.stats).toEqual({ hits: 0, misses: 6, errors: 0 });
  });
});

describe('several processes on one cache folder', () => {
  beforeAll(ensureBuilt, 120_000);

  it('4 processes x 50 parses of overlapping sources: no torn reads, every entry equals acorn', async () => {
    const dir = tempDir('cache-shared');
    // 24 distinct programs of 3-15 KB, so that writes take a while and overlap.
    const sources = Array.from({ length: 24 }, (_, i) => {
      const parts: string[] = [];
      for (let j = 0; j < 30 + i * 5; j++) {
        parts.push(`export function f${i}_${j}(a, b = ${j}n) { /* ${i}:${j} */ return [a?.x ?? b, \`t\${a}\`, /r${j}/g]; }`);
      }
      return parts.join('\n');
    });
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
    const child = join(dir, 'child.mjs');
    writeFileSync(
      child,
      `import { readFileSync } from 'node:fs';
import { createCache } from ${JSON.stringify(pathToFileURL(join(REPO, 'dist', 'cache', 'index.js')).href)};
import * as acorn from ${JSON.stringify(pathToFileURL(join(REPO, 'node_modules', 'acorn', 'dist', 'acorn.mjs')).href)};
const [dir, seed] = process.argv.slice(2);
const sources = JSON.parse(readFileSync(dir + '/sources.json', 'utf8'));
const cache = createCache({ dir: dir + '/cache' });
const json = (v) => JSON.stringify(v, (k, x) => typeof x === 'bigint' ? 'n' + x : x instanceof RegExp ? String(x) : x);
let mismatches = 0;
let state = Number(seed);
for (let i = 0; i < 50; i++) {
  state = (state * 1103515245 + 12345) % 2147483648;
  const source = sources[state % sources.length];
  const options = { ecmaVersion: 'latest', sourceType: 'module', locations: i % 2 === 0 };
  if (json(cache.parse(source, options)) !== json(acorn.parse(source, options))) mismatches++;
}
process.stdout.write(JSON.stringify({ ...cache.stats, mismatches }));
`,
    );
    const results = await Promise.all(
      [1, 2, 3, 4].map(
        (seed) =>
          new Promise<{ hits: number; misses: number; errors: number; mismatches: number }>((resolve, reject) => {
            const proc = spawn(process.execPath, [child, dir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
            let out = '';
            let err = '';
            proc.stdout.on('data', (d) => (out += d));
            proc.stderr.on('data', (d) => (err += d));
            proc.on('error', reject);
            proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child ${seed} exited ${code}: ${err}`))));
          }),
      ),
    );
    for (const r of results) {
      expect(r.mismatches).toBe(0);
      expect(r.errors).toBe(0); // never a torn or half-written entry
      expect(r.hits + r.misses).toBe(50);
    }
    const misses = results.reduce((n, r) => n + r.misses, 0);
    expect(results.reduce((n, r) => n + r.hits, 0)).toBeGreaterThan(0);

    // Afterwards: one entry per program used, no temp files, each equal to acorn.
    const cacheDir = join(dir, 'cache');
    const files = readdirSync(cacheDir, { recursive: true }) as string[];
    expect(files.filter((f) => f.includes('tmp'))).toEqual([]);
    const check = createCache({ dir: cacheDir });
    const used = sources.filter((s) => existsSync(check.entryPath(s, OPTIONS)));
    expect(entries(cacheDir)).toHaveLength(used.length);
    expect(misses).toBeGreaterThanOrEqual(used.length);
    for (const source of used) {
      const bytes = readFileSync(check.entryPath(source, OPTIONS));
      expect(firstDifference(decode(bytes, { locations: true }), acornParse(source, { ...OPTIONS, locations: true }))).toBeNull();
    }
    for (const source of used) check.parse(source, OPTIONS);
    expect(check.stats).toEqual({ hits: used.length, misses: 0, errors: 0 });
  }, 120_000);
});

describe('README.md', () => {
  beforeAll(ensureBuilt, 120_000);

  it('the cache example misses on the first run and hits on the next', () => {
    const dir = makeProject('cache-doc');
    writeFileSync(join(dir, 'example.mjs'), docExample('cache'));
    const first = run(process.execPath, ['example.mjs'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('answer { hits: 0, misses: 1, errors: 0 }\n');
    const second = run(process.execPath, ['example.mjs'], { cwd: dir });
    expect(second.stdout).toBe('answer { hits: 1, misses: 0, errors: 0 }\n');
    expect(entries(join(dir, 'node_modules', '.cache', 'binast'))).toHaveLength(1);
  });
});
