#[test]
#[ignore]
fn phase() {
    let src = std::fs::read_to_string("/work/main/node_modules/typescript/lib/typescript.js").unwrap();
    let mode = std::env::var("MODE").unwrap();
    let opts = binast::EncodeOptions { comments: true, allow_hash_bang: true, ..Default::default() };
    for _ in 0..3 {
        if mode == "encode" {
            std::hint::black_box(binast::encode(&src, &opts).unwrap());
        } else {
            let alloc = oxc_allocator::Allocator::default();
            let ret = oxc_parser::Parser::new(&alloc, &src, oxc_span::SourceType::script())
                .with_options(oxc_parser::ParseOptions { parse_regular_expression: true, preserve_parens: true, ..Default::default() })
                .parse();
            let program = alloc.alloc(ret.program);
            if mode == "semantic" {
                let sem = oxc_semantic::SemanticBuilder::new().with_check_syntax_error(true).build(program);
                std::hint::black_box(sem.diagnostics.len());
            }
        }
    }
}
