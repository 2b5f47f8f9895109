// parse() is a drop-in for acorn.parse: same trees, same comments, same
// error positions; options it cannot honour throw instead of being ignored.
import * as acorn from 'acorn';
import type { Comment } from 'estree';
import { describe, expect, it } from 'vitest';
import { encode, parse } from '../ts/index.ts';
import { firstDifference } from './helpers/canonical.ts';

const SOURCE = '#!/usr/bin/env node\n// c\nimport x from "y";\nexport default async function* f(a = 1n) { /* b */ yield* x?.[a] ?? /re/v; }\n';

type Options = Parameters<typeof acorn.parse>[1];
// parse() takes "acorn-like" options; its exact option type is the implementers' choice.
const asParseOptions = (options: object) => options as unknown as Parameters<typeof parse>[1];

/** Both parsers on the same input and options: trees and comment arrays equal. */
function expectSameAsAcorn(source: string, options: Options): void {
  const expected = acorn.parse(source, options);
  const actual = parse(source, asParseOptions(options));
  expect(firstDifference(actual, expected)).toBeNull();
}

/** Both throw, or neither; when neither, same tree. */
function expectSameOutcome(source: string, options: Options): void {
  let acornError: unknown = null;
  try {
    acorn.parse(source, options);
  } catch (e) {
    acornError = e;
  }
  if (acornError) {
    expect(() => parse(source, asParseOptions(options))).toThrow(SyntaxError);
  } else {
    expectSameAsAcorn(source, options);
  }
}

describe('parse() equals acorn.parse()', () => {
  it('with all position options and onComment', () => {
    const comments: Comment[] = [];
    const acornComments: acorn.Comment[] = [];
    const base = { ecmaVersion: 'latest', sourceType: 'module', locations: true, ranges: true } as const;
    const actual = parse(SOURCE, asParseOptions({ ...base, onComment: comments }));
    const expected = acorn.parse(SOURCE, { ...base, onComment: acornComments });
    expect(firstDifference(actual, expected)).toBeNull();
    expect(acornComments.length).toBe(3); // hashbang, line, block
    expect(firstDifference(comments, acornComments)).toBeNull();
  });

  it('with defaults (script)', () => {
    expectSameAsAcorn('var a = 1; function f() { "use strict"; return a }', { ecmaVersion: 'latest' });
  });

  it("accepts ecmaVersion 'latest' and the highest numbered version", () => {
    // 2026 is the highest year in acorn 8.19's ecmaVersion type (17 is the same edition).
    for (const ecmaVersion of ['latest', 2026, 17] as const) {
      expectSameAsAcorn('a ?? b; class C { static #x = 1; }', { ecmaVersion, sourceType: 'module' });
    }
  });

  it('allowReturnOutsideFunction behaves like acorn', () => {
    expectSameOutcome('return 1', { ecmaVersion: 'latest' }); // both throw
    expectSameOutcome('return 1', { ecmaVersion: 'latest', allowReturnOutsideFunction: true });
  });

  it('allowHashBang behaves like acorn', () => {
    const src = '#!/usr/bin/env node\nx';
    expectSameOutcome(src, { ecmaVersion: 'latest' });
    expectSameOutcome(src, { ecmaVersion: 'latest', allowHashBang: true });
    expectSameOutcome(src, { ecmaVersion: 'latest', allowHashBang: false }); // both throw
  });
});

describe('unsupported options throw, naming the option', () => {
  const program = acorn.parse('y', { ecmaVersion: 'latest' });
  const unsupported: [string, Record<string, unknown>][] = [
    ['onToken', { onToken: [] }],
    ['onToken', { onToken: () => {} }],
    ['preserveParens', { preserveParens: true }],
    ['program', { program }],
    ['sourceFile', { sourceFile: 'a.js' }],
    ['directSourceFile', { directSourceFile: 'a.js' }],
    ['onInsertedSemicolon', { onInsertedSemicolon: () => {} }],
    ['onTrailingComma', { onTrailingComma: () => {} }],
    ['ecmaVersion', { ecmaVersion: 5 }],
  ];
  for (const [name, extra] of unsupported) {
    it(`${name}: ${String(Object.values(extra)[0])}`, () => {
      const options = asParseOptions({ ecmaVersion: 'latest', ...extra });
      expect(() => parse('x', options)).toThrow(new RegExp(name));
    });
  }
});

describe('syntax errors match acorn', () => {
  // Inputs where both parsers blame the same token.
  const sources = [
    'let x = ;',
    'let a = 1;\nlet b = ;',
    '"😀é"; let x = ;', // pos is a UTF-16 offset
    'if (x) }',
    'var 1;',
    'a\r\n\u2028b c', // \r\n and U+2028 are both line breaks for loc
  ];
  for (const source of sources) {
    it(JSON.stringify(source), () => {
      const expected = catchError(() => acorn.parse(source, { ecmaVersion: 'latest' }));
      for (const [what, run] of [
        ['parse', () => parse(source, asParseOptions({ ecmaVersion: 'latest' }))],
        ['encode', () => encode(source)],
      ] as const) {
        const actual = catchError(run);
        expect(actual, what).toBeInstanceOf(SyntaxError);
        expect(actual.pos, `${what} pos`).toBe(expected.pos);
        expect({ line: actual.loc?.line, column: actual.loc?.column }, `${what} loc`).toEqual({
          line: expected.loc.line,
          column: expected.loc.column,
        });
        expect(actual.message, `${what} message`).toContain(`(${expected.loc.line}:${expected.loc.column})`);
      }
    });
  }
});

type PositionedError = SyntaxError & { pos: number; loc: { line: number; column: number } };

function catchError(run: () => unknown): PositionedError {
  try {
    run();
  } catch (e) {
    return e as PositionedError;
  }
  throw new Error('expected a SyntaxError, nothing was thrown');
}
