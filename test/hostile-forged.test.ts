// Hand-forged binaries with a valid checksum (recomputed after forging), so that the checks
// behind it run: every count is bounded by the bytes left before anything is allocated,
// every index and enum is checked, and nothing but a BinastError comes out. Decoding N bytes
// costs O(N) time even when one long string is referenced from many nodes.
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { BinastError, decode, encode } from '../ts/index.ts';
import { xxh32 } from '../ts/decode/checksum.ts';
import { assemble, KIND, layout, refsSection, reseal, stringsSection, varint, zigzag } from './fuzz/engine.mjs';
import { firstDifference } from './helpers/canonical.ts';

const tag = (name: string): number => {
  const kind = KIND.get(name);
  if (!kind) throw new Error(name);
  return kind.tag;
};

/**
 * Forged node streams are arrays of node-section bytes with string references mixed in as
 * `{ ref: code }`; file() moves those to the string-reference section.
 */
type Item = number | { ref: number };
/** A reference to string `index` of the table (code index + 1; code 0 is "the next new one"). */
const str = (index: number): Item => ({ ref: index + 1 });
/** A Program node around `body` (already encoded elements), with `count` as its list length. */
const program = (count: number, body: Item[] = [], end = 0): Item[] => [
  tag('Program'), 0, 0, ...varint(count), ...body, ...varint(zigzag(end)),
];
const regex = (pattern: number, flags: number): Item[] => [tag('RegExpLiteral'), 0, str(pattern), str(flags)];
const identifier = (name: number): Item[] => [tag('Identifier'), 0, str(name)];

function split(items: Item[]): { nodes: number[]; refs: number[]; refWidth: number } {
  const nodes = items.filter((item): item is number => typeof item === 'number');
  const codes = items.filter((item): item is { ref: number } => typeof item !== 'number').map((item) => item.ref);
  return { nodes, ...refsSection(codes) };
}

function file(items: Item[], strings: string[] = ['a'], extra: { lines?: number[]; comments?: number[] } = {}): Uint8Array {
  return assemble({ strings: stringsSection(strings), ...split(items), lines: extra.lines ?? [0], comments: extra.comments ?? null }, xxh32);
}

