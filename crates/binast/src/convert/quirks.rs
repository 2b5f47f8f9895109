//! Where oxc's verdict differs from acorn's on valid-or-not, and how `encode` bridges it.
//! Each rule: what is detected, how it is patched, and the test that proves it (in
//! `tests/encode.rs` unless said otherwise). A source that has none of these shapes pays
//! nothing: the re-parse rules start from oxc's first error, the others from oxc's report, the
//! early-error check or the conversion walk.
//!
//! | rule | detect | patch | test |
//! |---|---|---|---|
//! | async-spread-call | oxc's first error follows `async(...` (oxc takes it for an async arrow's parameters: `async(...a)`, `async(...a, b)`) | re-parse with that `async` spelled as a same-length stand-in, written back as `async` | `async_call_with_a_spread_argument` |
//! | module-html-open-comment | oxc reports `<!--` in a module as an HTML comment | re-parse with it spelled `<~--` (the operators `<`, `!`, `--`) | `html_open_comments_in_modules` |
//! | dropped-decorator | a module with `@` between top-level statements (oxc drops decorators before a non-class `export`) | reject at the `@` | `rejects_what_acorn_rejects` |
//! | typescript-member-modifier | the conversion finds a word oxc took for a TypeScript modifier before a class member (`default`, `const`, `async` before a field) | reject at it | `finds_typescript_member_modifiers`, `rejects_what_acorn_rejects` |
//! | unseen-use-strict | `crate::early_errors` finds a legacy escape in a directive before a `"use strict"` that ends the file on its line, which acorn's lookahead misses | not an error | `line_and_file_ends`, test262 |
//! | let-before-keyword | the conversion meets, in a statement list, an identifier statement `let` ended by a line break before a word (oxc 0.157 reads `let` + newline + `false` as `let; false`, as the spec and V8 do) | reject at the word, as acorn (which takes any word after `let` for a binding there) and oxc 0.146 did | `let_before_a_keyword` |
//! | regex-buffer-boundaries | the conversion meets a `u`/`v` regular expression with `\A`, `\z` or `\Z` (oxc 0.157 accepts the proposed buffer-boundary assertions; acorn, oxc 0.146 and the spec read an invalid escape) | reject just after the `/` | `regular_expression_buffer_boundaries` |
//! | jsx-member-hyphen | with `jsx`, oxc reports a member property with a hyphen (`<a.b-c>`), which the JSX grammar and acorn-jsx allow | re-parse with its hyphens spelled `_` (names are written from the source text; the converter then compares closing names as written) | `test/jsx.test.ts` |
//! | jsx-comma | with `jsx`, oxc reports a comma operator in a JSX expression container (`{a, b}`), which acorn-jsx parses (the JSX grammar does not) | ignore the report (the tree is whole) | `test/jsx.test.ts` |
//! | jsx-element-suffix | with `jsx`, oxc's first error is a `.`, `[`, `(`, `?.` or template right after a JSX element, or oxc ended a JSX element's statement by ASI before a `(`, `[` or template on a later line (`jsx_element_before_asi_suffix`) (`<a/>.props`: oxc, like TypeScript, reads JSX as a unary expression; acorn-jsx and the JSX grammar as a primary one) | the element, found by parsing the region from each `<` before it alone (as a module; its early errors checked), is spelled as a same-length identifier of `_`s and the source re-parsed; the converter writes the element's tree in the identifier's place (its comments too) | `test/jsx.test.ts` |
//!
//! Early errors are `crate::early_errors`'s own (issue 12 replaced oxc_semantic with it), right
//! where oxc_semantic was wrong, so the rules that patched oxc_semantic's reports went with it:
//! `redeclarations` (oxc reported some that are not, `function g(){} for (var g in x);`, and
//! missed others, `let e; try {} catch (e) { var e }`: the spec's check decided, run on the
//! reports and on the shapes the conversion noticed, `convert/missed_redeclarations.rs`; now it
//! runs on every program, `redeclarations_as_the_spec_says`) and `class-name-eval` (oxc reported
//! `eval`/`arguments` as a class *expression*'s name, which acorn allows: the check leaves class
//! names to the converter, which rejects them for declarations as acorn does,
//! `eval_and_arguments_class_names`). So did the rewording of "Cannot assign to 'eval' in strict
//! mode" at a binding (the check says "Binding eval in strict mode" itself).
//!
//! Rules oxc 0.157 made unnecessary (deleted): `let` as an identifier (`let`, `let++`,
//! `let + a, b`, `if (a) let` before a template), strict `let` labels and bindings, `08E2`,
//! `eval`/`arguments` inside destructuring targets and in `for (eval of a)`, `\c` in regular
//! expression classes, `break`/`continue` across arrow functions.

