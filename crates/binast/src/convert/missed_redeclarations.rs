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

use oxc_ast::ast::{BindingPattern, CatchParameter, VariableDeclaration, VariableDeclarationKind};
use rustc_hash::FxHashSet;

/// What the conversion has seen of those shapes so far.
#[derive(Default)]
pub(crate) struct Suspicion<'a> {
    /// The simple parameters (`catch (e)`) of the catch clauses around the conversion point.
    catch_parameters: Vec<&'a str>,
    suspected: bool,
}

impl<'a> Suspicion<'a> {
    /// Whether the program converted so far has one of the shapes above.
    pub(crate) fn suspected(&self) -> bool {
        self.suspected
    }

    /// Starts a catch block; returns whether a parameter was pushed (pass it to
    /// [`Self::leave_catch`]).
    pub(crate) fn enter_catch(&mut self, param: Option<&CatchParameter<'a>>) -> bool {
        let Some(BindingPattern::BindingIdentifier(id)) = param.map(|param| &param.pattern) else {
            return false;
        };
        self.catch_parameters.push(id.name.as_str());
        true
    }

    pub(crate) fn leave_catch(&mut self, pushed: bool) {
        if pushed {
            self.catch_parameters.pop();
        }
    }

    /// A `var` declaration: suspect it if it declares the name of an enclosing catch parameter,
    /// or one name twice in a pattern.
    #[inline]
    pub(crate) fn note_declaration(&mut self, decl: &VariableDeclaration<'a>) {
        if decl.kind != VariableDeclarationKind::Var {
            return;
        }
        if decl
            .declarations
            .iter()
            .any(|declarator| declarator.id.is_destructuring_pattern() && binds_a_name_twice(&declarator.id))
        {
            self.suspected = true;
        }
        if self.catch_parameters.is_empty() {
            return;
        }
        let names = &self.catch_parameters;
        let shadows = decl.declarations.iter().any(|declarator| {
            declarator.id.get_binding_identifiers().iter().any(|id| names.contains(&id.name.as_str()))
        });
        if shadows {
            self.suspected = true;
        }
    }

    /// A function declaration as the body of an `if` (or its `else`).
    #[cold]
    pub(crate) fn note_if_function(&mut self) {
        self.suspected = true;
    }
}

fn binds_a_name_twice(pattern: &BindingPattern<'_>) -> bool {
    let mut names = FxHashSet::default();
    pattern.get_binding_identifiers().iter().any(|id| !names.insert(id.name.as_str()))
}
