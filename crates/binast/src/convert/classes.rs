//! Classes and their members.

use oxc_ast::ast::*;

use crate::early_errors::SuperContext;
use crate::generated::schema::method_kind_of;
use oxc_span::{GetSpan, Span};

use super::quirks;
use crate::writer::Writer;

const NOT_JS: &str = "TypeScript syntax is not JavaScript";

impl<'a> Writer<'a> {
    /// A class (`default_export`: `export default class ...`, which needs no name).
    pub(crate) fn class(&mut self, class: &Class<'a>, default_export: bool) {
        if let Some(decorator) = class.decorators.first() {
            // (oxc_semantic checked nothing in a class's decorators.)
            self.state.reject(decorator.span, super::DECORATOR);
        }
        if class.type_parameters.is_some() || !class.implements.is_empty() || class.r#abstract || class.declare {
            return self.reject(class.span, NOT_JS);
        }
        if let Some(heritage) = &class.heritage
            && heritage.type_arguments.is_some()
        {
            return self.reject(class.span, NOT_JS);
        }
        // `encode` lets oxc's eval/arguments class-name error pass for acorn's sake, which only
        // checks declarations.
        if class.r#type == ClassType::ClassDeclaration
            && let Some(id) = &class.id
        {
            match id.name.as_str() {
                "eval" => self.state.reject(id.span, "Binding eval in strict mode"),
                "arguments" => self.state.reject(id.span, "Binding arguments in strict mode"),
                _ => {}
            }
        }
        let outer = self.state.checker.enter_class(class, default_export);
        let id = |w: &mut Self| match &class.id {
            Some(id) => {
                w.state.checker.class_name(id);
                w.identifier(id.span, id.name.as_str());
            }
            None => w.null(),
        };
        let super_class = |w: &mut Self| match &class.heritage {
            Some(heritage) => w.expression(&heritage.expression),
            None => w.null(),
        };
        let body = |w: &mut Self| w.class_members(&class.body, class.heritage.is_some());
        match class.r#type {
            ClassType::ClassDeclaration => self.class_declaration(class.span, id, super_class, body),
            ClassType::ClassExpression => self.class_expression(class.span, id, super_class, body),
        }
        self.state.checker.leave_class(outer);
    }

    fn class_members(&mut self, body: &ClassBody<'a>, has_heritage: bool) {
        self.state.checker.enter_class_body(body);
        self.class_body(body.span, body.body.len(), |w| {
            for element in &body.body {
                w.class_element(element, has_heritage);
            }
        });
        self.state.checker.leave_class_body();
    }

    fn class_element(&mut self, element: &ClassElement<'a>, has_heritage: bool) {
        match element {
            ClassElement::StaticBlock(b) => {
                let outer = self.state.checker.enter_static_block();
                self.static_block(b.span, b.body.len(), |w| w.statements(&b.body));
                self.state.checker.leave_function(outer);
            }
            ClassElement::MethodDefinition(m) => {
                if let Some(decorator) = m.decorators.first() {
                    self.state.reject(decorator.span, super::DECORATOR);
                }
                if m.r#type != MethodDefinitionType::MethodDefinition
                    || m.r#override
                    || m.optional
                    || m.accessibility.is_some()
                {
                    return self.reject(m.span, NOT_JS);
                }
                let (start, key) = (m.span.start as usize, m.key.span().start as usize);
                if let Some(at) = quirks::unexpected_member_modifier(self.source(), start, key, true) {
                    self.state.reject(Span::new(at as u32, at as u32), NOT_JS);
                }
                if m.kind == MethodDefinitionKind::Get
                    && (m.value.params.rest.is_some() || !m.value.params.items.is_empty())
                {
                    self.state.reject(m.value.span, super::expressions::GETTER_PARAMS);
                }
                let kind = method_kind_of(m.kind);
                self.method_definition(
                    m.span,
                    m.r#static,
                    m.computed,
                    |w| w.property_key(&m.key),
                    kind,
                    |w| {
                        w.state.checker.method_next(SuperContext::of_method(m.kind, has_heritage));
                        w.function(&m.value);
                    },
                );
            }
            ClassElement::PropertyDefinition(p) => {
                if let Some(decorator) = p.decorators.first() {
                    self.state.reject(decorator.span, super::DECORATOR);
                }
                if p.r#type != PropertyDefinitionType::PropertyDefinition
                    || p.type_annotation.is_some()
                    || p.declare
                    || p.r#override
                    || p.optional
                    || p.definite
                    || p.readonly
                    || p.accessibility.is_some()
                {
                    return self.reject(p.span, NOT_JS);
                }
                let (start, key) = (p.span.start as usize, p.key.span().start as usize);
                if let Some(at) = quirks::unexpected_member_modifier(self.source(), start, key, false) {
                    // `async x`: a method modifier before a field is no TypeScript either.
                    let word = &self.source()[at..];
                    let method_modifier = ["async", "get", "set", "*"].iter().any(|w| word.starts_with(w));
                    let message = if method_modifier { "Unexpected token" } else { NOT_JS };
                    self.state.reject(Span::new(at as u32, at as u32), message);
                }
                self.property_definition(
                    p.span,
                    p.r#static,
                    p.computed,
                    |w| w.property_key(&p.key),
                    |w| match &p.value {
                        Some(value) => {
                            let outer = w.state.checker.enter_field_initializer();
                            w.expression(value);
                            w.state.checker.leave_field_initializer(outer);
                        }
                        None => w.null(),
                    },
                );
            }
            // `accessor x` (decorators proposal) is not in acorn: its parts are written only for
            // the early errors in them.
            ClassElement::AccessorProperty(p) => {
                self.state.reject(p.span, "`accessor` fields are not supported");
                self.decorators(&p.decorators);
                self.property_key(&p.key);
                self.opt_expression(p.value.as_ref());
            }
            ClassElement::TSIndexSignature(s) => self.reject(s.span, NOT_JS),
        }
    }
}
