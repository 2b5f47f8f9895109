// The comparison helpers themselves: if these are wrong every fidelity test is.
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { canonical, firstDifference } from './helpers/canonical.ts';

describe('canonical', () => {
  it('distinguishes values JSON.stringify conflates', () => {
    const distinct = [
      {}, { a: undefined }, { a: null },
      { a: 0 }, { a: -0 }, { a: NaN },
      { a: 1n }, { a: '1' }, { a: 1 },
      { a: /a/g }, { a: /a/ }, { a: {} },
      { a: '\uD800' }, { a: '\uFFFD' },
      [1, , 3], [1, undefined, 3], [1, null, 3],
      { a: 1, b: 2 }, { b: 2, a: 1 },
    ];
    expect(new Set(distinct.map(canonical)).size).toBe(distinct.length);
    expect(canonical({ a: 1n, r: /a/g })).toBe('{"a":{"$bigint":"1"},"r":{"$regexp":"/a/g"}}');
  });

  it('ignores prototypes (acorn Node instances vs plain objects)', () => {
    const tree = acorn.parse('x = /a/u; y = 1n', { ecmaVersion: 'latest', locations: true });
    const plain = structuredClone(tree);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(canonical(plain)).toBe(canonical(tree));
    expect(firstDifference(plain, tree)).toBeNull();
  });
});

describe('firstDifference', () => {
  const tree = () => acorn.parse('a; b = c + 1', { ecmaVersion: 'latest' }) as unknown as Record<string, any>;

  it('reports the path of the first differing value', () => {
    const b = tree();
    b.body[1].expression.right.left.end = 99;
    b.body[1].end = 98; // comes earlier in document order
    expect(firstDifference(tree(), b)).toBe('body[1].end: 12 vs 98');
  });

  it('reports missing keys, undefined, key order, lengths and types', () => {
    expect(firstDifference({ a: 1, b: 2 }, { a: 1 })).toBe('b: 2 vs missing');
    expect(firstDifference({ a: 1 }, { a: 1, b: undefined })).toBe('b: missing vs undefined');
    expect(firstDifference({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe('(root): key order [a,b] vs [b,a]');
    expect(firstDifference({ x: [1, 2] }, { x: [1] })).toBe('x: length 2 vs 1');
    expect(firstDifference({ x: -0 }, { x: 0 })).toBe('x: -0 vs 0');
    expect(firstDifference({ x: NaN }, { x: NaN })).toBeNull();
    expect(firstDifference({ x: 1n }, { x: 1 })).toBe('x: {"$bigint":"1"} vs 1');
    expect(firstDifference({ x: /a/g }, { x: /a/g })).toBeNull();
    expect(firstDifference({ x: /a/g }, { x: /a/ })).toBe('x: {"$regexp":"/a/g"} vs {"$regexp":"/a/"}');
    expect(firstDifference({ 'a-b': '\uD800' }, { 'a-b': '\uDC00' })).toBe('"a-b": "\\ud800" vs "\\udc00"');
  });

  it('agrees with canonical equality', () => {
    const a = tree(), b = tree();
    expect(firstDifference(a, b) === null).toBe(canonical(a) === canonical(b));
    b.body[0].expression.name = 'z';
    expect(firstDifference(a, b)).toBe('body[0].expression.name: "a" vs "z"');
    expect(canonical(a) === canonical(b)).toBe(false);
  });
});
