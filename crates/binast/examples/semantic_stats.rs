use oxc_allocator::Allocator;
use oxc_parser::{ParseOptions, Parser};
use oxc_semantic::Stats;
use oxc_span::SourceType;
fn main() {
    for path in std::env::args().skip(1) {
        let source = std::fs::read_to_string(&path).unwrap();
        let module = path.contains("vue") || path.contains("three");
        let allocator = Allocator::default();
        let st = if module { SourceType::mjs() } else { SourceType::script() };
        let ret = Parser::new(&allocator, &source, st)
            .with_options(ParseOptions { preserve_parens: true, ..Default::default() })
            .parse();
        let s = Stats::count(&ret.program);
        let b = source.len() as f64;
        println!(
            "{path}: bytes {} nodes {} ({:.1} B/node) scopes {} ({:.0}) symbols {} ({:.1}) refs {} ({:.1})",
            source.len(),
            s.nodes,
            b / s.nodes as f64,
            s.scopes,
            b / s.scopes as f64,
            s.symbols,
            b / s.symbols as f64,
            s.references,
            b / s.references as f64
        );
    }
}
