//! binast: JavaScript source -> compact binary AST whose decoding is exactly acorn's ESTree.
//!
//! [`encode`] parses with oxc, runs oxc's semantic early-error checks, rejects what acorn
//! (ecmaVersion "latest") would reject but oxc accepts, and writes the tree with
//! [`writer::Writer`] through the schema-generated per-kind writers.

mod checksum;
mod convert;
mod generated;
mod positions;
mod redeclarations;
pub mod writer;

#[cfg(target_arch = "wasm32")]
mod wasm;

use oxc_allocator::Allocator;
use oxc_diagnostics::OxcDiagnostic;
use oxc_parser::{ParseOptions, Parser, ParserReturn};
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;

pub use generated::schema::{FORMAT_VERSION, SCHEMA_HASH};

/// Options for [`encode`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EncodeOptions {
    /// Parse as an ES module (else as a script).
    pub module: bool,
    /// Collect comments into the output.
    pub comments: bool,
    /// Allow `return` at the top level.
    pub allow_return_outside_function: bool,
    /// Allow a leading `#!` line.
    pub allow_hash_bang: bool,
}

/// Error returned by [`encode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    /// The source is not valid JavaScript.
    Syntax {
        message: String,
        /// Offset of the error in UTF-16 code units.
        pos_utf16: u32,
    },
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EncodeError::Syntax { message, pos_utf16 } => write!(f, "{message} ({pos_utf16})"),
        }
    }
}

impl std::error::Error for EncodeError {}

