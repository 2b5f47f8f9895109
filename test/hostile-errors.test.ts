// Typed errors: everything binast throws is a BinastError with a stable code, or an acorn-style
// SyntaxError for an invalid source. Traps inside the WASM encoder (real ones and staged ones
// from hand-assembled stand-in modules) become LIMIT or INTERNAL, and the next call works.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as acorn from 'acorn';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BinastError, decode, encode, parse } from '../ts/index.ts';
import { instantiateSync, wasmMemoryBytes } from '../ts/wasm-loader.ts';
import { firstDifference } from './helpers/canonical.ts';
import { REPO_ROOT } from './helpers/corpus.ts';
import { fakeEncoder } from './fuzz/fake-encoder.ts';

const REAL_WASM = readFileSync(join(REPO_ROOT, 'wasm/binast.wasm'));

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an exception');
}

function expectBinastError(run: () => unknown, code: string, message?: RegExp): BinastError {
  const error = thrown(run);
  expect(error).toBeInstanceOf(BinastError);
  const e = error as BinastError;
  expect(e.code).toBe(code);
  if (message) expect(e.message).toMatch(message);
  return e;
}

function expectSameAsAcorn(source: string): void {
  const expected = acorn.parse(source, { ecmaVersion: 'latest' });
  expect(firstDifference(decode(encode(source)), expected)).toBeNull();
}

describe('lone surrogates in the source', () => {
  const cases: [string, number, string][] = [
    ['x = "\uD800";', 5, 'D800'],
    ['x = "ok \uD83D\uDE00"; y = `\uDC00`', 18, 'DC00'],
    ['// \uDBFF', 3, 'DBFF'],
    ['/\uDFFF/u', 1, 'DFFF'],
    ['\uD800', 0, 'D800'],
    ['x\uDC00\uD800', 1, 'DC00'],
  ];
  for (const [source, offset, unit] of cases) {
    it(`${JSON.stringify(source)}: UNSUPPORTED_SOURCE naming offset ${offset}`, () => {
      const error = expectBinastError(() => encode(source), 'UNSUPPORTED_SOURCE');
      expect(error.message).toContain(`U+${unit}`);
      expect(error.message).toContain(`UTF-16 offset ${offset}`);
      expect(() => parse(source, { ecmaVersion: 'latest' })).toThrow(BinastError);
    });
  }

  it('surrogate pairs and lone surrogates written as escapes round-trip', () => {
    expectSameAsAcorn('x = "\uD83D\uDE00"; /* \uD83D\uDE00 */ y = "\\uD800" + `\\uDC00` + /\\uD800/u.source;');
  });
});

