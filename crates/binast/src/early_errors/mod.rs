//! The early errors oxc's parser leaves to semantic analysis, in one lean walk of the tree:
//! declarations and the scopes they need, labels, `break`/`continue`, private names, `super`,
//! exported names, and the strict-mode rules (reserved words, `eval`/`arguments`, legacy octal
//! literals and escapes, `with`, `delete`). It replaces `oxc_semantic` (with its
//! `check_syntax_error`), which built complete scopes, symbols and references that binast threw
//! away, at about the cost of the parse itself.
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
//! The first error found is reported; only the verdict and that error's text and place matter
//! (the JavaScript side asks acorn for its own error when the encoder rejects a source).
//!
//! By concern: `scope` (scopes and the redeclaration check, acorn's algorithm), `rules` (the
//! other rules, and what a function or class brings into scope), `visit` (the walk, which
//! applies each rule where oxc_semantic reports it).

mod rules;
mod scope;
#[cfg(test)]
mod tests;
mod visit;

use std::borrow::Cow;

use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_span::{GetSpan, Span};
use oxc_syntax::number::NumberBase;
use oxc_syntax::operator::UnaryOperator;
use oxc_syntax::scope::ScopeFlags;
use rustc_hash::FxHashMap;

use scope::{Scope, ScopeKind};

/// An early error: its message and the UTF-8 offset it is reported at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlyError {
    pub message: Cow<'static, str>,
    pub offset: u32,
}

/// The first early error of `program` (parsed without errors), if any.
pub fn first_early_error(program: &Program<'_>) -> Option<EarlyError> {
    let module = program.source_type.is_module();
    let mut checker = Checker {
        program,
        module,
        strict: module || program.has_use_strict_directive(),
        scopes: Vec::new(),
        depth: 0,
        found: None,
        labels: Vec::new(),
        in_function: false,
        loops: 0,
        switches: 0,
        body_position: false,
        static_block_scope: false,
        in_static_block: false,
        in_params: false,
        lexical_binding: None,
        arguments_context: None,
        super_context: SuperContext::None,
        method_super: None,
        class_names: Vec::new(),
        classes: Vec::new(),
        exports: Vec::new(),
    };
    checker.enter(ScopeKind::Top);
    checker.visit_directives(&program.directives);
    for statement in &program.body {
        if checker.found.is_some() {
            break;
        }
        checker.visit_statement(statement);
    }
    if checker.found.is_none() {
        // ExportedBindings must be declared at the top level (checked after it all).
        let top = &checker.scopes[0].names;
        if let Some(&(name, offset)) = checker.exports.iter().find(|&&(name, _)| top.get(name) == 0) {
            return Some(EarlyError { message: format!("Export '{name}' is not defined").into(), offset });
        }
    }
    checker.found
}

/// Where `super` may stand (the innermost method, field, static block or function around it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SuperContext {
    /// Neither `super.x` nor `super()`.
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

/// Saved across a function boundary.
struct FunctionContext<'a> {
    labels: Vec<Label<'a>>,
    in_function: bool,
    loops: u32,
    switches: u32,
    static_block_scope: bool,
    in_static_block: bool,
    in_params: bool,
    lexical_binding: Option<&'static str>,
    arguments_context: Option<&'static str>,
    super_context: SuperContext,
    strict: bool,
}

struct Checker<'a, 'p> {
    program: &'p Program<'a>,
    module: bool,
    strict: bool,
    /// The scope stack (`scopes[..depth]`); entries above `depth` are kept for reuse.
    scopes: Vec<Scope<'a>>,
    depth: usize,
    found: Option<EarlyError>,
    /// Labels around the current statement, within the current function.
    labels: Vec<Label<'a>>,
    /// Inside a function, arrow function or static block (a label cannot be reached).
    in_function: bool,
    /// Loops and `switch` statements around, within the current function.
    loops: u32,
    switches: u32,
    /// The statement being visited is the body of a loop, `if`, `with` or a label there.
    body_position: bool,
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
    /// The context of the method whose function is visited next.
    method_super: Option<SuperContext>,
    /// Class names: their `eval`/`arguments` are the converter's to check.
    class_names: Vec<Span>,
    /// The private names of the classes around.
    classes: Vec<PrivateNames<'a>>,
    /// `export { x }` (without `from`): the local names, checked at the end.
    exports: Vec<(&'a str, u32)>,
}
