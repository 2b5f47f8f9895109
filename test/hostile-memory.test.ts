// The WASM instance's memory: it never shrinks, so it must plateau over many encodes of
// varying sizes; a huge source works (or fails with LIMIT) and its memory is released; large
// non-ASCII sources cross into WASM without reserving three bytes per UTF-16 unit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { BinastError, decode, encode } from '../ts/index.ts';
import { RETAIN_MEMORY_BYTES, wasmMemoryBytes } from '../ts/wasm-loader.ts';
import { createRandom, treeDifference } from './fuzz/engine.mjs';
import { REPO_ROOT, test262Files } from './helpers/corpus.ts';

const MiB = 1024 * 1024;
const TYPESCRIPT = readFileSync(join(REPO_ROOT, 'node_modules/typescript/lib/typescript.js'), 'utf8');
const LODASH = readFileSync(join(REPO_ROOT, 'node_modules/lodash/lodash.js'), 'utf8');

describe('WASM memory', () => {
  it('plateaus over 10,000 consecutive encodes of varying sizes', () => {
    encode('0'); // the loader may have dropped an instance in another test
    const random = createRandom(0x5eed);
    const pass = test262Files('pass').map((f) => f.source);
    // lodash's IIFE body, statement by statement: contiguous runs are valid function bodies.
    const iife = (acorn.parse(LODASH, { ecmaVersion: 'latest' }).body[1] as any).expression.callee.object.body.body as acorn.Node[];
    const samples: number[] = [];
    let failures = 0;
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) {
      let source: string;
      if (i < 20 || random.chance(0.002)) {
        // The biggest inputs come early (and now and then), so the high-water mark is set early.
        source = i % 2 === 0 ? LODASH : LODASH.slice(0, random.int(LODASH.length));
      } else {
        const size = Math.floor(2 ** ((random.next() / 2 ** 32) * 18)); // 1 B .. 256 KiB, log-uniform
        const at = random.int(Math.max(1, LODASH.length - size));
        const first = random.int(pass.length);
        const from = random.int(iife.length);
        const to = Math.min(iife.length - 1, from + random.int(1 + Math.floor(size / 4096)));
        source = random.pick([
          LODASH.slice(at, at + size), // mostly syntax errors, after parsing up to them
          pass.slice(first, first + random.range(1, 40)).join('\n'),
          LODASH.slice(iife[from].start, iife[to].end),
        ]);
      }
      try {
        encode(source, { comments: random.chance(0.5), allowReturnOutsideFunction: true });
      } catch (error) {
        expect(error).toBeInstanceOf(SyntaxError);
        expect(error).not.toBeInstanceOf(BinastError);
        failures++;
      }
      if (i % 1000 === 999) samples.push(wasmMemoryBytes());
    }
    const ms = performance.now() - started;
    console.log(
      `10,000 encodes (${failures} syntax errors) in ${(ms / 1000).toFixed(1)} s; WASM memory after each 1,000: ` +
        samples.map((b) => `${(b / MiB).toFixed(1)}`).join(', ') + ' MiB',
    );
    // Never more than the initial ~8.2 MiB plus what the largest input needs...
    expect(Math.max(...samples)).toBeLessThan(64 * MiB);
    // ...and flat after the first thousand: no leak, no fragmentation creep.
    expect(samples.at(-1)).toBe(samples[0]);
  }, 180_000);

  it('a 100 MB source encodes (or fails with LIMIT), then the instance is replaced to free its memory', () => {
    const source = Array.from({ length: 11 }, () => TYPESCRIPT).join('\n;\n');
    expect(source.length).toBeGreaterThan(100_000_000);
    let bytes: Uint8Array | null = null;
    try {
      bytes = encode(source);
    } catch (error) {
      expect(error).toBeInstanceOf(BinastError);
      expect((error as BinastError).code).toBe('LIMIT');
    }
    if (bytes !== null) {
      expect(Array.from(bytes.subarray(0, 4))).toEqual([0x89, 0x42, 0x41, 0x53]);
      expect(bytes.length).toBeGreaterThan(30_000_000);
    }
    // The instance that grew past RETAIN_MEMORY_BYTES was dropped after the call...
    expect(wasmMemoryBytes()).toBe(0);
    // ...and the next encode runs in a fresh, small one.
    expect(treeDifference(decode(encode('x = 1')), acorn.parse('x = 1', { ecmaVersion: 'latest' }))).toBeNull();
    expect(wasmMemoryBytes()).toBeLessThan(RETAIN_MEMORY_BYTES);
    expect(wasmMemoryBytes()).toBeLessThan(16 * MiB);
  }, 120_000);

  it('a large non-ASCII source takes the grow-once path and round-trips', () => {
    // 1.5 M UTF-16 units (above the 1 M threshold), two thirds of them 2- and 3-byte characters.
    const line = (i: number): string => `const s${i} = "ünïcödé ${i} 漢字かな ${'λ'.repeat(i % 7)}"; // 注釈 ${i}\n`;
    let source = '';
    for (let i = 0; source.length < 1_500_000; i++) source += line(i);
    const bytes = encode(source, { comments: true });
    const comments: unknown[] = [];
    const acornComments: unknown[] = [];
    const tree = decode(bytes, { locations: true, onComment: comments as never });
    const expected = acorn.parse(source, { ecmaVersion: 'latest', locations: true, onComment: acornComments as never });
    expect(treeDifference(tree, expected)).toBeNull();
    expect(treeDifference(comments, acornComments)).toBeNull();
  }, 60_000);
});
