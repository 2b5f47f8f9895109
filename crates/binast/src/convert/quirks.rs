//! Where oxc's verdict differs from acorn's on valid-or-not, and how `encode` bridges it.
//!
//! - oxc reads a statement-level `let` as a declaration whenever the next token cannot
//!   continue an expression it knows (`let` at the end, `let++`, `{ let }`, `let, a`), and
//!   fails. acorn (like the spec) only starts a declaration when `let` is followed by `[`, `{`,
//!   `\` or an identifier; otherwise `let` is an identifier (sloppy mode only). `encode`
//!   re-parses with such a `let` replaced by a placeholder identifier of the same byte length.
//!   oxc also parses `let <operator>` as a single assignment expression (`let + a, b` fails at
//!   the comma), and ends `let` before a template in a single-statement position (a template
//!   on the line after `if (a) let` makes a tagged template): the same replacement makes it an
//!   ordinary identifier. oxc does not check `let` labels in strict code.
//! - In a module, `<!--` is the operators `<`, `!`, `--`; oxc takes it for an HTML comment at
//!   the start of a line (and reports it). `encode` re-parses it as `<~--`.
//! - oxc drops decorators before an `export` that is not of a class; acorn rejects every `@`.
//! - oxc drops TypeScript modifiers before class members (`default`, `const`, ...).
//! - acorn does not check `eval`/`arguments` as class *expression* names; oxc does. oxc also
//!   takes any `eval`/`arguments` inside a destructuring target for one assigned to, and does
//!   not check `for (eval of a)`.
//! - acorn decides whether a script is strict by looking ahead over the directive prologue,
//!   and that lookahead misses a `"use strict"` that ends the file on its line (no `;`, no
//!   line break after it); the directives before it are then not checked for octal and
//!   `\8`/`\9` escapes. oxc checks them.
//! - oxc rejects an upper-case exponent after a legacy decimal literal (`08E2`); `encode`
//!   re-parses it as `08e2`.
//! - oxc takes `async(...` for the parameters of an async arrow function, so a call of a
//!   function named `async` with a spread argument fails (`async(...a)`, `async(...a, b)`,
//!   `async(...a.b)`, `async(...a = b)`). `encode` re-parses with that `async` replaced by the
//!   placeholder followed by `__` (the same 5 bytes).
//! - Redeclarations: see `crate::redeclarations`.

use oxc_ast::ast::{
    ArrowFunctionExpression, AssignmentTargetPropertyIdentifier, BindingIdentifier, Class, Comment, Expression,
    ExpressionStatement, Function, LabeledStatement, Program, SimpleAssignmentTarget,
};
use oxc_ast_visit::{Visit, walk};
use oxc_diagnostics::{Diagnostics, OxcDiagnostic};
use oxc_span::{GetSpan, Span};
use oxc_syntax::scope::ScopeFlags;

/// Same-length (3 UTF-8 bytes) stand-ins for `let`: identifier letters that the source must
/// not contain, so every occurrence in the re-parsed tree is a replaced `let`.
pub const LET_PLACEHOLDERS: [&str; 4] = ["\u{3131}", "\u{3134}", "\u{3137}", "\u{3139}"];

/// The placeholder to use for `source`, if any is absent from it.
pub fn let_placeholder(source: &str) -> Option<&'static str> {
    LET_PLACEHOLDERS.into_iter().find(|placeholder| !source.contains(placeholder))
}