/// Encode `source` to the binary AST format.
pub fn encode(source: &str, options: &EncodeOptions) -> Result<Vec<u8>, EncodeError> {
    // acorn reads `#!` as a comment only with `allowHashBang` (its default for "latest");
    // without it `#` starts a private name and `!` is unexpected, before anything else.
    if !options.allow_hash_bang && source.starts_with("#!") {
        return Err(EncodeError::Syntax { message: "Unexpected character '!'".into(), pos_utf16: 1 });
    }
    let allocator = Allocator::default();
    let source_type = if options.module { SourceType::mjs() } else { SourceType::script() };
    let parse_options = ParseOptions {
        // Parentheses are kept so that oxc rejects parenthesized patterns (`[(a = 1)] = b`,
        // `((a)) => 0`) as acorn does; the converter skips them.
        preserve_parens: true,
        allow_return_outside_function: options.allow_return_outside_function,
        parse_regular_expression: true,
        ..ParseOptions::default()
    };

    // The text oxc parses: `source`, or a same-length copy with the misreadings of
    // `convert::quirks` rewritten (misparsed `let` identifiers replaced, a module's `<!--`
    // operators spelled `<~--`, `08E2` spelled `08e2`).
    let mut text = source;
    let mut let_placeholder = None;
    let mut retries = 0;
    // Cleared when oxc's checks of regular expressions cannot be trusted (see
    // `convert::regexps`): the converter checks them instead.
    let check_regexes = std::cell::Cell::new(true);
    let parse = |text| {
        let options = ParseOptions { parse_regular_expression: check_regexes.get(), ..parse_options };
        Parser::new(&allocator, text, source_type).with_options(options).parse()
    };
    let mut parsed = parse(text);
    let parsed = loop {
        let Some(error) = first_error(&parsed.diagnostics) else {
            if parsed.fatal_error {
                return Err(EncodeError::Syntax { message: "Unexpected token".into(), pos_utf16: 0 });
            }
            // A `let` statement oxc ended before a template on the next line (sloppy scripts).
            if !options.module
                && retries < MAX_RETRIES
                && convert::quirks::let_followed_by(text, None, '`', true)
                && let Some(at) = convert::quirks::let_before_template(&parsed.program, true)
                && let Some(placeholder) = let_placeholder.or_else(|| convert::quirks::let_placeholder(source))
            {
                retries += 1;
                text = replaced(&allocator, text, at..at + 3, placeholder);
                let_placeholder = Some(placeholder);
                parsed = parse(text);
                continue;
            }
            break parsed;
        };
        // `08E2`: see `convert::quirks`. The cap (shared by all the rewrites) bounds the
        // re-parsing of pathological inputs.
        if retries < MAX_RETRIES
            && let Some(at) = convert::quirks::upper_case_exponent_after_legacy_decimal(text, error)
        {
            retries += 1;
            text = replaced(&allocator, text, at..at + 1, "e");
            parsed = parse(text);
            continue;
        }
        // A control escape in a character class: see `convert::regexps`.
        if error.message.starts_with("Invalid regular expression") && check_regexes.get() && text.contains("\\c") {
            check_regexes.set(false);
            parsed = parse(text);
            continue;
        }
        // `async(...a)`: see `convert::quirks`. The candidates share the retry budget.
        if retries < MAX_RETRIES
            && let Some(placeholder) = let_placeholder.or_else(|| convert::quirks::let_placeholder(source))
        {
            let at = error_offset(error) as usize;
            let stand_in = convert::quirks::async_placeholder(placeholder);
            let candidates = convert::quirks::async_call_candidates(text, at, &parsed.program.comments);
            // Fixed if oxc now gets past the spread, and not only to fail at the arrow of an
            // arrow function (an `=>` on the next line is an error either way).
            let gets_past = |patched: &str, e: &OxcDiagnostic| {
                let offset = convert::quirks::next_token_start(patched, error_offset(e) as usize);
                let before = &patched[..offset];
                let gap = &before[before.trim_end().len()..];
                let line_break = gap.contains(['\n', '\r', '\u{2028}', '\u{2029}']);
                offset > at && (line_break || !patched[offset..].starts_with("=>"))
            };
            if let Some((patched, reparsed)) =
                first_fixing_rewrite(&allocator, text, candidates, "async", &stand_in, &mut retries, parse, gets_past)
            {
                text = patched;
                let_placeholder = Some(placeholder);
                parsed = reparsed;
                continue;
            }
        }
        // Sloppy scripts only: `let` is a reserved word in modules.
        if !options.module
            && retries < MAX_RETRIES
            && let Some(placeholder) = let_placeholder.or_else(|| convert::quirks::let_placeholder(source))
        {
            let at = error_offset(error) as usize;
            if let Some(at) = convert::quirks::misparsed_let(text, at, &parsed.program.comments) {
                retries += 1;
                text = replaced(&allocator, text, at..at + 3, placeholder);
                let_placeholder = Some(placeholder);
                parsed = parse(text);
                continue;
            }
            // `let + a, b`: oxc parses `let <operator> ...` as one assignment expression and
            // fails at the comma (or, after a line break, at the statement the comma would
            // start). The `let` starts the statement, somewhere before the comma: try the
            // candidates from the nearest on, keeping the first replacement that lets oxc get
            // past the comma. (A `let` in a string, comment or template changes nothing; a `let`
            // identifier elsewhere is not the one oxc misparsed.)
            if text.as_bytes().get(convert::quirks::skip_trivia(text, at, true)) == Some(&b',') {
                let candidates = convert::quirks::let_operator_candidates(text, at, &parsed.program.comments);
                let gets_past = |_: &str, e: &OxcDiagnostic| error_offset(e) as usize > at;
                if let Some((patched, reparsed)) =
                    first_fixing_rewrite(&allocator, text, candidates, "let", placeholder, &mut retries, parse, gets_past)
                {
                    text = patched;
                    let_placeholder = Some(placeholder);
                    parsed = reparsed;
                    continue;
                }
            }
        }
        // Modules: oxc reads `<!--` at the start of a line as an HTML comment (and reports it);
        // there it is the operators `<`, `!`, `--`.
        if options.module
            && retries < MAX_RETRIES
            && let Some(patched) = convert::quirks::html_open_comments_as_operators(text, &parsed.diagnostics)
        {
            retries += 1;
            text = allocator.alloc_str(&patched);
            parsed = parse(text);
            continue;
        }
        return Err(syntax_error(source, error, let_placeholder));
    };
    let program = allocator.alloc(parsed.program);

    // acorn rejects every decorator ("Unexpected character '@'"); oxc drops those before an
    // `export` that is not of a class, which the converter cannot see.
    if options.module
        && source.contains('@')
        && let Some(at) = convert::quirks::dropped_decorator(program)
    {
        let message = convert::DECORATOR.into();
        return Err(EncodeError::Syntax { message, pos_utf16: utf16_offset(source, at) });
    }

    // Early errors acorn reports that oxc's parser leaves to semantic analysis (redeclarations,
    // undefined exports, bad labels, ...).
    let semantic = SemanticBuilder::new().with_check_syntax_error(true).build(program);
    // Errors oxc reports that acorn does not (see `convert::quirks`).
    let acorn_ignores = |error: &OxcDiagnostic| {
        let [label] = error.labels.as_slice() else { return false };
        convert::quirks::is_class_name_eval_or_arguments(source, label.span(), &program.comments)
            || convert::quirks::is_directive_before_unseen_use_strict(program, label.span())
    };
    // oxc's redeclaration errors are not all right (see `redeclarations`): when it reports
    // one, the spec's check decides.
    let mut redeclaration = None;
    let redeclared = |found: redeclarations::Redeclaration| EncodeError::Syntax {
        message: format!("Identifier '{}' has already been declared", found.name),
        pos_utf16: utf16_offset(source, found.span.start as usize),
    };
    // Likewise for `eval`/`arguments` assigned to in strict code (see `convert::quirks`).
    let mut strict_target = None;
    let target_error = |(name, at, binds): (&str, usize, bool)| EncodeError::Syntax {
        message: if binds {
            format!("Binding {name} in strict mode")
        } else {
            format!("Cannot assign to '{name}' in strict mode")
        },
        pos_utf16: utf16_offset(source, at),
    };
    for error in semantic.diagnostics.errors() {
        if acorn_ignores(error) {
            continue;
        }
        if convert::quirks::is_eval_or_arguments_assignment(error) {
            match *strict_target.get_or_insert_with(|| convert::quirks::strict_eval_or_arguments_target(program)) {
                Some(found) => return Err(target_error(found)),
                None => continue,
            }
        }
        if convert::quirks::is_binding_redeclaration(source, error) {
            match *redeclaration.get_or_insert_with(|| redeclarations::first_redeclaration(program)) {
                Some(found) => return Err(redeclared(found)),
                None => continue,
            }
        }
        return Err(syntax_error(source, error, let_placeholder));
    }
    if strict_target.is_none()
        && convert::quirks::may_assign_in_for_head(text, &program.comments)
        && let Some(found) = convert::quirks::strict_eval_or_arguments_target(program)
    {
        return Err(target_error(found));
    }
    // A `let` identifier or label is a reserved word in strict code (acorn: "The keyword 'let'
    // is reserved"). oxc checks neither labels nor the placeholder.
    let scoping = semantic.semantic.scoping();
    let reserved_let = |at: usize| EncodeError::Syntax {
        message: "The keyword 'let' is reserved".into(),
        pos_utf16: utf16_offset(source, at),
    };
    if let Some(placeholder) = let_placeholder {
        for (name, references) in scoping.root_unresolved_references() {
            if name.as_str() == placeholder
                && references.iter().any(|&id| {
                    scoping.scope_flags(scoping.get_reference(id).scope_id()).is_strict_mode()
                })
            {
                // The first stand-in for `let` (not one for `async`, which has `__` after it).
                let at = text.match_indices(placeholder).map(|(at, _)| at).find(|&at| !text[at + 3..].starts_with("__"));
                return Err(reserved_let(at.unwrap_or(0)));
            }
        }
        // Bindings: the parameter of `let => a`.
        for symbol in scoping.symbol_ids() {
            if scoping.symbol_name(symbol) == placeholder
                && scoping.scope_flags(scoping.symbol_scope_id(symbol)).is_strict_mode()
            {
                return Err(reserved_let(scoping.symbol_span(symbol).start as usize));
            }
        }
    }
    if convert::quirks::let_followed_by(text, let_placeholder, ':', !options.module)
        && let Some(at) = convert::quirks::strict_let_label(program, let_placeholder)
    {
        return Err(reserved_let(at));
    }
    drop(semantic);

    let mut writer = writer::Writer::new(source);
    let converted = match convert::write_program(&mut writer, program, &allocator, !check_regexes.get()) {
        Ok(converted) => converted,
        Err(rejected) => {
            let pos_utf16 = utf16_offset(source, rejected.offset as usize);
            return Err(EncodeError::Syntax { message: rejected.message.into(), pos_utf16 });
        }
    };
    // Redeclarations oxc does not report in a few shapes of program the conversion noticed.
    if converted.may_hide_redeclaration
        && redeclaration.is_none()
        && let Some(found) = redeclarations::first_redeclaration(program)
    {
        return Err(redeclared(found));
    }
    if options.comments {
        convert::write_comments(&mut writer, program, source);
    }
    Ok(writer.finish(options.module, options.comments))
}

