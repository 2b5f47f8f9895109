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
use oxc_ast::ast::Program;
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
        return Err(EncodeError::Syntax {
            message: "Unexpected character '!'".into(),
            pos_utf16: 1,
        });
    }
    let allocator = Allocator::default();
    let source_type = if options.module {
        SourceType::mjs()
    } else {
        SourceType::script()
    };
    let parse_options = ParseOptions {
        // Parentheses are kept so that oxc rejects parenthesized patterns (`[(a = 1)] = b`,
        // `((a)) => 0`) as acorn does; the converter skips them.
        preserve_parens: true,
        allow_return_outside_function: options.allow_return_outside_function,
        parse_regular_expression: true,
        ..ParseOptions::default()
    };

    // The text oxc parses: `source`, or a same-length copy with the misreadings of
    // `convert::quirks` rewritten (`async(...` calls, a module's `<!--` operators). Only a
    // source oxc rejects pays for them: they start from oxc's first error.
    let mut text = source;
    let mut stand_in = None;
    let mut retries = 0;
    let parse = |text| {
        Parser::new(&allocator, text, source_type)
            .with_options(parse_options)
            .parse()
    };
    let mut parsed = parse(text);
    let parsed = loop {
        let Some(error) = first_error(&parsed.diagnostics) else {
            if parsed.fatal_error {
                return Err(EncodeError::Syntax {
                    message: "Unexpected token".into(),
                    pos_utf16: 0,
                });
            }
            break parsed;
        };
        // `async(...a)`: see `convert::quirks`. The cap (shared by all the rewrites) bounds the
        // re-parsing of pathological inputs.
        if retries < MAX_RETRIES
            && let Some(placeholder) = stand_in.or_else(|| convert::quirks::async_stand_in(source))
        {
            let at = error_offset(error) as usize;
            let candidates =
                convert::quirks::async_call_candidates(text, at, &parsed.program.comments);
            // Fixed if oxc now gets past the spread, and not only to fail at the arrow of an
            // arrow function (an `=>` on the next line is an error either way).
            let gets_past = |patched: &str, e: &OxcDiagnostic| {
                let offset = convert::quirks::next_token_start(patched, error_offset(e) as usize);
                let before = &patched[..offset];
                let gap = &before[before.trim_end().len()..];
                let line_break = gap.contains(['\n', '\r', '\u{2028}', '\u{2029}']);
                offset > at && (line_break || !patched[offset..].starts_with("=>"))
            };
            if let Some((patched, reparsed)) = first_fixing_rewrite(
                &allocator,
                text,
                candidates,
                "async",
                placeholder,
                &mut retries,
                parse,
                gets_past,
            ) {
                text = patched;
                stand_in = Some(placeholder);
                parsed = reparsed;
                continue;
            }
        }
        // Modules: oxc reads `<!--` at the start of a line as an HTML comment (and reports it);
        // there it is the operators `<`, `!`, `--`.
        if options.module
            && retries < MAX_RETRIES
            && let Some(patched) =
                convert::quirks::html_open_comments_as_operators(text, &parsed.diagnostics)
        {
            retries += 1;
            text = allocator.alloc_str(&patched);
            parsed = parse(text);
            continue;
        }
        return Err(syntax_error(source, &parsed.program, error, stand_in));
    };
    let program = allocator.alloc(parsed.program);

    // acorn rejects every decorator ("Unexpected character '@'"); oxc drops those before an
    // `export` that is not of a class, which the converter cannot see.
    if options.module
        && source.contains('@')
        && let Some(at) = convert::quirks::dropped_decorator(program)
    {
        let message = convert::DECORATOR.into();
        return Err(EncodeError::Syntax {
            message,
            pos_utf16: utf16_offset(source, at),
        });
    }

    // Early errors acorn reports that oxc's parser leaves to semantic analysis (redeclarations,
    // undefined exports, bad labels, ...).
    let semantic = SemanticBuilder::new()
        .with_check_syntax_error(true)
        .build(program);
    // Errors oxc reports that acorn does not (see `convert::quirks`).
    let acorn_ignores = |error: &OxcDiagnostic| {
        let [label] = error.labels.as_slice() else {
            return false;
        };
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
    for error in semantic.diagnostics.errors() {
        if acorn_ignores(error) {
            continue;
        }
        if convert::quirks::is_binding_redeclaration(source, error) {
            match *redeclaration.get_or_insert_with(|| redeclarations::first_redeclaration(program))
            {
                Some(found) => return Err(redeclared(found)),
                None => continue,
            }
        }
        return Err(syntax_error(source, program, error, stand_in));
    }
    drop(semantic);

    let mut writer = writer::Writer::new(source);
    let converted = match convert::write_program(&mut writer, program, &allocator) {
        Ok(converted) => converted,
        Err(rejected) => {
            let pos_utf16 = utf16_offset(source, rejected.offset as usize);
            return Err(EncodeError::Syntax {
                message: rejected.message.into(),
                pos_utf16,
            });
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
fn replaced<'a>(
    allocator: &'a Allocator,
    text: &str,
    range: std::ops::Range<usize>,
    with: &str,
) -> &'a str {
    let mut patched = text.to_owned();
    patched.replace_range(range, with);
    allocator.alloc_str(&patched)
}

/// oxc's message for a failed automatic semicolon insertion.
const ASI_FAILED: &str = "Expected a semicolon or an implicit semicolon";

fn first_error(diagnostics: &oxc_diagnostics::Diagnostics) -> Option<&OxcDiagnostic> {
    diagnostics.errors().next()
}

/// The error as acorn would place it, at a UTF-16 offset (see [`error_offset`]), naming
/// `async` where a message quotes the stand-in that replaced it.
fn syntax_error(
    source: &str,
    program: &Program<'_>,
    error: &OxcDiagnostic,
    stand_in: Option<&str>,
) -> EncodeError {
    let mut offset = error_offset(error) as usize;
    if error.message.starts_with(ASI_FAILED) {
        offset = convert::quirks::next_token_start(source, offset);
    }
    if error.message.starts_with("Invalid regular expression")
        && let Some(start) = convert::messages::regular_expression_start(program, offset as u32)
    {
        offset = start as usize;
    }
    if let Some(name) = error
        .message
        .strip_prefix("Cannot assign to '")
        .and_then(|rest| rest.strip_suffix("' in strict mode"))
        && convert::messages::is_binding_at(program, offset as u32)
    {
        let message = format!("Binding {name} in strict mode");
        return EncodeError::Syntax {
            message,
            pos_utf16: utf16_offset(source, offset),
        };
    }
    // oxc now rejects the decorators it used to drop (see `convert::quirks`); acorn reads no `@`.
    if error.message.starts_with("Decorators are not valid here") {
        return EncodeError::Syntax {
            message: convert::DECORATOR.into(),
            pos_utf16: utf16_offset(source, offset),
        };
    }
    let mut message = error.message.to_string();
    if let Some(stand_in) = stand_in {
        // The source has no stand-in: every one in the message stands for `async`.
        message = message.replace(stand_in, "async");
    }
    EncodeError::Syntax {
        message,
        pos_utf16: utf16_offset(source, offset),
    }
}

/// UTF-8 offset of the error's primary label, else of its last label (oxc labels a
/// redeclaration at both declarations; acorn reports the second), else 0.
fn error_offset(error: &OxcDiagnostic) -> u32 {
    let labels = &error.labels;
    labels
        .iter()
        .find(|label| label.primary())
        .or_else(|| labels.iter().max_by_key(|l| l.offset()))
        .map_or(0, |label| label.offset())
}

/// UTF-8 byte offset -> UTF-16 code unit offset (clamped to the source, on a char boundary).
fn utf16_offset(source: &str, offset: usize) -> u32 {
    let mut end = offset.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let prefix = &source[..end];
    if prefix.is_ascii() {
        prefix.len() as u32
    } else {
        prefix.encode_utf16().count() as u32
    }
}