/// If the parse error at `error_offset` is oxc rejecting a `let` identifier statement, the
/// offset of that `let`. `comments` are the comments oxc saw, in source order.
pub fn misparsed_let(text: &str, error_offset: usize, comments: &[Comment]) -> Option<usize> {
    let bytes = text.as_bytes();
    let error_offset = error_offset.min(bytes.len());
    // acorn's isLet(): a declaration only if the next token starts with `[`, `{`, `\` or an
    // identifier character (oxc already handles `let in` / `let instanceof`). oxc places the
    // error at the end of `let` or at the next token.
    if let Some(next) = text[skip_trivia(text, error_offset, true)..].chars().next()
        && (matches!(next, '[' | '{' | '\\') || oxc_syntax::identifier::is_identifier_start(next))
    {
        return None;
    }
    let end = trivia_start_before(text, error_offset, comments);
    let start = end.checked_sub(3)?;
    if &bytes[start..end] != b"let" {
        return None;
    }
    // A whole word, and not a property name (`a.let`).
    if word_char_before(text, start) {
        return None;
    }
    let before = trivia_start_before(text, start, comments);
    if before > 0 && bytes[before - 1] == b'.' {
        return None;
    }
    Some(start)
}

/// The `let` words before `before` (nearest first) that may start a statement oxc parsed as
/// `let <operator> ...`: identifier words followed by an operator. The caller verifies each
/// by re-parsing.
pub fn let_operator_candidates<'t>(
    text: &'t str,
    before: usize,
    comments: &'t [Comment],
) -> impl Iterator<Item = usize> + 't {
    identifier_words_before(text, before, "let", comments).filter(move |&at| {
        let rest = &text[skip_trivia(text, at + 3, true)..];
        rest.starts_with(['=', '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '?'])
            || ((rest.starts_with("in") || rest.starts_with("instanceof"))
                && !rest[if rest.starts_with("instanceof") { 10 } else { 2 }..].starts_with(is_word_char))
    })
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

/// The stand-in for `async` in a re-parse: `placeholder` and two underscores, 5 bytes.
pub fn async_placeholder(placeholder: &str) -> String {
    format!("{placeholder}__")
}

/// In a single-statement position (`if (a) let`, `while (0) let`, a label's body) oxc ends an
/// identifier statement `let` before a template on the next line, which makes it a tagged
/// template (`let` + newline + `` `x` `` is `` let`x` ``). Returns the offset of such a `let`.
pub fn let_before_template(program: &Program<'_>, html_comments: bool) -> Option<usize> {
    struct Finder<'t> {
        text: &'t str,
        html_comments: bool,
        found: Option<usize>,
    }
    impl<'a> Visit<'a> for Finder<'_> {
        fn visit_expression_statement(&mut self, statement: &ExpressionStatement<'a>) {
            // (Ended by automatic semicolon insertion, not by a `;`.)
            if let Expression::Identifier(id) = &statement.expression
                && id.name == "let"
                && self.found.is_none()
                && statement.span.end == id.span.end
                && self.text[skip_trivia(self.text, statement.span.end as usize, self.html_comments)..].starts_with('`')
            {
                self.found = Some(id.span.start as usize);
            }
            walk::walk_expression_statement(self, statement);
        }
    }
    let mut finder = Finder { text: program.source_text, html_comments, found: None };
    finder.visit_program(program);
    finder.found
}

/// Whether a `let` word (or `placeholder`, a replaced `let`) in `text` is followed by `next`:
/// the cheap test before looking for `let` labels or tagged templates in the tree.
pub fn let_followed_by(text: &str, placeholder: Option<&str>, next: char, html_comments: bool) -> bool {
    let followed = |at: usize| text[skip_trivia(text, at + 3, html_comments)..].starts_with(next);
    text.match_indices("let").any(|(at, _)| !text[at + 3..].starts_with(is_word_char) && followed(at))
        || placeholder.is_some_and(|placeholder| text.match_indices(placeholder).any(|(at, _)| followed(at)))
}

/// The offset of the first label `let` (or `placeholder`, a replaced `let`) in strict code:
/// acorn rejects it ("The keyword 'let' is reserved"), oxc does not check labels.
pub fn strict_let_label(program: &Program<'_>, placeholder: Option<&str>) -> Option<usize> {
    StrictCode::walk(program, placeholder).let_label
}

