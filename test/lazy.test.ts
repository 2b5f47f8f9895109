// decode(bytes, { lazy: true }): function bodies read on first access. A lazy tree must equal the
// eager one by value and key order (everywhere, in every mode), whatever the order its bodies are
// read in; damaged skip data must be CORRUPT when the body is read; the buffer must die with the
// tree. Binaries come from the encoder (bodies of 256+ node bytes have entries) and from the
// forge with an entry for every body (test/fuzz/engine.mjs, no WASM involved).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as acorn from 'acorn';
import type { Comment } from 'estree';
import { describe, expect, it } from 'vitest';
import { BinastError, decode, encode } from '../ts/index.ts';
import { xxh32 } from '../ts/decode/checksum.ts';
import { bodiesSection, createRandom, forge, layout, readBodies, replaceSection, varint } from './fuzz/engine.mjs';
import { canonical, firstDifference } from './helpers/canonical.ts';
import { REAL_WORLD, REPO_ROOT, readSource, realWorldFile, test262Files } from './helpers/corpus.ts';

type Node = Record<string, unknown>;

/** Nodes whose `body` is still an unread lazy accessor, found without reading any. */
function unreadNodes(root: unknown): Node[] {
  const found: Node[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    for (const key of Object.keys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if (descriptor.get) found.push(value as Node);
      else stack.push(descriptor.value);
    }
  }
  return found;
}

const isUnread = (node: object, key = 'body') => Object.getOwnPropertyDescriptor(node, key)?.get !== undefined;

/** Reads every body (and the bodies nested in them) in an order `random` picks. */
function readAllShuffled(tree: unknown, random: ReturnType<typeof createRandom>, between: () => void = () => {}): number {
  let read = 0;
  for (let pending = unreadNodes(tree); pending.length > 0; pending = unreadNodes(tree)) {
    for (let i = pending.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [pending[i], pending[j]] = [pending[j]!, pending[i]!];
    }
    for (const node of pending) {
      if (!isUnread(node)) continue;
      void node.body;
      read++;
      between();
    }
  }
  return read;
}

const MODES = [{}, { locations: true, ranges: true }] as const;

