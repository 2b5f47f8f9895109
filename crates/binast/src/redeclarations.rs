//! The early errors for declaring a name twice, checked as ECMA-262 (with Annex B) specifies.
//!
//! oxc_semantic reports redeclarations where there are none in a few sloppy-mode cases:
//! a function declaration and a `var` of the same name in different statements of a script
//! (`function g(){} for (var g in x);`, `function of(){} with (a) var of`), a block-level
//! function that Annex B would hoist next to a lexical or nested declaration of its name
//! (`{{function b(){}} var b}`, `{function y(){}} const y = 1`, `if (a) function a(){} let a`).
//! `encode` asks this checker instead of trusting those errors: it runs when oxc reports a
//! binding redeclaration (rare), and its verdict replaces every such report. It also runs where
//! oxc misses redeclarations, on the programs whose conversion noticed a shape that hides one
//! from oxc (`convert::missed_redeclarations`: a `var` in `catch (e) { ... }` redeclaring `e`,
//! an `if`-statement function). It does not run on every tree: that walk would add 6 to 11% to
//! encoding.
//!
//! The algorithm is acorn's (scope stack; lexical, sloppy-function and var names per scope; a
//! `var` is checked against every scope up to its function), with the two places where acorn
//! departs from the specification put right, as V8 does:
//! - a labelled function declaration (`{ l: function f() {} var f }`) is lexically declared in
//!   its block; acorn does not declare it at all (it does not for the function of an `if`
//!   either, which is right: that one sits in a block of its own, Annex B.3.4);
//! - at the top of a class static block, as at the top of a function, function declarations
//!   are var-scoped (`static { function f() {} function f() {} }` is valid).

use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_span::Span;
use oxc_syntax::scope::ScopeFlags;
use rustc_hash::FxHashSet;

/// A redeclaration: the name and the span of its second declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Redeclaration<'a> {
    pub name: &'a str,
    pub span: Span,
}

/// The first redeclaration in `program`, in source order, if any.
pub fn first_redeclaration<'a>(program: &Program<'a>) -> Option<Redeclaration<'a>> {
    let mut checker = Checker {
        scopes: Vec::new(),
        module: program.source_type.is_module(),
        strict: program.source_type.is_module() || program.has_use_strict_directive(),
        found: None,
    };
    checker.enter(ScopeKind::Top);
    for statement in &program.body {
        checker.visit_statement(statement);
        if checker.found.is_some() {
            break;
        }
    }
    checker.found
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    /// The script or module.
    Top,
    /// A function or arrow function: its parameters and body.
    Function,
    /// A class static block.
    StaticBlock,
    /// A block, a `switch` case block, a `for` statement, a `catch` clause.
    Block,
}

#[derive(Default)]
struct Scope<'a> {
    lexical: FxHashSet<&'a str>,
    /// Plain function declarations of sloppy code (which may share a name, Annex B.3.2.4).
    functions: FxHashSet<&'a str>,
    /// Names declared by `var` (and parameters) here or in a nested block.
    vars: FxHashSet<&'a str>,
    /// The parameter of `catch (e)`, which a `var e` in its block may redeclare (Annex B.3.4).
    simple_catch: Option<&'a str>,
}

struct Checker<'a> {
    scopes: Vec<(ScopeKind, Scope<'a>)>,
    module: bool,
    strict: bool,
    found: Option<Redeclaration<'a>>,
}

enum Binding {
    Lexical,
    /// A plain function declaration in sloppy code.
    Function,
    Var,
}

impl<'a> Checker<'a> {
    fn enter(&mut self, kind: ScopeKind) {
        self.scopes.push((kind, Scope::default()));
    }

    fn leave(&mut self) {
        self.scopes.pop();
    }

    fn report(&mut self, name: &'a str, span: Span) {
        if self.found.is_none() {
            self.found = Some(Redeclaration { name, span });
        }
    }

    /// At the top of a function, script or static block, function declarations are var-scoped.
    fn functions_are_vars(&self, kind: ScopeKind) -> bool {
        match kind {
            ScopeKind::Function | ScopeKind::StaticBlock => true,
            ScopeKind::Top => !self.module,
            ScopeKind::Block => false,
        }
    }

