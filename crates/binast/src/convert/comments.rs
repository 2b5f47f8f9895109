//! Comments, in the order and shape acorn's `onComment` reports them.

use oxc_ast::ast::{Comment, Program};
use oxc_span::Span;

use crate::writer::Writer;

/// Records every comment of `program`: the hashbang first (acorn reports `#!...` as a Line
/// comment), then oxc's comments, which are in source order.
///
/// `source` is the original text (the parsed text may have placeholders, never in comments).
/// `elements`: JSX elements parsed apart (their comments are not in `program`'s).
pub fn write_comments<'a>(w: &mut Writer<'a>, program: &Program<'a>, elements: &[&Program<'a>], source: &'a str) {
    if let Some(hashbang) = &program.hashbang {
        w.comment(false, hashbang.span, &source[2..hashbang.span.end as usize]);
    }
    if elements.is_empty() {
        for comment in &program.comments {
            write_comment(w, comment, source);
        }
        return;
    }
    let mut comments: Vec<&Comment> = program.comments.iter().collect();
    comments.extend(elements.iter().flat_map(|e| e.comments.iter()));
    comments.sort_by_key(|comment| comment.span.start);
    for comment in comments {
        write_comment(w, comment, source);
    }
}

fn write_comment<'a>(w: &mut Writer<'a>, comment: &Comment, source: &'a str) {
    let (start, end) = (comment.span.start as usize, comment.span.end as usize);
    if comment.is_block() {
        w.comment(true, comment.span, &source[start + 2..end - 2]);
    } else {
        // Line comments may be `//`, or in scripts the HTML-like `<!--` and `-->` (Annex B),
        // which oxc records with the same span shape but a longer opener.
        let text = &source[start..end];
        let opener = if text.starts_with("//") {
            2
        } else if text.starts_with("<!--") {
            4
        } else if text.starts_with("-->") {
            3
        } else {
            2
        };
        w.comment(false, Span::new(comment.span.start, comment.span.end), &text[opener..]);
    }
}