/// How many times one source may be re-parsed with a misreading rewritten (see
/// `convert::quirks`).
const MAX_RETRIES: usize = 32;

/// The first of `candidates` (offsets of `word` in `text`, nearest first) whose replacement by
/// `stand_in` oxc parses without an error, or with its first error where `gets_past` accepts
/// it; the patched text and its parse. Each candidate costs a parse from the shared budget.
#[allow(clippy::too_many_arguments)]
fn first_fixing_rewrite<'a>(
    allocator: &'a Allocator,
    text: &str,
    candidates: impl Iterator<Item = usize>,
    word: &str,
    stand_in: &str,
    retries: &mut usize,
    parse: impl Fn(&'a str) -> ParserReturn<'a>,
    gets_past: impl Fn(&str, &OxcDiagnostic) -> bool,
) -> Option<(&'a str, ParserReturn<'a>)> {
    for candidate in candidates.take(MAX_RETRIES - *retries) {
        *retries += 1;
        let patched = replaced(allocator, text, candidate..candidate + word.len(), stand_in);
        let reparsed = parse(patched);
        if first_error(&reparsed.diagnostics).is_none_or(|e| gets_past(patched, e)) {
            return Some((patched, reparsed));
        }
    }
    None
}

/// A copy of `text` in the arena with `range` replaced by `with` (the source rewrites above).
fn replaced<'a>(allocator: &'a Allocator, text: &str, range: std::ops::Range<usize>, with: &str) -> &'a str {
    let mut patched = text.to_owned();
    patched.replace_range(range, with);
    allocator.alloc_str(&patched)
}