use oxc_ast::ast::{Comment, Program};
use oxc_diagnostics::{Diagnostics, OxcDiagnostic};
use oxc_span::{GetSpan, Span};

/// Same-length (5 UTF-8 bytes) stand-ins for `async`: identifiers that the source must not
/// contain, so that every one in the re-parsed tree (and in oxc's messages) is a replaced
/// `async`. (A 3-byte letter first: see `Writer::let_identifier`.)
const ASYNC_STAND_INS: [&str; 4] = ["\u{3131}__", "\u{3134}__", "\u{3137}__", "\u{3139}__"];

/// The stand-in for `async` to use for `source`, if any is absent from it.
pub fn async_stand_in(source: &str) -> Option<&'static str> {
    ASYNC_STAND_INS.into_iter().find(|stand_in| !source.contains(stand_in))
}

/// The `async` identifiers before `before` that may be the callee of a call oxc took for an
/// async arrow function's parameters (see the module comment), nearest first: identifier
/// words followed by `(` and, before `before`, a `...`.
pub fn async_call_candidates<'t>(
    text: &'t str,
    before: usize,
    comments: &'t [Comment],
) -> impl Iterator<Item = usize> + 't {
    identifier_words_before(text, before, "async", comments).filter(move |&at| {
        let paren = skip_trivia(text, at + 5, true);
        // oxc may place its error at the `...` itself.
        let end = (before + 3).min(text.len());
        text[paren..].starts_with('(') && text.get(paren..end).is_some_and(|args| args.contains("..."))
    })
}

/// The occurrences of `word` before `before`, nearest first, that can be an identifier: whole
/// words (no escape after), outside the `comments`, not a property name after `.`.
fn identifier_words_before<'t>(
    text: &'t str,
    before: usize,
    word: &'t str,
    comments: &'t [Comment],
) -> impl Iterator<Item = usize> + 't {
    text[..text.floor_char_boundary(before)].rmatch_indices(word).map(|(at, _)| at).filter(move |&at| {
        if word_char_before(text, at) || text[at + word.len()..].starts_with(|c: char| is_word_char(c) || c == '\\') {
            return false;
        }
        if in_comment(comments, at) {
            return false;
        }
        let previous = trivia_start_before(text, at, comments);
        previous == 0 || text.as_bytes()[previous - 1] != b'.'
    })
}

/// acorn's `isLet` in a statement list: `let` followed (over whitespace and `//`, `/* */`
/// comments, not HTML-like ones) by a word other than `in`/`instanceof` starts a declaration.
/// For a `let` that oxc read as an identifier statement, that word is one oxc would not bind (a
/// keyword): its offset and text, which acorn rejects.
pub fn declaration_acorn_reads_after_let(text: &str, let_span: Span) -> Option<(u32, &str)> {
    if text.get(let_span.start as usize..let_span.end as usize) != Some("let") {
        return None; // an escaped `l\u0065t` is never a declaration
    }
    let mut at = let_span.end as usize;
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        at += rest.len() - trimmed.len();
        if let Some(comment) = trimmed.strip_prefix("//") {
            at += 2 + comment.find(is_line_terminator).unwrap_or(comment.len());
        } else if let Some(comment) = trimmed.strip_prefix("/*") {
            at += 2 + comment.find("*/")? + 2;
        } else {
            break;
        }
    }
    let rest = &text[at..];
    let first = rest.chars().next()?;
    if !(first.is_ascii_alphabetic()
        || first == '$'
        || first == '_'
        || (!first.is_ascii() && oxc_syntax::identifier::is_identifier_start(first)))
    {
        return None;
    }
    let len: usize = rest.chars().take_while(|&c| is_word_char(c)).map(char::len_utf8).sum();
    let word = &rest[..len];
    (word != "in" && word != "instanceof").then_some((at as u32, word))
}

/// Whether a regular expression `pattern` has `\A`, `\z` or `\Z` (an escape, not an escaped
/// backslash before a letter): in Unicode mode oxc 0.157 reads these as the proposed
/// buffer-boundary assertions, which the spec (and acorn) reject as invalid escapes. Only
/// called for `u`/`v` patterns oxc accepted, where such an escape can mean nothing else.
pub fn has_buffer_boundary(pattern: &str) -> bool {
    let bytes = pattern.as_bytes();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'\\') {
        let at = i + offset;
        if matches!(bytes.get(at + 1), Some(b'A' | b'z' | b'Z')) {
            return true;
        }
        i = at + 2; // past the escaped character (possibly another backslash)
        if i >= bytes.len() {
            return false;
        }
    }
    false
}

