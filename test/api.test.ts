// parse() is a drop-in for acorn.parse: same trees, same comments, same
// error positions; options it cannot honour throw instead of being ignored.
import * as acorn from 'acorn';
import type { Comment } from 'estree';
import { describe, expect, it } from 'vitest';
import { BinastError, decode, encode, parse } from '../ts/index.ts';
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

describe('refused options throw BAD_OPTION, naming the option and its value, saying what to do', () => {
  const program = acorn.parse('y', { ecmaVersion: 'latest' });
  const refused: [Record<string, unknown>, RegExp][] = [
    [{ onToken: [] }, /onToken \(an array of 0\) is not supported: .*acorn\.tokenizer/],
    [{ onToken: () => {} }, /onToken \(a function\) is not supported/],
    [{ program }, /program \(an object\) is not supported: .*parse separately/],
    [{ ecmaVersion: 5 }, /ecmaVersion 5 is not supported: .*use acorn itself .* or pass ecmaVersion 2015 or later/],
    [{ ecmaVersion: 3 }, /ecmaVersion 3 is not supported/],
    [{ ecmaVersion: 4 }, /ecmaVersion 4 is not valid: use 'latest' or a year from 2015 to 2026/],
    [{ ecmaVersion: '2020' }, /ecmaVersion "2020" is not valid/],
    [{ sourceType: 'esm' }, /sourceType must be 'script', 'module' or 'commonjs', got "esm"/],
    [{ locaitons: true }, /unknown acorn option "locaitons" \(did you mean "locations"\?\)/],
    [{ ranges: 'yes' }, /ranges must be a boolean, got "yes"/],
    [{ sourceType: 'commonjs', allowAwaitOutsideFunction: true }, /cannot be used with sourceType 'commonjs'/],
  ];
  for (const [extra, message] of refused) {
    it(JSON.stringify(extra), () => {
      const error = catchAny(() => parse('x', asParseOptions({ ecmaVersion: 'latest', ...extra })));
      expect(error).toBeInstanceOf(BinastError);
      expect((error as BinastError).code).toBe('BAD_OPTION');
      expect((error as Error).message).toMatch(message);
    });
  }
  it('null and undefined values of refused options are accepted, as acorn ignores them', () => {
    expect(parse('x', asParseOptions({ ecmaVersion: 'latest', onToken: null, program: undefined })).type).toBe('Program');
  });
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
        expect(actual.message, `${what} message`).toBe(expected.message);
        expect(actual.raisedAt, `${what} raisedAt`).toBe(expected.raisedAt);
      }
    });
  }
});

type PositionedError = SyntaxError & { pos: number; raisedAt: number; loc: { line: number; column: number } };

function catchAny(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, nothing was thrown');
}

function catchError(run: () => unknown): PositionedError {
  try {
    run();
  } catch (e) {
    return e as PositionedError;
  }
  throw new Error('expected a SyntaxError, nothing was thrown');
}

describe('decode and binast/decode', () => {
  it('decode takes an ArrayBuffer as well as a Uint8Array', () => {
    const bytes = encode('const a = [1, 2];');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(firstDifference(decode(buffer, { locations: true }), decode(bytes, { locations: true }))).toBeNull();
    const error = catchAny(() => decode(42 as unknown as Uint8Array));
    expect(error).toMatchObject({ code: 'BAD_OPTION' });
    expect((error as Error).message).toMatch(/decode expects a Uint8Array/);
  });

  it('binast/decode exports what a consumer checks a manifest with', async () => {
    const decoder = await import('../ts/decode/index.ts');
    const full = await import('../ts/index.ts');
    expect(decoder.FORMAT_VERSION).toBe(full.FORMAT_VERSION);
    expect(decoder.SCHEMA_HASH).toBe(full.SCHEMA_HASH);
    expect(decoder.BinastError).toBe(full.BinastError);
    expect(() => decoder.decode(new Uint8Array(8))).toThrow(decoder.BinastError);
  });

  it('a truncated binary says so', () => {
    const bytes = encode('const a = [1, 2];');
    for (const length of [10, bytes.length - 5]) {
      const error = catchAny(() => decode(bytes.subarray(0, length)));
      expect(error, `${length}`).toBeInstanceOf(BinastError);
      if ((error as BinastError).code === 'TRUNCATED') expect((error as Error).message).toMatch(/truncated/);
    }
    expect(catchAny(() => decode(bytes.subarray(0, 10)))).toMatchObject({ code: 'TRUNCATED', message: expect.stringMatching(/truncated/) });
  });
});