/// oxc's message for a failed automatic semicolon insertion.
const ASI_FAILED: &str = "Expected a semicolon or an implicit semicolon";

fn first_error(diagnostics: &oxc_diagnostics::Diagnostics) -> Option<&OxcDiagnostic> {
    diagnostics.errors().next()
}

/// The error as acorn would place it, at a UTF-16 offset (see [`error_offset`]), naming `let`
/// where a message quotes the placeholder that replaced it.
fn syntax_error(source: &str, error: &OxcDiagnostic, let_placeholder: Option<&str>) -> EncodeError {
    let mut offset = error_offset(error) as usize;
    if error.message.starts_with(ASI_FAILED) {
        offset = convert::quirks::next_token_start(source, offset);
    }
    let mut message = error.message.to_string();
    if let Some(placeholder) = let_placeholder {
        // The source has no placeholder character: every one in the message stands for `let`,
        // or with `__` after it for `async`.
        message = message.replace(&convert::quirks::async_placeholder(placeholder), "async").replace(placeholder, "let");
    }
    EncodeError::Syntax { message, pos_utf16: utf16_offset(source, offset) }
}

/// UTF-8 offset of the error's primary label, else of its last label (oxc labels a
/// redeclaration at both declarations; acorn reports the second), else 0.
fn error_offset(error: &OxcDiagnostic) -> u32 {
    let labels = &error.labels;
    labels.iter().find(|label| label.primary()).or_else(|| labels.iter().max_by_key(|l| l.offset())).map_or(0, |label| label.offset())
}

/// UTF-8 byte offset -> UTF-16 code unit offset (clamped to the source, on a char boundary).
fn utf16_offset(source: &str, offset: usize) -> u32 {
    let mut end = offset.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let prefix = &source[..end];
    if prefix.is_ascii() { prefix.len() as u32 } else { prefix.encode_utf16().count() as u32 }
}
