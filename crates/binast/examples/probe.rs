use oxc_allocator::Allocator;
use oxc_parser::Parser;
use oxc_span::SourceType;
fn main() {
    for src in std::env::args().skip(1) {
        let allocator = Allocator::default();
        let parsed = Parser::new(&allocator, &src, SourceType::script()).parse();
        let errors: Vec<_> = parsed.diagnostics.errors().map(|e| format!("{} {:?}", e.message, e.labels.iter().map(|l| (l.offset(), l.len())).collect::<Vec<_>>())).collect();
        println!("{src}: panicked {} errors {errors:?}\n  {:?}", parsed.panicked, parsed.program.body.first().map(|s| format!("{s:?}").chars().take(600).collect::<String>()));
    }
}