describe('errors from the WASM loader', () => {
  afterEach(() => {
    instantiateSync(REAL_WASM);
  });

  it('a trap recorded as a panic is INTERNAL, and the next call gets a fresh instance', () => {
    instantiateSync(fakeEncoder({ encode: { trap: { failure: 2 } }, failureMessage: 'panicked at src/x.rs:1: boom' }));
    const error = expectBinastError(() => encode('x'), 'INTERNAL', /encoder bug: panicked at src\/x\.rs:1: boom/);
    expect((error as Error & { cause?: unknown }).cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(wasmMemoryBytes()).toBe(0); // the trapped instance was dropped
    expectBinastError(() => encode('x'), 'INTERNAL'); // a new instance, which traps again
  });

  it('a trap recorded as a failed allocation is LIMIT', () => {
    instantiateSync(fakeEncoder({ encode: { trap: { failure: 1 } }, failureMessage: 'memory allocation of 123 bytes failed' }));
    expectBinastError(() => encode('x'), 'LIMIT', /ran out of WASM memory \(memory allocation of 123 bytes failed\)/);
  });

  it('a panic about a capacity overflow (a buffer of 2 GiB or more on wasm32) is LIMIT', () => {
    instantiateSync(
      fakeEncoder({ encode: { trap: { failure: 2 } }, failureMessage: 'panicked at library/alloc/src/raw_vec/mod.rs:28: capacity overflow' }),
    );
    expectBinastError(() => encode('x'), 'LIMIT', /too large for the encoder's 32-bit memory/);
  });

  it('a trap with the stack pointer below zero is LIMIT (stack overflow)', () => {
    instantiateSync(fakeEncoder({ encode: { trap: { failure: 0, stackPointer: -48 } } }));
    expectBinastError(() => encode('x'), 'LIMIT', /nested too deeply .*WASM stack overflowed/);
  });

  it('an unexplained trap is INTERNAL', () => {
    instantiateSync(fakeEncoder({ encode: { memoryOutOfBounds: true } }));
    expectBinastError(() => encode('x'), 'INTERNAL', /trapped \(.*out of bounds/);
    instantiateSync(fakeEncoder({ encode: { trap: { failure: 0 } } }));
    expectBinastError(() => encode('x'), 'INTERNAL', /trapped \(unreachable/);
  });

  it('error statuses: a syntax error stays a SyntaxError, an internal error is INTERNAL', () => {
    instantiateSync(fakeEncoder({ encode: { status: 1, pos: 2, message: 'Unexpected token' } }));
    // A source acorn accepts, so that the encoder's own error is the one thrown (not acorn's).
    const syntax = thrown(() => encode('a\nb')) as SyntaxError & { pos: number; loc: unknown };
    expect(syntax).toBeInstanceOf(SyntaxError);
    expect(syntax.message).toBe('Unexpected token (2:0)');
    expect(syntax.pos).toBe(2);
    instantiateSync(fakeEncoder({ encode: { status: 2, message: 'binast: source is not valid UTF-8' } }));
    expectBinastError(() => encode('x'), 'INTERNAL', /^binast: source is not valid UTF-8$/);
    instantiateSync(fakeEncoder({ encode: { status: 7, message: '?' } }));
    expectBinastError(() => encode('x'), 'INTERNAL', /unknown encoder status 7/);
  });

  it('a module that is not a binast encoder, or another ABI version, is INTERNAL', () => {
    expectBinastError(() => instantiateSync(fakeEncoder({ abiVersion: 1, encode: { status: 0 } })), 'INTERNAL', /ABI version 1/);
    expectBinastError(
      () => instantiateSync(fakeEncoder({ encode: { status: 0 }, omit: ['binast_failure'] })),
      'INTERNAL',
      /lacks binast_failure/,
    );
    expectBinastError(() => instantiateSync(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99])), 'INTERNAL', /compiling/);
    // The previous good instance stays in place after a failed instantiateSync.
    expectSameAsAcorn('let ok = 1');
  });

  it('NOT_INITIALISED when no module was loaded and none can be read', async () => {
    vi.resetModules();
    const proc = process as unknown as { getBuiltinModule?: unknown };
    const saved = proc.getBuiltinModule;
    proc.getBuiltinModule = undefined;
    try {
      const fresh = await import('../ts/wasm-loader.ts');
      const error = thrown(() => fresh.encodeRaw('x', 0)) as BinastError;
      expect(error.name).toBe('BinastError');
      expect(error.code).toBe('NOT_INITIALISED');
      expect(error.message).toMatch(/await init\(\)/);
    } finally {
      proc.getBuiltinModule = saved;
      vi.resetModules();
    }
  });

  it("NOT_INITIALISED when Node's synchronous initialisation cannot read the WASM file", async () => {
    vi.resetModules();
    const missing = new URL('file:///nonexistent/binast.wasm');
    vi.doMock('../ts/wasm-loader.ts', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../ts/wasm-loader.ts')>()),
      defaultWasmUrl: () => missing,
    }));
    try {
      // Importing the Node entry runs initSync(); a fresh loader has no instance yet.
      const error = await import('../ts/node.ts').then(
        () => expect.fail('importing the Node entry should have thrown'),
        (e: unknown) => e as BinastError,
      );
      // A fresh module graph: its BinastError class is not the one imported above.
      const { BinastError: FreshBinastError } = await import('../ts/errors.ts');
      expect(error).toBeInstanceOf(FreshBinastError);
      expect(error.name).toBe('BinastError');
      expect(error.code).toBe('NOT_INITIALISED');
      expect(error.message).toContain(missing.pathname);
      expect((error as Error & { cause?: { code?: string } }).cause?.code).toBe('ENOENT');
    } finally {
      vi.doUnmock('../ts/wasm-loader.ts');
      vi.resetModules();
    }
  });

  it('init() failures are BinastErrors', async () => {
    vi.resetModules();
    const fresh = await import('../ts/wasm-loader.ts');
    await expect(fresh.init(new URL('file:///nonexistent/binast.wasm'))).rejects.toMatchObject({
      name: 'BinastError',
      code: 'NOT_INITIALISED',
    });
    await expect(fresh.init(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ name: 'BinastError', code: 'BAD_OPTION' });
    vi.resetModules();
  });
});