/// acorn's message for a keyword where it expects a binding.
pub fn unexpected_keyword(word: &str) -> &'static str {
    match word {
        "enum" => "The keyword 'enum' is reserved",
        "let" => "let is disallowed as a lexically bound name",
        _ => "Unexpected keyword",
    }
}

/// Moves back from `at` over whitespace, line terminators and the `comments` (oxc's, in
/// source order) that end there; returns the offset just after the previous token.
fn trivia_start_before(text: &str, mut at: usize, comments: &[Comment]) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    loop {
        // Comments do not overlap, so their ends are in order too. (A comment may end in
        // whitespace: `// c ` at the end of the input.)
        if let Ok(index) = comments.binary_search_by_key(&(at as u32), |comment| comment.span.end)
            && comments[index].span.start < at as u32
        {
            at = comments[index].span.start as usize;
            continue;
        }
        let trimmed = text[..at].trim_end_matches(|c: char| is_white_space(c) || is_line_terminator(c)).len();
        if trimmed == at {
            return at;
        }
        at = trimmed;
    }
}

/// Whether `at` is inside one of `comments` (oxc's, in source order).
fn in_comment(comments: &[Comment], at: usize) -> bool {
    let at = at as u32;
    let index = comments.partition_point(|comment| comment.span.start <= at);
    index > 0 && comments[index - 1].span.end > at
}

/// oxc parses TypeScript modifiers before a class member (`default`, `const`, ...) and drops
/// them in JavaScript, and takes the method modifiers `async` for a field's too
/// (`class { async x }`). Returns the offset of the first word between a member's start and
/// its key that JavaScript does not allow there: only `static`, `async`, `get`, `set`, `*`, `[`
/// before a method's key, only `static` and `[` before a field's.
///
/// oxc accepted the member, so between its start and key there are only modifiers and
/// trivia: a `<!--` or `-->` there is a comment (in a script; a module never gets here with
/// one).
pub fn unexpected_member_modifier(text: &str, start: usize, key_start: usize, method: bool) -> Option<usize> {
    let mut at = start;
    loop {
        at = skip_trivia(text, at, true);
        if at >= key_start {
            return None;
        }
        let word_len: usize = text[at..key_start].chars().take_while(|&c| is_word_char(c)).map(char::len_utf8).sum();
        let word_end = at + word_len;
        match &text[at..word_end] {
            "static" => at = word_end,
            "async" | "get" | "set" if method => at = word_end,
            "" if text.as_bytes()[at] == b'[' || (method && text.as_bytes()[at] == b'*') => at += 1,
            _ => return Some(at),
        }
    }
}

/// oxc parses decorators before `export` and drops them unless the export is of a class.
/// Returns the offset of a decorator (`@`) before a top-level statement of `program`: oxc
/// keeps a decorated class's span from its first decorator, so only a dropped one can lie
/// between two statements.
pub fn dropped_decorator(program: &Program<'_>) -> Option<usize> {
    let text = program.source_text;
    let mut previous_end = program.hashbang.as_ref().map_or(0, |hashbang| hashbang.span.end);
    if let Some(directive) = program.directives.last() {
        previous_end = directive.span.end;
    }
    for statement in &program.body {
        let start = statement.span().start;
        let at = skip_trivia(text, previous_end as usize, program.source_type.is_script());
        if at < start as usize && text.as_bytes()[at] == b'@' {
            return Some(at);
        }
        previous_end = statement.span().end;
    }
    None
}

/// oxc's error for `<!--` at the start of a line in a module.
const HTML_COMMENT_IN_MODULE: &str = "HTML comments are not allowed in modules";

