//! The redeclaration check on sources that have no other early error.

use super::*;
use oxc_parser::Parser;
use oxc_span::SourceType;

/// The name and offset of the first redeclaration (the only early error of these sources).
fn check(source: &str, module: bool) -> Option<(String, u32)> {
    let allocator = Allocator::default();
    let source_type = if module { SourceType::mjs() } else { SourceType::script() };
    let parsed = Parser::new(&allocator, source, source_type).parse();
    assert!(parsed.diagnostics.errors().next().is_none(), "{source}: {:?}", parsed.diagnostics);
    let program = allocator.alloc(parsed.program);
    first_early_error(program, &allocator).map(|e| {
        let name = e.message.strip_prefix("Identifier '").and_then(|m| m.strip_suffix("' has already been declared"));
        (name.unwrap_or_else(|| panic!("{source}: {}", e.message)).to_owned(), e.offset)
    })
}

#[test]
fn valid_declarations() {
    for source in [
        "function g(){}for(var g in x);",
        "{{function b(){}}var b}",
        "{function y(){}}const y=1",
        "if(a)function a(){} let a",
        "function of(){}with(a)var of",
        "var a; var a; function a(){} function a(){}",
        "{ function f(){} function f(){} }",
        "switch (x) { case 1: function f(){} default: function f(){} }",
        "try {} catch (e) { var e; for (var e of []); }",
        "try {} catch (e) { { var e } }",
        "function f(a, a) {}",
        "function f(a) { var a; function a(){} }",
        "(function f(){ let f })",
        "(class C { m(){ let C } })",
        "(class { static { function f(){} function f(){} var f } })",
        "let a; { let a; { var b } }",
        "for (let a;;) { let a }",
        "for (let a of b) { var c }",
        "l: function f(){} var f",
        "function f(){} l: function f(){}",
        "x = { a(b) { { let b } } }",
    ] {
        assert_eq!(check(source, false), None, "{source}");
    }
    assert_eq!(check("import a from 'm'; { let a }", true), None);
}

#[test]
fn redeclarations() {
    for (source, name, at) in [
        ("let a; var a", "a", 11),
        ("var a; let a", "a", 11),
        ("{ var a } let a", "a", 14),
        ("let a; { var a }", "a", 13),
        ("function a(){} let a", "a", 19),
        ("let a; function a(){}", "a", 16),
        ("{ function a(){} var a }", "a", 21),
        ("{ var a; function a(){} }", "a", 18),
        ("{ function* a(){} function a(){} }", "a", 27),
        ("{ async function a(){} async function a(){} }", "a", 38),
        ("\"use strict\"; { function a(){} function a(){} }", "a", 40),
        ("{f:function c(){} var c}", "c", 22),
        ("l: function f(){} let f", "f", 22),
        ("class A {} class A {}", "A", 17),
        ("try {} catch (e) { let e }", "e", 23),
        ("try {} catch (e) { function e(){} }", "e", 28),
        ("try {} catch ([e]) { var e }", "e", 25),
        ("try {} catch ([e, e]) {}", "e", 18),
        ("for (let a;;) { var a }", "a", 20),
        ("for (let a of b) var a", "a", 21),
        ("let a, a", "a", 7),
        ("let [a, a] = b", "a", 8),
        ("function f(a) { let a }", "a", 20),
        ("(a) => { let a }", "a", 13),
        ("(a, a) => 1", "a", 4),
        ("\"use strict\"; function f(a, a) {}", "a", 28),
        ("function f(a, a) { \"use strict\" }", "a", 14),
        ("function f(a, [a]) {}", "a", 15),
        ("x = { m(a, a) {} }", "a", 11),
        ("(class { static { function f(){} let f } })", "f", 37),
        ("switch (x) { case 1: let a; default: let a }", "a", 41),
        ("let e; try {} catch (e) { for (var e of x); }", "e", 35),
        ("let e; try {} catch (e) { var e }", "e", 30),
        ("class a {} if (c) function a() {} async function a() {}", "a", 49),
        ("class a {} if (c) function a() {} function* a() {}", "a", 44),
    ] {
        assert_eq!(check(source, false), Some((name.to_owned(), at)), "{source}");
    }
    assert_eq!(check("function a(){} function a(){}", true), Some(("a".to_owned(), 24)));
    assert_eq!(check("var a; function a(){}", true), Some(("a".to_owned(), 16)));
    assert_eq!(check("import a from 'm'; var a", true), Some(("a".to_owned(), 23)));
    assert_eq!(check("import {a, b as a} from 'm'", true), Some(("a".to_owned(), 16)));
    assert_eq!(check("export default function a(){} let a", true), Some(("a".to_owned(), 34)));
}