/// oxc lexes an exponent after a legacy decimal literal with a leading zero (`08e2`, sloppy
/// code) only in lower case: it rejects `08E2` ("Invalid characters after number", at the
/// `E`). Returns the offset of that `E`; `e` reads the same (the converter takes `raw` from
/// the source).
pub fn upper_case_exponent_after_legacy_decimal(text: &str, error: &OxcDiagnostic) -> Option<usize> {
    if error.message != "Invalid characters after number" {
        return None;
    }
    let at = error.labels.first()?.offset() as usize;
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'E') {
        return None;
    }
    let digits = bytes[..at].iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let literal = &bytes[at - digits..at];
    let legacy_decimal = literal.len() >= 2 && literal[0] == b'0' && literal.iter().any(|&b| b >= b'8');
    (legacy_decimal && !word_char_before(text, at - digits) && !text[..at - digits].ends_with('.')).then_some(at)
}

/// The first `eval` or `arguments` that strict code binds (`var eval`, `function f(eval) {}`)
/// or assigns to (`eval = 1`, `[eval] = a`, `eval++`, `for (eval of a)`): its name and
/// offset, and whether it binds. Class names are left to the class checks (acorn checks only
/// declarations). oxc
/// reports these itself, but also any `eval` or `arguments` anywhere inside a destructuring
/// target (`[a = eval] = b`, `({[arguments]: a} = b)`: false), and misses `for (eval in a)`.
/// `encode` asks this instead.
pub fn strict_eval_or_arguments_target<'a>(program: &Program<'a>) -> Option<(&'a str, usize, bool)> {
    StrictCode::walk(program, None).assigned
}

/// oxc's report of `eval` or `arguments` bound or assigned to in strict code (see
/// [`strict_eval_or_arguments_target`]).
pub fn is_eval_or_arguments_assignment(error: &OxcDiagnostic) -> bool {
    matches!(
        error.message.as_ref(),
        "Cannot assign to 'eval' in strict mode" | "Cannot assign to 'arguments' in strict mode"
    )
}

/// Whether `text` may have `eval` or `arguments` right after `for (` (or `for await (`),
/// where oxc does not check them: the cheap test before [`strict_eval_or_arguments_target`].
pub fn may_assign_in_for_head(text: &str, comments: &[Comment]) -> bool {
    let bytes = text.as_bytes();
    let after_for_paren = |at: usize, len: usize| {
        if word_char_before(text, at) || text[at + len..].starts_with(is_word_char) {
            return false;
        }
        let before = trivia_start_before(text, at, comments);
        // Parentheses around the target: `for ((eval) of a)`.
        let mut paren = before;
        while paren > 0 && bytes[paren - 1] == b'(' {
            paren = trivia_start_before(text, paren - 1, comments);
            let word_end = paren;
            let word_start = text[..word_end].trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
            if matches!(&text[word_start..word_end], "for" | "await") {
                return true;
            }
        }
        false
    };
    text.match_indices("eval").any(|(at, _)| after_for_paren(at, 4))
        || text.match_indices("arguments").any(|(at, _)| after_for_paren(at, 9))
}

/// Walks a program keeping track of strict code, for what oxc does not check there.
struct StrictCode<'a, 'p> {
    placeholder: Option<&'p str>,
    strict: bool,
    /// The name of the class being entered, which is not checked here.
    class_name: Option<Span>,
    let_label: Option<usize>,
    assigned: Option<(&'a str, usize, bool)>,
}

impl<'a, 'p> StrictCode<'a, 'p> {
    fn walk(program: &Program<'a>, placeholder: Option<&'p str>) -> Self {
        let strict = program.source_type.is_module() || program.has_use_strict_directive();
        let mut walker = StrictCode { placeholder, strict, class_name: None, let_label: None, assigned: None };
        walker.visit_program(program);
        walker
    }

    fn target(&mut self, name: &'a str, span: Span, binds: bool) {
        if self.strict && self.assigned.is_none() && matches!(name, "eval" | "arguments") {
            self.assigned = Some((name, span.start as usize, binds));
        }
    }
}

impl<'a> Visit<'a> for StrictCode<'a, '_> {
    fn visit_labeled_statement(&mut self, statement: &LabeledStatement<'a>) {
        let name = statement.label.name.as_str();
        if self.strict && (name == "let" || Some(name) == self.placeholder) {
            self.let_label.get_or_insert(statement.label.span.start as usize);
        }
        walk::walk_labeled_statement(self, statement);
    }

