//! The early errors oxc's parser leaves to semantic analysis, checked during the conversion
//! walk (issue 12: no walk of its own, the tree is far larger than the cache): declarations and
//! the scopes they need, labels, `break`/`continue`, private names, `super`, exported names, and
//! the strict-mode rules (reserved words, `eval`/`arguments`, legacy octal literals and escapes,
//! `with`, `delete`). It replaces `oxc_semantic` (with its `check_syntax_error`), which built
//! complete scopes, symbols and references that binast threw away.
//!
//! Each rule is the one oxc_semantic 0.157 applies (same message, same position), except where
//! oxc_semantic was wrong and binast used to patch it:
//! - redeclarations follow ECMA-262 with Annex B, on every program (oxc reported some that are
//!   not: `function g(){} for (var g in x);`, `{{function b(){}} var b}`, and missed others:
//!   `let e; try {} catch (e) { var e }`, `class a {} if (c) function a() {} async function a()
//!   {}`); the algorithm is acorn's (scope stack; lexical, sloppy-function and var names per
//!   scope; a `var` is checked against every scope up to its function), with the two places
//!   where acorn departs from the spec put right, as V8 does: a labelled function declaration is
//!   lexically declared in its block (`{ l: function f() {} var f }`, which acorn accepts), and
//!   at the top of a class static block function declarations are var-scoped (`static { function
//!   f() {} function f() {} }`, which acorn rejects);
//! - `eval`/`arguments` as the name of a class are not checked here: acorn checks them for class
//!   declarations only, which the converter does;
//! - a legacy escape in a script's directive before a `"use strict"` that acorn's lookahead
//!   misses is not an error (`convert::quirks::is_directive_before_unseen_use_strict`).
//!
//! The first error found in oxc's `Visit` order is reported; only the verdict and that error's
//! text and place matter (the JavaScript side asks acorn for its own error when the encoder
//! rejects a source). The converter (`crate::convert`) walks the tree in that order and calls
//! the [`Checker`]'s hooks as it enters and leaves each node that has a rule or a scope; it
//! writes a node it rejects all the same (TypeScript aside, which a JavaScript parse does not
//! produce), so that the checks see every node.
//!
//! By concern: `scope` (scopes and the redeclaration check, acorn's algorithm), `context` (what
//! functions, classes and static blocks bring into scope and hide from their insides), `hooks`
//! (the statement and declaration hooks), `rules` (the expression and identifier rules).

mod context;
mod hooks;
mod rules;
mod scope;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_span::{GetSpan, Span};
use oxc_syntax::number::NumberBase;
use oxc_syntax::operator::UnaryOperator;
use rustc_hash::FxHashMap;

use scope::{Scope, ScopeKind};

/// An early error: its message and the UTF-8 offset it is reported at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlyError {
    pub message: Cow<'static, str>,
    pub offset: u32,
}

/// The first early error of `program` (parsed without errors, in `allocator`), if any, found
/// by a conversion whose output is dropped (for JSX elements parsed apart, tests and timing;
/// `encode` takes it from its own conversion).
pub fn first_early_error<'a>(program: &'a Program<'a>, allocator: &'a Allocator) -> Option<EarlyError> {
    crate::convert::first_early_error(program, allocator)
}

/// Where `super` may stand (the innermost method, field, static block or function around it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum SuperContext {
    /// Neither `super.x` nor `super()`.
    #[default]
    None,
    /// `super.x` (a method, a field's initializer, a static block).
    Property,
    /// `super.x` and `super()` (the constructor of a class with `extends`).
    Call,
    /// `super.x`; `super()` is an error of its own (a constructor of a class without `extends`).
    CallWithoutHeritage,
}

/// A class's private names, for the references inside it.
struct PrivateNames<'a> {
    names: Vec<&'a str>,
}

struct Label<'a> {
    name: &'a str,
    /// The labelled statement (through nested labels) is a loop: `continue` may target it.
    is_loop: bool,
}

/// The state that is the current function's own: a function, arrow function or static block
/// starts its own (`Checker::enter_function_context`) and puts the outer one back on leaving.
#[derive(Default)]
pub(crate) struct FunctionContext<'a> {
    /// Strict mode code.
    strict: bool,
    /// Labels around the current statement, within the current function.
    labels: Vec<Label<'a>>,
    /// Inside a function, arrow function or static block (a label cannot be reached).
    in_function: bool,
    /// Loops and `switch` statements around, within the current function.
    loops: u32,
    switches: u32,
    /// The innermost scope (as oxc_semantic counts scopes) is a class static block.
    static_block_scope: bool,
    /// Inside a class static block, not in a function within it.
    in_static_block: bool,
    /// Inside formal parameters, not in a function within them.
    in_params: bool,
    /// Inside the binding of a `let`/`const` declaration (its kind), not in a function within it.
    lexical_binding: Option<&'static str>,
    /// Where `arguments` is not allowed: a class field initializer or a static block (through
    /// arrow functions), named as oxc's message names it.
    arguments_context: Option<&'static str>,
    super_context: SuperContext,
}

/// The checks' state through one conversion, owned by `convert::State`.
#[derive(Default)]
pub(crate) struct Checker<'a> {
    /// The program checked (`None` only in the placeholder outside a conversion).
    program: Option<&'a Program<'a>>,
    module: bool,
    /// The scope stack (`scopes[..depth]`); entries above `depth` are kept for reuse.
    scopes: Vec<Scope<'a>>,
    depth: usize,
    found: Option<EarlyError>,
    /// What the current function (or the top level) allows; saved and replaced as a whole at a
    /// function boundary (`context.rs`).
    context: FunctionContext<'a>,
    /// The context of the method whose function is entered next.
    method_super: Option<SuperContext>,
    /// The private names of the classes around.
    classes: Vec<PrivateNames<'a>>,
    /// `export { x }` (without `from`): the local names, checked at the end.
    exports: Vec<(&'a str, u32)>,
}

impl<'a> Checker<'a> {
    /// The checks of `program`, its top-level scope entered.
    pub(crate) fn new(program: &'a Program<'a>) -> Self {
        let module = program.source_type.is_module();
        let mut checker = Checker {
            program: Some(program),
            module,
            context: FunctionContext {
                strict: module || program.has_use_strict_directive(),
                ..FunctionContext::default()
            },
            ..Checker::default()
        };
        checker.enter(ScopeKind::Top);
        checker
    }

    /// After the walk: the first early error, the exported bindings checked last.
    pub(crate) fn finish(&mut self) -> Option<EarlyError> {
        if self.found.is_none() {
            // ExportedBindings must be declared at the top level (checked after it all).
            let top = &self.scopes[0].names;
            if let Some(&(name, offset)) = self.exports.iter().find(|&&(name, _)| top.get(name) == 0) {
                return Some(EarlyError { message: format!("Export '{name}' is not defined").into(), offset });
            }
        }
        self.found.take()
    }

    fn program(&self) -> &'a Program<'a> {
        self.program.expect("a checker made by Checker::new")
    }

    fn source_text(&self) -> &'a str {
        self.program().source_text
    }
}
