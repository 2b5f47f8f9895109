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

fn main() {
    let mut list = Vec::new();
    for arg in std::env::args().skip(1) {
        files(std::path::Path::new(&arg), &mut list);
    }
    let options = ParseOptions { preserve_parens: true, parse_regular_expression: true, ..ParseOptions::default() };
    let (mut checked, mut errors, mut diffs, mut verdict_diffs) = (0, 0, 0, 0);
    for path in &list {
        let Ok(source) = std::fs::read_to_string(path) else { continue };
        let name = path.to_string_lossy();
        let module_only = name.ends_with(".module.js") || name.ends_with(".mjs");
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
    println!("{} files, {checked} parsed programs, {errors} with an old early error; {diffs} differ ({verdict_diffs} in verdict)", list.len());
}
