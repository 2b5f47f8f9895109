//! Expressions (literals, templates, functions and classes live in their own files).

use oxc_ast::ast::*;
use oxc_span::{GetSpan, Span};

use crate::early_errors::SuperContext;
use crate::generated::schema::{
    assignment_operator_of, binary_operator_of, logical_operator_of, property_kind_of, unary_operator_of,
    update_operator_of,
};
use crate::writer::Writer;

const NOT_JS: &str = "TypeScript syntax is not JavaScript";
const MIXED_COALESCE: &str = "Logical expressions and coalesce expressions cannot be mixed. Wrap either by parentheses";
pub(crate) const GETTER_PARAMS: &str = "getter should have no params";

/// `a ?? b || c` and the like: oxc, keeping parentheses as nodes, misses a mix whose inner
/// operand sits beside a parenthesized one (`a ?? (b) || c`); an inner logical expression
/// that is not itself parenthesized makes the mix.
fn mixes_coalesce(e: &LogicalExpression<'_>) -> bool {
    let coalesce = e.operator == LogicalOperator::Coalesce;
    [&e.left, &e.right].into_iter().any(|operand| match operand {
        Expression::LogicalExpression(inner) => (inner.operator == LogicalOperator::Coalesce) != coalesce,
        _ => false,
    })
}

/// A getter takes no parameters, not even a rest parameter (oxc lets `get a(...b)` through).
pub(crate) fn getter_has_params(value: &Expression<'_>) -> bool {
    match value {
        Expression::FunctionExpression(f) => f.params.rest.is_some() || !f.params.items.is_empty(),
        _ => false,
    }
}

impl<'a> Writer<'a> {
    pub(crate) fn opt_expression(&mut self, expression: Option<&Expression<'a>>) {
        match expression {
            Some(expression) => self.expression(expression),
            None => self.null(),
        }
    }

