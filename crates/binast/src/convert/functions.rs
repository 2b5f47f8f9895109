//! Functions, arrows, parameters and bodies.

use oxc_ast::ast::*;
use oxc_span::{GetSpan, Span};

use crate::writer::Writer;

const NOT_JS: &str = "TypeScript syntax is not JavaScript";

impl<'a> Writer<'a> {
    /// A function declaration or expression (methods' values are expressions), by oxc's type.
    pub(crate) fn function(&mut self, f: &Function<'a>) {
        if f.declare || f.type_parameters.is_some() || f.this_param.is_some() || f.return_type.is_some() {
            return self.reject(f.span, NOT_JS);
        }
        let Some(body) = &f.body else {
            // Only TypeScript overloads and `declare function` lack a body.
            return self.reject(f.span, NOT_JS);
        };
        let params_len = params_len(&f.params);
        let id = |w: &mut Self| w.opt_binding_identifier(f.id.as_ref());
        let params = |w: &mut Self| w.params(&f.params);
        let body = |w: &mut Self| w.function_body(body);
        match f.r#type {
            FunctionType::FunctionDeclaration => {
                self.function_declaration(f.span, id, f.generator, f.r#async, params_len, params, body);
            }
            FunctionType::FunctionExpression => {
                self.function_expression(f.span, id, f.generator, f.r#async, params_len, params, body);
            }
            FunctionType::TSDeclareFunction | FunctionType::TSEmptyBodyFunctionExpression => {
                self.reject(f.span, NOT_JS);
            }
        }
    }

    pub(crate) fn arrow(&mut self, arrow: &ArrowFunctionExpression<'a>) {
        if arrow.type_parameters.is_some() || arrow.return_type.is_some() {
            return self.reject(arrow.span, NOT_JS);
        }
        // An expression body is the bare expression in ESTree, flagged `expression: true`.
        let expression = !matches!(arrow.body, ArrowFunctionBody::FunctionBody(_));
        self.arrow_function_expression(
            arrow.span,
            expression,
            arrow.r#async,
            params_len(&arrow.params),
            |w| w.params(&arrow.params),
            |w| match &arrow.body {
                ArrowFunctionBody::FunctionBody(body) => w.function_body(body),
                body => w.expression(body.to_expression()),
            },
        );
    }

    /// A function body is a BlockStatement whose `body` starts with the directive prologue.
    pub(crate) fn function_body(&mut self, body: &FunctionBody<'a>) {
        let len = body.directives.len() + body.statements.len();
        self.block_statement(body.span, len, |w| {
            w.directives(&body.directives);
            w.statements(&body.statements);
        });
    }

    /// ESTree `params`: each parameter is its pattern, an AssignmentPattern when it has a
    /// default, and the rest parameter a trailing RestElement.
    pub(crate) fn params(&mut self, params: &FormalParameters<'a>) {
        for param in &params.items {
            if !param.decorators.is_empty() {
                self.reject(param.decorators[0].span, super::DECORATOR);
                continue;
            }
            if param.type_annotation.is_some()
                || param.optional
                || param.accessibility.is_some()
                || param.readonly
                || param.r#override
            {
                self.reject(param.span, NOT_JS);
                continue;
            }
            match &param.initializer {
                Some(init) => {
                    // oxc's parameter span is the pattern plus initializer, as acorn's
                    // AssignmentPattern.
                    let span = Span::new(param.pattern.span().start, param.span.end);
                    self.assignment_pattern(span, |w| w.binding(&param.pattern), |w| w.expression(init));
                }
                None => self.binding(&param.pattern),
            }
        }
        if let Some(rest) = &params.rest {
            if let Some(decorator) = rest.decorators.first() {
                return self.reject(decorator.span, super::DECORATOR);
            }
            if rest.type_annotation.is_some() {
                return self.reject(rest.span, NOT_JS);
            }
            self.binding_rest(&rest.rest);
        }
    }
}

fn params_len(params: &FormalParameters<'_>) -> usize {
    params.items.len() + usize::from(params.rest.is_some())
}