    fn declare(&mut self, id: &BindingIdentifier<'a>, binding: Binding) {
        let name = id.name.as_str();
        let redeclared = match binding {
            Binding::Lexical => {
                let (_, scope) = self.scopes.last_mut().expect("a scope");
                let redeclared =
                    scope.lexical.contains(name) || scope.functions.contains(name) || scope.vars.contains(name);
                scope.lexical.insert(name);
                redeclared
            }
            Binding::Function => {
                let functions_are_vars = self.functions_are_vars(self.scopes.last().expect("a scope").0);
                let (_, scope) = self.scopes.last_mut().expect("a scope");
                let redeclared = scope.lexical.contains(name) || (!functions_are_vars && scope.vars.contains(name));
                scope.functions.insert(name);
                redeclared
            }
            Binding::Var => {
                let mut redeclared = false;
                for index in (0..self.scopes.len()).rev() {
                    let functions_are_vars = self.functions_are_vars(self.scopes[index].0);
                    let (kind, scope) = &mut self.scopes[index];
                    if (scope.lexical.contains(name) && scope.simple_catch != Some(name))
                        || (!functions_are_vars && scope.functions.contains(name))
                    {
                        redeclared = true;
                        break;
                    }
                    scope.vars.insert(name);
                    if *kind != ScopeKind::Block {
                        break;
                    }
                }
                redeclared
            }
        };
        if redeclared {
            self.report(name, id.span);
        }
    }

    fn declare_pattern(&mut self, pattern: &BindingPattern<'a>, lexical: bool) {
        for id in pattern.get_binding_identifiers() {
            self.declare(id, if lexical { Binding::Lexical } else { Binding::Var });
        }
    }

    /// A function: its name (declarations only, unless `hanging`: the body of an `if`, which
    /// declares nothing outside a block of its own), then a scope for its parameters and body.
    fn function(&mut self, func: &Function<'a>, hanging: bool) {
        if func.is_declaration()
            && !hanging
            && let Some(id) = &func.id
        {
            let current = self.scopes.last().expect("a scope").0;
            let binding = if !(self.strict || func.generator || func.r#async) {
                Binding::Function
            } else if self.functions_are_vars(current) {
                Binding::Var
            } else {
                Binding::Lexical
            };
            self.declare(id, binding);
        }
        let outer_strict = self.strict;
        self.strict |= func.has_use_strict_directive();
        self.enter(ScopeKind::Function);
        self.params(&func.params);
        if let Some(body) = &func.body {
            self.visit_statements(&body.statements);
        }
        self.leave();
        self.strict = outer_strict;
    }

    /// Parameters are var-scoped in their function; duplicates are allowed only in a sloppy
    /// function (not an arrow or method) with a simple parameter list.
    fn params(&mut self, params: &FormalParameters<'a>) {
        let simple = params.rest.is_none()
            && params.items.iter().all(|p| p.initializer.is_none() && p.pattern.is_binding_identifier());
        let unique = self.strict || !simple || params.kind != FormalParameterKind::FormalParameter;
        let mut seen = FxHashSet::default();
        let names = params
            .items
            .iter()
            .flat_map(|p| p.pattern.get_binding_identifiers())
            .chain(params.rest.iter().flat_map(|rest| rest.rest.argument.get_binding_identifiers()));
        for id in names {
            if !seen.insert(id.name.as_str()) && unique {
                self.report(id.name.as_str(), id.span);
            }
            self.declare(id, Binding::Var);
        }
        // Default values and computed keys may hold functions and classes.
        walk::walk_formal_parameters(self, params);
    }
}

