//! Where oxc's verdict differs from acorn's on valid-or-not, and how `encode` bridges it.
//!
//! - oxc reads a statement-level `let` as a declaration whenever the next token cannot
//!   continue an expression it knows (`let` at the end, `let++`, `{ let }`, `let, a`), and
//!   fails. acorn (like the spec) only starts a declaration when `let` is followed by `[`, `{`,
//!   `\` or an identifier; otherwise `let` is an identifier (sloppy mode only). `encode`
//!   re-parses with such a `let` replaced by a placeholder identifier of the same byte length.
//! - acorn does not check `eval`/`arguments` as class *expression* names; oxc does.
//! - acorn decides whether a script is strict by looking ahead over the directive prologue,
//!   and that lookahead misses a `"use strict"` that ends the file on its line (no `;`, no
//!   line break after it); the directives before it are then not checked for octal and
//!   `\8`/`\9` escapes. oxc checks them.

use oxc_ast::ast::Program;
use oxc_span::Span;

/// Same-length (3 UTF-8 bytes) stand-ins for `let`: identifier letters that the source must
/// not contain, so every occurrence in the re-parsed tree is a replaced `let`.
pub const LET_PLACEHOLDERS: [&str; 4] = ["\u{3131}", "\u{3134}", "\u{3137}", "\u{3139}"];

/// The placeholder to use for `source`, if any is absent from it.
pub fn let_placeholder(source: &str) -> Option<&'static str> {
    LET_PLACEHOLDERS.into_iter().find(|placeholder| !source.contains(placeholder))
}

/// If the parse error at `error_offset` is oxc rejecting a `let` identifier statement, the
/// offset of that `let`.
pub fn misparsed_let(text: &str, error_offset: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let error_offset = error_offset.min(bytes.len());
    // acorn's isLet(): a declaration only if the next character is `[`, `{`, `\` or starts an
    // identifier (oxc already handles `let in` / `let instanceof`).
    if let Some(&next) = bytes.get(error_offset)
        && (matches!(next, b'[' | b'{' | b'\\' | b'$' | b'_') || next.is_ascii_alphabetic() || next >= 0x80)
    {
        return None;
    }
    let end = skip_trivia_back(bytes, error_offset);
    let start = end.checked_sub(3)?;
    if &bytes[start..end] != b"let" {
        return None;
    }
    // A whole word, and not a property name (`a.let`).
    let before = skip_trivia_back(bytes, start);
    if start > 0 && is_ident_byte(bytes[start - 1]) {
        return None;
    }
    if before > 0 && bytes[before - 1] == b'.' {
        return None;
    }
    Some(start)
}

/// Whether the error labelled at `span` is oxc's strict-mode check of a class name `eval` or
/// `arguments`, which acorn does not make for class expressions (declarations are rejected
/// while converting, as acorn does).
pub fn is_class_name_eval_or_arguments(source: &str, span: Span) -> bool {
    let Some(text) = source.get(span.start as usize..span.end as usize) else { return false };
    if text != "eval" && text != "arguments" {
        return false;
    }
    let bytes = source.as_bytes();
    let end = skip_trivia_back(bytes, span.start as usize);
    end >= 5 && &bytes[end - 5..end] == b"class" && (end == 5 || !is_ident_byte(bytes[end - 6]))
}

/// Whether `span` is a top-level directive before a `"use strict"` that acorn's lookahead
/// misses, so that acorn lets its legacy escapes pass.
pub fn is_directive_before_unseen_use_strict(program: &Program<'_>, span: Span) -> bool {
    if !program.source_type.is_script() {
        return false;
    }
    let Some(index) = program.directives.iter().position(|d| d.directive.as_str() == "use strict") else {
        return false;
    };
    let use_strict_end = program.directives[index].expression.span.end as usize;
    program.directives[..index].iter().any(|d| d.expression.span == span)
        && ends_line_and_file(&program.source_text[use_strict_end..])
}

/// Whether `rest` is only whitespace and comments, without a line break.
fn ends_line_and_file(mut rest: &str) -> bool {
    let is_break = |c: char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() && !is_break(c));
        if rest.is_empty() {
            return true;
        }
        if let Some(comment) = rest.strip_prefix("//") {
            return !comment.contains(is_break);
        }
        let Some(comment) = rest.strip_prefix("/*") else { return false };
        let Some(close) = comment.find("*/") else { return false };
        if comment[..close].contains(is_break) {
            return false;
        }
        rest = &comment[close + 2..];
    }
}

