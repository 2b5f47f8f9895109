// Disagreements between binast and acorn found by the encode fuzzer, each with a minimal
// reproducer, what each side does, and how to recognise its class among fuzzed sources
// (test/fuzz/disagreements.md has the write-up). They live in the Rust parser/converter
// (crates/binast/src/lib.rs, convert/**, or oxc itself), not in the code fuzzed here, so the
// fuzz tests count them instead of failing; test/fuzz/fuzz.test.ts checks that every
// reproducer still disagrees, so a fixed one fails that check until it is removed here.

const PLACEHOLDERS = /[\u3131\u3134\u3137\u3139]/;

export const KNOWN_DISAGREEMENTS = [
  {
    id: 'let-placeholder-leaks',
    reason:
      "`let` as a label or an arrow parameter (`let: x`, `let => b`) in sloppy scripts: the re-parse that replaces a misparsed `let` keeps the placeholder identifier (U+3131) in the tree",
    source: 'let: x',
    sourceType: 'script',
    acorn: 'LabeledStatement, label.name "let"',
    binast: 'LabeledStatement, label.name "\u3131"',
    test: (source, sourceType, result) => result.kind === 'tree' && PLACEHOLDERS.test(result.binastOutcome),
  },
  {
    id: 'let-before-comment',
    reason:
      '`let` directly followed by a comment (`//`, `<!--`, or a `-->` line): binast rejects it or splits `let` from the next line, where acorn reads `let` as an identifier, or as a declaration continued on the next line',
    source: 'let // c',
    sourceType: 'script',
    acorn: 'accepts: ExpressionStatement `let` (and `let\\n-->\\nx` as `let x`)',
    binast: 'rejects: Unexpected token (1:8)',
    test: (source, sourceType, result) =>
      sourceType === 'script' &&
      (result.kind === 'binast-rejects' || result.kind === 'tree') &&
      /(^|[^\w$.\\])let\s*(\/\/|\/\*|<!--|[\n\r\u2028\u2029]\s*-->)/.test(source),
  },
  {
    id: 'let-label-in-strict-code',
    reason: '`let:` as a label in strict code is accepted (acorn: "The keyword \'let\' is reserved")',
    source: '"use strict"; let: 1',
    sourceType: 'script',
    acorn: "rejects: The keyword 'let' is reserved (1:14)",
    binast: 'accepts',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /The keyword 'let' is reserved/.test(result.acornOutcome),
  },
  {
    id: 'let-function-in-block',
    reason: 'a function declaration named `let` in a block (`{function*let(){}}`) is accepted; acorn: lexically bound names cannot be `let`',
    source: '{function*let(){}}',
    sourceType: 'script',
    acorn: 'rejects: let is disallowed as a lexically bound name (1:10)',
    binast: 'accepts',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /let is disallowed as a lexically bound name/.test(result.acornOutcome),
  },
  {
    id: 'division-after-async-function-expression',
    reason:
      'a `/` after an async function expression: acorn starts a regular expression there (its tokenizer context), binast divides, as the grammar says',
    source: '(async function(){}/1)',
    sourceType: 'script',
    acorn: 'rejects: Unterminated regular expression (1:20)',
    binast: 'accepts (BinaryExpression /)',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /async\s*function[^]*\}\s*\//.test(source),
  },
  {
    id: 'yield-regex-in-class-heritage',
    reason:
      '`yield /re/` inside a class heritage in a generator (`class extends (yield /1/) {}`): acorn tokenizes the `/` as division and fails, binast reads a regular expression, as the grammar says',
    source: 'function*a(){(class extends(yield/1/){})}',
    sourceType: 'script',
    acorn: 'rejects: Unexpected token (1:33)',
    binast: 'accepts',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /yield\s*\//.test(source) && /\bextends\b/.test(source),
  },
  {
    id: 'html-close-comment-hides-use-strict',
    reason:
      'a `-->` comment line before a "use strict" directive: acorn\'s directive lookahead does not skip it and misses strict mode; binast applies strict mode, as the spec says',
    source: '-->\n"use strict"; 01',
    sourceType: 'script',
    acorn: 'accepts (sloppy: legacy octal 01)',
    binast: "rejects: '0'-prefixed octal literals and octal escape sequences are deprecated (2:14)",
    test: (source, sourceType, result) => result.kind === 'binast-rejects' && /^\s*-->/.test(source) && /use strict/.test(source),
  },
  {
    id: 'html-open-comment-in-module',
    reason:
      '`<!--` in a module: acorn reads the operators `<`, `!`, `--` (HTML comments are script-only), binast refuses it as an HTML comment',
    source: 'f\n<!--c',
    sourceType: 'module',
    acorn: 'accepts: f < !--c',
    binast: 'rejects: HTML comments are not allowed in modules (2:0)',
    test: (source, sourceType, result) => result.kind === 'binast-rejects' && /HTML comments are not allowed in modules/.test(result.binastOutcome),
  },
  {
    id: 'getter-rest-parameter',
    reason: 'a getter with a rest parameter is accepted (acorn, and the spec: a getter has no parameters)',
    source: 'a = {get b(...c){}}',
    sourceType: 'script',
    acorn: 'rejects: getter should have no params (1:10)',
    binast: 'accepts',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /getter should have no params/.test(result.acornOutcome),
  },
  {
    id: 'typescript-class-modifiers',
    reason: 'TypeScript-only modifiers before a class method (`const constructor(){}`, `default s(){}`) are accepted and dropped',
    source: '(class{default s(){}})',
    sourceType: 'script',
    acorn: 'rejects: Unexpected token (1:15)',
    binast: 'accepts',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /\b(const|default)\s+[\w$#]+\s*\(/.test(source),
  },
  {
    id: 'decorator-before-export',
    reason: 'a decorator before a non-class `export` (`@5 export * from ""`) is accepted and dropped',
    source: '@5 export*from""',
    sourceType: 'module',
    acorn: "rejects: Unexpected character '@' (1:0)",
    binast: 'accepts',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /Unexpected character '@'/.test(result.acornOutcome),
  },
  {
    id: 'parenthesized-nullish-mix',
    reason: '`a ?? (b) || c`: a parenthesized operand hides the ??/|| mixing error',
    source: 'a??(b)||c',
    sourceType: 'script',
    acorn: 'rejects: Logical expressions and coalesce expressions cannot be mixed. Wrap either by parentheses (1:6)',
    binast: 'accepts',
    test: (source, sourceType, result) =>
      result.kind === 'binast-accepts' && /Logical expressions and coalesce expressions cannot be mixed/.test(result.acornOutcome),
  },
  {
    id: 'false-redeclaration',
    reason:
      'redeclarations reported where acorn sees none: mostly sloppy-mode function declarations that may share a name (`function g(){} for (var g in x);`, `{{function b(){}} var b}`, `{function y(){}} const y = 1`, `if (a) function a(){} let a`); one case where binast follows the spec and acorn does not (`{f: function c(){} var c}`: a labelled function is lexically declared in its block)',
    source: 'function g(){}for(var g in x);',
    sourceType: 'script',
    acorn: 'accepts',
    binast: 'rejects: Identifier `g` has already been declared (1:22)',
    test: (source, sourceType, result) => result.kind === 'binast-rejects' && /has already been declared/.test(result.binastOutcome),
  },
  {
    id: 'legacy-octal-rounding',
    reason:
      "legacy octal literals above 2^53: acorn accumulates digits in floating point and is off by an ulp; binast's value is correctly rounded",
    source: '0111211212112000011211212112',
    sourceType: 'script',
    acorn: 'value 3.4599884380917226e+23',
    binast: 'value 3.459988438091723e+23',
    test: (source, sourceType, result) => result.kind === 'tree' && /\.value: [\d.e+-]+ vs [\d.e+-]+$/.test(result.binastOutcome) && /(^|[^\w.])0[0-7]{17,}/.test(source),
  },
];
