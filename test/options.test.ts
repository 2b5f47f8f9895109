// Every acorn 8.19 option parse() honours gives acorn's result: the same tree (comments too)
// or the same SyntaxError. Sources are chosen so that each option changes acorn's verdict or
// its tree, and each is also checked with the option off.
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { parse } from '../ts/index.ts';
import { outcomeDifference } from './helpers/same-outcome.ts';

type Case = [name: string, options: Partial<acorn.Options>, sources: string[]];

const CASES: Case[] = [
  ['allowImportExportEverywhere', { allowImportExportEverywhere: true }, [
    'if (a) { import x from "m"; }', 'function f() { export const y = 1; }', 'import x from "m"; x', 'import.meta.url', 'import x from',
  ]],
  ['allowAwaitOutsideFunction', { allowAwaitOutsideFunction: true }, [
    'await x', 'await(x)', 'const await = 1', 'for await (const x of y);', 'function f() { await x }', 'x; // await',
  ]],
  ['allowSuperOutsideMethod', { allowSuperOutsideMethod: true }, ['super.x', 'super()', 'function f() { super.y }', 'super']],
  ['allowReserved: true', { allowReserved: true }, ['var enum = 1', 'let implements', '"use strict"; var interface', 'a.if', 'var if']],
  ["allowReserved: 'never'", { allowReserved: 'never' }, ['a.if', '({ class: 1 })', 'a.b', 'var enum']],
  ['checkPrivateFields: false', { checkPrivateFields: false }, ['class A { m() { this.#x } }', 'this.#y', 'class A { #x; m() { this.#x } }']],
  ["sourceType: 'commonjs'", { sourceType: 'commonjs' }, [
    'return 1', 'new.target', 'await x', 'import x from "m"', 'const await = 1; exports.a = await', 'let a; var a', 'yield = 1',
  ]],
  ['strict', { strict: true }, ['with (a) b', 'var x = 010', 'x = 1', 'function f(a, a) {}']],
  ['preserveParens', { preserveParens: true }, ['(a)', '((a, b))', '(a) => (b)', '[(x)] = y', '(function () {})()']],
  ['sourceFile', { sourceFile: 'a.js', locations: true }, ['a /* c */ + b', 'function f() { return 1 }']],
  ['sourceFile without locations', { sourceFile: 'a.js' }, ['a + b']],
  ['directSourceFile', { directSourceFile: 'a.js', ranges: true }, ['a + b', 'if (x) { y() }']],
  ['startLocation', { startLocation: { line: 10, column: 4 }, locations: true }, ['a\n+ b', 'let = ;']],
  ['allowHashBang: false at latest', { allowHashBang: false }, ['#!x\ny', 'y']],
  ['allowReturnOutsideFunction', { allowReturnOutsideFunction: true }, ['return', 'return 1; x']],
];

describe('options: the same tree or error as acorn', () => {
  for (const [name, extra, sources] of CASES) {
    for (const sourceType of ['script', 'module'] as const) {
      for (const ecmaVersion of ['latest', 2020, 2015] as const) {
        it(`${name}, ${sourceType}, ecmaVersion ${ecmaVersion}`, () => {
          for (const source of sources) {
            const base = { ecmaVersion, sourceType, ...extra } as acorn.Options;
            if (base.sourceType === 'commonjs' && sourceType === 'module') continue;
            expect(outcomeDifference(source, base, true), `${JSON.stringify(source)} with the option`).toBeNull();
            const { [name.split(/[: ]/)[0]! as keyof acorn.Options]: _, ...without } = base;
            expect(outcomeDifference(source, without as acorn.Options, true), `${JSON.stringify(source)} without`).toBeNull();
          }
        });
      }
    }
  }
});

describe('callbacks acorn calls during parsing', () => {
  const calls = (options: Partial<acorn.Options>, run: (options: acorn.Options) => unknown) => {
    const seen: unknown[] = [];
    const record = (kind: string) => (pos: number, loc?: acorn.Position) => seen.push([kind, pos, loc?.line, loc?.column]);
    run({ ecmaVersion: 'latest', onInsertedSemicolon: record('semicolon'), onTrailingComma: record('comma'), ...options } as acorn.Options);
    return seen;
  };
  for (const locations of [false, true]) {
    it(`onInsertedSemicolon and onTrailingComma${locations ? ' with locations' : ''}`, () => {
      const source = 'a = [1, 2,]\nb = { c, }\nf(x,)\nlet d';
      const expected = calls({ locations }, (o) => acorn.parse(source, o));
      expect(expected.length).toBeGreaterThan(3);
      expect(calls({ locations }, (o) => parse(source, o as never))).toEqual(expected);
    });
  }
});

describe('the fast path stays binast', () => {
  it('a relaxing option does not send a valid source to acorn', () => {
    // acorn builds Node instances; binast's nodes are plain objects.
    const program = parse('a + b', { ecmaVersion: 2020, allowImportExportEverywhere: true, allowSuperOutsideMethod: true });
    expect(Object.getPrototypeOf(program)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(parse('a + b', { ecmaVersion: 2015, sourceType: 'commonjs' }))).toBe(Object.prototype);
  });
  it('acorn parses when an option needs what the binary does not carry', () => {
    expect(Object.getPrototypeOf(parse('(a)', { ecmaVersion: 'latest', preserveParens: true }))).not.toBe(Object.prototype);
  });
});
