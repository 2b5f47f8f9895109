//! Native time split on one file: oxc_parser alone, oxc_semantic alone (what `encode` ran for its
//! early errors until issue 12), and `binast::encode` (which checks binast's own early errors in
//! its conversion walk).
//!
//!   cargo run --release -p binast --example split -- node_modules/typescript/lib/typescript.js [--module] [--runs 5]
//!
//! Prints the best of `--runs` for each (the issue-12 targets compare encode with parse).
use std::time::{Duration, Instant};

use oxc_allocator::Allocator;
use oxc_parser::{ParseOptions, Parser};
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;

fn best(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    (0..runs).map(|_| f()).min().unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || !matches!(args[i - 1].as_str(), "--runs" | "--only")))
        .map(|(_, a)| a)
        .expect("usage: split FILE [--module] [--runs N]");
    let module = args.iter().any(|a| a == "--module");
    let runs = args.iter().position(|a| a == "--runs").map_or(5, |i| args[i + 1].parse().expect("--runs N"));
    // `--only encode` (or parse, semantic): time that alone, e.g. under a profiler.
    let only = args.iter().position(|a| a == "--only").map(|i| args[i + 1].clone());
    let runs_of = |phase: &str| {
        if only.as_deref().is_none_or(|o| o == phase) { runs } else { 0 }
    };
    let source = std::fs::read_to_string(path).expect("read");
    let source_type = if module { SourceType::mjs() } else { SourceType::script() };
    let options = ParseOptions { preserve_parens: true, parse_regular_expression: true, ..ParseOptions::default() };

    let parse = best(runs_of("parse"), || {
        let allocator = Allocator::default();
        let start = Instant::now();
        let ret = Parser::new(&allocator, &source, source_type).with_options(options).parse();
        let elapsed = start.elapsed();
        assert!(ret.diagnostics.errors().next().is_none());
        elapsed
    });
    let semantic = best(runs_of("semantic"), || {
        let allocator = Allocator::default();
        let ret = Parser::new(&allocator, &source, source_type).with_options(options).parse();
        let program = allocator.alloc(ret.program);
        let start = Instant::now();
        let semantic = SemanticBuilder::new().with_check_syntax_error(true).build(program);
        let elapsed = start.elapsed();
        drop(semantic);
        elapsed
    });
    let encode_options = binast::EncodeOptions { module, allow_hash_bang: true, ..Default::default() };
    let mut size = 0;
    let encode = best(runs_of("encode"), || {
        let start = Instant::now();
        let bytes = binast::encode(&source, &encode_options).expect("encode");
        let elapsed = start.elapsed();
        size = bytes.len();
        elapsed
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{path}: {} bytes; best of {runs}: parse {:.1} ms, semantic {:.1} ms, encode {:.1} ms ({:.2}x parse), output {size} bytes",
        source.len(),
        ms(parse),
        ms(semantic),
        ms(encode),
        ms(encode) / ms(parse)
    );
}
