// Disagreements between binast and acorn found by the encode fuzzer, each with a minimal
// reproducer, what each side does, and how to recognise its class among fuzzed sources
// (test/fuzz/disagreements.md has the write-up). They live in the Rust parser/converter
// (crates/binast/src/lib.rs, convert/**, or oxc itself), not in the code fuzzed here, so the
// fuzz tests count them instead of failing; test/fuzz/fuzz.test.ts checks that every
// reproducer still disagrees, so a fixed one fails that check until it is removed here.

export const KNOWN_DISAGREEMENTS = [
  {
    id: 'html-comment-after-let',
    reason:
      "`let` followed by an HTML-like comment (`let<!--`, or `-->` opening the next line) in a sloppy script: binast skips the comment, as the spec (and V8) do, and reads a declaration when a binding follows it (`let\\n-->\\nx` is `let x`; `let\\n-->\\n[]=1` declares; `let<!--\\n{function a(){}}` is a bad object pattern, rejected). acorn's `let` lookahead skips whitespace and `//`, `/* */` comments but not these, so it reads the identifier `let` there",
    source: 'let\n-->\nx',
    sourceType: 'script',
    acorn: 'accepts: let; x (two expression statements)',
    binast: 'accepts: let x (a declaration)',
    test: (source, sourceType, result) =>
      sourceType === 'script' &&
      /(^|[^\w$.\\])let(\s|\/\*[^]*?\*\/|\/\/[^\n\r\u2028\u2029]*)*(<!--|[\n\r\u2028\u2029](\s|\/\*[^]*?\*\/)*-->)/.test(source),
  },
  {
    id: 'html-comment-after-import',
    reason:
      "`import` at the start of a statement followed by an HTML-like comment (`import<!--`, or `-->` opening the next line) and then `(` in a sloppy script: binast skips the comment, as the spec (and V8) do, and reads a dynamic import; acorn's lookahead for `(` or `.` after `import` skips whitespace and `//`, `/* */` comments but not these, so it reads an import declaration, which a script may not have (or, nested in a statement such as `with (a) import\n-->\n(x)`, which may only stand at the top level)",
    source: 'import\n-->\n("m")',
    sourceType: 'script',
    acorn: "rejects: 'import' and 'export' may appear only with 'sourceType: module' (1:0)",
    binast: 'accepts (import("m"))',
    test: (source, sourceType, result) =>
      sourceType === 'script' &&
      result.kind === 'binast-accepts' &&
      /'import' and 'export' may (appear only with|only appear at the top level)/.test(result.acornOutcome) &&
      /(^|[^\w$.\\])import(\s|\/\*[^]*?\*\/|\/\/[^\n\r\u2028\u2029]*)*(<!--|[\n\r\u2028\u2029](\s|\/\*[^]*?\*\/)*-->)/.test(source),
  },
  {
    id: 'escaped-identifier-after-let-in-statement-position',
    reason:
      "`let` in a single-statement position (an `if` or loop body, a label's body) followed by an identifier that starts with an escape (`if (a) let\\n\\\\u0061`): acorn's `let` lookahead takes a `\\\\` for a declaration even where none may stand and fails; binast reads the identifier statement `let`, then `a` on the next line, as the grammar says (V8 agrees)",
    source: 'if (a) let\n\\u0061',
    sourceType: 'script',
    acorn: 'rejects: Unexpected token (1:7)',
    binast: 'accepts (if (a) let; a)',
    test: (source, sourceType, result) =>
      result.kind === 'binast-accepts' && /(^|[^\w$.\\])let(\s|\/\*[^]*?\*\/|\/\/[^\n\r\u2028\u2029]*)*\\/.test(source),
  },
  {
    id: 'const-without-initializer-before-of',
    reason:
      "a `const` declaration without an initializer followed by the identifier `of` on the next line (`const t\\nof`): acorn skips its missing-initializer check before `in`/`of` (meant for `for (const x of ...)`) outside `for` heads too, and reads `const t; of`; binast rejects it, as the spec (and V8) do",
    source: 'const t\nof',
    sourceType: 'script',
    acorn: 'accepts',
    binast: 'rejects: Missing initializer in const declaration (1:6)',
    test: (source, sourceType, result) =>
      result.kind === 'binast-rejects' && /Missing initializer in const declaration/.test(result.binastOutcome) && /(^|[^\w$.])of(?![\w$])/.test(source),
  },
  {
    id: 'let-function-in-block',
    reason:
      'a function declaration named `let` in a block (`{function*let(){}}`): binast accepts it, as the spec (and V8) do; acorn applies the rule for `let`/`const` declarations to block-level functions',
    source: '{function*let(){}}',
    sourceType: 'script',
    acorn: 'rejects: let is disallowed as a lexically bound name (1:10)',
    binast: 'accepts',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /let is disallowed as a lexically bound name/.test(result.acornOutcome),
  },
  {
    id: 'division-after-function-or-class-expression',
    reason:
      'a `/` after a function or class expression that acorn\'s tokenizer context takes for the end of a statement-level body: an async function expression anywhere (`(async function(){}/1)`), any function or class expression right after `yield` or `await` (`yield class{}/1`). acorn starts a regular expression there; binast divides, as the grammar says (V8 agrees)',
    source: '(async function(){}/1)',
    sourceType: 'script',
    acorn: 'rejects: Unterminated regular expression (1:20)',
    binast: 'accepts (BinaryExpression /)',
    test: (source, sourceType, result) =>
      result.kind === 'binast-accepts' && /(async\s*function|(yield|await)\s*(async\s*)?(function|class))[^]*\}\s*\//.test(source),
  },
  {
    id: 'yield-regex-misread-by-acorn',
    reason:
      "`yield /re/` where acorn's tokenizer has lost track of being in a generator (async generator expressions and methods, class heritages): acorn reads the `/` as division and fails, binast reads a regular expression, as the grammar says",
    source: '(async function*(){yield/r/})',
    sourceType: 'script',
    acorn: 'rejects: Unexpected token (1:24)',
    binast: 'accepts (YieldExpression with a regex literal)',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /yield\s*\//.test(source),
  },
  {
    id: 'comment-hides-use-strict-from-acorn',
    reason:
      "a comment acorn's directive lookahead does not skip (an HTML-like `-->` or `<!--` line, a `#!` line) before a \"use strict\" directive (first or after other directives: `\"\\0\"\n-->\n\"use strict\"`): acorn misses strict mode; binast applies it, as the spec says",
    source: '-->\n"use strict"; 01',
    sourceType: 'script',
    acorn: 'accepts (sloppy: legacy octal 01)',
    binast: "rejects: '0'-prefixed octal literals and octal escape sequences are deprecated (2:14)",
    test: (source, sourceType, result) =>
      result.kind === 'binast-rejects' &&
      /use strict/.test(source) &&
      /(^|[\n\r\u2028\u2029])\s*(-->|<!--)|^#!/.test(source.slice(0, source.indexOf('use strict'))),
  },
  {
    id: 'use-strict-before-update-operator',
    reason:
      'a "use strict" directive followed on the next line by `++` or `--` (`"use strict"\n--x`): a line break before a postfix operator ends the statement (ASI), so the string is a directive; acorn\'s directive lookahead takes the operator for a continuation of the expression and misses strict mode. binast applies it, as the spec (and V8) do',
    source: '"use strict"\n--x; 010',
    sourceType: 'script',
    acorn: 'accepts (sloppy: legacy octal 010)',
    binast: "rejects: '0'-prefixed octal literals and octal escape sequences are deprecated (2:5)",
    test: (source, sourceType, result) =>
      result.kind === 'binast-rejects' && /(["'])use strict\1(\s|\/\*[^]*?\*\/|\/\/[^\n\r\u2028\u2029]*)*(\+\+|--)/.test(source),
  },
  {
    id: 'regex-after-of',
    reason:
      "a `/` after the identifier `of` on its own line: acorn's tokenizer takes `of` for the contextual keyword and starts a regular expression; binast divides, as the grammar says (and rejects what is then invalid, as in `{} instance of\\n/foo/`, which acorn accepts)",
    source: 'x\nof/e/g',
    sourceType: 'script',
    acorn: 'rejects: Unexpected token (2:2)',
    binast: 'accepts (x; of / e / g)',
    // Comments may stand between (`of<!--\n/e/g`, found by the fuzzer after the oxc 0.157 upgrade; binast divides there too).
    test: (source, sourceType, result) =>
      /(^|[^\w$.])of(\s|\/\*[^]*?\*\/|(\/\/|<!--)[^\n\r\u2028\u2029]*)*\/(?![/*])/.test(source),
  },
  {
    id: 'regex-after-keyword-after-optional-chaining',
    reason:
      "a `/` after a keyword used as a property name after `?.` (`n?.in/o`, `n?.typeof/o`): acorn's tokenizer reads names after `.` as property names but not after `?.`, takes the keyword for an operator and starts a regular expression; binast divides, as the grammar says (V8 agrees). Where a line break comes before the `/` both may accept with different trees (`a?.new\n/e/g`: acorn ends the statement and reads a regular expression)",
    source: 'n?.in/o',
    sourceType: 'script',
    acorn: 'rejects: Unterminated regular expression (1:6)',
    binast: 'accepts (n?.in / o)',
    test: (source, sourceType, result) => (result.kind === 'binast-accepts' || result.kind === 'tree') && /\?\.\s*[a-z]+\s*\//.test(source),
  },
  {
    id: 'regex-starting-with-equals',
    reason:
      "a regular expression starting with `=` where acorn's tokenizer has not yet decided that one may start: after `await` (`await /=x/`, top level of a module or an async function), after a block that follows a line ended by ASI (`r\\n{}/=/`), at the start of a line that ASI ends the previous statement before (`var a\\n/=/`). acorn reads `/=` as an operator; binast reads the regular expression, as the grammar says (V8 agrees)",
    source: 'await/=/',
    sourceType: 'module',
    acorn: 'rejects: Unexpected token (1:5)',
    binast: 'accepts (AwaitExpression of /=/)',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /(await|\})\s*\/=|[\n\r\u2028\u2029]\s*\/=/.test(source),
  },
  {
    id: 'arguments-in-arrow-in-static-block',
    reason:
      '`arguments` inside an arrow function inside a class static block: binast rejects it, as the spec does (ContainsArguments looks into arrow functions); acorn only checks the block itself',
    source: '(class{static{()=>arguments}})',
    sourceType: 'script',
    acorn: 'accepts',
    binast: "rejects: 'arguments' is not allowed in static initialization block (1:18)",
    test: (source, sourceType, result) =>
      result.kind === 'binast-rejects' && /'arguments' is not allowed in static initialization block/.test(result.binastOutcome),
  },
  {
    id: 'rest-not-last-in-object-pattern',
    reason:
      'an object assignment pattern with a rest element followed by a property with a nested pattern and default (`({...a, b: [] = d} = f)`): acorn misses that the rest element is not last; binast rejects it, as the spec (and V8) do',
    source: '({...a,b:[]=d}=f)',
    sourceType: 'script',
    acorn: 'accepts',
    binast: 'rejects: Spread must be last element (1:2)',
    test: (source, sourceType, result) => result.kind === 'binast-rejects' && /Spread must be last element/.test(result.binastOutcome),
  },
  {
    id: 'shorthand-initializer-before-arrow-value',
    reason:
      "an object literal (not a pattern) with a shorthand property initializer followed by a property whose value is an arrow function (`x = {a=b, c: () => 1}`): acorn's arrow parsing drops the pending \"shorthand property assignments are valid only in destructuring patterns\" error and accepts it (the same object without the arrow, or with the arrow first, it rejects); binast rejects it, as the spec (and V8) do",
    source: 'x = {a=b, c: () => 1}',
    sourceType: 'script',
    acorn: 'accepts',
    binast: 'rejects: Invalid assignment in object literal (1:5)',
    test: (source, sourceType, result) =>
      result.kind === 'binast-rejects' && /Invalid assignment in object literal/.test(result.binastOutcome) && /=>/.test(source),
  },
  {
    id: 'duplicate-functions-in-static-block',
    reason:
      'two function declarations of one name directly in a class static block: binast accepts them, as the spec (they are var-scoped there, as in a function body) and V8 do; acorn reports a redeclaration',
    source: '(class{static{function f(){} function f(){}}})',
    sourceType: 'script',
    acorn: "rejects: Identifier 'f' has already been declared (1:38)",
    binast: 'accepts',
    test: (source, sourceType, result) => result.kind === 'binast-accepts' && /has already been declared/.test(result.acornOutcome) && /static\s*\{/.test(source),
  },
  {
    id: 'labelled-function-redeclaration',
    reason:
      'a labelled function declaration and another declaration of its name in one block (`{f: function c(){} var c}`): binast rejects it, as the spec (a labelled function is lexically declared in its block) and V8 do; acorn does not declare labelled functions at all',
    source: '{f:function c(){} var c}',
    sourceType: 'script',
    acorn: 'accepts',
    binast: "rejects: Identifier 'c' has already been declared (1:22)",
    test: (source, sourceType, result) =>
      result.kind === 'binast-rejects' && /has already been declared/.test(result.binastOutcome) && /[\w$]\s*:\s*(async\s+)?function/.test(source),
  },
];

// JSX (encode's `jsx` option): disagreements with acorn-jsx 5.3.2 found by the JSX fuzzer
// (test/fuzz/jsx.mjs), each with a minimal reproducer. V8 reads no JSX, so the JSX spec
// (facebook.github.io/jsx) is the reference each entry names. acorn-jsx is acorn extended, so
// acorn's own disagreements (above) hold for it too: the JSX fuzzer knows both lists
// (JSX_FUZZ_KNOWN).
export const KNOWN_JSX_DISAGREEMENTS = [
  {
    id: 'jsx-element-as-member-object',
    reason:
      'a JSX element followed by `.`, `[`, `(`, `?.` or a template (on the same line or, for `(`, `[` and a template, a later one) is the object of a member access, call or tagged template for acorn-jsx, as the JSX spec says (JSXElement is a PrimaryExpression). oxc, like TypeScript, reads JSX as a unary expression that takes no suffix; binast then parses the element on its own (as a module) and puts its tree in place (`quirks`: jsx-element-suffix), which covers `<a/>.props` and the like. It gives up, and rejects, where that separate parse could mean something else than the element in its place: an element that contains `await` or `arguments`, or sloppy-only syntax (`with`, legacy octal literals) in a script, a comment between the element and the suffix, or an element with more than 48 tags before the suffix',
    source: 'async function f() { return <a>{await b}</a>.c }',
    sourceType: 'script',
    acorn: 'accepts: MemberExpression with a JSXElement object',
    binast: 'rejects: Expected a semicolon or an implicit semicolon after a statement, but found none (1:44)',
    test: (source, sourceType, result) =>
      result.kind === 'binast-rejects' && /(\/>|<\/[^<>]*>)\s*(\.|\[|\(|\?\.|`)/.test(source),
  },
  {
    id: 'jsx-after-two-blocks',
    reason:
      "a JSX element starting a statement right after two block statements (`{}{}<a/>`, `{x}\\n{y}\\n<a/>`): acorn-jsx's token context after the second block's `}` does not allow an expression, so it reads `<` as less-than and fails; binast reads the element, as the grammar says (after one block, `{}<a/>`, acorn-jsx reads it too)",
    source: '{}{}<a/>',
    sourceType: 'script',
    acorn: 'rejects: Unexpected token (1:4)',
    binast: 'accepts: two blocks and a JSX element statement',
    test: (source, sourceType, result) =>
      result.kind === 'binast-accepts' && /Unexpected token/.test(result.acornOutcome) && /\}\s*<[\w$>]/.test(source),
  },
];

/** What the JSX fuzzer knows: the JSX classes and acorn's own. */
export const JSX_FUZZ_KNOWN = [...KNOWN_JSX_DISAGREEMENTS, ...KNOWN_DISAGREEMENTS];