    pub(crate) fn expression(&mut self, expression: &Expression<'a>) {
        match expression {
            Expression::BooleanLiteral(e) => self.boolean_literal(e.span, e.value),
            Expression::NullLiteral(e) => self.null_literal(e.span),
            Expression::NumericLiteral(e) => self.numeric_lit(e),
            Expression::BigIntLiteral(e) => self.bigint_lit(e),
            Expression::RegExpLiteral(e) => self.regexp_lit(e),
            Expression::StringLiteral(e) => self.string_lit(e),
            Expression::TemplateLiteral(e) => self.template(e),
            Expression::Identifier(e) => {
                // A stand-in for a JSX element parsed apart (`quirks`: jsx-element-suffix).
                if !self.state.jsx_elements.is_empty()
                    && let Some(&(_, element, program)) =
                        self.state.jsx_elements.iter().find(|(at, ..)| *at == e.span.start)
                {
                    return self.jsx_element_parsed_apart(element, program);
                }
                self.state.checker.identifier_reference(e);
                self.identifier(e.span, e.name.as_str())
            }
            Expression::Super(e) => {
                self.state.checker.super_rules(e.span, None);
                self.super_(e.span);
            }
            Expression::ThisExpression(e) => self.this_expression(e.span),
            Expression::ArrayExpression(e) => self.array_expression(e.span, e.elements.len(), |w| {
                for element in &e.elements {
                    match element {
                        ArrayExpressionElement::SpreadElement(s) => w.spread(s),
                        // A hole is a null entry in acorn's `elements`.
                        ArrayExpressionElement::Elision(_) => w.null(),
                        element => w.expression(element.to_expression()),
                    }
                }
            }),
            Expression::ObjectExpression(e) => {
                self.state.checker.object_expression(e);
                self.object_expression(e.span, e.properties.len(), |w| {
                    for property in &e.properties {
                        match property {
                            ObjectPropertyKind::ObjectProperty(p) => w.object_property(p),
                            ObjectPropertyKind::SpreadProperty(s) => w.spread(s),
                        }
                    }
                });
            }
            Expression::ArrowFunctionExpression(e) => self.arrow(e),
            Expression::FunctionExpression(e) => self.function(e),
            Expression::ClassExpression(e) => self.class(e, false),
            Expression::AssignmentExpression(e) => self.assignment_expression(
                e.span,
                |w| w.assignment_target(&e.left),
                assignment_operator_of(e.operator),
                |w| w.expression(&e.right),
            ),
            Expression::AwaitExpression(e) => {
                self.state.checker.await_expression(e);
                self.await_expression(e.span, |w| w.expression(&e.argument));
            }
            Expression::BinaryExpression(e) => self.binary_expression(
                e.span,
                |w| w.expression(&e.left),
                binary_operator_of(e.operator),
                |w| w.expression(&e.right),
            ),
            // `#x in obj` is a plain BinaryExpression with a PrivateIdentifier on the left.
            Expression::PrivateInExpression(e) => {
                self.state.checker.private_reference(&e.left);
                self.binary_expression(
                    e.span,
                    |w| w.private_identifier(e.left.span, e.left.name.as_str()),
                    binary_operator_of(BinaryOperator::In),
                    |w| w.expression(&e.right),
                );
            }
            Expression::LogicalExpression(e) => {
                if mixes_coalesce(e) {
                    self.state.reject(e.span, MIXED_COALESCE);
                }
                self.logical_expression(
                    e.span,
                    |w| w.expression(&e.left),
                    logical_operator_of(e.operator),
                    |w| w.expression(&e.right),
                );
            }
            Expression::ConditionalExpression(e) => self.conditional_expression(
                e.span,
                |w| w.expression(&e.test),
                |w| w.expression(&e.consequent),
                |w| w.expression(&e.alternate),
            ),
            Expression::CallExpression(e) => self.call(e),
            Expression::NewExpression(e) => {
                if e.type_arguments.is_some() {
                    return self.reject(e.span, NOT_JS);
                }
                self.new_expression(
                    e.span,
                    |w| w.callee(&e.callee, e.span),
                    e.arguments.len(),
                    |w| {
                        w.arguments(&e.arguments);
                    },
                );
            }
            Expression::ChainExpression(e) => self.chain_expression(e.span, |w| match &e.expression {
                ChainElement::CallExpression(call) => w.call(call),
                ChainElement::TSNonNullExpression(t) => w.reject(t.span, NOT_JS),
                member => w.member(member.to_member_expression()),
            }),
            Expression::ImportExpression(e) => {
                if e.phase.is_some() {
                    // `import.source(...)` / `import.defer(...)`: import phases are not in acorn.
                    self.state.reject(e.span, "import phases are not supported");
                }
                self.record_dynamic_import(e);
                self.import_expression(e.span, |w| w.expression(&e.source), |w| w.opt_expression(e.options.as_ref()));
            }
            // `import.meta` / `new.target`: acorn's two Identifiers sit at the ends of the span.
            Expression::ImportMeta(e) => {
                self.record_import_meta(e.span);
                self.meta_property(
                    e.span,
                    |w| w.identifier(Span::new(e.span.start, e.span.start + 6), "import"),
                    |w| w.identifier(Span::new(e.span.end - 4, e.span.end), "meta"),
                )
            }
            Expression::NewTarget(e) => self.meta_property(
                e.span,
                |w| w.identifier(Span::new(e.span.start, e.span.start + 3), "new"),
                |w| w.identifier(Span::new(e.span.end - 6, e.span.end), "target"),
            ),
            // Only with `preserve_parens`; acorn never has them.
            Expression::ParenthesizedExpression(e) => self.expression(&e.expression),
            Expression::SequenceExpression(e) => self.sequence_expression(e.span, e.expressions.len(), |w| {
                for expression in &e.expressions {
                    w.expression(expression);
                }
            }),
            Expression::TaggedTemplateExpression(e) => {
                if e.type_arguments.is_some() {
                    return self.reject(e.span, NOT_JS);
                }
                self.tagged_template_expression(e.span, |w| w.expression(&e.tag), |w| w.template(&e.quasi));
            }
            Expression::UnaryExpression(e) => {
                // `encode` re-parses a module's `<!--` (`<`, `!`, `--`) as `<~--` (see
                // `quirks::HTML_COMMENT_IN_MODULE`): the source has the real operator.
                let operator = if e.operator == UnaryOperator::BitwiseNot
                    && self.source().as_bytes()[e.span.start as usize] == b'!'
                {
                    UnaryOperator::LogicalNot
                } else {
                    e.operator
                };
                self.unary_expression(e.span, unary_operator_of(operator), |w| w.expression(&e.argument));
                self.state.checker.unary_expression(e);
            }
            Expression::UpdateExpression(e) => {
                self.update_expression(e.span, update_operator_of(e.operator), e.prefix, |w| {
                    w.simple_target(&e.argument)
                })
            }
            Expression::YieldExpression(e) => {
                self.state.checker.yield_expression(e);
                self.yield_expression(e.span, e.delegate, |w| w.opt_expression(e.argument.as_ref()));
            }
            Expression::ComputedMemberExpression(_)
            | Expression::StaticMemberExpression(_)
            | Expression::PrivateFieldExpression(_) => self.member(expression.to_member_expression()),
            // oxc reads JSX only with encode's `jsx` option (see `jsx.rs`).
            Expression::JSXElement(e) => self.jsx_element(e),
            Expression::JSXFragment(e) => self.jsx_fragment(e),
            Expression::TSAsExpression(e) => self.reject(e.span, NOT_JS),
            Expression::TSSatisfiesExpression(e) => self.reject(e.span, NOT_JS),
            Expression::TSTypeAssertion(e) => self.reject(e.span, NOT_JS),
            Expression::TSNonNullExpression(e) => self.reject(e.span, NOT_JS),
            Expression::TSInstantiationExpression(e) => self.reject(e.span, NOT_JS),
            Expression::V8IntrinsicExpression(e) => self.reject(e.span, "V8 intrinsics are not JavaScript"),
        }
    }

