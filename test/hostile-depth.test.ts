// Deep nesting. For each construct: find the deepest source acorn parses on this Node (in
// fresh processes with Node's default stack, warmed up), and check that binast decodes that
// tree identically (from a binary written by the independent forge writer, since the WASM
// encoder may give up earlier) and that the encoder either matches acorn or fails with LIMIT.
// Then 10,000 and 100,000 levels: encode is identical to acorn or LIMIT, and the decoder reads
// 100,000-level trees of every construct (acorn run with a 1 GiB stack writes them).
//
// acorn runs in child processes (test/fuzz/deep.mjs explains why: on Node 20 a parse that
// exhausts the stack can abort the process); binast runs here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BinastError, decode, encode } from '../ts/index.ts';
import { CONSTRUCTS, ITERATIVE, ITERATIVE_CAP, maxDepth } from './fuzz/deep.mjs';
import { treeText } from './fuzz/engine.mjs';

const DEEP = fileURLToPath(new URL('./fuzz/deep.mjs', import.meta.url));

function acornParses(construct: string, depth: number): boolean {
  const child = spawnSync(process.execPath, [DEEP, 'probe', construct, String(depth)], { stdio: 'ignore' });
  return child.status === 0;
}

interface AcornTree {
  bytes: Uint8Array;
  plain: string;
  full: string;
}

function readTree(dir: string): AcornTree {
  return {
    bytes: new Uint8Array(readFileSync(join(dir, 'bytes'))),
    plain: readFileSync(join(dir, 'plain'), 'utf8'),
    full: readFileSync(join(dir, 'full'), 'utf8'),
  };
}

/** acorn's trees (as canonical texts) and the forged binary, or null if acorn cannot parse it. */
function acornTree(construct: string, depth: number, bigStack = false): AcornTree | null {
  const dir = mkdtempSync(join(tmpdir(), 'binast-deep-'));
  try {
    const args = [DEEP, 'tree', construct, String(depth), dir, ...(bigStack ? ['--big-stack'] : [])];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    return child.status === 0 ? readTree(dir) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function succeeds(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

/**
 * acorn's deepest depth on this Node and its trees there: searched and parsed in one warmed-up
 * child; if V8 aborts that child, one child per probe, then a child stepping down from there.
 */
function acornAtLimit(construct: string, cap: number): { depth: number; tree: AcornTree } {
  const dir = mkdtempSync(join(tmpdir(), 'binast-deep-'));
  try {
    const child = spawnSync(process.execPath, [DEEP, 'limit', construct, String(cap), dir], { encoding: 'utf8' });
    if (child.status === 0) return { depth: Number(child.stdout.trim()), tree: readTree(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  let depth = maxDepth((n) => acornParses(construct, n), cap, 64);
  for (; depth > 0; depth = Math.floor(depth * 0.995)) {
    const tree = acornTree(construct, depth);
    if (tree !== null) return { depth, tree };
  }
  throw new Error(`acorn parses no ${construct}`);
}

/** Equal canonical texts, reported by the first difference (vitest's diff of 50 MB strings is no help). */
function expectSameText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  expect.fail(`${what}: trees differ at character ${at}: ${actual.slice(Math.max(0, at - 80), at + 80)} vs ${expected.slice(Math.max(0, at - 80), at + 80)}`);
}

type Outcome = 'identical' | 'LIMIT';

/** encode+decode against acorn's tree: identical, or LIMIT. `expected` null: acorn fails too. */
function encodeOutcome(source: string, expected: AcornTree | null, what: string): Outcome {
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
  expect(expected, `${what}: binast encodes a source acorn cannot parse`).not.toBeNull();
  expectSameText(treeText(actual), expected!.plain, what);
  return 'identical';
}

const rows: string[] = [];

afterAll(() => {
  console.log(['construct | acorn max depth | encoder max depth | decoder', '---|---|---|---', ...rows].join('\n'));
});

describe('deep nesting', () => {
  for (const construct of Object.keys(CONSTRUCTS)) {
    const source = (n: number): string => CONSTRUCTS[construct](n);
    it(`${construct}: the decoder reads acorn's deepest tree; encode is identical or LIMIT; 10k and 100k levels`, () => {
      const iterative = ITERATIVE.has(construct);
      const cap = iterative ? ITERATIVE_CAP : 1_000_000;

      // acorn's limit on this Node, and its trees there.
      const { depth, tree: atLimit } = acornAtLimit(construct, cap);
      const acornMax = depth;
      const what = `${construct} at depth ${depth}`;
      expectSameText(treeText(decode(atLimit.bytes)), atLimit.plain, what);
      expectSameText(treeText(decode(atLimit.bytes, { locations: true, ranges: true })), atLimit.full, `${what} (locations)`);

      // The encoder at acorn's limit, and its own limit.
      const atAcornLimit = encodeOutcome(source(depth), atLimit, what);
      const encoderMax = maxDepth((n) => succeeds(() => encode(source(n))), cap, 64);
      expect(encoderMax).toBeGreaterThan(200);

      // 10,000 and 100,000 levels: the encoder matches acorn or gives LIMIT, and the decoder
      // reads acorn's 100,000-level tree (acorn with a 1 GiB stack).
      const outcomes = [10_000, 100_000].map((n) => {
        const expected = n <= acornMax ? acornTree(construct, n) : null;
        return encodeOutcome(source(n), expected, `${construct} at depth ${n}`);
      });
      const deep = acornTree(construct, 100_000, true);
      expect(deep, 'acorn with a 1 GiB stack').not.toBeNull();
      expectSameText(treeText(decode(deep!.bytes)), deep!.plain, `${construct} at depth 100000`);
      expectSameText(treeText(decode(deep!.bytes, { locations: true, ranges: true })), deep!.full, `${construct} at depth 100000 (locations)`);

      // And an encode right after all those failures still works.
      expect(decode(encode('a.b(c)')).body).toHaveLength(1);

      rows.push(
        `${construct} | ${iterative && acornMax >= cap ? `≥ ${cap.toLocaleString('en')} (iterative)` : acornMax.toLocaleString('en')}` +
          ` | ${encoderMax.toLocaleString('en')} (at acorn's max: ${atAcornLimit}; 10k: ${outcomes[0]}, 100k: ${outcomes[1]})` +
          ` | identical at acorn's max and at 100,000`,
      );
    }, 180_000);
  }
});
