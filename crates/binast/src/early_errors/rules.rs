//! The rules other than redeclarations, and what functions and classes bring into scope
//! (their names, parameters, private names, the context `super`, `arguments` and labels see).

use super::*;

impl<'a> Checker<'a, '_> {
    #[cold]
    pub(super) fn report(&mut self, offset: u32, message: impl Into<Cow<'static, str>>) {
        if self.found.is_none() {
            self.found = Some(EarlyError { message: message.into(), offset });
        }
    }

    /// Leaves the current function's context for a function's, arrow function's or static
    /// block's own; `restore` puts it back.
    pub(super) fn enter_function_context(&mut self, strict: bool) -> FunctionContext<'a> {
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

    pub(super) fn restore(&mut self, saved: FunctionContext<'a>) {
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
    pub(super) fn function(&mut self, func: &Function<'a>, hanging: bool) {
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

    /// `"use strict"` in a function with a non-simple parameter list.
    pub(super) fn use_strict_with_params(&mut self, directives: &[Directive<'a>], params: &FormalParameters<'a>) {
        if let Some(directive) = directives.iter().find(|d| d.directive == "use strict")
            && !is_simple(params)
        {
            self.report(
                directive.span.start,
                "Illegal 'use strict' directive in function with non-simple parameter list",
            );
        }
    }

    pub(super) fn statements(&mut self, statements: &[Statement<'a>]) {
        for statement in statements {
            if self.found.is_some() {
                return;
            }
            self.visit_statement(statement);
        }
    }

    /// `await` and the words reserved in strict code, as identifiers.
    #[inline]
    pub(super) fn identifier_rules(&mut self, name: &str, span: Span) {
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

    pub(super) fn reserved_word(&mut self, name: &str, span: Span) {
        if self.strict {
            self.report(span.start, format!("The keyword '{name}' is reserved"));
        }
    }

    /// `eval`/`arguments` bound in strict code; `let` bound by `let`/`const`.
    pub(super) fn binding_rules(&mut self, id: &BindingIdentifier<'a>) {
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
    pub(super) fn assigned(&mut self, id: &IdentifierReference<'a>) {
        if self.strict && matches!(id.name.as_str(), "eval" | "arguments") {
            self.report(id.span.start, format!("Cannot assign to '{}' in strict mode", id.name));
        }
    }

    /// A function declaration as the body of a loop, `if`, `with` or label.
    pub(super) fn statement_function(&mut self, statement: &Statement<'a>, allowed_in_sloppy: bool) {
        if let Statement::FunctionDeclaration(func) = statement
            && (self.strict || !allowed_in_sloppy)
        {
            self.report(func.span.start, "Invalid function declaration");
        }
    }

    /// The body of a loop, `if` or `with`.
    pub(super) fn body(&mut self, statement: &Statement<'a>) {
        self.body_position = true;
        self.visit_statement(statement);
        self.body_position = false;
    }

    pub(super) fn loop_body(&mut self, statement: &Statement<'a>) {
        self.loops += 1;
        self.body(statement);
        self.loops -= 1;
        self.statement_function(statement, false);
    }

    /// `let`/`const` with `let` as a name, initializers in `for`-`in`/`of` heads, `using`.
    pub(super) fn declaration_rules(&mut self, decl: &VariableDeclaration<'a>) {
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

    pub(super) fn for_left(&mut self, left: &ForStatementLeft<'a>, is_for_in: bool) {
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
    pub(super) fn private_reference(&mut self, id: &PrivateIdentifier<'a>) {
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
    pub(super) fn class_elements(&mut self, body: &ClassBody<'a>) -> PrivateNames<'a> {
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
    pub(super) fn super_rules(&mut self, sup: Span, call: Option<Span>) {
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

    /// A class (`default_export`: `export default class ...`, which needs no name).
    pub(super) fn class(&mut self, class: &Class<'a>, default_export: bool) {
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
    pub(super) fn undefined_label(&mut self, label: &LabelIdentifier<'a>) {
        if self.in_function {
            self.report(label.span.start, "Jump target cannot cross function boundary.");
        } else {
            self.report(label.span.start, "Use of undefined label");
        }
    }
}

/// IsSimpleParameterList: identifiers only, no defaults, no rest.
pub(super) fn is_simple(params: &FormalParameters<'_>) -> bool {
    params.rest.is_none() && params.items.iter().all(|p| p.initializer.is_none() && p.pattern.is_binding_identifier())
}