describe('real traps in the real encoder', () => {
  it('running out of JS stack inside WASM is LIMIT, and the next encode works', () => {
    for (const source of ['('.repeat(100_000), '['.repeat(100_000) + ']'.repeat(100_000), 'a' + '.b'.repeat(100_000)]) {
      const error = expectBinastError(() => encode(source), 'LIMIT', /nested too deeply/);
      expect(wasmMemoryBytes()).toBe(0); // dropped after the trap
      expectSameAsAcorn('const after = [1, 2, 3].map((x) => x * 2);');
      expect(wasmMemoryBytes()).toBeGreaterThan(0);
      expect((error as Error & { cause?: unknown }).cause).toBeInstanceOf(RangeError);
    }
  });

  // With a larger native stack the 8 MiB WASM stack overflows first: a real
  // "memory access out of bounds" trap with the stack pointer at the bottom.
  it('a WASM stack overflow traps (stack placed first) and is LIMIT; the next encode works', () => {
    const script = `
      import { encode, decode } from ${JSON.stringify(join(REPO_ROOT, 'dist/node.js'))};
      const out = [];
      for (const n of [30000, 60000]) {
        try { encode('if (a) '.repeat(n) + ';'); out.push('ok'); }
        catch (e) { out.push([e.name, e.code, e.message, e.cause && e.cause.constructor.name, e.cause && e.cause.message]); }
        out.push(decode(encode('x = 1')).body[0].expression.right.value);
      }
      console.log(JSON.stringify(out));`;
    const child = spawnSync(process.execPath, ['--stack-size=7000', '--no-warnings', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    const out = JSON.parse(child.stdout) as unknown[];
    for (const i of [0, 2]) {
      expect(out[i]).toEqual([
        'BinastError',
        'LIMIT',
        'binast: the source is nested too deeply for the encoder (its WASM stack overflowed)',
        'RuntimeError',
        'memory access out of bounds',
      ]);
      expect(out[i + 1]).toBe(1);
    }
  });
});

describe('nothing but BinastError and SyntaxError leaves the API', () => {
  it('bad arguments are BAD_OPTION', () => {
    expectBinastError(() => encode(42 as unknown as string), 'BAD_OPTION');
    expectBinastError(() => decode('x' as unknown as Uint8Array), 'BAD_OPTION');
    expectBinastError(() => decode(null as unknown as Uint8Array), 'BAD_OPTION');
    expectBinastError(() => decode(encode('x'), { locations: true, bogus: 1 } as never), 'BAD_OPTION');
  });
});

// Fuzzer-found places where the encoder disagreed with acorn and acorn (the spec) was right
// (test/fuzz/disagreements.md): each now gives acorn's tree, comments included, or acorn's
// error position.
describe('fuzzer-found disagreements with acorn, fixed', () => {
  type SourceType = 'script' | 'module';
  const acornOptions = (sourceType: SourceType, onComment: acorn.Comment[]) =>
    ({ ecmaVersion: 'latest', sourceType, locations: true, ranges: true, onComment }) as const;

  function expectAcornTree(source: string, sourceType: SourceType = 'script'): void {
    const expectedComments: acorn.Comment[] = [];
    const expected = acorn.parse(source, acornOptions(sourceType, expectedComments));
    const comments: acorn.Comment[] = [];
    const actual = parse(source, acornOptions(sourceType, comments) as unknown as Parameters<typeof parse>[1]);
    expect(firstDifference(actual, expected)).toBeNull();
    expect(firstDifference(comments, expectedComments)).toBeNull();
  }

  function expectAcornError(source: string, sourceType: SourceType = 'script', message?: string): void {
    const expected = thrown(() => acorn.parse(source, { ecmaVersion: 'latest', sourceType })) as SyntaxError & { pos: number };
    const actual = thrown(() => encode(source, { sourceType })) as SyntaxError & { pos: number };
    expect(actual).toBeInstanceOf(SyntaxError);
    expect(actual.pos, `${actual.message} / acorn: ${expected.message}`).toBe(expected.pos);
    if (message !== undefined) expect(actual.message).toContain(message);
  }

  type Cases = { trees?: string[]; modules?: string[]; errors?: string[]; moduleErrors?: string[]; rejects?: string[] };
  const cases: Record<string, Cases> = {
    'class-modifier-before-unusual-trivia': {
      trees: [
        '(class{static\u00a0m(){}})',
        '(class{get\u2003m(){}})',
        '(class{set\u3000m(a){}})',
        '(class{async\u00a0*m(){}})',
        '(class{static\ufeffasync\u205f m(){}})',
        '(class{static\u00a0x = 1; static\u00a0#y})',
        'class a{static<!--\ng}',
        'class a{static\n-->x\nget g(){}}',
        'class a{static // x\n<!-- y\n-->z\nset g(a){}}',
      ],
      // Still rejected (acorn blames `m`, binast the TypeScript modifier).
      rejects: ['(class{static\u00a0declare\u00a0m(){}})', '(class{static\u00a0readonly\u00a0x})'],
    },
    'let-label-in-strict-code': {
      errors: [
        '"use strict"; let: 1',
        '"use strict"; let\n: 1',
        '"use strict"; a: let: 1',
        '(function(){"use strict"; let: 1})',
        '() => { "use strict"; let: 1 }',
        'class A { m(){ let: 1 } }',
        'class A extends (function(){ let: 1 }) {}',
      ],
      trees: ['let: 1', 'x = { let: 1 }; let: 1', '(function(){ let: 1; "use strict" })'],
    },
    'decorator-before-export': {
      moduleErrors: [
        '@5 export*from""',
        '@a export {x}; var x',
        '@a export {x} from "m"',
        '@a export * as q from "m"',
        'x; @a /* c */ @b.c() @(d) export {}',
        '#!x\n@a export {}',
        '@a export class A {}',
        '@a export default class {}',
        'export @a class A {}',
        'x = @a class {}',
      ],
      errors: ['@a class A {}', 'class A { @a m(){} }', 'class A { @a static x }', 'class A { @a constructor(){} }'],
      modules: ['export {}; // @a\nexport {}', 'export {}; /* @a */ export {}', 'export default "@a"'],
    },
    'html-open-comment-in-module': {
      modules: ['f\n<!--c', 'f\n<!--c\n<!--d', 'a\n/*\n*/<!--b', 'a // x\n<!--b', 'x = a\n<!-- b', 'a\n  <!--b; !c; ~d', '`\n<!--`'],
      moduleErrors: [';\n<!--x', 'x\n<!--', 'a\n<!--b\n-->c'],
    },
    'false-redeclaration': {
      trees: [
        'function g(){}for(var g in x);',
        '{{function b(){}}var b}',
        '{function y(){}}const y=1',
        'if(a)function a(){} let a',
        'if(a)function a(){} else function a(){} class a {}',
        'function of(){}with(a)var of',
        'try {} catch (e) { var e; for (var e of []); { var e } }',
        'function f(a, a) { var a; function a(){} }',
        '(function f(){ let f })',
        '{ function f(){} function f(){} }',
      ],
      modules: ['import a from "m"; { let a }', '{ function b(){} } export var b'],
      errors: [
        'function g(){} let g',
        'let a; var a',
        '{ var a } let a',
        '{ function a(){} var a }',
        '{ function* a(){} function a(){} }',
        '"use strict"; { function a(){} function a(){} }',
        'try {} catch (e) { let e }',
        'try {} catch ([e]) { var e }',
        'for (let a;;) { var a }',
        'function f(a) { let a }',
        '"use strict"; function f(a, a) {}',
        '(a, a) => 1',
        'x = { m(a, a) {} }',
        'x = { __proto__: 1, "__proto__": 2 }',
        'class A { #x; #x }',
      ],
      moduleErrors: ['function a(){} function a(){}', 'import a from "m"; var a', 'import {a, b as a} from "m"'],
    },
    // oxc takes `async(...` for async arrow parameters (found by 900 s and 300 s fuzz runs).
    'async-call-with-spread-argument': {
      trees: [
        'class C{static{}}async(...b=c)',
        'async(...b = c)',
        'x = async(a, ...[b] = c, ...d = e)',
        'async /* c */ (...b = c); let\nx',
        'async(...b)',
        'async(...b, c, ...d)',
        'async(...b.c)(...d)',
        'async(...\n-->\nb,d)',
        'f(async(...a), async (...b) => c)',
      ],
      modules: ['async(...b = c)', 'await async(...b)'],
      errors: ['async(...b = c) => 1', 'async(...b = c)\n=> 1', '(async(...b = c) => {})', 'async(...b) x'],
      // An error oxc places inside a multi-byte character once crashed the candidate search.
      rejects: ['async(...b, c) => {}', 'a(`${b} + 0 =${c} = ${b + }`)\u03c0c}`)\u03c0'],
    },
    // oxc reads `\c` in a character class as `\` and `c` (found by a 300 s fuzz run).
    'control-escape-in-character-class': {
      trees: ['/[\\cj-\\cm]/', 'x = /[\\cj-\\cm]/u; y = /[\\ca]/g', '/[\\c-]/', '/[\\c1]/'],
      errors: ['/[\\uD834\\uDF0a?.() while6-\\caseuD834\\uDF08a-z]/', 'x = /[6-\\ca]/', '/[\\c1]/u', '/[\\c]/u', '/[\\cj-\\cm]/; /(/'],
    },
    // oxc sums legacy octal digits in floating point; acorn (parseInt) rounds correctly.
    'legacy-octal-rounding': {
      trees: ['0111211212112000011211212112', 'x = [0400000000000000003, 01777777777777777777777, 0' + '7'.repeat(400) + ']'],
    },
    // Redeclarations oxc_semantic does not report (convert/missed_redeclarations.rs).
    'missed-redeclaration': {
      trees: [
        'let e; try {} catch (e) { (function () { var e }) }',
        'if (c) function a() {} async function b() {}',
        'function a() {} var [a, a] = x',
        'try {} catch (e) { var [e, e] = x }',
      ],
      errors: [
        'let e; try {} catch (e) { for (var e of x); }',
        'let e; try {} catch (e) { { var e } }',
        'try {} catch (e) { var [e] = x } let e',
        'class a {} if (c) function a() {} async function a() {}',
        'let a; if (c) ; else function a() {} function* a() {}',
        '{ function a() {} var [a, a] = x }',
        '{ function a() {} var {a, b: [a]} = x }',
      ],
      moduleErrors: ['function a() {} for (var {a, b: [a]} of x);', 'export default function a(){} var [a, a] = 1'],
    },
    // Found by the fuzzer while these were fixed (binast wrong, acorn and V8 right).
    'eval-or-arguments-in-destructuring-default': {
      modules: [
        '({a= eval,} = 1)',
        '[a = eval] = 1',
        '({a: b = arguments} = 1)',
        '({[eval]: a} = 1)',
        '[a = function(){ eval }] = 1',
        '[b = ([a] = eval)] = c',
        'x = class eval {}; [a = eval] = 1',
      ],
      trees: ['"use strict"; [a = eval] = 1', 'function f(){"use strict"; [a = arguments] = 1}', 'for (eval in x);'],
      moduleErrors: ['[eval] = 1', '({a: eval} = 1)', '[(eval)] = 1', '++eval', 'for (eval of x);', 'let eval', 'import eval from "m"'],
      errors: [
        '"use strict"; for (eval in x);',
        '"use strict"; for ((arguments) of x);',
        '"use strict"; ({a: (eval)} = 1)',
        'class A { m(){ [a = eval] = 1; eval = 2 } }',
        '"use strict"; var eval;',
        '(function eval(){"use strict"})',
        'function f(arguments){"use strict"}',
      ],
    },
    'method-modifier-before-field': {
      trees: ['(class {async\nn; static async; get; set; static})', '(class {static [n] = 1; static async *[m](){}})'],
      rejects: ['(class {async n})', '(class {static async n = 1})', 'function a(){(class extends(d){async n})}'],
    },
    'upper-case-exponent-after-legacy-decimal': {
      trees: ['08E2', '09E-1', 'x = [0089E+3, 018e1]', '({08E2: 1})'],
      errors: ['"use strict"; 08E2', '07E2'],
      moduleErrors: ['08E2'],
    },
    'let-identifier-statement': {
      trees: [
        'let+a,b',
        'let = a, b',
        'let instanceof a, b',
        'x; let = function(){ return let + 1 }, b',
        'a = "let + 1", let + a, b',
        'if (a) let + a, b',
        'let // c\n+ a, b',
        'for (let = 1, b;;);',
        'let // c',
        'let// ',
        'let<!--',
        'let /* c */',
        'a\nlet // c',
        '\u00a0let',
        '\ufefflet,1',
        '\u3000let // c',
        'if (a)/* c */let\u00a0++',
        'let\u3000instanceof `x`\n,\nb',
        // A template on the next line makes a tagged template, also in a single-statement position.
        'if (a) let\n`x`',
        'a: let\n`x`\n`y`',
        'while (0) let /* c */\n`${a}`',
        'let;\n`x`',
      ],
      errors: [
        '"use strict"; let + a, b',
        '"use strict"; let // x',
        '"use strict"; if (a) let\n`x`',
        '"use strict"; let => a',
        'let: let: 1',
      ],
    },
  };

  for (const [id, { trees = [], modules = [], errors = [], moduleErrors = [], rejects = [] }] of Object.entries(cases)) {
    describe(id, () => {
      for (const source of trees) it(`tree: ${JSON.stringify(source)}`, () => expectAcornTree(source));
      for (const source of modules) it(`module tree: ${JSON.stringify(source)}`, () => expectAcornTree(source, 'module'));
      for (const source of errors) it(`error: ${JSON.stringify(source)}`, () => expectAcornError(source));
      for (const source of moduleErrors) {
        it(`module error: ${JSON.stringify(source)}`, () => expectAcornError(source, 'module'));
      }
      for (const source of rejects) {
        it(`rejected: ${JSON.stringify(source)}`, () => {
          expect(() => acorn.parse(source, { ecmaVersion: 'latest' })).toThrow(SyntaxError);
          expect(() => encode(source)).toThrow(SyntaxError);
        });
      }
    });
  }

  it("decorators are rejected with acorn's message, wherever oxc parses them", () => {
    for (const [source, sourceType] of [
      ['@5 export*from""', 'module'],
      ['@a class A {}', 'script'],
      ['class A { @a m(){} }', 'script'],
      ['(class { @a() @b.c m(){} })', 'script'],
      ['class A { @a get x(){} }', 'script'],
    ] as const) {
      expectAcornError(source, sourceType, "Unexpected character '@'");
    }
  });

  it('a `let` label that oxc re-parsed is named `let` in the error, not its placeholder', () => {
    expectAcornError('let: let: 1', 'script', "Label 'let' is already declared");
  });
});

// Where binast follows ECMA-262 and acorn does not (checked against V8), near the fixes above.
describe('spec over acorn, near the fixed disagreements', () => {
  it('a labelled function declaration is lexically declared in its block', () => {
    expect(() => encode('{f:function c(){} var c}')).toThrow(/'c' has already been declared/);
    expect(() => acorn.parse('{f:function c(){} var c}', { ecmaVersion: 'latest' })).not.toThrow();
  });

  it('an HTML-like comment after `let` is a comment: `let\\n-->\\nx` declares x', () => {
    const tree = decode(encode('let\n-->\nx'));
    expect(tree.body).toHaveLength(1);
    expect(tree.body[0]).toMatchObject({ type: 'VariableDeclaration', kind: 'let' });
    expect(() => encode('let<!--\n{function a(){}}')).toThrow(SyntaxError);
  });
});
