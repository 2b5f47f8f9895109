// Deep nesting. For each construct: find the deepest source acorn parses on this Node (its
// stack, its JIT), and check that binast decodes that tree identically (from a binary written
// by the independent forge writer, since the WASM encoder may give up earlier) and that the
// encoder either matches acorn or fails with LIMIT. Then 10,000 and 100,000 levels: encode is
// identical to acorn or LIMIT, and the decoder reads 100,000-level trees of every construct
// (acorn run in a worker with a 1 GiB stack writes them).
import { Worker } from 'node:worker_threads';
import * as acorn from 'acorn';
import { afterAll, describe, expect, it } from 'vitest';
import { BinastError, decode, encode } from '../ts/index.ts';
import { xxh32 } from '../ts/decode/checksum.ts';
import { forge, treeDifference, treeText } from './fuzz/engine.mjs';

interface Construct {
  name: string;
  source: (depth: number) => string;
  /** acorn builds these iteratively: no stack limit, so search no further than this. */
  cap?: number;
}

const CONSTRUCTS: Construct[] = [
  { name: 'parentheses', source: (n) => '('.repeat(n) + 'a' + ')'.repeat(n) },
  { name: 'arrays', source: (n) => '['.repeat(n) + ']'.repeat(n) },
  { name: 'arrow functions', source: (n) => '() => '.repeat(n) + '0' },
  { name: 'binary operators (left)', source: (n) => 'a' + ' + a'.repeat(n) },
  { name: 'exponent (right)', source: (n) => 'a ** '.repeat(n) + 'a' },
  { name: 'template literals', source: (n) => '`${'.repeat(n) + '0' + '}`'.repeat(n) },
  { name: 'objects', source: (n) => 'x = ' + '{a: '.repeat(n) + '0' + '}'.repeat(n) },
  { name: 'calls (nested arguments)', source: (n) => 'f('.repeat(n) + ')'.repeat(n) },
  { name: 'member chains', source: (n) => 'a' + '.b'.repeat(n), cap: 200_000 },
  { name: 'call chains', source: (n) => 'a' + '()'.repeat(n), cap: 200_000 },
  { name: 'unary operators', source: (n) => '!'.repeat(n) + 'a' },
  { name: 'blocks', source: (n) => '{'.repeat(n) + '}'.repeat(n) },
  { name: 'functions', source: (n) => 'function f() {'.repeat(n) + '}'.repeat(n) },
];

const ACORN = { ecmaVersion: 'latest' } as const;
const FULL = { ecmaVersion: 'latest', locations: true, ranges: true } as const;

