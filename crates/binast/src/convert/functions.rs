//! Functions, arrows, parameters and bodies.

use oxc_ast::ast::*;
use oxc_span::{GetSpan, Span};

use crate::writer::Writer;

const NOT_JS: &str = "TypeScript syntax is not JavaScript";

impl<'a> Writer<'a> {
    /// A function declaration or expression (methods' values are expressions), by oxc's type.
    pub(crate) fn function(&mut self, f: &Function<'a>) {
        self.function_in(f, false);
    }

    /// A function (`hanging`: a declaration as the branch of an `if`, which declares nothing).
    pub(crate) fn function_in(&mut self, f: &Function<'a>, hanging: bool) {
        if f.declare || f.type_parameters.is_some() || f.this_param.is_some() || f.return_type.is_some() {
            return self.reject(f.span, NOT_JS);
        }
        let Some(body) = &f.body else {
            // Only TypeScript overloads and `declare function` lack a body.
            return self.reject(f.span, NOT_JS);
        };
        let params_len = params_len(&f.params);
        let outer = self.state.checker.enter_function(f, hanging);
        let id = |w: &mut Self| w.opt_binding_identifier(f.id.as_ref());
        let params = |w: &mut Self| w.params(&f.params);
        let body = |w: &mut Self| w.function_body(body, &f.params);
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
        self.state.checker.leave_function(outer);
    }

    pub(crate) fn arrow(&mut self, arrow: &ArrowFunctionExpression<'a>) {
        if arrow.type_parameters.is_some() || arrow.return_type.is_some() {
            return self.reject(arrow.span, NOT_JS);
        }
        // An expression body is the bare expression in ESTree, flagged `expression: true`.
        let expression = !matches!(arrow.body, ArrowFunctionBody::FunctionBody(_));
        let outer = self.state.checker.enter_arrow(arrow);
        self.arrow_function_expression(
            arrow.span,
            expression,
            arrow.r#async,
            params_len(&arrow.params),
            |w| w.params(&arrow.params),
            |w| match &arrow.body {
                ArrowFunctionBody::FunctionBody(body) => w.function_body(body, &arrow.params),
                body => w.expression(body.to_expression()),
            },
        );
        self.state.checker.leave_function(outer);
    }

    /// A function body is a BlockStatement whose `body` starts with the directive prologue.
    fn function_body(&mut self, body: &FunctionBody<'a>, params: &FormalParameters<'a>) {
        self.state.checker.function_body(&body.directives, params);
        let len = body.directives.len() + body.statements.len();
        self.block_statement(body.span, len, |w| {
            w.directives(&body.directives);
            w.statements(&body.statements);
        });
    }

    /// ESTree `params`: each parameter is its pattern, an AssignmentPattern when it has a
    /// default, and the rest parameter a trailing RestElement.
    pub(crate) fn params(&mut self, params: &FormalParameters<'a>) {
        let outer = self.state.checker.enter_params(params);
        self.param_list(params);
        self.state.checker.leave_params(outer);
    }

    fn param_list(&mut self, params: &FormalParameters<'a>) {
        for param in &params.items {
            if let Some(decorator) = param.decorators.first() {
                self.state.reject(decorator.span, super::DECORATOR);
                self.decorators(&param.decorators);
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
                self.state.reject(decorator.span, super::DECORATOR);
                self.decorators(&rest.decorators);
            }
            if rest.type_annotation.is_some() {
                return self.reject(rest.span, NOT_JS);
            }
            self.binding_rest(&rest.rest);
        }
    }
}

impl<'a> Writer<'a> {
    /// Decorators, which acorn rejects, written only for the early errors in them.
    pub(crate) fn decorators(&mut self, decorators: &[Decorator<'a>]) {
        for decorator in decorators {
            self.expression(&decorator.expression);
        }
    }
}

fn params_len(params: &FormalParameters<'_>) -> usize {
    params.items.len() + usize::from(params.rest.is_some())
}