function decodeError(bytes: Uint8Array, options: object = {}): BinastError {
  try {
    decode(bytes, options);
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(BinastError);
    const e = error as BinastError;
    expect(e.offset).toBeLessThanOrEqual(bytes.length);
    return e;
  }
  throw new Error('decode succeeded');
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('forged counts fail fast, before allocating', () => {
  it('the sanity file decodes', () => {
    const tree = decode(file(program(1, identifier(0)), ['a'])) as unknown as { body: { name: string }[] };
    expect(tree.body[0].name).toBe('a');
  });

  for (const count of [5, 2 ** 31, 2 ** 32 - 1, 2 ** 53 - 1]) {
    it(`a node list claiming ${count} elements is CORRUPT`, () => {
      const { value: error, ms } = timed(() => decodeError(file(program(count, identifier(0)))));
      expect(error.code).toBe('CORRUPT');
      expect(error.message).toMatch(/a list claims \d+ elements/);
      expect(ms).toBeLessThan(50);
    });
  }

  it('short lists (read without the check) that run out of bytes are CORRUPT', () => {
    expect(decodeError(file(program(4, identifier(0)))).code).toBe('CORRUPT');
    expect(decodeError(file([tag('Program'), 0, 0, 3])).code).toBe('CORRUPT');
  });

  it('string table: forged count, blob length, string lengths and code units are CORRUPT', () => {
    const { nodes } = split(program(0));
    const cases: [number[], RegExp][] = [
      [[...varint(2 ** 31), 0], /claims \d+ strings/],
      [[1, ...varint(2 ** 31), 0x61], /claims 1 strings in \d+ bytes/],
      [[1, 1, 0x61, ...varint(2 ** 31 * 2)], /runs past the string table/],
      [[1, 0, ...varint(2 ** 31 * 2 + 1), 5], /claims \d+ code units/],
      [[1, 0, 3, ...varint(0x10000)], /not a UTF-16 code unit/],
      [[1, 2, 0xc3, 0x28, 2], /not valid UTF-8/],
      [[2, 1, 0x61, 2], /ends inside a number/],
      [[1, 2, 0x61, 0x62, 2], /unused text/],
    ];
    for (const [strings, message] of cases) {
      const bytes = assemble({ strings, nodes, lines: [0] }, xxh32);
      const { value: error, ms } = timed(() => decodeError(bytes));
      expect(error.code, String(strings)).toBe('CORRUPT');
      expect(error.message).toMatch(message);
      expect(ms).toBeLessThan(50);
    }
  });

  it('line table: a forged count or a start past 2^31 is CORRUPT (when locations are read)', () => {
    const { nodes } = split(program(0));
    for (const lines of [[...varint(2 ** 31), 1], [2, ...varint(2 ** 31 - 1), ...varint(2 ** 31 - 1)], [2, 1]]) {
      const bytes = assemble({ strings: stringsSection([]), nodes, lines }, xxh32);
      expect(decodeError(bytes, { locations: true }).code).toBe('CORRUPT');
    }
  });

  it('comments: a forged count, a bad string index or leftover bytes are CORRUPT', () => {
    const { nodes } = split(program(0));
    for (const comments of [[...varint(2 ** 31), 0], [1, 0, 0, 0, ...varint(7)], [0, 0]]) {
      const bytes = assemble({ strings: stringsSection(['c']), nodes, lines: [0], comments }, xxh32);
      expect(decodeError(bytes, { onComment: [] }).code).toBe('CORRUPT');
    }
  });

  it('string references: new strings come in table order; bad codes, widths and leftovers are CORRUPT', () => {
    const newString: Item[] = [tag('Identifier'), 0, { ref: 0 }];
    const names = (bytes: Uint8Array): string[] =>
      (decode(bytes) as unknown as { body: { expression: { name: string } }[] }).body.map((s) => s.expression.name);
    const statement = (id: Item[]): Item[] => [tag('ExpressionStatement'), 0, ...id, 0];
    // Code 0 twice: the first two strings; then code 1: the first again.
    expect(names(file(program(3, [...statement(newString), ...statement(newString), ...statement(identifier(0))]), ['a', 'b']))).toEqual(['a', 'b', 'a']);
    const bad: [Uint8Array, RegExp][] = [
      // A third new string in a table of two.
      [file(program(3, [...statement(newString), ...statement(newString), ...statement(newString)]), ['a', 'b']), /outside the table of 2/],
      // More references than the node stream reads.
      [assemble({ strings: stringsSection(['a']), nodes: split(program(0)).nodes, refs: [1, 1], lines: [0] }, xxh32), /2 bytes left/],
      // Fewer: the read runs past the section's end.
      [assemble({ strings: stringsSection(['a']), nodes: split(program(1, statement(identifier(0)))).nodes, refs: [], lines: [0] }, xxh32), /string|left/],
      // Widths the format does not have, and a section that is not whole codes.
      [assemble({ strings: stringsSection(['a']), ...split(program(0)), refWidth: 0, lines: [0] }, xxh32), /1 to 4/],
      [assemble({ strings: stringsSection(['a']), ...split(program(0)), refWidth: 5, lines: [0] }, xxh32), /1 to 4/],
      [assemble({ strings: stringsSection(['a']), nodes: split(program(0)).nodes, refs: [1, 0, 0], refWidth: 2, lines: [0] }, xxh32), /whole number/],
    ];
    for (const [bytes, message] of bad) {
      const error = decodeError(bytes);
      expect(error.code, error.message).toBe('CORRUPT');
      expect(error.message).toMatch(message);
    }
    // Wider codes decode the same.
    for (const refWidth of [2, 3, 4]) {
      const { nodes } = split(program(1, statement(identifier(1))));
      const refs = [2, ...new Array(refWidth - 1).fill(0)];
      expect(names(assemble({ strings: stringsSection(['a', 'b']), nodes, refs, refWidth, lines: [0] }, xxh32))).toEqual(['b']);
    }
  });

  it('bad tags, missing children, enums, string indexes and varints are CORRUPT', () => {
    const bad: Item[][] = [
      program(1, [250, 0]), // unknown tag
      [tag('Identifier'), 0, 0], // not a Program
      [0], // null Program
      program(1, [tag('ExpressionStatement'), 0, 0, 0]), // required expression is null
      program(1, [tag('BinaryExpression'), 0, ...varint(31), ...identifier(0), ...identifier(0), 0]), // operator 31
      program(1, identifier(9)), // string index outside the table
      program(1, [tag('Identifier'), 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), // 9-byte varint
      [...program(0), 7, 7], // bytes after the Program
      program(1, [tag('Directive'), 0, ...identifier(0), 0]), // a directive that is not a string literal
      program(1, [tag('BigIntLiteral'), 0, 1]), // raw "zzn" is not a bigint
    ];
    for (const nodes of bad) {
      const error = decodeError(file(nodes, ['a', 'zzn']));
      expect(error.code, `${nodes}: ${error.message}`).toBe('CORRUPT');
    }
  });

  it('header problems have their own codes, checked in order', () => {
    const good = encode('x');
    const patched = (at: number, value: number, seal = true): Uint8Array => {
      const copy = good.slice();
      copy[at] = value;
      return seal ? reseal(copy, xxh32) : copy;
    };
    expect(decodeError(patched(0, 0x88)).code).toBe('BAD_MAGIC');
    expect(decodeError(patched(4, 1)).code).toBe('UNSUPPORTED_VERSION');
    expect(decodeError(patched(4, 2)).code).toBe('UNSUPPORTED_VERSION'); // format 2 files are refused
    expect(decodeError(patched(4, 4)).code).toBe('UNSUPPORTED_VERSION');
    expect(decodeError(patched(8, good[8] ^ 1)).code).toBe('SCHEMA_MISMATCH');
    expect(decodeError(patched(12, good[12] + 1)).code).toBe('TRUNCATED');
    expect(decodeError(patched(12, good[12] - 1)).code).toBe('CORRUPT');
    expect(decodeError(patched(good.length - 6, good[good.length - 6] ^ 1, false)).code).toBe('CORRUPT');
    expect(decodeError(good.subarray(0, 20)).code).toBe('TRUNCATED');
    expect(decodeError(new Uint8Array(0)).code).toBe('BAD_MAGIC');
    const { nodes } = layout(good);
    expect(nodes.end).toBeGreaterThan(nodes.start);
  });
});

describe('bounded work: one long string referenced from many nodes', () => {
  const K = 100_000;
  const repeated = (node: Item[], count = K): Item[] => program(count, Array.from({ length: count }, () => node).flat());

  it('regex literals sharing a 100 KB pattern stop with LIMIT instead of taking ~10 s', () => {
    const bytes = file(repeated(regex(0, 1)), ['a'.repeat(100_000), 'g']);
    const { value: error, ms } = timed(() => decodeError(bytes));
    expect(error.code).toBe('LIMIT');
    expect(ms).toBeLessThan(1500);
  });

  it('directives sharing a 100 KB string stop with LIMIT', () => {
    const directive = [tag('Directive'), 0, tag('StringLiteralDoubleQuoted'), 0, str(0), 0];
    const bytes = file(repeated(directive), ['u'.repeat(100_000)]);
    const { value: error, ms } = timed(() => decodeError(bytes));
    expect(error.code).toBe('LIMIT');
    expect(ms).toBeLessThan(1500);
  });

  it('bigint literals sharing a 100,000-digit raw text are converted once', () => {
    const bytes = file(repeated([tag('BigIntLiteral'), 0, str(0)], 20_000), ['0x' + 'f'.repeat(100_000) + 'n']);
    const { value: tree, ms } = timed(() => decode(bytes) as unknown as { body: { value: bigint; bigint: string }[] });
    expect(tree.body).toHaveLength(20_000);
    expect(tree.body[19_999].value).toBe(tree.body[0].value);
    expect(tree.body[0].bigint).toBe(BigInt('0x' + 'f'.repeat(100_000)).toString());
    expect(ms).toBeLessThan(3000);
  });

  it('real code with repeated regexes and directives is far below the budget', () => {
    const source = Array.from({ length: 2000 }, (_, i) => `function f${i}() { "use strict"; return /[a-z]+\\d{2,}(?:x|y)/giu.test(s); }`).join('\n');
    const expected = acorn.parse(source, { ecmaVersion: 'latest' });
    expect(firstDifference(decode(encode(source)), expected)).toBeNull();
  });

  it('a legitimately long special string (200,000 lone surrogates as escapes) decodes', () => {
    const source = `x = "${'\\uD800'.repeat(200_000)}";`;
    const tree = decode(encode(source)) as unknown as { body: { expression: { right: { value: string } } }[] };
    expect(tree.body[0].expression.right.value).toBe('\uD800'.repeat(200_000));
  });
});
