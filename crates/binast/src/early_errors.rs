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

use std::borrow::Cow;

use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_span::{GetSpan, Span};
use oxc_syntax::number::NumberBase;
use oxc_syntax::operator::UnaryOperator;
use oxc_syntax::scope::ScopeFlags;
use rustc_hash::FxHashMap;

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

/// How a name is bound in a scope (bits).
const LEXICAL: u8 = 1;
/// A plain function declaration in sloppy code (which may share a name, Annex B.3.2.4).
const FUNCTION: u8 = 2;
/// Declared by `var` (or a parameter) here or in a nested block.
const VAR: u8 = 4;

/// The names of one scope: a short list searched in order, indexed by a hash map once long.
#[derive(Default)]
struct Names<'a> {
    list: Vec<(&'a str, u8)>,
    index: FxHashMap<&'a str, u32>,
}

const INDEX_FROM: usize = 12;

impl<'a> Names<'a> {
    fn clear(&mut self) {
        self.list.clear();
        self.index.clear();
    }

    fn position(&self, name: &str) -> Option<usize> {
        if self.list.len() < INDEX_FROM {
            self.list.iter().position(|&(n, _)| n == name)
        } else {
            self.index.get(name).map(|&i| i as usize)
        }
    }

    fn get(&self, name: &str) -> u8 {
        self.position(name).map_or(0, |i| self.list[i].1)
    }

