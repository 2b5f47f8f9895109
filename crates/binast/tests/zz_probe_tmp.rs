#[test]
fn probe() {
    for src in ["let", "let\n", "let;", "let++", "let ++", "let\n++x", "let.a", "let\n", "let // c", "a = let", "if (1) let", "let()", "let in a", "let instanceof a", "let\n/x/"] {
        let r = binast::encode(src, &binast::EncodeOptions::default());
        eprintln!("{src:?} -> {:?}", r.as_ref().err());
    }
}