/// A module's `text` with every `<!--` that oxc `diagnostics` report as an HTML comment
/// spelled `<~--`, if any: in a module these are the operators `<`, `!`, `--`, and `~` parses
/// as `!` does (the converter writes the `!` of the source).
pub fn html_open_comments_as_operators(text: &str, diagnostics: &Diagnostics) -> Option<String> {
    let mut patched = None;
    for error in diagnostics.errors().filter(|error| error.message == HTML_COMMENT_IN_MODULE) {
        let Some(label) = error.labels.first() else {
            continue;
        };
        let at = label.offset() as usize + 1;
        if text.as_bytes().get(at) == Some(&b'!') {
            patched.get_or_insert_with(|| text.to_owned()).replace_range(at..at + 1, "~");
        }
    }
    patched
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
        let Some(comment) = rest.strip_prefix("/*") else {
            return false;
        };
        let Some(close) = comment.find("*/") else {
            return false;
        };
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
        let trimmed = rest.trim_start_matches(|c: char| is_white_space(c) || is_line_terminator(c));
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

/// Moves `offset` over whitespace, line terminators and comments (`//`, `/* */`, and with
/// `html_comments` the Annex B `<!--`, and `-->` at the start of a line) to the start of the
/// next token. `offset` must not be inside a token.
pub fn skip_trivia(text: &str, offset: usize, html_comments: bool) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // Whether a line starts between the previous token and `at` (or there is none).
    let mut line_start = at == 0;
    loop {
        let next = next_token_start(text, at);
        line_start |= text[at..next].contains(is_line_terminator);
        at = next;
        let rest = &text[at..];
        let line_comment = rest.starts_with("//")
            || (html_comments && (rest.starts_with("<!--") || (line_start && rest.starts_with("-->"))));
        if !line_comment {
            return at;
        }
        at += rest.find(is_line_terminator).unwrap_or(rest.len());
    }
}

/// ECMAScript WhiteSpace (TAB, VT, FF, ZWNBSP, and the Space_Separator category).
pub fn is_white_space(c: char) -> bool {
    oxc_syntax::identifier::is_white_space(c)
}

/// ECMAScript LineTerminator.
pub fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// A character that can continue a word (an identifier or keyword) as far as these text
/// scans are concerned: ASCII identifier characters, and any other non-ASCII character that
/// is not whitespace or a line terminator (the parser has already rejected the rest).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '$' || c == '_'
    } else {
        !is_white_space(c) && !is_line_terminator(c)
    }
}

/// Whether the character before `at` (a char boundary) continues a word (see [`is_word_char`]).
fn word_char_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_trivia() {
        assert_eq!(skip_trivia("a // x\n b", 1, false), 8);
        assert_eq!(skip_trivia("a <!-- x\n b", 1, true), 10);
        assert_eq!(skip_trivia("a <!-- x\n b", 1, false), 2);
        assert_eq!(skip_trivia("a\n /* \n */ --> x\n b", 1, true), 18);
        assert_eq!(skip_trivia("a /* */ --> x", 1, true), 8);
        assert_eq!(skip_trivia("--> x\nb", 0, true), 6);
        assert_eq!(skip_trivia("a\u{a0}\u{3000}\u{2028}b", 1, true), 9);
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
        assert_eq!(unexpected_member_modifier(text, 6, member("s("), true), Some(6));
        assert_eq!(unexpected_member_modifier(text, 20, member("k]"), true), None);
        assert_eq!(unexpected_member_modifier(text, 42, member("x("), true), None);
        assert_eq!(unexpected_member_modifier(text, member("const"), member("y("), true), Some(member("const")));
        // Fields take no method modifiers.
        let text = "class{static async x; static [y]}";
        assert_eq!(unexpected_member_modifier(text, 6, text.find('x').unwrap(), false), Some(13));
        assert_eq!(unexpected_member_modifier(text, 22, text.find('y').unwrap(), false), None);
        // Non-ASCII whitespace and HTML-like comments between modifiers.
        for text in [
            "class{static\u{a0}m(){}}",
            "class{get\u{2003}m(){}}",
            "class{async\u{3000}m(){}}",
            "class{static\u{feff}set\u{2028}m(a){}}",
            "class{static<!--\nm(){}}",
            "class{static\n-->x\nm(){}}",
        ] {
            assert_eq!(unexpected_member_modifier(text, 6, member_key(text), true), None, "{text:?}");
        }
        let text = "class{static\u{a0}declare\u{a0}m(){}}";
        assert_eq!(unexpected_member_modifier(text, 6, member_key(text), true), Some(14));
    }

    fn member_key(text: &str) -> usize {
        text.rfind('m').unwrap()
    }

    #[test]
    fn next_tokens() {
        assert_eq!(next_token_start("a\r\n\u{2028}b c", 7), 8);
        assert_eq!(next_token_start("a /* x */ b", 1), 10);
        assert_eq!(next_token_start("a", 1), 1);
        assert_eq!(next_token_start("a\u{85}b", 1), 1);
    }
}

/// oxc's (fatal) error for a JSX member expression property with a hyphen.
const JSX_MEMBER_HYPHEN: &str = "Identifiers in JSX cannot contain hyphens";

