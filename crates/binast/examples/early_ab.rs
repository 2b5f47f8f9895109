//! TEMPORARY A/B: the first early error as oxc_semantic (with binast's old filters) and as
//! `early_errors` find it, over files or directories of them (`*.module.js`/`.mjs`: modules;
//! others: as a script and, if it parses, as a module too).
//!
//!   cargo run --release -p binast --features semantic-reference --example early_ab -- DIR...
use oxc_allocator::Allocator;
use oxc_parser::{ParseOptions, Parser};
use oxc_span::SourceType;

fn files(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path).unwrap().flatten().map(|e| e.path()).collect();
        entries.sort();
        for entry in entries {
            files(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "js" || e == "mjs" || e == "cjs") {
        out.push(path.to_owned());
    }
}

const SNIPPETS: &[&str] = &[
    "'use strict';", "\"use strict\";", "var x;", "let x;", "const x = 1;", "function x(){}", "class x{}", "x: ", "l: ", "break;",
    "continue;", "break l;", "continue l;", "{", "}", "with(a)", "eval = 1;", "arguments;", "arguments = 1;", "super.x;",
    "super();", "#x in a;", "this.#x;", "await;", "await x;", "yield;", "yield x;", "let;", "static;", "010;", "08;", "'\\01';",
    "'\\8';", "delete x;", "delete this.#x;", "export {x};", "export {y as z};", "export default class {}", "import x from 'y';",
    "async function f(){}", "function* g(){}", "using x = y;", "await using x = y;", "for (var a = 1 in b);", "var x = {__proto__: 1, __proto__: 2};",
    "class A { #x; #x; }", "class A { get #x(){} set #x(v){} }", "class A { static { await; } }", "class A { x = arguments; }",
    "class A extends B { constructor() { super(); } }", "class A { constructor() { super(); } }", "({ m() { super.x } });",
    "if (a) function f(){}", "while (a) function f(){}", "l: function f(){}", "try {} catch (x) { var x; }", "try {} catch (x) { let x; }",
    "function f(a, a) {}", "(a, a) => 1;", "function f(a = 1) { 'use strict' }", "let let = 1;", "var eval;", "function eval(){}",
    "implements;", "package: ;", "(class eval {});", "class arguments {}", "x = class { static { arguments } };", "new super();",
    "{ function x(){} }", "{ var x; }", "{ let x; }", "switch (a) { case 1: let x; default: let x; }", "for (let x;;) { var x; }",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Offsets after a `;`, `{`, `}` or line break (where a statement may start).
fn boundaries(source: &str) -> Vec<usize> {
    let mut out = vec![0];
    out.extend(source.bytes().enumerate().filter(|&(_, b)| matches!(b, b';' | b'{' | b'}' | b'\n')).map(|(i, _)| i + 1));
    out
}

fn mutate(source: &str, rng: &mut Rng) -> String {
    let points = boundaries(source);
    let at = points[rng.below(points.len())];
    let mut out = source.to_owned();
    match rng.below(4) {
        0 | 1 => out.insert_str(at, SNIPPETS[rng.below(SNIPPETS.len())]),
        2 => {
            let (a, b) = (points[rng.below(points.len())], points[rng.below(points.len())]);
            let (a, b) = (a.min(b), a.max(b));
            let piece = source[a..b].to_owned();
            out.insert_str(at, &piece);
        }
        _ => {
            let b = points[rng.below(points.len())];
            let (a, b) = (at.min(b), at.max(b));
            out.replace_range(a..b, "");
        }
    }
    out
}

fn main() {
    let mut list = Vec::new();
    let mut mutations = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--mutate" {
            mutations = args.next().unwrap().parse().unwrap();
            continue;
        }
        files(std::path::Path::new(&arg), &mut list);
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let options = ParseOptions { preserve_parens: true, parse_regular_expression: true, ..ParseOptions::default() };
    let (mut checked, mut errors, mut diffs, mut verdict_diffs) = (0, 0, 0, 0);
    for path in &list {
        let Ok(original) = std::fs::read_to_string(path) else { continue };
        let name = path.to_string_lossy();
        let module_only = name.ends_with(".module.js") || name.ends_with(".mjs");
        let variants = if mutations > 0 && original.len() < 4000 { mutations } else { 0 };
        for variant in 0..=variants {
        let source = if variant == 0 { original.clone() } else { mutate(&original, &mut rng) };
        for module in [false, true] {
            if module_only && !module {
                continue;
            }
            let allocator = Allocator::default();
            let source_type = if module { SourceType::mjs() } else { SourceType::script() };
            let parsed = Parser::new(&allocator, &source, source_type).with_options(options).parse();
            if parsed.fatal_error || parsed.diagnostics.errors().next().is_some() {
                continue;
            }
            let program = allocator.alloc(parsed.program);
            checked += 1;
            let old = binast::reference::old_early_error(&source, program, true);
            let new = binast::reference::new_early_error(program);
            if old.is_some() {
                errors += 1;
            }
            if old != new {
                diffs += 1;
                if old.is_some() != new.is_some() {
                    verdict_diffs += 1;
                }
                let at = old.as_ref().or(new.as_ref()).map_or(0, |e| e.1 as usize);
                let from = source.floor_char_boundary(at.saturating_sub(40));
                let to = source.ceil_char_boundary((at + 40).min(source.len()));
                let short = if source.len() < 300 { source.as_str() } else { &source[from..to] };
                println!("{name} ({}): old {old:?} new {new:?}\n    {short:?}", if module { "module" } else { "script" });
            }
        }
        }
    }
    println!("{} files, {checked} parsed programs, {errors} with an old early error; {diffs} differ ({verdict_diffs} in verdict)", list.len());
}
