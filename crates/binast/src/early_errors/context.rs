//! What functions, arrow functions, static blocks and classes bring into scope (their names,
//! parameters, private names) and the context they give their insides (strictness, what
//! `super`, `arguments`, `await` and labels may do there). Each `enter_` hook returns what its
//! `leave_` hook puts back.

use super::rules::is_simple;
use super::*;

/// The context saved across a class.
#[derive(Clone, Copy)]
pub(crate) struct ClassContext {
    static_block_scope: bool,
    strict: bool,
}

/// The context saved across a class field's initializer.
#[derive(Clone, Copy)]
pub(crate) struct FieldContext {
    arguments_context: Option<&'static str>,
    super_context: SuperContext,
}

impl SuperContext {
    /// Where `super` may stand in a class method of `kind`.
    pub(crate) fn of_method(kind: MethodDefinitionKind, has_heritage: bool) -> Self {
        match kind {
            MethodDefinitionKind::Constructor if has_heritage => SuperContext::Call,
            MethodDefinitionKind::Constructor => SuperContext::CallWithoutHeritage,
            _ => SuperContext::Property,
        }
    }
}

impl<'a> Checker<'a> {
    /// Leaves the current function's context for a function's, arrow function's or static
    /// block's own (which keeps what `arguments` and `super` may do); returns the outer one.
    fn enter_function_context(&mut self, strict: bool) -> FunctionContext<'a> {
        let inner = FunctionContext {
            in_function: true,
            arguments_context: self.context.arguments_context,
            super_context: self.context.super_context,
            strict,
            ..FunctionContext::default()
        };
        std::mem::replace(&mut self.context, inner)
    }

    /// Leaving a function, arrow function or static block: its scope and its context.
    pub(crate) fn leave_function(&mut self, saved: FunctionContext<'a>) {
        self.leave();
        self.context = saved;
    }

    /// The function entered next is a method's, with `super` as `context` allows it.
    pub(crate) fn method_next(&mut self, context: SuperContext) {
        self.method_super = Some(context);
    }

    /// Entering a function: its name (declarations only, unless `hanging`: the body of an `if`,
    /// which declares nothing outside a block of its own), then a scope for its parameters and
    /// body. The name is checked next, in the function's own strictness.
    pub(crate) fn enter_function(&mut self, func: &Function<'a>, hanging: bool) -> FunctionContext<'a> {
        let super_context = self.method_super.take().unwrap_or(SuperContext::None);
        if func.is_declaration()
            && !hanging
            && let Some(id) = &func.id
        {
            let current = self.scopes[self.depth - 1].kind;
            if !(self.context.strict || func.generator || func.r#async) {
                self.declare_function(id);
            } else if self.functions_are_vars(current) {
                self.declare_var(id);
            } else {
                self.declare_lexical(id);
            }
        }
        let strict = self.context.strict || func.has_use_strict_directive();
        let saved = self.enter_function_context(strict);
        self.context.arguments_context = None;
        self.context.super_context = super_context;
        self.enter(ScopeKind::Function);
        saved
    }

    /// Entering an arrow function: it keeps the `super` and `arguments` of its place.
    pub(crate) fn enter_arrow(&mut self, arrow: &ArrowFunctionExpression<'a>) -> FunctionContext<'a> {
        let strict = self.context.strict || arrow.has_use_strict_directive();
        let saved = self.enter_function_context(strict);
        self.enter(ScopeKind::Function);
        saved
    }

    /// A function body (after the parameters): `"use strict"` with a non-simple parameter list.
    pub(crate) fn function_body(&mut self, directives: &[Directive<'a>], params: &FormalParameters<'a>) {
        if let Some(directive) = directives.iter().find(|d| d.directive == "use strict")
            && !is_simple(params)
        {
            self.report(
                directive.span.start,
                "Illegal 'use strict' directive in function with non-simple parameter list",
            );
        }
    }

    /// Entering a class static block: strict, a function boundary for labels and loops.
    pub(crate) fn enter_static_block(&mut self) -> FunctionContext<'a> {
        let saved = self.enter_function_context(true);
        self.context.static_block_scope = true;
        self.context.in_static_block = true;
        self.context.in_params = saved.in_params;
        self.context.arguments_context = Some("static initialization block");
        self.context.super_context = SuperContext::Property;
        self.enter(ScopeKind::StaticBlock);
        saved
    }

    /// Entering a class (`default_export`: `export default class ...`, which needs no name):
    /// its name declared, strict inside. The name is checked next ([`Checker::class_name`]).
    pub(crate) fn enter_class(&mut self, class: &Class<'a>, default_export: bool) -> ClassContext {
        if class.is_declaration() && class.id.is_none() && !default_export {
            self.report(class.span.start, "A class name is required.");
        }
        if class.is_declaration()
            && let Some(id) = &class.id
        {
            self.declare_lexical(id);
        }
        ClassContext {
            static_block_scope: std::mem::replace(&mut self.context.static_block_scope, false),
            strict: std::mem::replace(&mut self.context.strict, true),
        }
    }

    /// A class's name: its `eval`/`arguments` are the converter's to check.
    pub(crate) fn class_name(&mut self, id: &BindingIdentifier<'a>) {
        self.identifier_rules(id.name.as_str(), id.span);
    }

    pub(crate) fn leave_class(&mut self, saved: ClassContext) {
        self.context.strict = saved.strict;
        self.context.static_block_scope = saved.static_block_scope;
    }

    /// Entering a class body: its private names (a getter and a setter may share one, both
    /// static or neither), and at most one constructor, before its elements are checked.
    pub(crate) fn enter_class_body(&mut self, body: &ClassBody<'a>) {
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
                    let text = previous_span.source_text(self.source_text());
                    self.report(id.span.start, format!("Identifier `{text}` has already been declared"));
                }
            }
            private.push((name, kind, is_static, id.span));
        }
        self.classes.push(PrivateNames { names: private.into_iter().map(|e| e.0).collect() });
    }

    pub(crate) fn leave_class_body(&mut self) {
        self.classes.pop();
    }

    /// Entering a class field's initializer, where `arguments` is refused and `super.x` allowed.
    pub(crate) fn enter_field_initializer(&mut self) -> FieldContext {
        FieldContext {
            arguments_context: self.context.arguments_context.replace("class field initializer"),
            super_context: std::mem::replace(&mut self.context.super_context, SuperContext::Property),
        }
    }

    pub(crate) fn leave_field_initializer(&mut self, saved: FieldContext) {
        self.context.arguments_context = saved.arguments_context;
        self.context.super_context = saved.super_context;
    }
}
