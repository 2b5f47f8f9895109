//! Native behaviour of `binast::encode`: what it accepts, what it rejects and where, and the
//! shape of its output header. Tree fidelity against acorn is checked end to end in `test/`.

use binast::writer::{FLAG_COMMENTS, FLAG_JSX, FLAG_MODULE, HEADER_LEN, MAGIC};
use binast::{EncodeError, EncodeOptions, encode};

const SCRIPT: EncodeOptions = EncodeOptions {
    module: false,
    comments: true,
    allow_return_outside_function: false,
    allow_hash_bang: true,
    jsx: false,
    jsx_no_namespaces: false,
    transient: false,
    transient_lines: false,
};
const MODULE: EncodeOptions = EncodeOptions { module: true, ..SCRIPT };

fn ok(source: &str, options: &EncodeOptions) -> Vec<u8> {
    match encode(source, options) {
        Ok(bytes) => bytes,
        Err(error) => panic!("expected {source:?} to encode, got {error}"),
    }
}

/// The error position (UTF-16) of a source that must be rejected.
fn err(source: &str, options: &EncodeOptions) -> u32 {
    match encode(source, options) {
        Ok(_) => panic!("expected {source:?} to be rejected"),
        Err(EncodeError::Syntax { pos_utf16, message }) => {
            assert!(!message.is_empty(), "{source:?}: empty message");
            pos_utf16
        }
    }
}

/// Every construct the converter handles, so each match arm runs at least once natively.
const KITCHEN_SINK_SCRIPT: &str = r#"#!/usr/bin/env node
"use asm"; 'another directive';
// line comment
/* block
   comment */