function succeeds(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

/** The largest depth for which `works` holds, searching up to `cap`. */
function maxDepth(works: (depth: number) => boolean, cap: number): number {
  let low = 0;
  let high = 1;
  while (high <= cap && works(high)) {
    low = high;
    high *= 2;
  }
  if (high > cap) return works(cap) ? cap : low;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (works(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/** acorn's trees at the deepest depth it manages now (JIT state moves the limit a little). */
function acornAtLimit(construct: Construct): { depth: number; source: string; plain: acorn.Program; full: acorn.Program; fullDepth: number } {
  const cap = construct.cap ?? 1_000_000;
  let depth = maxDepth((n) => succeeds(() => acorn.parse(construct.source(n), ACORN)), cap);
  let plain: acorn.Program | undefined;
  for (; depth > 0 && plain === undefined; depth--) {
    try {
      plain = acorn.parse(construct.source(depth), ACORN);
    } catch {}
  }
  depth++;
  let fullDepth = depth;
  let full: acorn.Program | undefined;
  for (; fullDepth > 0 && full === undefined; fullDepth = Math.floor(fullDepth * 0.98)) {
    try {
      full = acorn.parse(construct.source(fullDepth), FULL);
    } catch {}
  }
  if (fullDepth !== depth) fullDepth = Math.ceil(fullDepth / 0.98);
  return { depth, source: construct.source(depth), plain: plain!, full: full!, fullDepth };
}

type Outcome = 'identical' | 'identical, deeper than acorn' | 'LIMIT';

/**
 * encode+decode against acorn: identical trees, or LIMIT. Where acorn runs out of stack
 * ("Not enough stack space") and binast does not, acorn is run again in a big-stack worker.
 */
async function encodeOutcome(source: string): Promise<Outcome> {
  let expected: acorn.Program | null = null;
  try {
    expected = acorn.parse(source, ACORN);
  } catch (error) {
    expect((error as Error).message).toMatch(/Not enough stack space/);
  }
  let actual: unknown;
  try {
    actual = decode(encode(source));
  } catch (error) {
    if (error instanceof BinastError) {
      expect(error.code).toBe('LIMIT');
      expect(error.message).toMatch(/nested too deeply/);
      return 'LIMIT';
    }
    throw error;
  }
  if (expected !== null) {
    expect(treeDifference(actual, expected)).toBeNull();
    return 'identical';
  }
  expect(treeText(actual)).toBe((await inWorker(source)).plain);
  return 'identical, deeper than acorn';
}

function inWorker(source: string): Promise<{ bytes: Uint8Array; plain: string; full: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./fuzz/deep-worker.mjs', import.meta.url), {
      workerData: { source, sourceType: 'script' },
      resourceLimits: { stackSizeMb: 1024, maxOldGenerationSizeMb: 4096 },
    });
    worker.once('message', (message: { error?: string; bytes: Uint8Array; plain: string; full: string }) => {
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}

const rows: string[] = [];

afterAll(() => {
  console.log(
    [
      'construct | acorn max depth | encoder max depth | decoder',
      '---|---|---|---',
      ...rows,
    ].join('\n'),
  );
});

describe('deep nesting', () => {
  for (const construct of CONSTRUCTS) {
    it(`${construct.name}: the decoder reads acorn's deepest tree; encode is identical or LIMIT; 10k and 100k levels`, async () => {
      // Warm acorn and binast up so that the depths found are those of a running program.
      for (let i = 0; i < 3; i++) {
        acorn.parse(construct.source(50), ACORN);
        decode(encode(construct.source(50)));
      }
      const limit = acornAtLimit(construct);

      // The decoder, at acorn's limit, from a binary written without the WASM encoder.
      const bytes = forge(limit.plain, limit.source, xxh32);
      expect(treeDifference(decode(bytes), limit.plain)).toBeNull();
      const fullSource = construct.source(limit.fullDepth);
      const fullBytes = limit.fullDepth === limit.depth ? bytes : forge(acorn.parse(fullSource, ACORN), fullSource, xxh32);
      expect(treeDifference(decode(fullBytes, { locations: true, ranges: true }), limit.full)).toBeNull();

      // The encoder at acorn's limit, and its own limit.
      const atAcornLimit = await encodeOutcome(limit.source);
      const cap = construct.cap ?? 1_000_000;
      const encoderMax = maxDepth((n) => succeeds(() => encode(construct.source(n))), Math.min(cap, 200_000));
      expect(encoderMax).toBeGreaterThan(200);

      // 10,000 and 100,000 levels through encode: identical to acorn or LIMIT, never a crash.
      const outcomes = [await encodeOutcome(construct.source(10_000)), await encodeOutcome(construct.source(100_000))];

      // 100,000 levels through the decoder, acorn's tree written in a worker with a 1 GiB stack.
      const deep = await inWorker(construct.source(100_000));
      expect(treeText(decode(deep.bytes))).toBe(deep.plain);
      expect(treeText(decode(deep.bytes, { locations: true, ranges: true }))).toBe(deep.full);

      // And an encode right after all those failures still works.
      expect(treeDifference(decode(encode('a.b(c)')), acorn.parse('a.b(c)', ACORN))).toBeNull();

      rows.push(
        `${construct.name} | ${construct.cap && limit.depth >= construct.cap ? `≥ ${limit.depth.toLocaleString('en')} (iterative)` : limit.depth.toLocaleString('en')}` +
          ` | ${encoderMax.toLocaleString('en')} (at acorn's max: ${atAcornLimit}; 10k: ${outcomes[0]}, 100k: ${outcomes[1]})` +
          ` | acorn's max identical; 100,000 identical`,
      );
    }, 120_000);
  }
});