describe('lazy trees equal eager ones', () => {
  it('test262-parser-tests, every body lazy (forged binaries), equal to acorn', () => {
    let files = 0;
    let bodies = 0;
    const failures: string[] = [];
    for (const dir of ['pass', 'pass-explicit'] as const) {
      for (const file of test262Files(dir)) {
        for (const mode of MODES) {
          const expected = acorn.parse(file.source, { ecmaVersion: 'latest', sourceType: file.sourceType, ...mode });
          const bytes = forge(expected, file.source, xxh32, { skipAtLeast: 0 });
          try {
            const tree = decode(bytes, { lazy: true, ...mode });
            bodies += unreadNodes(tree).length;
            if (canonical(tree) !== canonical(expected)) failures.push(`${file.id} ${JSON.stringify(mode)}: ${firstDifference(tree, expected)}`);
          } catch (error) {
            failures.push(`${file.id} ${JSON.stringify(mode)}: threw ${String(error)}`);
          }
        }
        files++;
      }
    }
    console.log(`lazy test262: ${files} files, ${bodies} top-level lazy bodies`);
    expect(bodies).toBeGreaterThan(1000);
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('test262-parser-tests, encoder binaries: lazy equals eager', () => {
    const failures: string[] = [];
    for (const dir of ['pass', 'pass-explicit'] as const) {
      for (const file of test262Files(dir)) {
        const bytes = encode(file.source, { sourceType: file.sourceType, comments: true });
        for (const mode of MODES) {
          const lazy = canonical(decode(bytes, { lazy: true, ...mode }));
          if (lazy !== canonical(decode(bytes, mode))) failures.push(`${file.id} ${JSON.stringify(mode)}`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  for (const file of REAL_WORLD) {
    it(`${file.name}: lazy equals eager (JSON, key order), plain and with locations + ranges`, { timeout: 120_000 }, () => {
      const bytes = encode(readSource(file), { sourceType: file.sourceType });
      expect(readBodies(bytes).length).toBeGreaterThan(10);
      for (const mode of MODES) {
        const lazy = decode(bytes, { lazy: true, ...mode });
        expect(unreadNodes(lazy).length).toBeGreaterThan(0);
        // firstDifference walks own keys in order, reading every body.
        expect(firstDifference(lazy, decode(bytes, mode))).toBeNull();
        expect(unreadNodes(lazy)).toEqual([]);
      }
      const lazy = decode(bytes, { lazy: true });
      expect(JSON.stringify(lazy, bigints)).toBe(JSON.stringify(decode(bytes), bigints));
    });
  }
});

const bigints = (_key: string, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value);

describe('reading bodies', () => {
  const jquery = encode(readSource(realWorldFile('jquery')), { sourceType: 'script' });
  const lodash = encode(readSource(realWorldFile('lodash')), { sourceType: 'script' });

  it('in random order, twice, interleaved with other decodes and body reads of other trees', () => {
    for (const mode of [{}, { locations: true }, { ranges: true }, { locations: true, ranges: true }]) {
      const random = createRandom(1234);
      const expected = canonical(decode(jquery, mode));
      const tree = decode(jquery, { lazy: true, ...mode });
      const other = decode(lodash, { lazy: true });
      const otherPending = unreadNodes(other);
      const read = readAllShuffled(tree, random, () => {
        // Another decode, eager or lazy, and a body of another lazy tree, between two reads.
        if (random.chance(0.1)) decode(lodash, random.chance(0.5) ? { locations: true } : { lazy: true });
        if (otherPending.length > 0 && random.chance(0.3)) void otherPending.pop()!.body;
      });
      expect(read).toBeGreaterThan(50);
      expect(canonical(tree)).toBe(expected);
      // Twice: the second read is the same object, now a data property.
      const fn = (tree as unknown as { body: Node[] }).body;
      expect(canonical(tree)).toBe(expected);
      expect(fn).toBe((tree as unknown as { body: Node[] }).body);
      expect(firstDifference(other, decode(lodash))).toBeNull();
    }
  });

  it('keeps the key in place: an accessor before the first read, a data property after', () => {
    const source = `function f(a, b) {\n${'  a = b + a * 2 - "x" + f(a, b);\n'.repeat(20)}}\nclass C { static {\n${'  this.x = [1, 2, 3].map(String);\n'.repeat(20)}} }`;
    const bytes = encode(source);
    const eager = decode(bytes, { locations: true }) as unknown as { body: Node[] };
    const lazy = decode(bytes, { lazy: true, locations: true }) as unknown as { body: Node[] };
    const f = lazy.body[0]!;
    const block = ((lazy.body[1]!.body as Node).body as Node[])[0]!;
    expect(block.type).toBe('StaticBlock');
    for (const node of [f, block]) {
      expect(isUnread(node)).toBe(true);
      expect(Object.getOwnPropertyDescriptor(node, 'body')!.enumerable).toBe(true);
    }
    expect(Object.keys(f)).toEqual(Object.keys(eager.body[0]!));
    const body = f.body;
    expect(isUnread(f)).toBe(false);
    expect(f.body).toBe(body);
    expect(Object.keys(f)).toEqual(Object.keys(eager.body[0]!));
    expect(canonical(lazy)).toBe(canonical(eager));
    // Assigning before reading replaces the body, in place.
    const again = decode(bytes, { lazy: true }) as unknown as { body: Node[] };
    again.body[0]!.body = 'replaced';
    expect(again.body[0]!.body).toBe('replaced');
    expect(Object.keys(again.body[0]!)).toEqual(Object.keys(eager.body[0]!).filter((k) => k !== 'loc'));
  });

  it('a node frozen before its body is read still gives its body, the same object every time', () => {
    const source = `function f(a, b) {\n${'  a = b + a * 2 - "x" + f(a, b);\n'.repeat(20)}}`;
    const lazy = decode(encode(source), { lazy: true }) as unknown as { body: Node[] };
    const f = Object.freeze(lazy.body[0]!);
    const body = f.body;
    expect(f.body).toBe(body);
    expect(canonical(lazy)).toBe(canonical(decode(encode(source))));
  });

  it('small bodies (under 256 node bytes) have no entry and are read at once', () => {
    const bytes = encode('function small(a) { return a + 1; }\nconst arrow = () => { return 2; };');
    expect(readBodies(bytes)).toEqual([]);
    expect(unreadNodes(decode(bytes, { lazy: true }))).toEqual([]);
  });

  it('with onComment (array and callback), locations and ranges', () => {
    const source = readSource(realWorldFile('moment'));
    const bytes = encode(source, { comments: true });
    for (const mode of [{}, { locations: true, ranges: true }]) {
      const comments: Comment[] = [];
      const expectedComments: Comment[] = [];
      const expected = decode(bytes, { ...mode, onComment: expectedComments });
      const tree = decode(bytes, { ...mode, lazy: true, onComment: comments });
      expect(unreadNodes(tree).length).toBeGreaterThan(0);
      expect(comments).toEqual(expectedComments);
      const calls: unknown[][] = [];
      decode(bytes, { ...mode, lazy: true, onComment: (...args) => calls.push(args) });
      expect(calls.length).toBe(expectedComments.length);
      expect(firstDifference(tree, expected)).toBeNull();
      const acornComments: acorn.Comment[] = [];
      acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', ...mode, onComment: acornComments });
      expect(canonical(comments)).toBe(canonical(acornComments));
    }
  });

  it('below 500 levels of nesting (the stack-safe path) bodies are read at once, and later ones stay lazy', () => {
    const big = 'x = x + y * 2 - z;\n'.repeat(30);
    const source = `v = ${'a('.repeat(700)}function inner() {\n${big}}${')'.repeat(700)};\nfunction later() {\n${big}}\n`;
    for (const bytes of [encode(source), forge(acorn.parse(source, { ecmaVersion: 'latest' }), source, xxh32, { skipAtLeast: 0 })]) {
      const tree = decode(bytes, { lazy: true }) as unknown as { body: Node[] };
      expect(isUnread(tree.body[1]!)).toBe(true);
      expect(firstDifference(tree, decode(bytes))).toBeNull();
    }
  });
});

describe('damaged skip data', () => {
  const source = readSource(realWorldFile('jquery'));
  const bytes = encode(source);
  const entries = readBodies(bytes);
  const eager = canonical(decode(bytes));

  /** The outcome of a lazy decode that then reads every body. */
  function readEverything(forged: Uint8Array): string {
    try {
      const tree = decode(forged, { lazy: true });
      const text = canonical(tree);
      return text === eager ? 'same tree' : 'different tree';
    } catch (error) {
      return error instanceof BinastError ? error.code : `threw ${String(error)}`;
    }
  }

  it('the bodies section round-trips through the test helpers', () => {
    expect(entries.length).toBeGreaterThan(50);
    const { bodies } = layout(bytes);
    expect(bodiesSection(entries)).toEqual([...bytes.subarray(bodies.start, bodies.end)]);
  });

  it('an entry field off by one is CORRUPT (at decode or when its body is read); an eager decode ignores it', () => {
    const random = createRandom(77);
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 40; i++) {
      const index = random.int(entries.length);
      const field = random.pick(['node', 'refs', 'fresh', 'delta', 'nested'] as const);
      const forgedEntries = entries.map((e) => ({ ...e }));
      const entry = forgedEntries[index]!;
      const change = entry[field] === 0 || random.chance(0.5) ? 1 : -1;
      if (field === 'nested') {
        // One more or one fewer nested entry: the section's layout changes, the bodies do not.
        entry.nested = Math.min(entries.length - index - 1, Math.max(0, entry.nested + change));
        if (entry.nested === entries[index]!.nested) continue;
      } else {
        entry[field] += change;
      }
      const forged = replaceSection(bytes, 'bodies', bodiesSection(forgedEntries), xxh32);
      const outcome = readEverything(forged);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      expect(outcome, `entry ${index}, ${field} ${change > 0 ? '+1' : '-1'}`).toBe('CORRUPT');
      expect(canonical(decode(forged))).toBe(eager);
    }
    console.log(`forged skip entries: ${JSON.stringify(outcomes)}`);
  });

  it('entries reaching past their sections are CORRUPT at skip time', () => {
    const { bodies } = layout(bytes);
    const section = [...bytes.subarray(bodies.start, bodies.end)];
    // The first entry's five varints, read from the section.
    const fields: number[] = [];
    let at = 0;
    for (let i = 0; i < 5; i++) {
      let value = 0;
      for (let scale = 1; ; scale *= 128) {
        const byte = section[at++]!;
        value += (byte & 127) * scale;
        if (byte < 128) break;
      }
      fields.push(value);
    }
    for (const [field, index] of [['node', 0], ['refs', 1], ['fresh', 2], ['nested', 4]] as const) {
      // That entry with one field far too large (2^31), the rest of the section as it was.
      const values = fields.slice();
      values[index] = 2 ** 31;
      const forged = replaceSection(bytes, 'bodies', [...values.flatMap((v) => varint(v)), ...section.slice(at)], xxh32);
      expect(() => decode(forged, { lazy: true }), field).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
      expect(canonical(decode(forged))).toBe(eager);
    }
    // Missing and extra bytes in the section.
    for (const content of [section.slice(0, -1), [...section, 0], []]) {
      const forged = replaceSection(bytes, 'bodies', content, xxh32);
      expect(readEverything(forged)).toBe('CORRUPT');
    }
  });

  it('a body read that fails keeps failing, and leaves the rest of the tree readable', () => {
    const forgedEntries = entries.map((e) => ({ ...e }));
    // The first top-level body with no nested entries: its end cursor is off by one.
    const index = forgedEntries.findIndex((e) => e.nested === 0);
    forgedEntries[index]!.delta += 1;
    const forged = replaceSection(bytes, 'bodies', bodiesSection(forgedEntries), xxh32);
    const tree = decode(forged, { lazy: true });
    const pending = unreadNodes(tree);
    const failing = pending.filter((node) => {
      try {
        void node.body;
        return false;
      } catch (error) {
        expect(error).toBeInstanceOf(BinastError);
        expect((error as BinastError).code).toBe('CORRUPT');
        return true;
      }
    });
    expect(failing.length).toBeGreaterThan(0);
    for (const node of failing) expect(() => node.body).toThrow(BinastError);
  });
});

describe('memory', () => {
  it('a lazy tree keeps its buffer alive only while it has unread bodies and is alive', () => {
    const script = join(REPO_ROOT, 'scratch-gc.tmp.mjs');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { decode, encode } from './dist/index.js';
const bytes = encode(readFileSync('node_modules/jquery/dist/jquery.js', 'utf8'));
const settle = async () => { for (let i = 0; i < 4; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 0)); } };
function lazyTree() {
  const buffer = bytes.slice().buffer;
  return { ref: new WeakRef(buffer), tree: decode(buffer, { lazy: true }) };
}
const walk = (v) => { if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k]); };
let a = lazyTree();
await settle();
const aliveWithTree = a.ref.deref() !== undefined;
const aRef = a.ref;
a = null;
await settle();
const releasedWithTree = aRef.deref() === undefined;
const b = lazyTree();
walk(b.tree);
await settle();
const releasedAfterReading = b.ref.deref() === undefined;
console.log(JSON.stringify({ aliveWithTree, releasedWithTree, releasedAfterReading, type: b.tree.type }));
`,
    );
    try {
      const child = spawnSync(process.execPath, ['--expose-gc', script], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(child.stderr).toBe('');
      expect(JSON.parse(child.stdout)).toEqual({ aliveWithTree: true, releasedWithTree: true, releasedAfterReading: true, type: 'Program' });
    } finally {
      rmSync(script, { force: true });
    }
  });
});