    fn visit_simple_assignment_target(&mut self, target: &SimpleAssignmentTarget<'a>) {
        if let SimpleAssignmentTarget::AssignmentTargetIdentifier(id) = target {
            self.target(id.name.as_str(), id.span, false);
        }
        walk::walk_simple_assignment_target(self, target);
    }

    fn visit_assignment_target_property_identifier(&mut self, property: &AssignmentTargetPropertyIdentifier<'a>) {
        self.target(property.binding.name.as_str(), property.binding.span, false);
        walk::walk_assignment_target_property_identifier(self, property);
    }

    fn visit_binding_identifier(&mut self, id: &BindingIdentifier<'a>) {
        if self.class_name != Some(id.span) {
            self.target(id.name.as_str(), id.span, true);
        }
    }

    fn visit_function(&mut self, func: &Function<'a>, flags: ScopeFlags) {
        let outer = self.strict;
        self.strict |= func.has_use_strict_directive();
        walk::walk_function(self, func, flags);
        self.strict = outer;
    }

    fn visit_arrow_function_expression(&mut self, arrow: &ArrowFunctionExpression<'a>) {
        let outer = self.strict;
        self.strict |= arrow.has_use_strict_directive();
        walk::walk_arrow_function_expression(self, arrow);
        self.strict = outer;
    }