/// `text` with the hyphens of the JSX member property oxc's first error is about spelled `_`
/// (same length), when that is the error: the JSX grammar, and acorn-jsx, allow `<a.b-c>`.
pub fn jsx_member_hyphens(text: &str, diagnostics: &Diagnostics) -> Option<String> {
    // Fatal: the last error (non-fatal ones may come before it).
    let error = diagnostics.errors().find(|e| e.message == JSX_MEMBER_HYPHEN)?;
    let label = error.labels.first()?;
    let range = label.offset() as usize..(label.offset() + label.len()) as usize;
    let name = text.get(range.clone())?;
    if !name.contains('-') {
        return None;
    }
    let mut patched = text.to_owned();
    patched.replace_range(range, &name.replace('-', "_"));
    Some(patched)
}

/// oxc's errors for JSX that acorn-jsx accepts and that leave oxc's tree whole: a comma
/// operator in an expression container (`{a, b}`; the JSX grammar says AssignmentExpression,
/// acorn-jsx parses an Expression).
pub fn is_jsx_only_in_oxc(error: &OxcDiagnostic) -> bool {
    error.message == "JSX expressions may not use the comma operator"
}

/// With `jsx`, oxc stops a JSX element at its end (it reads JSX as a unary expression, as
/// TypeScript does), while acorn-jsx and the JSX grammar read it as a primary expression that
/// member accesses, calls and tagged templates may follow (`<a/>.props`). When oxc's error
/// `at` is such a suffix right after a `>`, the byte range that may be the element: from each
/// `<` before it (nearest first, at most `JSX_SUFFIX_CANDIDATES`) to just after the `>`.
pub fn jsx_suffixed_element_candidates(text: &str, at: usize) -> Option<(usize, Vec<usize>)> {
    let bytes = text.as_bytes();
    let suffix = next_token_start(text, at);
    let rest = &bytes[suffix.min(bytes.len())..];
    if !matches!(rest.first(), Some(b'.' | b'[' | b'(' | b'`')) && !rest.starts_with(b"?.") {
        return None;
    }
    // Back from the error over whitespace (comments between the element and the suffix: no).
    let mut end = at.min(suffix);
    while end > 0 && matches!(bytes[end - 1], b' ' | b'\t' | b'\n' | b'\r') {
        end -= 1;
    }
    if end == 0 || bytes[end - 1] != b'>' {
        return None;
    }
    let starts = bytes[..end - 1]
        .iter()
        .enumerate()
        .rev()
        .filter(|&(i, &b)| b == b'<' && !matches!(bytes.get(i + 1), Some(b'/' | b'<' | b'=' | b'!')))
        .map(|(i, _)| i)
        .take(JSX_SUFFIX_CANDIDATES)
        .collect();
    Some((end, starts))
}

/// How many `<` [`jsx_suffixed_element_candidates`] tries (each costs a parse of one region).
const JSX_SUFFIX_CANDIDATES: usize = 48;

/// Whether a region taken for a JSX element may be parsed on its own, as a module: nothing in
/// it may mean more there than in its place (`await`, `arguments` in a class field).
pub fn jsx_region_is_context_free(region: &str) -> bool {
    !region.contains("await") && !region.contains("arguments")
}

/// The JSX element (in an expression's place) that oxc ended by automatic semicolon insertion
/// before a `(`, `[` or template on a later line, which acorn-jsx (and the JSX grammar) read as
/// a call, member access or tagged template on it: `<a/>\n(b)`. Its byte range, if any. A
/// scan for `>` before such a line comes first, so that sources without one skip the walk.
pub fn jsx_element_before_asi_suffix(text: &str, program: &Program<'_>, html_comments: bool) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    let mut from = 0;
    while let Some(found) = bytes[from..].iter().position(|&b| b == b'>') {
        let end = from + found + 1;
        from = end;
        let next = skip_trivia(text, end, html_comments);
        if matches!(bytes.get(next), Some(b'(' | b'[' | b'`')) && text[end..next].contains(is_line_terminator) {
            ends.push(end);
        }
    }
    if ends.is_empty() {
        return None;
    }
    struct Finder {
        ends: Vec<usize>,
        found: Option<(usize, usize)>,
    }
    impl<'a> oxc_ast_visit::Visit<'a> for Finder {
        fn visit_expression(&mut self, expression: &oxc_ast::ast::Expression<'a>) {
            if self.found.is_some() {
                return;
            }
            if let oxc_ast::ast::Expression::JSXElement(_) | oxc_ast::ast::Expression::JSXFragment(_) = expression {
                let span = expression.span();
                if self.ends.binary_search(&(span.end as usize)).is_ok() {
                    self.found = Some((span.start as usize, span.end as usize));
                    return;
                }
            }
            oxc_ast_visit::walk::walk_expression(self, expression);
        }
    }
    let mut finder = Finder { ends, found: None };
    oxc_ast_visit::Visit::visit_program(&mut finder, program);
    finder.found
}
