//! Prints what raw oxc (parser + semantic, no binast workaround) says about each shape that
//! `convert::quirks`, the re-parse loop and the redeclaration layer work around, to re-check
//! them after an oxc upgrade: `cargo run -p binast --example oxc_quirks`.
use oxc_allocator::Allocator;
use oxc_parser::{ParseOptions, Parser};
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;

const CASES: &[(&str, bool, &str)] = &[
    ("let misparsed (valid)", false, "let"),
    ("let++ (valid)", false, "let++"),
    ("{ let } (valid)", false, "{ let }"),
    ("let, a (valid)", false, "let, a"),
    ("let + a, b (valid)", false, "let + a, b"),
    ("if (a) let\\n`x` (valid, tagged)", false, "if (a) let\n`x`"),
    ("module <!-- operators (valid)", true, "a\n<!--b"),
    ("decorator before export const (invalid)", true, "@d export const a = 1"),
    ("TS modifier before member (invalid)", false, "class A { default s(){} }"),
    ("class expression eval (valid)", false, "'use strict'; (class eval {})"),
    ("[a = eval] = b strict (valid)", false, "'use strict'; [a = eval] = b"),
    ("for (eval of a) strict (invalid)", false, "'use strict'; for (eval of a);"),
    ("for (eval in a) strict (invalid)", false, "'use strict'; for (eval in a);"),
    ("unseen use strict (valid)", false, "'\\07'; 'use strict'"),
    ("08E2 (valid)", false, "08E2"),
    ("async(...a) (valid)", false, "async(...a)"),
    ("regex \\cj class (valid)", false, "/[\\cj-\\cm]/"),
    ("regex [6-\\ca] (invalid)", false, "/[6-\\ca]/"),
    ("break label across arrow (invalid)", false, "l: while (1) { () => { break l } }"),
    ("continue across arrow (invalid)", false, "while (1) () => { continue }"),
    ("function + for var (valid)", false, "function g(){} for (var g in x);"),
    ("nested block fn + var (valid)", false, "{{function b(){}} var b}"),
    ("block fn + const (valid)", false, "{function y(){}} const y = 1"),
    ("if fn + let (valid)", false, "if (a) function a(){} let a"),
    ("catch var + outer let (invalid)", false, "let e; try {} catch (e) { var e }"),
    ("if fn then async fn (invalid)", false, "class a {} if (c) function a() {} async function a() {}"),
    ("var [a, a] after fn (invalid)", false, "{ function a() {} var [a, a] = x }"),
    ("strict let label (invalid)", false, "'use strict'; let: 1"),
    ("labelled fn + var (invalid)", false, "{ l: function f() {} var f }"),
    ("static block fns (valid)", false, "class C { static { function f() {} function f() {} } }"),
    ("class async field (invalid)", false, "class A { async x }"),
    ("({[arguments]: a} = b) strict (valid)", false, "'use strict'; ({[arguments]: a} = b)"),
    ("[eval] = a strict (invalid)", false, "'use strict'; [eval] = a"),
    ("for ((eval) of a) strict (invalid)", false, "'use strict'; for ((eval) of a);"),
    ("for await (eval of a) (invalid)", true, "async function f() { for await (eval of a); }"),
    ("let => a strict (invalid)", false, "'use strict'; let => a"),
    ("let label in strict fn (invalid)", false, "function f() { 'use strict'; let: 1 }"),
    ("let label sloppy (valid)", false, "let: 1"),
    ("let = 1 sloppy (valid)", false, "let = 1"),
    ("let in strict (invalid)", false, "'use strict'; let + 1"),
    (
        "let\n`x` in while (valid)",
        false,
        "while (0) let
`x`",
    ),
    (
        "l: let\n`x` (valid)",
        false,
        "l: let
`x`",
    ),
    (
        "let\n[a] (valid? decl)",
        false,
        "let
[a] = b",
    ),
    (
        "a\nlet\n{} ",
        false,
        "if (1) let
{}",
    ),
    ("regex \\c1 no u (valid)", false, "/[\\c1]/"),
    ("regex \\c_ no u (valid)", false, "/[\\c_]/"),
    ("regex \\c1 u (invalid)", false, "/[\\c1]/u"),
    ("regex [c] (valid)", false, "/[\\c]/"),
    ("09.5E1 (valid)", false, "09.5E1"),
    ("break across arrow label 2 (invalid)", false, "l: { () => { break l } }"),
    ("continue label not loop (invalid)", false, "l: { while(1) continue l }"),
    ("async(...a, b) (valid)", false, "async(...a, b)"),
    ("class eval decl strict (invalid)", false, "class eval {}"),
    ("html comment after let (valid)", false, "let <!-- x\n = 1"),
];

fn main() {
    for &(name, module, source) in CASES {
        let allocator = Allocator::default();
        let source_type = if module { SourceType::mjs() } else { SourceType::script() };
        let options = ParseOptions { preserve_parens: true, parse_regular_expression: true, ..ParseOptions::default() };
        let ret = Parser::new(&allocator, source, source_type).with_options(options).parse();
        let mut errors: Vec<String> = ret
            .diagnostics
            .errors()
            .map(|e| format!("parse: {} @{:?}", e.message, e.labels.iter().map(|l| l.offset()).collect::<Vec<_>>()))
            .collect();
        if errors.is_empty() {
            let program = allocator.alloc(ret.program);
            let semantic = SemanticBuilder::new().with_check_syntax_error(true).build(program);
            errors.extend(semantic.diagnostics.errors().map(|e| {
                format!("semantic: {} @{:?}", e.message, e.labels.iter().map(|l| l.offset()).collect::<Vec<_>>())
            }));
        }
        println!("{name}: {}", if errors.is_empty() { "ok".to_string() } else { errors.join(" | ") });
    }
}