/// acorn reports a failed automatic semicolon insertion at the unexpected token; oxc at the
/// end of the previous one. Moves `offset` over whitespace and comments to the next token.
pub fn next_token_start(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        at += rest.len() - trimmed.len();
        if let Some(comment) = trimmed.strip_prefix("/*")
            && let Some(close) = comment.find("*/")
        {
            at += 2 + close + 2;
            continue;
        }
        return at;
    }
}

/// oxc parses TypeScript modifiers before a class member (`default`, `const`, ...) and drops
/// them in JavaScript. Returns the offset of the first word between a member's start and its
/// key that JavaScript does not allow there (only `static`, `async`, `get`, `set`, `*`, `[`).
pub fn unexpected_member_modifier(text: &str, start: usize, key_start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = start;
    loop {
        at = next_token_start(text, at);
        if at >= key_start {
            return None;
        }
        if text[at..].starts_with("//") {
            at += text[at..].find(['\n', '\r', '\u{2028}', '\u{2029}']).unwrap_or(text.len() - at);
            continue;
        }
        let word_end = at + bytes[at..key_start].iter().take_while(|&&b| is_ident_byte(b)).count();
        match &text[at..word_end] {
            "static" | "async" | "get" | "set" => at = word_end,
            "" if matches!(bytes[at], b'*' | b'[') => at += 1,
            _ => return Some(at),
        }
    }
}

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'$' || byte == b'_' || byte >= 0x80
}

/// Moves back over ASCII whitespace and line terminators, U+2028/2029/FEFF/NBSP, and simple
/// block comments; returns the offset just after the previous token.
fn skip_trivia_back(bytes: &[u8], mut at: usize) -> usize {
    loop {
        while at > 0 && matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            at -= 1;
        }
        // U+2028, U+2029 (E2 80 A8/A9), U+FEFF (EF BB BF), U+00A0 (C2 A0).
        if at >= 3 && matches!(&bytes[at - 3..at], [0xe2, 0x80, 0xa8 | 0xa9] | [0xef, 0xbb, 0xbf]) {
            at -= 3;
            continue;
        }
        if at >= 2 && bytes[at - 2..at] == [0xc2, 0xa0] {
            at -= 2;
            continue;
        }
        if at >= 4 && &bytes[at - 2..at] == b"*/" {
            // Block comments do not nest: the nearest `/*` before the `*/` opens it (a `/*`
            // inside the comment text would make us stop early, which only loses a match).
            if let Some(open) = bytes[..at - 2].windows(2).rposition(|pair| pair == b"/*") {
                at = open;
                continue;
            }
        }
        return at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_misparsed_let() {
        assert_eq!(misparsed_let("let", 3), Some(0));
        assert_eq!(misparsed_let("let++", 3), Some(0));
        assert_eq!(misparsed_let("a;\nlet /* c */ }", 15), Some(3));
        assert_eq!(misparsed_let("a.let ++", 6), None);
        assert_eq!(misparsed_let("xlet ++", 5), None);
        assert_eq!(misparsed_let("let 1", 4), Some(0));
        assert_eq!(misparsed_let("let a", 4), None);
        assert_eq!(misparsed_let("let [", 4), None);
    }

    #[test]
    fn line_and_file_ends() {
        assert!(ends_line_and_file(""));
        assert!(ends_line_and_file("  /* a */ // b"));
        assert!(!ends_line_and_file(";"));
        assert!(!ends_line_and_file("\n"));
        assert!(!ends_line_and_file("/* \n */"));
    }

    #[test]
    fn finds_typescript_member_modifiers() {
        let text = "class{default s(){} static async *[k](){} /* c */ get\n // d\n x(){} const y(){}}";
        let member = |key: &str| text.find(key).unwrap();
        assert_eq!(unexpected_member_modifier(text, 6, member("s(")), Some(6));
        assert_eq!(unexpected_member_modifier(text, 20, member("k]")), None);
        assert_eq!(unexpected_member_modifier(text, 42, member("x(")), None);
        assert_eq!(unexpected_member_modifier(text, member("const"), member("y(")), Some(member("const")));
    }

    #[test]
    fn next_tokens() {
        assert_eq!(next_token_start("a\r\n\u{2028}b c", 7), 8);
        assert_eq!(next_token_start("a /* x */ b", 1), 10);
        assert_eq!(next_token_start("a", 1), 1);
    }

    #[test]
    fn finds_class_names() {
        assert!(is_class_name_eval_or_arguments("(class eval {})", Span::new(7, 11)));
        assert!(is_class_name_eval_or_arguments("(class /* x */ arguments {})", Span::new(15, 24)));
        assert!(!is_class_name_eval_or_arguments("(subclass eval {})", Span::new(10, 14)));
        assert!(!is_class_name_eval_or_arguments("eval = 1", Span::new(0, 4)));
    }
}