var a = 1, b = 2.5, c = 0x1F, d = 1_000, e = 1e3, f = 10n, g = /re[g]+/giu, h = "str", i = 'str', j = "esc\n";
let k = null, l = true, m = false, n = `tpl ${a} and ${b}`, o = tag`raw\u{41}${a}`;
const { p, q: [r, , s = 1, ...t], ...u } = {};
[a, b = 2, ...c] = [1, , 3];
({ a, b: { c }, d = 1, ...e } = {});
for (const x of []) {} for (var y in {}) {} for (let z = 0; z < 1; z++) continue;
for (a.b of []); for ([a] of []); for ({ a } in {});
label: while (false) { break label; }
do ; while (false)
if (a) b; else if (c) d; else { e }
switch (a) { case 1: b; default: c }
try { throw new Error("x") } catch ({ message }) {} finally {}
try {} catch {}
with (a) b;
debugger;
function fn(a, b = 1, { c }, [d], ...rest) { return a, b; } function strict(a) { "use strict"; }
function* gen() { yield; yield* gen(); }
async function af() { await 1; for await (const x of []); }
const arrows = [() => 1, async x => x, (a, b) => { return a + b }, async (...args) => {}];
class A extends Object {
  static #p = 1; q; 'r' = 2; [Symbol.iterator]() {} static { this.x = 1 }
  constructor() { super(); new.target; super.x; }
  get g() { return this.#p } set g(v) {} static async *m() {} #priv() { return #p in this }
}
const C = class {};
a?.b?.[c]?.(d); (a?.b).c; a ?? b; a ||= b; a &&= c; a ??= d; a **= 2; a >>>= 1;
typeof a; void 0; delete a.b; !a; ~a; -a; +a; ++a; a--;
a instanceof b; "x" in a; a ? b : c; (a, b, c);
x = { a, b: 1, [c]: 2, d() {}, get e() { return 1 }, set e(v) {}, async *f() {}, ...g, "h": 1, 1: 2 };
x = [1, , ...a, ,];
new A; new A(1, ...b); import("m"); import("m", { with: {} });
"#;

const KITCHEN_SINK_MODULE: &str = r#"
import def, { a as b, "str" as c, default as d } from "m" with { type: "json" };
import * as ns from "m";
import "side-effect";
export { b, c as e, def as "string name" };
export * from "m"; export * as all from "m";
export { x as y } from "m" with { type: "json" };
export const k = 1; export function f() {} export class K {}
export default function () {}
await import.meta.resolve("x");
using_ = 1;
"#;

#[test]
fn encodes_kitchen_sinks() {
    let script = ok(KITCHEN_SINK_SCRIPT, &SCRIPT);
    assert_eq!(script[..4], MAGIC);
    assert_eq!(script[5] & FLAG_MODULE, 0);
    assert_ne!(script[5] & FLAG_COMMENTS, 0);
    assert!(script.len() > HEADER_LEN);

    let module = ok(KITCHEN_SINK_MODULE, &MODULE);
    assert_eq!(module[..4], MAGIC);
    assert_ne!(module[5] & FLAG_MODULE, 0);
}

#[test]
fn header_and_flags() {
    let bytes = ok("a", &EncodeOptions::default());
    assert_eq!(bytes[..4], MAGIC);
    assert_eq!(bytes[4], binast::FORMAT_VERSION);
    assert_eq!(bytes[5], 0);
    assert_eq!(u32::from_le_bytes(bytes[8..12].try_into().unwrap()), binast::SCHEMA_HASH);
    assert_eq!(ok("", &EncodeOptions::default())[..4], MAGIC);
}

#[test]
fn deterministic() {
    for (source, options) in [(KITCHEN_SINK_SCRIPT, &SCRIPT), (KITCHEN_SINK_MODULE, &MODULE)] {
        assert_eq!(ok(source, options), ok(source, options));
    }
}

/// Section lengths (header offsets 12, 16, ... in the schema's order: strings, nodes, refs,
/// lines, comments, bodies, modules).
fn section_lengths(bytes: &[u8]) -> Vec<usize> {
    (12..40).step_by(4).map(|at| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize).collect()
}

#[test]
fn transient_binaries_keep_the_tree_and_drop_the_rest() {
    // A large function body (a skip entry), an import (module records), several lines.
    let body = "x = x + 1;\n".repeat(200);
    let source = format!("import a from 'a';\nfunction f(x) {{\n{body}}}\n/* c */ f(a);\n");
    let stored = ok(&source, &MODULE);
    let transient = ok(&source, &EncodeOptions { transient: true, ..MODULE });
    let with_lines = ok(&source, &EncodeOptions { transient: true, transient_lines: true, ..MODULE });
    let (s, t, l) = (section_lengths(&stored), section_lengths(&transient), section_lengths(&with_lines));
    assert!(s[3] > 0 && s[5] > 0 && s[6] > 0, "the stored binary has lines, bodies and modules: {s:?}");
    assert_eq!(t, [s[0], s[1], s[2], 0, s[4], 0, 0]);
    assert_eq!(l, [s[0], s[1], s[2], s[3], s[4], 0, 0]);
    // The tree's sections are the stored binary's, byte for byte; the trailer is zero.
    let tree =
        |bytes: &[u8], lengths: &[usize]| bytes[HEADER_LEN..HEADER_LEN + lengths[..3].iter().sum::<usize>()].to_vec();
    assert_eq!(tree(&transient, &t), tree(&stored, &s));
    assert_eq!(transient[transient.len() - 4..], [0, 0, 0, 0]);
    assert_ne!(stored[stored.len() - 4..], [0, 0, 0, 0]);
}

#[test]
fn comments_only_when_asked() {
    let with = ok("/* a */ b // c", &SCRIPT);
    let without = ok("/* a */ b // c", &EncodeOptions { comments: false, ..SCRIPT });
    assert!(with.len() > without.len());
    assert_eq!(without[5] & FLAG_COMMENTS, 0);
}

#[test]
fn syntax_errors_have_utf16_positions() {
    assert_eq!(err("a +", &SCRIPT), 3);
    // `é` is 2 UTF-8 bytes but 1 UTF-16 unit; `😀` is 4 bytes and 2 units.
    assert_eq!(err("'é😀' +", &SCRIPT), 7);
    assert_eq!(err("let x = 1; )", &SCRIPT), 11);
}

#[test]
fn early_errors_from_semantic_analysis() {
    err("let a; let a;", &SCRIPT);
    err("const a = 1; var a;", &SCRIPT);
    err("export { undefinedName };", &MODULE);
    err("label: label: ;", &SCRIPT);
    err("'use strict'; with (a) b;", &SCRIPT);
    err("class A { constructor() {} constructor() {} }", &SCRIPT);
    err("function f() { break; }", &SCRIPT);
}

/// The early errors `early_errors` checks in one walk (issue 12: oxc_semantic's rules, without
/// oxc_semantic).
#[test]
fn early_errors_of_the_lean_check() {
    // Private names: declared in an enclosing class, once (a getter and a setter may share one).
    assert_eq!(err("class A { m() { this.#x } }", &SCRIPT), 21);
    assert_eq!(err("this.#x", &SCRIPT), 5);
    assert_eq!(err("class A { #x; #x }", &SCRIPT), 14);
    err("class A { static get #x(){} set #x(v){} }", &SCRIPT);
    err("class A extends (class { #y }) { m() { #x in this } }", &SCRIPT);
    ok("class A { get #x(){} set #x(v){} m() { return #x in this } }", &SCRIPT);
    ok("class A { #x; m() { class B { n() { this.#x } } } }", &SCRIPT);
    err("class A { #x; m() { delete this.#x } }", &SCRIPT);
    // `super`.
    err("super.x", &SCRIPT);
    err("class A { constructor() { super() } }", &SCRIPT);
    err("class A extends B { m() { super() } }", &SCRIPT);
    err("x = { m() { super() } }", &SCRIPT);
    err("function f() { super.x }", &SCRIPT);
    ok("x = { m() { super.x }, get y() { return () => super.y } }", &SCRIPT);
    ok("class A extends B { constructor() { (() => super())() } x = super.y; static { super.z } }", &SCRIPT);
    ok("class A { m() { class B extends super.x {} } }", &SCRIPT);
    // Exported names are declared at the top level.
    assert_eq!(err("export { x }", &MODULE), 9);
    err("export { x }; { let x }", &MODULE);
    ok("export { x as default, y }; { var x } function y() {}", &MODULE);
    ok("import { a } from 'm'; export { a }", &MODULE);
    // Labels, `break` and `continue`.
    ok("l: while (1) { continue l } x: { break x } while (1) { switch (1) { case 1: break } }", &SCRIPT);
    err("l: { continue l }", &SCRIPT);
    err("while (1) { function f() { break } }", &SCRIPT);
    err("l: while (1) { () => { break l } }", &SCRIPT);
    err("continue", &SCRIPT);
    err("switch (1) { case 1: continue }", &SCRIPT);
    // Strict code.
    assert_eq!(err("'use strict'; delete x", &SCRIPT), 21);
    assert_eq!(err("'use strict'; 010", &SCRIPT), 14);
    assert_eq!(err("function f() { 'use strict'; '\\08' }", &SCRIPT), 29);
    assert_eq!(err("function f(a = 1) { 'use strict' }", &SCRIPT), 20);
    assert_eq!(err("'use strict'; var static", &SCRIPT), 18);
    err("function static() { 'use strict' }", &SCRIPT);
    ok("function static() {} 010; '\\08'", &SCRIPT);
    // `arguments` in class fields and static blocks, also through arrow functions.
    assert_eq!(err("class A { x = arguments }", &SCRIPT), 14);
    err("class A { x = () => arguments }", &SCRIPT);
    err("class A { static { arguments } }", &SCRIPT);
    ok("class A { x = function () { arguments } }", &SCRIPT);
    // Declarations in statement positions, `for` heads, `using`, `let`.
    ok("if (a) function f(){} l: function g(){}", &SCRIPT);
    err("'use strict'; if (a) function f(){}", &SCRIPT);
    err("while (a) function f(){}", &SCRIPT);
    err("if (a) l: function f(){}", &SCRIPT);
    ok("for (var a = 1 in b);", &SCRIPT);
    err("'use strict'; for (var a = 1 in b);", &SCRIPT);
    err("for (var a = 1 of b);", &SCRIPT);
    err("using x = y", &SCRIPT);
    ok("{ using x = y }", &SCRIPT);
    err("let [let] = a", &SCRIPT);
    ok("var let = 1", &SCRIPT);
    // Two `__proto__: value` properties (not in a pattern, not shorthand).
    err("x = { __proto__: 1, '__proto__': 2 }", &SCRIPT);
    ok("x = { __proto__: 1, __proto__, ['__proto__']: 2 }; ({ __proto__: a, __proto__: b } = x)", &SCRIPT);
}

/// The message and position (UTF-16) of a source that must be rejected.
fn refusal(source: &str, options: &EncodeOptions) -> (String, u32) {
    match encode(source, options) {
        Ok(_) => panic!("expected {source:?} to be rejected"),
        Err(EncodeError::Syntax { message, pos_utf16 }) => (message, pos_utf16),
    }
}

/// Early errors win over syntax binast rejects, also inside what it rejects: the conversion
/// writes a rejected node on so that the checks it drives see every node (issue 12).
#[test]
fn early_errors_win_over_rejections_around_them() {
    let redeclared = |name: &str, at: u32| (format!("Identifier '{name}' has already been declared"), at);
    let jsx = EncodeOptions { jsx: true, ..SCRIPT };
    assert_eq!(refusal("@dec class A { m() { let q; let q } }", &MODULE), redeclared("q", 32));
    assert_eq!(refusal("class A { @dec m() { let q; let q } }", &SCRIPT), redeclared("q", 32));
    assert_eq!(refusal("import.source(x); let a; let a;", &MODULE), redeclared("a", 29));
    assert_eq!(refusal("import source x from 'm'; let x;", &MODULE), redeclared("x", 30));
    assert_eq!(refusal("x = <a>{...(() => { let x; let x })}</a>", &jsx), redeclared("x", 31));
    let private = "Private field '#z' must be declared in an enclosing class".to_owned();
    assert_eq!(refusal("class A { accessor x = 1; #y; m(){ this.#z } }", &SCRIPT), (private, 40));
    // Without an early error, the rejection stands.
    assert_eq!(refusal("@dec class A { m() { let q } }", &MODULE), ("Unexpected character '@'".to_owned(), 0));
    assert_eq!(refusal("class A { accessor x = 1 }", &SCRIPT), ("`accessor` fields are not supported".to_owned(), 10));
}

#[test]
fn return_outside_function_is_an_option() {
    err("return 1", &SCRIPT);
    ok("return 1", &EncodeOptions { allow_return_outside_function: true, ..SCRIPT });
}

#[test]
fn hashbang_is_an_option() {
    ok("#!/usr/bin/env node\n1", &SCRIPT);
    assert_eq!(err("#!/usr/bin/env node\n1", &EncodeOptions { allow_hash_bang: false, ..SCRIPT }), 1);
}

#[test]
fn module_only_syntax_needs_module() {
    err("import a from 'b'", &SCRIPT);
    err("export const a = 1", &SCRIPT);
    err("import.meta", &SCRIPT);
    ok("await 1", &MODULE);
}

/// Syntax oxc parses but acorn rejects must never produce a tree.
#[test]
fn rejects_what_acorn_rejects() {
    // Decorators (position of the `@`).
    assert_eq!(err("@dec class A {}", &SCRIPT), 0);
    assert_eq!(err("class A { @dec m() {} }", &SCRIPT), 10);
    assert_eq!(err("class A { @dec constructor() {} }", &SCRIPT), 10);
    assert_eq!(err("class A { @dec x = 1 }", &SCRIPT), 10);
    err("class A { m(@dec a) {} }", &SCRIPT);
    err("export @dec class A {}", &MODULE);
    // Decorators before an `export` that oxc drops (not of a class).
    assert_eq!(err("@5 export*from\"\"", &MODULE), 0);
    assert_eq!(err("x; /* @ */ @a @b.c() export { x }", &MODULE), 11);
    assert_eq!(err("@a export { x } from 'm'", &MODULE), 0);
    assert_eq!(err("#!x\n@a export {}", &MODULE), 4);
    assert_eq!(err("@a export class A {}", &MODULE), 0);
    ok("export {}; // @a\nexport {}", &MODULE);
    // `accessor` fields.
    assert_eq!(err("class A { accessor x = 1 }", &SCRIPT), 10);
    // Import phases.
    err("import defer * as ns from 'm'", &MODULE);
    err("import source s from 'm'", &MODULE);
    err("import.source('m')", &MODULE);
    err("import.defer('m')", &MODULE);
    // Import assertions (the old `assert` keyword).
    err("import a from 'm' assert { type: 'json' }", &MODULE);
    err("export * from 'm' assert { type: 'json' }", &MODULE);
    // JSX and TypeScript.
    err("<div />", &SCRIPT);
    err("let a: number = 1", &SCRIPT);
    err("function f<T>(a: T): T {}", &SCRIPT);
    err("a!.b", &SCRIPT);
    err("a as any", &SCRIPT);
    err("enum E {}", &SCRIPT);
    err("interface I {}", &MODULE);
    err("type T = 1", &MODULE);
    // V8 intrinsics.
    err("%DebugPrint(a)", &SCRIPT);
    // HTML comments are script-only.
    ok("<!-- comment\n-->also\n1", &SCRIPT);
}

#[test]
fn accepts_recent_syntax() {
    ok("using x = f();", &MODULE);
    ok("async function f() { await using x = g(); }", &SCRIPT);
    ok("/(?i:a)b/", &SCRIPT);
    ok("/[\\p{L}--\\p{N}]/v", &SCRIPT);
    ok("class A { static { } #x; has(o) { return #x in o } }", &SCRIPT);
    ok("a ??= b; a?.[0]?.(1)", &SCRIPT);
}

#[test]
fn lone_surrogates_and_odd_templates() {
    ok(r#"'\uD800'; "\uDC00x"; `\uD800`"#, &SCRIPT);
    ok("tag`\\unicode and \\u{55}`", &SCRIPT);
    ok("tag`\\xg\r\nline`", &SCRIPT);
}

/// Statement-level `let` identifiers oxc misparses as declarations (acorn reads them as
/// identifiers in sloppy scripts, and rejects them in strict code and modules).
#[test]
fn let_as_an_identifier() {
    for source in
        ["let", "let\n", "let++", "let\n++x", "{ let }", "let, a", "let ? a : b", "let`x`", "if (a) let\nelse let"]
    {
        ok(source, &SCRIPT);
    }
    assert_eq!(err("'use strict'; let", &SCRIPT), 14);
    assert_eq!(err("class A { m() { let } }", &SCRIPT), 16);
    err("let", &MODULE);
    err("let 1", &SCRIPT);
    err("let\nlet", &SCRIPT);
    // A placeholder never leaks: the source may contain the placeholder letters themselves.
    ok("var \u{3131} = 1; let", &SCRIPT);
    // `let` before a comment, after non-ASCII whitespace, before an operator and a comma.
    for source in [
        "let // c",
        "let<!--",
        "let /* c */",
        "\u{a0}let",
        "\u{feff}let,1",
        "let+a,b",
        "let = a, b",
        "x; let = function(){ return let + 1 }, b",
        "a = 'let + 1', let + a, b",
        "if (a) let + a, b",
        "let\u{3000}instanceof `x`\n,\nb",
        "if (a) let\u{a0}++",
        "if (a) let\n`x`",
    ] {
        ok(source, &SCRIPT);
    }
    assert_eq!(err("'use strict'; let + a, b", &SCRIPT), 14);
    assert_eq!(err("'use strict'; if (a) let\n`x`", &SCRIPT), 21);
    assert_eq!(err("'use strict'; let => a", &SCRIPT), 14);
    // A `let` label is reserved in strict code.
    assert_eq!(err("'use strict'; let: 1", &SCRIPT), 14);
    assert_eq!(err("'use strict'; a: let\n: 1", &SCRIPT), 17);
    assert_eq!(err("class A { m() { let: 1 } }", &SCRIPT), 16);
    ok("let: 1", &SCRIPT);
    // Messages name `let`, not the placeholder.
    match encode("let: let: 1", &SCRIPT) {
        Err(EncodeError::Syntax { message, pos_utf16: 5 }) => {
            assert_eq!(message, "Label `let` has already been declared");
        }
        other => panic!("{other:?}"),
    }
}

/// Class member modifiers before whitespace that is not ASCII, or an HTML-like comment.
#[test]
fn member_modifiers_before_unusual_trivia() {
    for source in [
        "(class{static\u{a0}m(){}})",
        "(class{get\u{2003}m(){}})",
        "(class{async\u{3000}*m(){}})",
        "class a{static<!--\ng}",
        "class a{static\n-->x\nset g(a){}}",
    ] {
        ok(source, &SCRIPT);
    }
    err("(class{static\u{a0}declare\u{a0}m(){}})", &SCRIPT);
    // Method modifiers before a field (oxc drops them).
    assert_eq!(err("(class {async n})", &SCRIPT), 8);
    assert_eq!(err("(class {static async n = 1})", &SCRIPT), 15);
    ok("(class {async\nn; static async; get})", &SCRIPT);
}

/// In a module `<!--` is the operators `<`, `!`, `--`, also at the start of a line.
#[test]
fn html_open_comments_in_modules() {
    ok("f\n<!--c", &MODULE);
    ok("a // x\n<!--b\n<!--c", &MODULE);
    assert_eq!(err(";\n<!--x", &MODULE), 2);
    // The operator is `!` in the tree, not the `~` the re-parse stands in with (the trees
    // match acorn's in test/hostile-errors.test.ts).
    assert_ne!(ok("f\n<!--c", &MODULE), ok("f\n<~--c", &MODULE));
}

/// Redeclarations as ECMA-262 (with Annex B) has them, where oxc reports some that are not.
#[test]
fn redeclarations_as_the_spec_says() {
    for source in [
        "function g(){}for(var g in x);",
        "{{function b(){}}var b}",
        "{function y(){}}const y=1",
        "if(a)function a(){} let a",
        "function of(){}with(a)var of",
    ] {
        ok(source, &SCRIPT);
    }
    assert_eq!(err("{f:function c(){} var c}", &SCRIPT), 22);
    assert_eq!(err("function g(){} for(var g in x); let g", &SCRIPT), 36);
    assert_eq!(err("{ function a(){} var a }", &SCRIPT), 21);
    assert_eq!(err("x = { __proto__: 1, __proto__: 2 }", &SCRIPT), 20);
    assert_eq!(err("function a(){} var a", &MODULE), 19);
    // Redeclarations oxc_semantic does not report (see `convert::missed_redeclarations`).
    assert_eq!(err("let e; try {} catch (e) { for (var e of x); }", &SCRIPT), 35);
    assert_eq!(err("let e; try {} catch (e) { { var e } }", &SCRIPT), 32);
    assert_eq!(err("try {} catch (e) { var [e] = x } let e", &SCRIPT), 37);
    assert_eq!(err("class a {} if (c) function a() {} async function a() {}", &SCRIPT), 49);
    assert_eq!(err("let a; if (c) ; else function a() {} function* a() {}", &SCRIPT), 47);
    assert_eq!(err("{ function a() {} var [a, a] = x }", &SCRIPT), 23);
    assert_eq!(err("function a() {} for (var {a, b: [a]} of x);", &MODULE), 26);
    // ... and the valid programs of those shapes.
    ok("try {} catch (e) { var e; for (var e of x); }", &SCRIPT);
    ok("let e; try {} catch (e) { (function () { var e }) }", &SCRIPT);
    ok("if (c) function a() {} function a() {}", &SCRIPT);
    ok("function a() {} var [a, a] = x", &SCRIPT);
}

/// acorn checks `eval`/`arguments` as class names only for declarations.
#[test]
fn eval_and_arguments_class_names() {
    ok("(class eval {})", &SCRIPT);
    ok("x = class arguments {}", &MODULE);
    assert_eq!(err("class eval {}", &SCRIPT), 6);
    assert_eq!(err("export default class arguments {}", &MODULE), 21);
    assert_eq!(err("(class eval { m() { eval = 1 } })", &SCRIPT), 20);
}

/// `eval` and `arguments` may be used, not assigned to or bound, in strict code: oxc also
/// rejects them inside a destructuring target's defaults and computed keys, and misses them
/// as a `for`-`in`/`of` target.
#[test]
fn eval_and_arguments_in_strict_code() {
    for source in ["({a = eval} = 1)", "[a = arguments] = 1", "({[eval]: a} = 1)", "[a = function(){ eval }] = 1"] {
        ok(source, &MODULE);
    }
    assert_eq!(err("[eval] = 1", &MODULE), 1);
    assert_eq!(err("({a = eval, b: [arguments]} = 1)", &MODULE), 16);
    assert_eq!(err("for (eval of x);", &MODULE), 5);
    assert_eq!(err("'use strict'; for ((arguments) in x);", &SCRIPT), 20);
    ok("for (eval in x);", &SCRIPT);
    match encode("let eval", &MODULE) {
        Err(EncodeError::Syntax { message, pos_utf16: 4 }) => assert_eq!(message, "Binding eval in strict mode"),
        other => panic!("{other:?}"),
    }
}

/// Legacy decimal literals with a leading zero take an exponent in either case (sloppy code).
#[test]
fn legacy_decimal_exponents() {
    for source in ["08E2", "09E-1", "x = [0089E+3, 018e1]", "({08E2: 1})"] {
        ok(source, &SCRIPT);
    }
    assert_eq!(err("'use strict'; 08E2", &SCRIPT), 14);
    assert_eq!(err("07E2", &SCRIPT), 2);
    err("08E2", &MODULE);
}

/// oxc accepts parenthesized destructuring patterns when parentheses are not preserved.
#[test]
fn parenthesized_patterns() {
    for source in ["((a)) => 0", "[(a = 0)] = 1", "({a: (b = 0)} = 1)", "for(([a]) of 0);", "for(({a}) in 0);"] {
        err(source, &SCRIPT);
    }
    ok("(a) = 1; [(a)] = 1; ({ a: (b) } = 1); ((a)) = 1; (a.b) = 1", &SCRIPT);
}

/// oxc takes `async(...` for an async arrow's parameters; without `=>` it is a call.
#[test]
fn async_call_with_a_spread_argument() {
    for source in [
        "async(...b = c)",
        "class C {} async(...b = c)",
        "x = async(a, ...[b] = c, ...d = e)",
        "async /* c */ (...b = c)",
        "async(...b)",
        "async(...b, c)",
        "async(...b, ...c)",
        "async(...b.c, d)",
        "async(...f())",
        "async(...\n-->\nb,d)",
        "f(async(...a), async (...b) => c)",
    ] {
        ok(source, &SCRIPT);
    }
    ok("async(...b = c)", &MODULE);
    // The placeholder never reaches the tree: the callee is `async`.
    assert_ne!(ok("async(...b = c)", &SCRIPT), ok("asynd(...b = c)", &SCRIPT));
    assert_eq!(err("async(...b = c) => 1", &SCRIPT), 9);
    assert_eq!(err("async(...b = c) => {}", &MODULE), 9);
    assert_eq!(err("async(...b, c) => {}", &SCRIPT), 6);
    assert_eq!(err("async(...b) x", &SCRIPT), 12);
    // oxc may report an error inside a multi-byte character (found by the fuzzer).
    err("a(`${b} + 0 =${c} = ${b + }`)\u{3c0}c}`)\u{3c0}", &SCRIPT);
}

/// oxc 0.146 read `\c` in a character class as `\` and `c`; 0.157 reads it right (the workaround is gone).
#[test]
fn control_escapes_in_character_classes() {
    for source in ["/[\\cj-\\cm]/", "x = /[\\cj-\\cm]/u; y = /[\\ca]/g", "/[\\c-]/", "/[\\cJ-\\cM]/"] {
        ok(source, &SCRIPT);
    }
    assert_eq!(err("x = /[6-\\ca]/", &SCRIPT), 5);
    assert_eq!(err("/[\\c1]/u", &SCRIPT), 1);
    // acorn places regular expression errors just after the opening `/`.
    assert_eq!(err("/[\\cj-\\cm]/; /(/", &SCRIPT), 14);
    err("/[\\cj-\\cm]/; /a/gg", &SCRIPT);
}

/// acorn takes a word after a statement-level `let` for a binding (even on the next line), so
/// `let` + newline + a keyword is an error for it (oxc 0.146 too); oxc 0.157 reads `let; false`.
#[test]
fn let_before_a_keyword() {
    assert_eq!(err("let\nfalse", &SCRIPT), 4);
    assert_eq!(err("a; let /* x */ // y\n true", &SCRIPT), 21);
    assert_eq!(err("switch (1) { case 1: let\nnull }", &SCRIPT), 25);
    assert_eq!(err("function* g() { let\nyield }", &SCRIPT), 20);
    assert_eq!(err("{ let\nthrow 1 }", &SCRIPT), 6);
    // Not a statement list (acorn reads no declaration there), or an HTML-like comment acorn
    // does not skip, or `in`: the identifier `let`.
    ok("if (1) let\nfalse", &SCRIPT);
    ok("let<!--\nfalse", &SCRIPT);
    ok("let\nin a", &SCRIPT);
    ok("l\\u0065t\nfalse", &SCRIPT);
}

/// oxc 0.157 reads `\A`, `\z`, `\Z` in Unicode mode as the proposed buffer boundaries; acorn
/// (and the spec today) reject them as invalid escapes (found by the fuzzer).
#[test]
fn regular_expression_buffer_boundaries() {
    assert_eq!(err("x = /\\Z/u", &SCRIPT), 5);
    assert_eq!(err("/a\\A/v", &SCRIPT), 1);
    assert_eq!(err("/\\Z.\\/\\\\  1n/u", &SCRIPT), 1);
    ok("/\\\\A/u; /\\A/; /\\z\\Z/g", &SCRIPT);
}

/// The modules section (its length is the header's last u32, at 36; the section sits just
/// before the 4-byte checksum): empty without records, present for declarations, `import()`
/// (scripts too) and `import.meta`. Its contents are checked end to end in test/modules.test.ts.
#[test]
fn modules_section_only_with_records() {
    let modules_len = |bytes: &[u8]| u32::from_le_bytes(bytes[36..40].try_into().unwrap());
    assert_eq!(modules_len(&ok("let a = 1", &SCRIPT)), 0);
    assert_eq!(modules_len(&ok("let a = 1", &MODULE)), 0);
    for (source, options) in
        [("import 'a'", &MODULE), ("export const a = 1", &MODULE), ("import('a')", &SCRIPT), ("import.meta", &MODULE)]
    {
        assert!(modules_len(&ok(source, options)) > 0, "{source}");
    }
    // A rejected source leaves no records behind for the next encode (the state is per call).
    err("import a from 'b'; export { c }", &MODULE);
    assert_eq!(modules_len(&ok("let a = 1", &MODULE)), 0);
}

/// JSX (test/jsx.test.ts compares the trees with acorn-jsx): accepted only with `jsx`, the header
/// says so, and what acorn-jsx rejects is rejected.
#[test]
fn jsx() {
    let jsx = EncodeOptions { jsx: true, ..MODULE };
    let source = "const a = <div b=\"&amp;\" {...c}><x:y/>{/* e */}text&#x41;&bogus;{f}<></></div>;";
    let bytes = ok(source, &jsx);
    assert_eq!(bytes[5] & FLAG_JSX, FLAG_JSX);
    assert_eq!(ok("a < b > c", &MODULE)[5] & FLAG_JSX, 0);
    err(source, &MODULE);
    // Hyphens in member names (oxc refuses them, acorn-jsx reads them), comma expressions.
    ok("<a.b-c></a.b-c>", &jsx);
    ok("<a>{b, c}</a>", &jsx);
    // A member access, call or tagged template on an element (oxc stops at the element).
    for suffixed in
        ["x = <a/>.b", "f(<a>{/* c */}</a>(1), <></>`t`)", "x = <a>{<b/>.c}</a>?.d", "<a/>\n(b)", "<a/>\n[b]"]
    {
        ok(suffixed, &jsx);
    }
    err("x = <a>{(() => { let q; let q; })}</a>.c", &jsx);
    // acorn-jsx's errors.
    for bad in
        ["<a></b>", "<a.b-c></a.b_c>", "<a>{...b}</a>", "<a>></a>", "<a>}</a>", "<a b={}/>", "<a/><b/>", "<\\u0061/>"]
    {
        err(bad, &jsx);
    }
    // Without namespaces.
    ok("<a:b/>", &jsx);
    err("<a:b/>", &EncodeOptions { jsx_no_namespaces: true, ..jsx });
}

/// The bodies section's length (header offset 32) and its entries as five varints each.
fn skip_entries(bytes: &[u8]) -> Vec<[u64; 5]> {
    let field = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    let start = HEADER_LEN + (12..32).step_by(4).map(field).sum::<usize>();
    let (mut at, end) = (start, start + field(32));
    let mut entries = Vec::new();
    while at < end {
        let mut entry = [0u64; 5];
        for value in &mut entry {
            let mut shift = 0;
            loop {
                let byte = bytes[at];
                at += 1;
                *value |= u64::from(byte & 0x7f) << shift;
                shift += 7;
                if byte < 0x80 {
                    break;
                }
            }
        }
        entries.push(entry);
    }
    assert_eq!(at, end, "entries end with the section");
    entries
}

#[test]
fn skip_entries_for_large_bodies_only() {
    let statements = "  total = total + items[i] * weights[i] - offset;\n".repeat(20);
    let inner = format!("function inner(items) {{\n{statements}}}\n");
    let source = format!(
        "function small() {{ return 1; }}\nfunction outer(items) {{\n{inner}{statements}}}\nclass C {{ static {{ {statements} }} }}\n"
    );
    let entries = skip_entries(&ok(&source, &SCRIPT));
    // outer, then inner (nested in it, pre-order), then the static block; small has none.
    assert_eq!(entries.len(), 3, "{entries:?}");
    let [outer, inner, block] = [entries[0], entries[1], entries[2]];
    assert!(outer[0] > inner[0] && inner[0] >= 256, "node bytes: {outer:?} {inner:?}");
    assert!(outer[1] > inner[1], "string references");
    assert_eq!(
        outer[4],
        5 + (inner[0] >= 128) as u64 + (inner[1] >= 128) as u64 + (inner[3] >= 128) as u64,
        "nested bytes: inner's entry"
    );
    assert_eq!(inner[4], 0);
    assert_eq!(block[4], 0);
    assert!(skip_entries(&ok("function small() { return 1; }", &SCRIPT)).is_empty());
}
