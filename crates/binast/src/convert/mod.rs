//! oxc AST -> binast wire stream, shaped exactly like acorn's ESTree output.
//!
//! Every function here is a method on [`Writer`] so that the closures the generated per-kind
//! writers take (`impl FnOnce(&mut Writer)`) can call straight back into the conversion.
//! The split by concern mirrors oxc's AST modules; oxc -> ESTree quirks are commented where
//! they are handled.

use oxc_allocator::Allocator;
use oxc_ast::ast::Program;
use oxc_span::Span;

use crate::generated::schema::source_type;
use crate::writer::{WireStr, Writer};

mod classes;
mod comments;
mod expressions;
mod functions;
mod literals;
pub mod messages;
mod missed_redeclarations;
mod module_records;
mod modules;
mod patterns;
pub mod quirks;
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

/// The conversion's own state (rollup's `AstConverter`), which the closure-driven writer
/// methods reach through [`Writer::state`]: owned by the one conversion, no globals.
#[derive(Default)]
pub(crate) struct State<'a> {
    /// The arena `program` lives in, for the rare string oxc leaves un-normalized.
    arena: Option<&'a Allocator>,
    /// The first syntax acorn would reject.
    rejected: Option<Unsupported>,
    pub(crate) redeclarations: missed_redeclarations::Suspicion<'a>,
    /// Imports, exports, `import()` and `import.meta`, for the modules section.
    pub(crate) modules: module_records::ModuleRecords<'a>,
}

impl State<'_> {
    /// Records that acorn would reject the syntax at `span`; the first report wins.
    #[cold]
    pub(crate) fn reject(&mut self, span: Span, message: &'static str) {
        self.rejected.get_or_insert(Unsupported { offset: span.start, message });
    }
}

/// What the conversion noticed about a program it accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Converted {
    /// The program has a shape where oxc_semantic may miss a redeclaration (see
    /// [`missed_redeclarations`]): `crate::redeclarations` must check it.
    pub may_hide_redeclaration: bool,
}

/// Converts `program` into `w`. `allocator` must be the one `program` lives in.
///
/// On `Err`, whatever was written is garbage and must be dropped.
pub fn write_program<'a>(
    w: &mut Writer<'a>,
    program: &Program<'a>,
    allocator: &'a Allocator,
) -> Result<Converted, Unsupported> {
    w.state = State { arena: Some(allocator), ..State::default() };
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
    let state = std::mem::take(&mut w.state);
    match state.rejected {
        Some(rejected) => Err(rejected),
        None => {
            w.modules = state.modules.section();
            Ok(Converted { may_hide_redeclaration: state.redeclarations.suspected() })
        }
    }
}

impl<'a> Writer<'a> {
    /// Records that acorn would reject the syntax at `span` (see [`State::reject`]) and writes
    /// a null in place of the node so the stream stays well-formed until the caller drops it.
    #[cold]
    pub(crate) fn reject(&mut self, span: Span, message: &'static str) {
        self.state.reject(span, message);
        self.null();
    }

    /// An identifier's name: `async` where `encode` re-parsed a call of `async` with a
    /// stand-in (see [`quirks`]); called by the generated `identifier` writer for every
    /// identifier. (The hook keeps its old name: the schema hash covers its text.)
    #[inline]
    pub(crate) fn let_identifier(&self, span: Span, name: WireStr<'a>) -> WireStr<'a> {
        // Stand-ins start with a 3-byte letter (lead byte 0xE3) the source does not contain,
        // so an identifier that starts with one and spans the text `async` is a stand-in.
        match name {
            WireStr::Utf8(text)
                if text.len() == 5 && text.as_bytes()[0] == 0xE3 && self.source_slice(span) == "async" =>
            {
                WireStr::Utf8("async")
            }
            _ => name,
        }
    }

    /// Copies `text` into the AST arena so it lives as long as the source strings.
    #[cold]
    pub(crate) fn alloc_str(&mut self, text: &str) -> &'a str {
        let arena = self.state.arena.expect("alloc_str outside write_program");
        arena.alloc_str(text)
    }
}
