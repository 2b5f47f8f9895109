//! Shapes of program where oxc_semantic misses a redeclaration, noticed while converting so
//! that `encode` runs its own check (`crate::redeclarations`) on the few programs that have
//! them, instead of walking every tree a second time:
//! - a `var e` inside `catch (e) { ... }`: Annex B.3.4 lets it share the catch parameter's
//!   name, and oxc stops looking there, though the `var` still hoists past the catch clause
//!   to meet a lexical `e` outside (`let e; try {} catch (e) { var e }`);
//! - a function declaration as the body of an `if` (Annex B.3.3): after one, oxc misses an
//!   async or generator function of its name meeting a lexical declaration
//!   (`class a {} if (c) function a() {} async function a() {}`);
//! - a `var` pattern that binds one name twice (`{ function a() {} var [a, a] = x }`): oxc
//!   compares each `var` name with the declaration just before it, which for the second `a`
//!   is the first, not the function.
//!
//! Both are over-approximations (a `var e` in a function nested in the catch block also
//! counts): a false alarm costs one run of the check, a miss a wrong answer.

use std::cell::{Cell, RefCell};

use oxc_ast::ast::{BindingPattern, CatchParameter, VariableDeclaration, VariableDeclarationKind};
use rustc_hash::FxHashSet;

thread_local! {
    /// The simple parameters (`catch (e)`) of the catch clauses around the conversion point.
    static CATCH_PARAMETERS: RefCell<Vec<Box<str>>> = const { RefCell::new(Vec::new()) };
    static SUSPECTED: Cell<bool> = const { Cell::new(false) };
}

pub(crate) fn reset() {
    CATCH_PARAMETERS.with(|names| names.borrow_mut().clear());
    SUSPECTED.set(false);
}

/// Whether the program converted since [`reset`] has one of the shapes above.
pub(crate) fn suspected() -> bool {
    SUSPECTED.get()
}

/// Starts a catch block; returns whether a parameter was pushed (pass it to [`leave_catch`]).
pub(crate) fn enter_catch(param: Option<&CatchParameter<'_>>) -> bool {
    let Some(BindingPattern::BindingIdentifier(id)) = param.map(|param| &param.pattern) else {
        return false;
    };
    CATCH_PARAMETERS.with(|names| names.borrow_mut().push(id.name.as_str().into()));
    true
}

pub(crate) fn leave_catch(pushed: bool) {
    if pushed {
        CATCH_PARAMETERS.with(|names| names.borrow_mut().pop());
    }
}

/// A `var` declaration: suspect it if it declares the name of an enclosing catch parameter,
/// or one name twice in a pattern.
#[inline]
pub(crate) fn note_declaration(decl: &VariableDeclaration<'_>) {
    if decl.kind != VariableDeclarationKind::Var {
        return;
    }
    if decl.declarations.iter().any(|declarator| declarator.id.is_destructuring_pattern() && binds_a_name_twice(&declarator.id)) {
        SUSPECTED.set(true);
    }
    CATCH_PARAMETERS.with(|names| {
        let names = names.borrow();
        if names.is_empty() {
            return;
        }
        let shadows = decl.declarations.iter().any(|declarator| {
            declarator
                .id
                .get_binding_identifiers()
                .iter()
                .any(|id| names.iter().any(|name| **name == *id.name.as_str()))
        });
        if shadows {
            SUSPECTED.set(true);
        }
    });
}

fn binds_a_name_twice(pattern: &BindingPattern<'_>) -> bool {
    let mut names = FxHashSet::default();
    pattern.get_binding_identifiers().iter().any(|id| !names.insert(id.name.as_str()))
}

/// A function declaration as the body of an `if` (or its `else`).
#[cold]
pub(crate) fn note_if_function() {
    SUSPECTED.set(true);
}
