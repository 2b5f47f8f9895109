//! oxc AST -> binast wire stream, shaped exactly like acorn's ESTree output.
//!
//! Every function here is a method on [`Writer`] so that the closures the generated per-kind
//! writers take (`impl FnOnce(&mut Writer)`) can call straight back into the conversion.
//! The split by concern mirrors oxc's AST modules; oxc -> ESTree quirks are commented where
//! they are handled.

use std::cell::Cell;

use oxc_allocator::Allocator;
use oxc_ast::ast::Program;
use oxc_span::Span;

use crate::generated::schema::source_type;
use crate::writer::{WireStr, Writer};

mod classes;
mod comments;
mod expressions;
mod functions;
mod jumps;
mod literals;
mod missed_redeclarations;
mod modules;
mod patterns;
pub mod quirks;
mod regexps;
mod statements;
mod templates;

pub use comments::write_comments;

/// acorn's error for a decorator (it reads no `@`), at the `@`.
pub const DECORATOR: &str = "Unexpected character '@'";

/// Syntax oxc accepts but acorn (ecmaVersion latest) rejects, found while converting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported {
    /// UTF-8 offset of the offending syntax.
    pub offset: u32,
    pub message: &'static str,
}

// Conversion state the closure-driven writer methods cannot carry: the first rejection and
// the arena for the rare string oxc leaves un-normalized. wasm32 is single-threaded; natively
// each thread converts on its own.
thread_local! {
    static REJECTED: Cell<Option<Unsupported>> = const { Cell::new(None) };
    static ARENA: Cell<*const Allocator> = const { Cell::new(std::ptr::null()) };
}

/// What the conversion noticed about a program it accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Converted {
    /// The program has a shape where oxc_semantic may miss a redeclaration (see
    /// [`missed_redeclarations`]): `crate::redeclarations` must check it.
    pub may_hide_redeclaration: bool,
}

/// Converts `program` into `w`. `allocator` must be the one `program` lives in.
/// `validate_regexes`: oxc parsed without checking regular expressions (see [`regexps`]).
///
/// On `Err`, whatever was written is garbage and must be dropped.
pub fn write_program<'a>(
    w: &mut Writer<'a>,
    program: &Program<'a>,
    allocator: &'a Allocator,
    validate_regexes: bool,
) -> Result<Converted, Unsupported> {
    REJECTED.with(|slot| slot.set(None));
    regexps::set_validate_all(validate_regexes);
    jumps::reset();
    missed_redeclarations::reset();
    ARENA.with(|slot| slot.set(allocator));
    // acorn's Program always spans the whole input (leading comments and trailing space too).
    let span = Span::new(0, program.source_text.len() as u32);
    let len = program.directives.len() + program.body.len();
    let kind = source_type(if program.source_type.is_module() { "module" } else { "script" });
    w.program(
        span,
        len,
        |w| {
            // acorn keeps the directive prologue as the first statements of `body`.
            w.directives(&program.directives);
            w.statements(&program.body);
        },
        kind,
    );
    ARENA.with(|slot| slot.set(std::ptr::null()));
    match REJECTED.with(Cell::take) {
        Some(rejected) => Err(rejected),
        None => Ok(Converted { may_hide_redeclaration: missed_redeclarations::suspected() }),
    }
}

/// Records that acorn would reject the syntax at `span`; the first report wins.
#[cold]
pub(crate) fn note_rejection(span: Span, message: &'static str) {
    REJECTED.with(|slot| {
        if slot.get().is_none() {
            slot.set(Some(Unsupported { offset: span.start, message }));
        }
    });
}

impl<'a> Writer<'a> {
    /// Records that acorn would reject the syntax at `span` (see [`note_rejection`]) and writes
    /// a null in place of the node so the stream stays well-formed until the caller drops it.
    #[cold]
    pub(crate) fn reject(&mut self, span: Span, message: &'static str) {
        note_rejection(span, message);
        self.null();
    }

    /// An identifier's name: `let` or `async` where `encode` re-parsed a misparsed one with a
    /// placeholder (see [`quirks`]); called by the generated `identifier` writer for every
    /// identifier (labels, bindings, references, parameters alike).
    #[inline]
    pub(crate) fn let_identifier(&self, span: Span, name: WireStr<'a>) -> WireStr<'a> {
        // Placeholders start with a 3-byte letter (lead byte 0xE3) the source does not contain,
        // so an identifier that starts with one and spans the text `let`/`async` is a stand-in.
        match name {
            WireStr::Utf8(text) if matches!(text.len(), 3 | 5) && text.as_bytes()[0] == 0xE3 => {
                match self.source_slice(span) {
                    "let" => WireStr::Utf8("let"),
                    "async" => WireStr::Utf8("async"),
                    _ => name,
                }
            }
            _ => name,
        }
    }

    /// Copies `text` into the AST arena so it lives as long as the source strings.
    #[cold]
    pub(crate) fn alloc_str(&mut self, text: &str) -> &'a str {
        let arena = ARENA.with(Cell::get);
        assert!(!arena.is_null(), "alloc_str outside write_program");
        // SAFETY: `write_program` stores the `&'a Allocator` its caller lent it and clears it
        // before returning, so the pointer is live and outlives every `'a` string it hands out.
        let arena: &'a Allocator = unsafe { &*arena };
        arena.alloc_str(text)
    }
}