    pub(crate) fn spread(&mut self, spread: &SpreadElement<'a>) {
        self.spread_element(spread.span, |w| w.expression(&spread.argument));
    }

    pub(crate) fn arguments(&mut self, arguments: &[Argument<'a>]) {
        for argument in arguments {
            match argument {
                Argument::SpreadElement(s) => self.spread(s),
                argument => self.expression(argument.to_expression()),
            }
        }
    }

    fn call(&mut self, call: &CallExpression<'a>) {
        if call.type_arguments.is_some() {
            return self.reject(call.span, NOT_JS);
        }
        self.call_expression(
            call.span,
            |w| w.callee(&call.callee, call.span),
            call.arguments.len(),
            |w| w.arguments(&call.arguments),
            call.optional,
        );
    }

    /// The callee of a call or `new`: `super` there is a `super()` call.
    fn callee(&mut self, callee: &Expression<'a>, call: Span) {
        match callee {
            Expression::Super(sup) => {
                self.state.checker.super_rules(sup.span, Some(call));
                self.super_(sup.span);
            }
            callee => self.expression(callee),
        }
    }

    fn object_property(&mut self, p: &ObjectProperty<'a>) {
        if p.kind == PropertyKind::Get && getter_has_params(&p.value) {
            self.state.reject(p.value.span(), GETTER_PARAMS);
        }
        self.property(
            p.span,
            p.method,
            p.shorthand,
            p.computed,
            |w| w.property_key(&p.key),
            |w| {
                if (p.method || p.kind != PropertyKind::Init) && matches!(p.value, Expression::FunctionExpression(_)) {
                    w.state.checker.method_next(SuperContext::Property);
                }
                w.expression(&p.value);
            },
            property_kind_of(p.kind),
        );
    }

    /// `a[b]`, `a.b` and `a.#b` are all MemberExpression in ESTree.
    pub(crate) fn member(&mut self, member: &MemberExpression<'a>) {
        match member {
            MemberExpression::ComputedMemberExpression(m) => self.member_expression(
                m.span,
                |w| w.expression(&m.object),
                |w| w.expression(&m.expression),
                true,
                m.optional,
            ),
            MemberExpression::StaticMemberExpression(m) => self.member_expression(
                m.span,
                |w| w.expression(&m.object),
                |w| w.identifier(m.property.span, m.property.name.as_str()),
                false,
                m.optional,
            ),
            MemberExpression::PrivateFieldExpression(m) => self.member_expression(
                m.span,
                |w| w.expression(&m.object),
                |w| {
                    w.state.checker.private_reference(&m.field);
                    w.private_identifier(m.field.span, m.field.name.as_str());
                },
                false,
                m.optional,
            ),
        }
    }

    /// An object key or class member name: `StaticIdentifier` is a plain Identifier.
    pub(crate) fn property_key(&mut self, key: &PropertyKey<'a>) {
        match key {
            PropertyKey::StaticIdentifier(id) => self.identifier(id.span, id.name.as_str()),
            PropertyKey::PrivateIdentifier(id) => self.private_identifier(id.span, id.name.as_str()),
            key => self.expression(key.to_expression()),
        }
    }
}