    fn visit_class(&mut self, class: &Class<'a>) {
        let outer = (self.strict, self.class_name);
        self.strict = true;
        self.class_name = class.id.as_ref().map(|id| id.span);
        walk::walk_class(self, class);
        (self.strict, self.class_name) = outer;
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
        let word_len: usize =
            text[at..key_start].chars().take_while(|&c| is_word_char(c)).map(char::len_utf8).sum();
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
        let Some(label) = error.labels.first() else { continue };
        let at = label.offset() as usize + 1;
        if text.as_bytes().get(at) == Some(&b'!') {
            patched.get_or_insert_with(|| text.to_owned()).replace_range(at..at + 1, "~");
        }
    }
    patched
}

/// Whether `error` is oxc's report of a name bound twice (not of a duplicate private class
/// member `#x`, nor of a duplicate `__proto__: ...` property, which share its message).
pub fn is_binding_redeclaration(source: &str, error: &OxcDiagnostic) -> bool {
    let Some(name) =
        error.message.strip_prefix("Identifier `").and_then(|rest| rest.strip_suffix("` has already been declared"))
    else {
        return false;
    };
    if name.starts_with('#') {
        return false;
    }
    if name == "__proto__"
        && let Some(label) = error.labels.last()
    {
        let (start, end) = (label.offset() as usize, (label.offset() + label.len()) as usize);
        let quoted = source.as_bytes().get(start).is_some_and(|&b| b == b'"' || b == b'\'');
        if quoted || source.as_bytes().get(skip_trivia(source, end, false)) == Some(&b':') {
            return false;
        }
    }
    true
}

/// Whether the error labelled at `span` is oxc's strict-mode check of a class name `eval` or
/// `arguments`, which acorn does not make for class expressions (declarations are rejected
/// while converting, as acorn does).
pub fn is_class_name_eval_or_arguments(source: &str, span: Span, comments: &[Comment]) -> bool {
    let Some(text) = source.get(span.start as usize..span.end as usize) else { return false };
    if text != "eval" && text != "arguments" {
        return false;
    }
    let bytes = source.as_bytes();
    let end = trivia_start_before(source, span.start as usize, comments);
    end >= 5 && &bytes[end - 5..end] == b"class" && !word_char_before(source, end - 5)
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
    use oxc_allocator::Allocator;
    use oxc_parser::Parser;
    use oxc_span::SourceType;

    /// Runs `f` with the comments oxc finds in the script `text` (parsed to its first error).
    fn with_comments<R>(text: &str, f: impl FnOnce(&[Comment]) -> R) -> R {
        let allocator = Allocator::default();
        let parsed = Parser::new(&allocator, text, SourceType::script()).parse();
        f(&parsed.program.comments)
    }

    fn misparsed(text: &str, error_offset: usize) -> Option<usize> {
        with_comments(text, |comments| misparsed_let(text, error_offset, comments))
    }

    #[test]
    fn finds_misparsed_let() {
        assert_eq!(misparsed("let", 3), Some(0));
        assert_eq!(misparsed("let++", 3), Some(0));
        assert_eq!(misparsed("a;\nlet /* c */ }", 15), Some(3));
        assert_eq!(misparsed("a.let ++", 6), None);
        assert_eq!(misparsed("xlet ++", 5), None);
        assert_eq!(misparsed("let 1", 4), Some(0));
        assert_eq!(misparsed("let a", 4), None);
        assert_eq!(misparsed("let [", 4), None);
        // Line and HTML-like comments, non-ASCII whitespace before `let`.
        assert_eq!(misparsed("let // c", 8), Some(0));
        assert_eq!(misparsed("let<!--", 7), Some(0));
        assert_eq!(misparsed("let// ", 6), Some(0));
        assert_eq!(misparsed("let /* a */ /* b */\u{a0}// c \u{a0}", 28), Some(0));
        assert_eq!(misparsed("a /* x */ . /* y */ let // c\n", 28), None);
        assert_eq!(misparsed("\u{a0}let", 5), Some(2));
        assert_eq!(misparsed("\u{feff}let,1", 6), Some(3));
        assert_eq!(misparsed("\u{e9}let ++", 6), None);
        // Whitespace that is not ASCII after `let`, then the next token.
        assert_eq!(misparsed("let\u{a0}++", 3), Some(0));
        assert_eq!(misparsed("let\u{feff}\u{3000}/* c */ ++", 3), Some(0));
        assert_eq!(misparsed("let\u{a0}\u{e9}", 3), None);
        assert_eq!(misparsed("let /* c */ \\u0061", 3), None);
    }

    #[test]
    fn finds_let_operator_candidates() {
        let candidates = |text: &str, before: usize| {
            with_comments(text, |comments| let_operator_candidates(text, before, comments).collect::<Vec<_>>())
        };
        assert_eq!(candidates("let+a,b", 5), [0]);
        assert_eq!(candidates("x; let /* let + */ = function(){ let.a; return let + 1 }, b", 56), [47, 3]);
        assert_eq!(candidates("a.let + 1, leti + 2, let\\u0061 + 3", 34), Vec::<usize>::new());
        assert_eq!(candidates("let in a, let instanceof b, let inx, let // c\n !== d", 50), [37, 10, 0]);
    }

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

    #[test]
    fn finds_class_names() {
        let is = |text: &str, span: Span| {
            with_comments(text, |comments| is_class_name_eval_or_arguments(text, span, comments))
        };
        assert!(is("(class eval {})", Span::new(7, 11)));
        assert!(is("(class /* x */ arguments {})", Span::new(15, 24)));
        assert!(is("(class // x\n arguments {})", Span::new(13, 22)));
        assert!(!is("(subclass eval {})", Span::new(10, 14)));
        assert!(!is("eval = 1", Span::new(0, 4)));
    }

    #[test]
    fn finds_let_followed_by() {
        assert!(let_followed_by("let: 1", None, ':', true));
        assert!(let_followed_by("a; let /* */ // x\n <!-- y\n : 1", None, ':', true));
        assert!(!let_followed_by("a; let <!-- y\n : 1", None, ':', false));
        assert!(!let_followed_by("let x = 1; letter: 1; a ? b : c", None, ':', true));
        assert!(let_followed_by("\u{3131}\n: 1", Some("\u{3131}"), ':', true));
        assert!(let_followed_by("if (a) let\n`x`", None, '`', true));
    }
}
