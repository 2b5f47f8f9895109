//! Scopes and the redeclaration check: ECMA-262 with Annex B, as acorn's `scope.js` does it (a
//! scope stack; lexical, sloppy-function and var names per scope; a `var` is checked against
//! every scope up to its function), with the two departures from acorn the module docs name.

use super::rules::is_simple;
use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ScopeKind {
    /// The script or module.
    Top,
    /// A function or arrow function: its parameters and body.
    Function,
    /// A class static block.
    StaticBlock,
    /// A block, a `switch` case block, a `for` statement, a `catch` clause.
    Block,
}

/// How a name is bound in a scope (bits).
pub(super) const LEXICAL: u8 = 1;
/// A plain function declaration in sloppy code (which may share a name, Annex B.3.2.4).
pub(super) const FUNCTION: u8 = 2;
/// Declared by `var` (or a parameter) here or in a nested block.
pub(super) const VAR: u8 = 4;

/// The names of one scope: a short list searched in order, indexed by a hash map once long.
#[derive(Default)]
pub(super) struct Names<'a> {
    pub(super) list: Vec<(&'a str, u8)>,
    pub(super) index: FxHashMap<&'a str, u32>,
}

pub(super) const INDEX_FROM: usize = 12;

impl<'a> Names<'a> {
    pub(super) fn clear(&mut self) {
        self.list.clear();
        self.index.clear();
    }

    pub(super) fn position(&self, name: &str) -> Option<usize> {
        if self.list.len() < INDEX_FROM {
            self.list.iter().position(|&(n, _)| n == name)
        } else {
            self.index.get(name).map(|&i| i as usize)
        }
    }

    pub(super) fn get(&self, name: &str) -> u8 {
        self.position(name).map_or(0, |i| self.list[i].1)
    }

    pub(super) fn add(&mut self, name: &'a str, flags: u8) {
        match self.position(name) {
            Some(i) => self.list[i].1 |= flags,
            None => {
                self.list.push((name, flags));
                if self.list.len() == INDEX_FROM {
                    self.index.extend(self.list.iter().enumerate().map(|(i, &(n, _))| (n, i as u32)));
                } else if self.list.len() > INDEX_FROM {
                    self.index.insert(name, (self.list.len() - 1) as u32);
                }
            }
        }
    }
}

pub(super) struct Scope<'a> {
    pub(super) kind: ScopeKind,
    pub(super) names: Names<'a>,
    /// The parameter of `catch (e)`, which a `var e` in its block may redeclare (Annex B.3.4).
    pub(super) simple_catch: Option<&'a str>,
}

impl<'a> Checker<'a> {
    pub(super) fn enter(&mut self, kind: ScopeKind) {
        if self.depth == self.scopes.len() {
            self.scopes.push(Scope { kind, names: Names::default(), simple_catch: None });
        } else {
            let scope = &mut self.scopes[self.depth];
            scope.kind = kind;
            scope.names.clear();
            scope.simple_catch = None;
        }
        self.depth += 1;
    }

    pub(super) fn leave(&mut self) {
        self.depth -= 1;
    }

    pub(super) fn current(&mut self) -> &mut Scope<'a> {
        &mut self.scopes[self.depth - 1]
    }

    /// At the top of a function, script or static block, function declarations are var-scoped.
    pub(super) fn functions_are_vars(&self, kind: ScopeKind) -> bool {
        match kind {
            ScopeKind::Function | ScopeKind::StaticBlock => true,
            ScopeKind::Top => !self.module,
            ScopeKind::Block => false,
        }
    }

    pub(super) fn declare_lexical(&mut self, id: &BindingIdentifier<'a>) {
        let name = id.name.as_str();
        let scope = self.current();
        let redeclared = scope.names.get(name) != 0;
        scope.names.add(name, LEXICAL);
        if redeclared {
            self.redeclared(id);
        }
    }

    pub(super) fn declare_function(&mut self, id: &BindingIdentifier<'a>) {
        let name = id.name.as_str();
        let functions_are_vars = self.functions_are_vars(self.scopes[self.depth - 1].kind);
        let scope = self.current();
        let flags = scope.names.get(name);
        let redeclared = flags & LEXICAL != 0 || (!functions_are_vars && flags & VAR != 0);
        scope.names.add(name, FUNCTION);
        if redeclared {
            self.redeclared(id);
        }
    }

    pub(super) fn declare_var(&mut self, id: &BindingIdentifier<'a>) {
        let name = id.name.as_str();
        let mut redeclared = false;
        for index in (0..self.depth).rev() {
            let kind = self.scopes[index].kind;
            let functions_are_vars = self.functions_are_vars(kind);
            let scope = &mut self.scopes[index];
            let flags = scope.names.get(name);
            if (flags & LEXICAL != 0 && scope.simple_catch != Some(name))
                || (!functions_are_vars && flags & FUNCTION != 0)
            {
                redeclared = true;
                break;
            }
            scope.names.add(name, VAR);
            if kind != ScopeKind::Block {
                break;
            }
        }
        if redeclared {
            self.redeclared(id);
        }
    }

    #[cold]
    pub(super) fn redeclared(&mut self, id: &BindingIdentifier<'a>) {
        self.report(id.span.start, format!("Identifier '{}' has already been declared", id.name));
    }

    pub(super) fn declare_pattern(&mut self, pattern: &BindingPattern<'a>, lexical: bool) {
        // Most patterns are one identifier: no list to collect.
        if let BindingPattern::BindingIdentifier(id) = pattern {
            return if lexical { self.declare_lexical(id) } else { self.declare_var(id) };
        }
        for id in pattern.get_binding_identifiers() {
            if lexical { self.declare_lexical(id) } else { self.declare_var(id) }
        }
    }

    /// Entering formal parameters: they are var-scoped in their function, duplicates allowed
    /// only in a sloppy function (not an arrow or method) with a simple parameter list; the
    /// names are declared before anything in the parameters is checked. `leave_params` takes
    /// what this returns.
    pub(crate) fn enter_params(&mut self, params: &FormalParameters<'a>) -> bool {
        let simple = is_simple(params);
        let unique = self.context.strict || !simple || params.kind != FormalParameterKind::FormalParameter;
        if simple && params.items.len() <= 1 {
            // No pattern, at most one name: nothing can repeat.
            for param in &params.items {
                if let BindingPattern::BindingIdentifier(id) = &param.pattern {
                    self.declare_var(id);
                }
            }
        } else {
            let mut seen: Vec<&str> = Vec::new();
            let names = params
                .items
                .iter()
                .flat_map(|p| p.pattern.get_binding_identifiers())
                .chain(params.rest.iter().flat_map(|rest| rest.rest.argument.get_binding_identifiers()));
            for id in names {
                if seen.contains(&id.name.as_str()) {
                    if unique {
                        self.redeclared(id);
                    }
                } else {
                    seen.push(id.name.as_str());
                }
                self.declare_var(id);
            }
        }
        std::mem::replace(&mut self.context.in_params, true)
    }

    pub(crate) fn leave_params(&mut self, in_params: bool) {
        self.context.in_params = in_params;
    }

    /// A `catch` parameter, lexical in the clause's scope; a simple one (`catch (e)`) may be
    /// redeclared by a `var` in the block (Annex B.3.4).
    pub(super) fn declare_catch_parameter(&mut self, pattern: &BindingPattern<'a>) {
        if let BindingPattern::BindingIdentifier(id) = pattern {
            let scope = self.current();
            scope.names.add(id.name.as_str(), LEXICAL);
            scope.simple_catch = Some(id.name.as_str());
        } else {
            self.declare_pattern(pattern, true);
        }
    }
}