impl<'a> Visit<'a> for Checker<'a> {
    fn visit_statement(&mut self, statement: &Statement<'a>) {
        if self.found.is_none() {
            walk::walk_statement(self, statement);
        }
    }

    fn visit_block_statement(&mut self, block: &BlockStatement<'a>) {
        self.enter(ScopeKind::Block);
        self.visit_statements(&block.body);
        self.leave();
    }

    fn visit_variable_declaration(&mut self, decl: &VariableDeclaration<'a>) {
        let lexical = decl.kind.is_lexical();
        for declarator in &decl.declarations {
            self.declare_pattern(&declarator.id, lexical);
            walk::walk_variable_declarator(self, declarator);
        }
    }

    fn visit_function(&mut self, func: &Function<'a>, _flags: ScopeFlags) {
        self.function(func, false);
    }

    fn visit_arrow_function_expression(&mut self, arrow: &ArrowFunctionExpression<'a>) {
        let outer_strict = self.strict;
        self.strict |= arrow.has_use_strict_directive();
        self.enter(ScopeKind::Function);
        self.params(&arrow.params);
        match &arrow.body {
            ArrowFunctionBody::FunctionBody(body) => self.visit_statements(&body.statements),
            body => self.visit_expression(body.to_expression()),
        }
        self.leave();
        self.strict = outer_strict;
    }

    fn visit_class(&mut self, class: &Class<'a>) {
        if class.is_declaration()
            && let Some(id) = &class.id
        {
            self.declare(id, Binding::Lexical);
        }
        let outer_strict = self.strict;
        self.strict = true;
        walk::walk_class(self, class);
        self.strict = outer_strict;
    }

    fn visit_static_block(&mut self, block: &StaticBlock<'a>) {
        self.enter(ScopeKind::StaticBlock);
        self.visit_statements(&block.body);
        self.leave();
    }

    fn visit_if_statement(&mut self, statement: &IfStatement<'a>) {
        self.visit_expression(&statement.test);
        for branch in std::iter::once(&statement.consequent).chain(statement.alternate.as_ref()) {
            match branch {
                Statement::FunctionDeclaration(func) => self.function(func, true),
                branch => self.visit_statement(branch),
            }
        }
    }

    fn visit_switch_statement(&mut self, statement: &SwitchStatement<'a>) {
        self.visit_expression(&statement.discriminant);
        self.enter(ScopeKind::Block);
        for case in &statement.cases {
            self.visit_switch_case(case);
        }
        self.leave();
    }

    fn visit_for_statement(&mut self, statement: &ForStatement<'a>) {
        self.enter(ScopeKind::Block);
        walk::walk_for_statement(self, statement);
        self.leave();
    }

    fn visit_for_in_statement(&mut self, statement: &ForInStatement<'a>) {
        self.enter(ScopeKind::Block);
        walk::walk_for_in_statement(self, statement);
        self.leave();
    }

    fn visit_for_of_statement(&mut self, statement: &ForOfStatement<'a>) {
        self.enter(ScopeKind::Block);
        walk::walk_for_of_statement(self, statement);
        self.leave();
    }

    /// The parameter and the block share one scope.
    fn visit_catch_clause(&mut self, clause: &CatchClause<'a>) {
        self.enter(ScopeKind::Block);
        if let Some(param) = &clause.param {
            if let BindingPattern::BindingIdentifier(id) = &param.pattern {
                let (_, scope) = self.scopes.last_mut().expect("a scope");
                scope.lexical.insert(id.name.as_str());
                scope.simple_catch = Some(id.name.as_str());
            } else {
                self.declare_pattern(&param.pattern, true);
            }
            self.visit_catch_parameter(param);
        }
        self.visit_statements(&clause.body.body);
        self.leave();
    }

    fn visit_import_declaration(&mut self, decl: &ImportDeclaration<'a>) {
        for specifier in decl.specifiers.iter().flatten() {
            let local = match specifier {
                ImportDeclarationSpecifier::ImportSpecifier(s) => &s.local,
                ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => &s.local,
                ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => &s.local,
            };
            self.declare(local, Binding::Lexical);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxc_allocator::Allocator;
    use oxc_parser::Parser;
    use oxc_span::SourceType;

    fn check(source: &str, module: bool) -> Option<(String, u32)> {
        let allocator = Allocator::default();
        let source_type = if module { SourceType::mjs() } else { SourceType::script() };
        let parsed = Parser::new(&allocator, source, source_type).parse();
        assert!(parsed.diagnostics.errors().next().is_none(), "{source}: {:?}", parsed.diagnostics);
        first_redeclaration(&parsed.program).map(|r| (r.name.to_owned(), r.span.start))
    }

    #[test]
    fn valid_declarations() {
        for source in [
            "function g(){}for(var g in x);",
            "{{function b(){}}var b}",
            "{function y(){}}const y=1",
            "if(a)function a(){} let a",
            "function of(){}with(a)var of",
            "var a; var a; function a(){} function a(){}",
            "{ function f(){} function f(){} }",
            "switch (x) { case 1: function f(){} default: function f(){} }",
            "try {} catch (e) { var e; for (var e of []); }",
            "try {} catch (e) { { var e } }",
            "function f(a, a) {}",
            "function f(a) { var a; function a(){} }",
            "(function f(){ let f })",
            "(class C { m(){ let C } })",
            "(class { static { function f(){} function f(){} var f } })",
            "let a; { let a; { var b } }",
            "for (let a;;) { let a }",
            "for (let a of b) { var c }",
            "l: function f(){} var f",
            "function f(){} l: function f(){}",
            "x = { a(b) { { let b } } }",
        ] {
            assert_eq!(check(source, false), None, "{source}");
        }
        assert_eq!(check("import a from 'm'; { let a }", true), None);
    }

    #[test]
    fn redeclarations() {
        for (source, name, at) in [
            ("let a; var a", "a", 11),
            ("var a; let a", "a", 11),
            ("{ var a } let a", "a", 14),
            ("let a; { var a }", "a", 13),
            ("function a(){} let a", "a", 19),
            ("let a; function a(){}", "a", 16),
            ("{ function a(){} var a }", "a", 21),
            ("{ var a; function a(){} }", "a", 18),
            ("{ function* a(){} function a(){} }", "a", 27),
            ("{ async function a(){} async function a(){} }", "a", 38),
            ("\"use strict\"; { function a(){} function a(){} }", "a", 40),
            ("{f:function c(){} var c}", "c", 22),
            ("l: function f(){} let f", "f", 22),
            ("class A {} class A {}", "A", 17),
            ("try {} catch (e) { let e }", "e", 23),
            ("try {} catch (e) { function e(){} }", "e", 28),
            ("try {} catch ([e]) { var e }", "e", 25),
            ("try {} catch ([e, e]) {}", "e", 18),
            ("for (let a;;) { var a }", "a", 20),
            ("for (let a of b) var a", "a", 21),
            ("let a, a", "a", 7),
            ("let [a, a] = b", "a", 8),
            ("function f(a) { let a }", "a", 20),
            ("(a) => { let a }", "a", 13),
            ("(a, a) => 1", "a", 4),
            ("\"use strict\"; function f(a, a) {}", "a", 28),
            ("function f(a, a) { \"use strict\" }", "a", 14),
            ("function f(a, [a]) {}", "a", 15),
            ("x = { m(a, a) {} }", "a", 11),
            ("(class { static { function f(){} let f } })", "f", 37),
            ("switch (x) { case 1: let a; default: let a }", "a", 41),
            ("let e; try {} catch (e) { for (var e of x); }", "e", 35),
            ("let e; try {} catch (e) { var e }", "e", 30),
            ("class a {} if (c) function a() {} async function a() {}", "a", 49),
            ("class a {} if (c) function a() {} function* a() {}", "a", 44),
        ] {
            assert_eq!(check(source, false), Some((name.to_owned(), at)), "{source}");
        }
        assert_eq!(check("function a(){} function a(){}", true), Some(("a".to_owned(), 24)));
        assert_eq!(check("var a; function a(){}", true), Some(("a".to_owned(), 16)));
        assert_eq!(check("import a from 'm'; var a", true), Some(("a".to_owned(), 23)));
        assert_eq!(check("import {a, b as a} from 'm'", true), Some(("a".to_owned(), 16)));
        assert_eq!(check("export default function a(){} let a", true), Some(("a".to_owned(), 34)));
    }
}