    fn add(&mut self, name: &'a str, flags: u8) {
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

struct Scope<'a> {
    kind: ScopeKind,
    names: Names<'a>,
    /// The parameter of `catch (e)`, which a `var e` in its block may redeclare (Annex B.3.4).
    simple_catch: Option<&'a str>,
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

impl<'a, 'p> Checker<'a, 'p> {
    #[cold]
    fn report(&mut self, offset: u32, message: impl Into<Cow<'static, str>>) {
        if self.found.is_none() {
            self.found = Some(EarlyError { message: message.into(), offset });
        }
    }

    fn enter(&mut self, kind: ScopeKind) {
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

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn current(&mut self) -> &mut Scope<'a> {
        &mut self.scopes[self.depth - 1]
    }

    /// At the top of a function, script or static block, function declarations are var-scoped.
    fn functions_are_vars(&self, kind: ScopeKind) -> bool {
        match kind {
            ScopeKind::Function | ScopeKind::StaticBlock => true,
            ScopeKind::Top => !self.module,
            ScopeKind::Block => false,
        }
    }

    fn declare_lexical(&mut self, id: &BindingIdentifier<'a>) {
        let name = id.name.as_str();
        let scope = self.current();
        let redeclared = scope.names.get(name) != 0;
        scope.names.add(name, LEXICAL);
        if redeclared {
            self.redeclared(id);
        }
    }

    fn declare_function(&mut self, id: &BindingIdentifier<'a>) {
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

    fn declare_var(&mut self, id: &BindingIdentifier<'a>) {
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
    fn redeclared(&mut self, id: &BindingIdentifier<'a>) {
        self.report(id.span.start, format!("Identifier '{}' has already been declared", id.name));
    }

    fn declare_pattern(&mut self, pattern: &BindingPattern<'a>, lexical: bool) {
        // Most patterns are one identifier: no list to collect.
        if let BindingPattern::BindingIdentifier(id) = pattern {
            return if lexical { self.declare_lexical(id) } else { self.declare_var(id) };
        }
        for id in pattern.get_binding_identifiers() {
            if lexical { self.declare_lexical(id) } else { self.declare_var(id) }
        }
    }

    /// Leaves the current function's context for a function's, arrow function's or static
    /// block's own; `restore` puts it back.
    fn enter_function_context(&mut self, strict: bool) -> FunctionContext<'a> {
        let saved = FunctionContext {
            labels: std::mem::take(&mut self.labels),
            in_function: self.in_function,
            loops: self.loops,
            switches: self.switches,
            static_block_scope: self.static_block_scope,
            in_static_block: self.in_static_block,
            in_params: self.in_params,
            lexical_binding: self.lexical_binding,
            arguments_context: self.arguments_context,
            super_context: self.super_context,
            strict: self.strict,
        };
        self.in_function = true;
        self.loops = 0;
        self.switches = 0;
        self.static_block_scope = false;
        self.in_static_block = false;
        self.in_params = false;
        self.lexical_binding = None;
        self.strict = strict;
        saved
    }

    fn restore(&mut self, saved: FunctionContext<'a>) {
        self.labels = saved.labels;
        self.in_function = saved.in_function;
        self.loops = saved.loops;
        self.switches = saved.switches;
        self.static_block_scope = saved.static_block_scope;
        self.in_static_block = saved.in_static_block;
        self.in_params = saved.in_params;
        self.lexical_binding = saved.lexical_binding;
        self.arguments_context = saved.arguments_context;
        self.super_context = saved.super_context;
        self.strict = saved.strict;
    }

    /// A function: its name (declarations only, unless `hanging`: the body of an `if`, which
    /// declares nothing outside a block of its own), then a scope for its parameters and body.
    fn function(&mut self, func: &Function<'a>, hanging: bool) {
        let super_context = self.method_super.take().unwrap_or(SuperContext::None);
        if func.is_declaration()
            && !hanging
            && let Some(id) = &func.id
        {
            let current = self.scopes[self.depth - 1].kind;
            if !(self.strict || func.generator || func.r#async) {
                self.declare_function(id);
            } else if self.functions_are_vars(current) {
                self.declare_var(id);
            } else {
                self.declare_lexical(id);
            }
        }
        let strict = self.strict || func.has_use_strict_directive();
        let saved = self.enter_function_context(strict);
        self.arguments_context = None;
        self.super_context = super_context;
        self.enter(ScopeKind::Function);
        // The name is checked in the function's own strictness.
        if let Some(id) = &func.id {
            self.visit_binding_identifier(id);
        }
        self.params(&func.params);
        if let Some(body) = &func.body {
            self.use_strict_with_params(&body.directives, &func.params);
            self.visit_directives(&body.directives);
            self.statements(&body.statements);
        }
        self.leave();
        self.restore(saved);
    }

    /// Parameters are var-scoped in their function; duplicates are allowed only in a sloppy
    /// function (not an arrow or method) with a simple parameter list.
    fn params(&mut self, params: &FormalParameters<'a>) {
        let simple = is_simple(params);
        let unique = self.strict || !simple || params.kind != FormalParameterKind::FormalParameter;
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
        let in_params = std::mem::replace(&mut self.in_params, true);
        walk::walk_formal_parameters(self, params);
        self.in_params = in_params;
    }

    /// `"use strict"` in a function with a non-simple parameter list.
    fn use_strict_with_params(&mut self, directives: &[Directive<'a>], params: &FormalParameters<'a>) {
        if let Some(directive) = directives.iter().find(|d| d.directive == "use strict")
            && !is_simple(params)
        {
            self.report(
                directive.span.start,
                "Illegal 'use strict' directive in function with non-simple parameter list",
            );
        }
    }

    fn statements(&mut self, statements: &[Statement<'a>]) {
        for statement in statements {
            if self.found.is_some() {
                return;
            }
            self.visit_statement(statement);
        }
    }

    /// `await` and the words reserved in strict code, as identifiers.
    #[inline]
    fn identifier_rules(&mut self, name: &str, span: Span) {
        // All of these are 5 to 10 bytes long and start with one of a few letters.
        if !(5..=10).contains(&name.len()) || !matches!(name.as_bytes()[0], b'a' | b'i' | b'l' | b'p' | b's' | b'y') {
            if name == "let" {
                self.reserved_word(name, span);
            }
            return;
        }
        match name {
            "await" => {
                if self.module {
                    self.report(span.start, "The keyword 'await' is reserved");
                } else if self.static_block_scope {
                    self.report(span.start, "Cannot use await in class static initialization block");
                }
            }
            "implements" | "interface" | "package" | "private" | "protected" | "public" | "static" | "yield" => {
                self.reserved_word(name, span);
            }
            _ => {}
        }
    }

    fn reserved_word(&mut self, name: &str, span: Span) {
        if self.strict {
            self.report(span.start, format!("The keyword '{name}' is reserved"));
        }
    }

    /// `eval`/`arguments` bound in strict code; `let` bound by `let`/`const`.
    fn binding_rules(&mut self, id: &BindingIdentifier<'a>) {
        match id.name.as_str() {
            name @ ("eval" | "arguments") if self.strict => {
                if !self.class_names.contains(&id.span) {
                    self.report(id.span.start, format!("Binding {name} in strict mode"));
                }
            }
            "let"
                if !self.strict
                    && let Some(kind) = self.lexical_binding =>
            {
                self.report(
                    id.span.start,
                    format!("`let` cannot be declared as a variable name inside of a `{kind}` declaration"),
                );
            }
            _ => {}
        }
    }

    /// An identifier assigned to (`eval = 1`, `[arguments] = a`, `for (eval of a)`).
    fn assigned(&mut self, id: &IdentifierReference<'a>) {
        if self.strict && matches!(id.name.as_str(), "eval" | "arguments") {
            self.report(id.span.start, format!("Cannot assign to '{}' in strict mode", id.name));
        }
    }

    /// A function declaration as the body of a loop, `if`, `with` or label.
    fn statement_function(&mut self, statement: &Statement<'a>, allowed_in_sloppy: bool) {
        if let Statement::FunctionDeclaration(func) = statement
            && (self.strict || !allowed_in_sloppy)
        {
            self.report(func.span.start, "Invalid function declaration");
        }
    }

    /// The body of a loop, `if` or `with`.
    fn body(&mut self, statement: &Statement<'a>) {
        self.body_position = true;
        self.visit_statement(statement);
        self.body_position = false;
    }

    fn loop_body(&mut self, statement: &Statement<'a>) {
        self.loops += 1;
        self.body(statement);
        self.loops -= 1;
        self.statement_function(statement, false);
    }

    /// `let`/`const` with `let` as a name, initializers in `for`-`in`/`of` heads, `using`.
    fn declaration_rules(&mut self, decl: &VariableDeclaration<'a>) {
        match decl.kind {
            VariableDeclarationKind::Using if self.program.source_type.is_script() && self.depth == 1 => {
                self.report(decl.span.start, "'using' declarations are not allowed at the top level of a script");
            }
            VariableDeclarationKind::AwaitUsing if self.in_static_block => {
                self.report(decl.span.start, "Cannot use 'await using' in class static initialization block");
            }
            _ => {}
        }
    }

    fn for_left(&mut self, left: &ForStatementLeft<'a>, is_for_in: bool) {
        if let ForStatementLeft::VariableDeclaration(decl) = left
            && let [declarator] = decl.declarations.as_slice()
            && declarator.init.is_some()
            && ((self.strict && decl.kind.is_var()) || !is_for_in || !declarator.id.is_binding_identifier())
        {
            let kind = if is_for_in { "for-in" } else { "for-of" };
            self.report(decl.span.start, format!("{kind} loop variable declaration may not have an initializer"));
        }
        self.visit_for_statement_left(left);
    }

    /// A reference to a private name (`this.#x`, `#x in o`).
    fn private_reference(&mut self, id: &PrivateIdentifier<'a>) {
        if self.classes.is_empty() {
            self.report(
                id.span.start,
                format!("Private identifier '#{}' is not allowed outside class bodies", id.name),
            );
        } else if !self.classes.iter().any(|class| class.names.contains(&id.name.as_str())) {
            self.report(id.span.start, format!("Private field '#{}' must be declared in an enclosing class", id.name));
        }
    }

    /// A class body's private names (a getter and a setter may share one, both static or
    /// neither), and at most one constructor.
    fn class_elements(&mut self, body: &ClassBody<'a>) -> PrivateNames<'a> {
        // (name, kind: 0 other, 1 getter, 2 setter, static)
        let mut private: Vec<(&'a str, u8, bool, Span)> = Vec::new();
        let mut constructor = false;
        for element in &body.body {
            let (key, kind, is_static) = match element {
                ClassElement::MethodDefinition(method) => {
                    if method.kind == MethodDefinitionKind::Constructor {
                        if method.value.body.is_some() {
                            if constructor {
                                self.report(
                                    method.key.span().start,
                                    "Multiple constructor implementations are not allowed.",
                                );
                            }
                            constructor = true;
                        }
                        continue;
                    }
                    let kind = match method.kind {
                        MethodDefinitionKind::Get => 1,
                        MethodDefinitionKind::Set => 2,
                        _ => 0,
                    };
                    (&method.key, kind, method.r#static)
                }
                ClassElement::PropertyDefinition(property) => (&property.key, 0, property.r#static),
                ClassElement::AccessorProperty(property) => (&property.key, 0, property.r#static),
                _ => continue,
            };
            let PropertyKey::PrivateIdentifier(id) = key else {
                continue;
            };
            let name = id.name.as_str();
            // The previous element of this name: of the same accessor kind first.
            let same = |k: u8| private.iter().rev().find(|e| e.0 == name && (e.1 == 2) == (k == 2)).copied();
            let previous = same(kind).or_else(|| same(if kind == 2 { 0 } else { 2 }));
            if let Some((_, previous_kind, previous_static, previous_span)) = previous {
                let duplicate = if kind != 0 && previous_kind != 0 {
                    kind == previous_kind || is_static != previous_static
                } else {
                    true
                };
                if duplicate {
                    let text = previous_span.source_text(self.program.source_text);
                    self.report(id.span.start, format!("Identifier `{text}` has already been declared"));
                }
            }
            private.push((name, kind, is_static, id.span));
        }
        PrivateNames { names: private.into_iter().map(|e| e.0).collect() }
    }

    /// `super` (a call when `call` is the call's span) where its context allows it.
    fn super_rules(&mut self, sup: Span, call: Option<Span>) {
        match (self.super_context, call) {
            (SuperContext::None, None) => self.report(
                sup.start,
                "'super' can only be referenced in members of derived classes or object literal expressions.",
            ),
            (SuperContext::None | SuperContext::Property, Some(call)) => self.report(
                call.start,
                "Super calls are not permitted outside constructors or in nested functions inside constructors.",
            ),
            (SuperContext::CallWithoutHeritage, Some(_)) => {
                self.report(sup.start, "'super' can only be referenced in a derived class.");
            }
            _ => {}
        }
    }
}

impl<'a> Visit<'a> for Checker<'a, '_> {
    fn visit_statement(&mut self, statement: &Statement<'a>) {
        if self.found.is_some() {
            return;
        }
        let body_position = std::mem::replace(&mut self.body_position, false);
        match statement {
            Statement::LabeledStatement(labeled) => {
                let label = labeled.label.name.as_str();
                if self.labels.iter().any(|l| l.name == label) {
                    self.report(labeled.label.span.start, format!("Label `{label}` has already been declared"));
                }
                self.identifier_rules(label, labeled.label.span);
                // A labelled function: never in strict code, in sloppy code not as the body of
                // a loop, `if` or `with` (through labels).
                if let Statement::FunctionDeclaration(func) = &labeled.body
                    && (self.strict || body_position)
                {
                    self.report(func.span.start, "Invalid function declaration");
                }
                let mut target = &labeled.body;
                while let Statement::LabeledStatement(nested) = target {
                    target = &nested.body;
                }
                let is_loop = target.is_iteration_statement();
                self.labels.push(Label { name: label, is_loop });
                self.body_position = body_position;
                self.visit_statement(&labeled.body);
                self.body_position = false;
                self.labels.pop();
            }
            _ => walk::walk_statement(self, statement),
        }
    }

    fn visit_block_statement(&mut self, block: &BlockStatement<'a>) {
        let static_block_scope = std::mem::replace(&mut self.static_block_scope, false);
        self.enter(ScopeKind::Block);
        self.statements(&block.body);
        self.leave();
        self.static_block_scope = static_block_scope;
    }

    fn visit_variable_declaration(&mut self, decl: &VariableDeclaration<'a>) {
        self.declaration_rules(decl);
        let lexical = decl.kind.is_lexical();
        for declarator in &decl.declarations {
            self.declare_pattern(&declarator.id, lexical);
            let kind = match decl.kind {
                VariableDeclarationKind::Let => Some("let"),
                VariableDeclarationKind::Const => Some("const"),
                VariableDeclarationKind::Using => Some("using"),
                VariableDeclarationKind::AwaitUsing => Some("await using"),
                VariableDeclarationKind::Var => None,
            };
            let lexical_binding = std::mem::replace(&mut self.lexical_binding, kind);
            self.visit_binding_pattern(&declarator.id);
            self.lexical_binding = lexical_binding;
            if let Some(init) = &declarator.init {
                self.visit_expression(init);
            }
        }
    }

    fn visit_function(&mut self, func: &Function<'a>, _flags: ScopeFlags) {
        self.function(func, false);
    }

    fn visit_arrow_function_expression(&mut self, arrow: &ArrowFunctionExpression<'a>) {
        let strict = self.strict || arrow.has_use_strict_directive();
        let saved = self.enter_function_context(strict);
        self.enter(ScopeKind::Function);
        self.params(&arrow.params);
        match &arrow.body {
            ArrowFunctionBody::FunctionBody(body) => {
                self.use_strict_with_params(&body.directives, &arrow.params);
                self.visit_directives(&body.directives);
                self.statements(&body.statements);
            }
            body => self.visit_expression(body.to_expression()),
        }
        self.leave();
        self.restore(saved);
    }

    fn visit_class(&mut self, class: &Class<'a>) {
        self.class(class, false);
    }

    fn visit_static_block(&mut self, block: &StaticBlock<'a>) {
        let saved = self.enter_function_context(true);
        self.static_block_scope = true;
        self.in_static_block = true;
        self.in_params = saved.in_params;
        self.arguments_context = Some("static initialization block");
        self.super_context = SuperContext::Property;
        self.enter(ScopeKind::StaticBlock);
        self.statements(&block.body);
        self.leave();
        self.restore(saved);
    }

    fn visit_object_property(&mut self, property: &ObjectProperty<'a>) {
        self.visit_property_key(&property.key);
        if (property.method || property.kind != PropertyKind::Init)
            && let Expression::FunctionExpression(func) = &property.value
        {
            self.method_super = Some(SuperContext::Property);
            self.function(func, false);
        } else {
            self.visit_expression(&property.value);
        }
    }

    fn visit_object_expression(&mut self, object: &ObjectExpression<'a>) {
        // Two `__proto__: value` properties.
        if object.properties.len() > 1 {
            let mut seen = false;
            for property in &object.properties {
                if let ObjectPropertyKind::ObjectProperty(property) = property
                    && property.kind == PropertyKind::Init
                    && !property.method
                    && !property.shorthand
                    && !property.computed
                {
                    let (name, span) = match &property.key {
                        PropertyKey::StaticIdentifier(id) => (Some(id.name.as_str()), id.span),
                        PropertyKey::StringLiteral(lit) => (lit.value.as_str(), lit.span),
                        _ => (None, Span::default()),
                    };
                    if name == Some("__proto__") {
                        if seen {
                            self.report(span.start, "Identifier `__proto__` has already been declared");
                        }
                        seen = true;
                    }
                }
            }
        }
        walk::walk_object_expression(self, object);
    }

    fn visit_if_statement(&mut self, statement: &IfStatement<'a>) {
        self.visit_expression(&statement.test);
        for branch in std::iter::once(&statement.consequent).chain(statement.alternate.as_ref()) {
            match branch {
                Statement::FunctionDeclaration(func) => self.function(func, true),
                branch => self.body(branch),
            }
        }
        for branch in std::iter::once(&statement.consequent).chain(statement.alternate.as_ref()) {
            self.statement_function(branch, true);
        }
    }

    fn visit_switch_statement(&mut self, statement: &SwitchStatement<'a>) {
        self.visit_expression(&statement.discriminant);
        let static_block_scope = std::mem::replace(&mut self.static_block_scope, false);
        self.enter(ScopeKind::Block);
        self.switches += 1;
        for case in &statement.cases {
            if let Some(test) = &case.test {
                self.visit_expression(test);
            }
            self.statements(&case.consequent);
        }
        self.switches -= 1;
        self.leave();
        self.static_block_scope = static_block_scope;
    }

    fn visit_for_statement(&mut self, statement: &ForStatement<'a>) {
        let static_block_scope = std::mem::replace(&mut self.static_block_scope, false);
        self.enter(ScopeKind::Block);
        if let Some(init) = &statement.init {
            self.visit_for_statement_init(init);
        }
        if let Some(test) = &statement.test {
            self.visit_expression(test);
        }
        if let Some(update) = &statement.update {
            self.visit_expression(update);
        }
        self.loop_body(&statement.body);
        self.leave();
        self.static_block_scope = static_block_scope;
    }

    fn visit_for_in_statement(&mut self, statement: &ForInStatement<'a>) {
        let static_block_scope = std::mem::replace(&mut self.static_block_scope, false);
        self.enter(ScopeKind::Block);
        self.for_left(&statement.left, true);
        self.visit_expression(&statement.right);
        self.loop_body(&statement.body);
        self.leave();
        self.static_block_scope = static_block_scope;
    }

    fn visit_for_of_statement(&mut self, statement: &ForOfStatement<'a>) {
        if statement.r#await && self.in_static_block {
            self.report(statement.span.start, "Cannot use 'for await' in class static initialization block");
        }
        let static_block_scope = std::mem::replace(&mut self.static_block_scope, false);
        self.enter(ScopeKind::Block);
        self.for_left(&statement.left, false);
        self.visit_expression(&statement.right);
        self.loop_body(&statement.body);
        self.leave();
        self.static_block_scope = static_block_scope;
    }

    fn visit_while_statement(&mut self, statement: &WhileStatement<'a>) {
        self.visit_expression(&statement.test);
        self.loop_body(&statement.body);
    }

    fn visit_do_while_statement(&mut self, statement: &DoWhileStatement<'a>) {
        self.loop_body(&statement.body);
        self.visit_expression(&statement.test);
    }

    fn visit_with_statement(&mut self, statement: &WithStatement<'a>) {
        self.visit_expression(&statement.object);
        self.body(&statement.body);
        // After the body's errors, as oxc_semantic reports them.
        self.statement_function(&statement.body, false);
        if self.strict {
            self.report(statement.span.start, "'with' statements are not allowed");
        }
    }

    fn visit_export_default_declaration(&mut self, decl: &ExportDefaultDeclaration<'a>) {
        if let ExportDefaultDeclarationKind::ClassDeclaration(class) = &decl.declaration {
            self.class(class, true);
        } else {
            walk::walk_export_default_declaration(self, decl);
        }
    }

    fn visit_break_statement(&mut self, statement: &BreakStatement<'a>) {
        match &statement.label {
            None if self.loops == 0 && self.switches == 0 => {
                self.report(statement.span.start, "Illegal break statement")
            }
            None => {}
            Some(label) => {
                self.identifier_rules(label.name.as_str(), label.span);
                if !self.labels.iter().any(|l| l.name == label.name.as_str()) {
                    self.undefined_label(label);
                }
            }
        }
    }

    fn visit_continue_statement(&mut self, statement: &ContinueStatement<'a>) {
        match &statement.label {
            None if self.loops == 0 => {
                self.report(statement.span.start, "Illegal continue statement: no surrounding iteration statement");
            }
            None => {}
            Some(label) => {
                self.identifier_rules(label.name.as_str(), label.span);
                match self.labels.iter().rev().find(|l| l.name == label.name.as_str()) {
                    Some(target) if !target.is_loop => self.report(
                        label.span.start,
                        "A `continue` statement can only jump to a label of an enclosing `for`, `while` or `do while` statement.",
                    ),
                    Some(_) => {}
                    None => self.undefined_label(label),
                }
            }
        }
    }

    /// The catch parameter and the block share one scope.
    fn visit_catch_clause(&mut self, clause: &CatchClause<'a>) {
        let static_block_scope = std::mem::replace(&mut self.static_block_scope, false);
        self.enter(ScopeKind::Block);
        if let Some(param) = &clause.param {
            if let BindingPattern::BindingIdentifier(id) = &param.pattern {
                let scope = self.current();
                scope.names.add(id.name.as_str(), LEXICAL);
                scope.simple_catch = Some(id.name.as_str());
            } else {
                self.declare_pattern(&param.pattern, true);
            }
            self.visit_catch_parameter(param);
        }
        self.statements(&clause.body.body);
        self.leave();
        self.static_block_scope = static_block_scope;
    }

    fn visit_import_declaration(&mut self, decl: &ImportDeclaration<'a>) {
        for specifier in decl.specifiers.iter().flatten() {
            let local = match specifier {
                ImportDeclarationSpecifier::ImportSpecifier(s) => &s.local,
                ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => &s.local,
                ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => &s.local,
            };
            self.declare_lexical(local);
        }
        walk::walk_import_declaration(self, decl);
    }

    fn visit_export_named_declaration(&mut self, decl: &ExportNamedDeclaration<'a>) {
        // (`export ... from` is an `ExportFromDeclaration`.)
        for specifier in &decl.specifiers {
            if let ModuleExportName::IdentifierReference(id) = &specifier.local {
                self.exports.push((id.name.as_str(), id.span.start));
            }
        }
        walk::walk_export_named_declaration(self, decl);
    }

    fn visit_directive(&mut self, directive: &Directive<'a>) {
        self.visit_string_literal(&directive.expression);
    }

    fn visit_jsx_attribute(&mut self, attribute: &JSXAttribute<'a>) {
        self.visit_jsx_attribute_name(&attribute.name);
        match &attribute.value {
            // Not a JavaScript string: no escapes.
            Some(JSXAttributeValue::StringLiteral(_)) | None => {}
            Some(value) => self.visit_jsx_attribute_value(value),
        }
    }

    fn visit_string_literal(&mut self, lit: &StringLiteral<'a>) {
        if !self.strict {
            return;
        }
        let raw = lit.span.source_text(self.program.source_text);
        // Quotes take two bytes and every escape shortens the value: equal lengths, no escape.
        if raw.len() == lit.value.len() + 2 {
            return;
        }
        let bytes = raw.as_bytes();
        let mut i = 0;
        while i + 1 < bytes.len() {
            if bytes[i] != b'\\' {
                i += 1;
                continue;
            }
            let message = match bytes[i + 1] {
                b'0' if bytes.get(i + 2).is_some_and(u8::is_ascii_digit) => {
                    "'0'-prefixed octal literals and octal escape sequences are deprecated"
                }
                b'1'..=b'7' => "'0'-prefixed octal literals and octal escape sequences are deprecated",
                b'8' | b'9' => "Invalid escape sequence",
                _ => {
                    i += 2;
                    continue;
                }
            };
            if !crate::convert::quirks::is_directive_before_unseen_use_strict(self.program, lit.span) {
                self.report(lit.span.start, message);
            }
            return;
        }
    }

    fn visit_numeric_literal(&mut self, lit: &NumericLiteral<'a>) {
        if !self.strict {
            return;
        }
        let Some(raw) = lit.raw else { return };
        let bytes = raw.as_bytes();
        if bytes.len() >= 2 && bytes[0] == b'0' && bytes[1].is_ascii_digit() {
            match lit.base {
                NumberBase::Octal => {
                    self.report(
                        lit.span.start,
                        "'0'-prefixed octal literals and octal escape sequences are deprecated",
                    );
                }
                NumberBase::Decimal | NumberBase::Float => {
                    self.report(lit.span.start, "Decimals with leading zeros are not allowed in strict mode");
                }
                _ => {}
            }
        }
    }

    fn visit_binding_identifier(&mut self, id: &BindingIdentifier<'a>) {
        self.identifier_rules(id.name.as_str(), id.span);
        self.binding_rules(id);
    }

    fn visit_identifier_reference(&mut self, id: &IdentifierReference<'a>) {
        let name = id.name.as_str();
        self.identifier_rules(name, id.span);
        if name == "arguments"
            && let Some(context) = self.arguments_context
        {
            self.report(id.span.start, format!("'arguments' is not allowed in {context}"));
        }
    }

    fn visit_label_identifier(&mut self, id: &LabelIdentifier<'a>) {
        self.identifier_rules(id.name.as_str(), id.span);
    }

    fn visit_simple_assignment_target(&mut self, target: &SimpleAssignmentTarget<'a>) {
        if let SimpleAssignmentTarget::AssignmentTargetIdentifier(id) = target {
            self.assigned(id);
        }
        walk::walk_simple_assignment_target(self, target);
    }

    fn visit_assignment_target_property_identifier(&mut self, property: &AssignmentTargetPropertyIdentifier<'a>) {
        self.assigned(&property.binding);
        walk::walk_assignment_target_property_identifier(self, property);
    }

    fn visit_private_field_expression(&mut self, expression: &PrivateFieldExpression<'a>) {
        self.visit_expression(&expression.object);
        self.private_reference(&expression.field);
    }

    fn visit_private_in_expression(&mut self, expression: &PrivateInExpression<'a>) {
        self.private_reference(&expression.left);
        self.visit_expression(&expression.right);
    }

    fn visit_unary_expression(&mut self, expression: &UnaryExpression<'a>) {
        walk::walk_unary_expression(self, expression);
        if expression.operator == UnaryOperator::Delete {
            match expression.argument.get_inner_expression() {
                Expression::Identifier(id) if self.strict => {
                    self.report(id.span.start, "Delete of an unqualified identifier in strict mode.");
                }
                Expression::PrivateFieldExpression(field) => {
                    self.report(field.span.start, "The operand of a 'delete' operator cannot be a private identifier.");
                }
                Expression::ChainExpression(chain) => {
                    if let ChainElement::PrivateFieldExpression(field) = &chain.expression {
                        self.report(
                            field.field.span.start,
                            "The operand of a 'delete' operator cannot be a private identifier.",
                        );
                    }
                }
                _ => {}
            }
        }
    }

    fn visit_await_expression(&mut self, expression: &AwaitExpression<'a>) {
        if self.in_params {
            self.report(expression.span.start, "await expression not allowed in formal parameter");
        }
        if self.in_static_block {
            self.report(expression.span.start, "Cannot use await in class static initialization block");
        }
        walk::walk_await_expression(self, expression);
    }

    fn visit_yield_expression(&mut self, expression: &YieldExpression<'a>) {
        if self.in_params {
            self.report(expression.span.start, "yield expression not allowed in formal parameter");
        }
        walk::walk_yield_expression(self, expression);
    }

    fn visit_super(&mut self, sup: &Super) {
        self.super_rules(sup.span, None);
    }

    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        if let Expression::Super(sup) = &call.callee {
            self.super_rules(sup.span, Some(call.span));
            self.visit_arguments(&call.arguments);
        } else {
            walk::walk_call_expression(self, call);
        }
    }

    fn visit_new_expression(&mut self, new: &NewExpression<'a>) {
        if let Expression::Super(sup) = &new.callee {
            self.super_rules(sup.span, Some(new.span));
            self.visit_arguments(&new.arguments);
        } else {
            walk::walk_new_expression(self, new);
        }
    }
}

impl<'a> Checker<'a, '_> {
    /// A class (`default_export`: `export default class ...`, which needs no name).
    fn class(&mut self, class: &Class<'a>, default_export: bool) {
        if class.is_declaration() && class.id.is_none() && !default_export {
            self.report(class.span.start, "A class name is required.");
        }
        if class.is_declaration()
            && let Some(id) = &class.id
        {
            self.declare_lexical(id);
        }
        let static_block_scope = std::mem::replace(&mut self.static_block_scope, false);
        let outer_strict = std::mem::replace(&mut self.strict, true);
        if let Some(id) = &class.id {
            self.class_names.push(id.span);
            self.visit_binding_identifier(id);
            self.class_names.pop();
        }
        if let Some(heritage) = &class.heritage {
            self.visit_expression(&heritage.expression);
        }
        let names = self.class_elements(&class.body);
        self.classes.push(names);
        let has_heritage = class.heritage.is_some();
        for element in &class.body.body {
            if self.found.is_some() {
                break;
            }
            match element {
                ClassElement::MethodDefinition(method) => {
                    self.visit_property_key(&method.key);
                    self.method_super = Some(match method.kind {
                        MethodDefinitionKind::Constructor if has_heritage => SuperContext::Call,
                        MethodDefinitionKind::Constructor => SuperContext::CallWithoutHeritage,
                        _ => SuperContext::Property,
                    });
                    self.function(&method.value, false);
                }
                ClassElement::PropertyDefinition(property) => {
                    self.visit_property_key(&property.key);
                    if let Some(value) = &property.value {
                        let arguments_context = self.arguments_context.replace("class field initializer");
                        let super_context = std::mem::replace(&mut self.super_context, SuperContext::Property);
                        self.visit_expression(value);
                        self.super_context = super_context;
                        self.arguments_context = arguments_context;
                    }
                }
                element => walk::walk_class_element(self, element),
            }
        }
        self.classes.pop();
        self.strict = outer_strict;
        self.static_block_scope = static_block_scope;
    }

    #[cold]
    fn undefined_label(&mut self, label: &LabelIdentifier<'a>) {
        if self.in_function {
            self.report(label.span.start, "Jump target cannot cross function boundary.");
        } else {
            self.report(label.span.start, "Use of undefined label");
        }
    }
}

/// IsSimpleParameterList: identifiers only, no defaults, no rest.
fn is_simple(params: &FormalParameters<'_>) -> bool {
    params.rest.is_none() && params.items.iter().all(|p| p.initializer.is_none() && p.pattern.is_binding_identifier())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxc_allocator::Allocator;
    use oxc_parser::Parser;
    use oxc_span::SourceType;

    /// The name and offset of the first redeclaration (the only early error of these sources).
    fn check(source: &str, module: bool) -> Option<(String, u32)> {
        let allocator = Allocator::default();
        let source_type = if module { SourceType::mjs() } else { SourceType::script() };
        let parsed = Parser::new(&allocator, source, source_type).parse();
        assert!(parsed.diagnostics.errors().next().is_none(), "{source}: {:?}", parsed.diagnostics);
        first_early_error(&parsed.program).map(|e| {
            let name =
                e.message.strip_prefix("Identifier '").and_then(|m| m.strip_suffix("' has already been declared"));
            (name.unwrap_or_else(|| panic!("{source}: {}", e.message)).to_owned(), e.offset)
        })
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
