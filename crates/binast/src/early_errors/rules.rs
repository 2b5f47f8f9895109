//! The rules of identifiers, literals and expressions, which the converter calls as it writes
//! each such node (statements and declarations are `hooks`).

use super::*;

impl<'a> Checker<'a> {
    #[cold]
    pub(super) fn report(&mut self, offset: u32, message: impl Into<Cow<'static, str>>) {
        if self.found.is_none() {
            self.found = Some(EarlyError { message: message.into(), offset });
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
                } else if self.context.static_block_scope {
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
        if self.context.strict {
            self.report(span.start, format!("The keyword '{name}' is reserved"));
        }
    }

    /// A bound name (not a class's: [`Checker::class_name`]): `eval`/`arguments` in strict
    /// code, `let` bound by `let`/`const`.
    pub(crate) fn binding_identifier(&mut self, id: &BindingIdentifier<'a>) {
        self.identifier_rules(id.name.as_str(), id.span);
        match id.name.as_str() {
            name @ ("eval" | "arguments") if self.context.strict => {
                self.report(id.span.start, format!("Binding {name} in strict mode"));
            }
            "let"
                if !self.context.strict
                    && let Some(kind) = self.context.lexical_binding =>
            {
                self.report(
                    id.span.start,
                    format!("`let` cannot be declared as a variable name inside of a `{kind}` declaration"),
                );
            }
            _ => {}
        }
    }

    /// A name referred to: `arguments` where a class field or static block refuses it.
    #[inline]
    pub(crate) fn identifier_reference(&mut self, id: &IdentifierReference<'a>) {
        let name = id.name.as_str();
        self.identifier_rules(name, id.span);
        if name == "arguments"
            && let Some(context) = self.context.arguments_context
        {
            self.report(id.span.start, format!("'arguments' is not allowed in {context}"));
        }
    }

    /// An identifier assigned to (`eval = 1`, `[arguments] = a`, `for (eval of a)`), before it
    /// is checked as a reference.
    pub(crate) fn assigned(&mut self, id: &IdentifierReference<'a>) {
        if self.context.strict && matches!(id.name.as_str(), "eval" | "arguments") {
            self.report(id.span.start, format!("Cannot assign to '{}' in strict mode", id.name));
        }
    }

    /// A reference to a private name (`this.#x`, `#x in o`).
    pub(crate) fn private_reference(&mut self, id: &PrivateIdentifier<'a>) {
        if self.classes.is_empty() {
            self.report(
                id.span.start,
                format!("Private identifier '#{}' is not allowed outside class bodies", id.name),
            );
        } else if !self.classes.iter().any(|class| class.names.contains(&id.name.as_str())) {
            self.report(id.span.start, format!("Private field '#{}' must be declared in an enclosing class", id.name));
        }
    }

    /// `super` (a call when `call` is the call's span) where its context allows it.
    pub(crate) fn super_rules(&mut self, sup: Span, call: Option<Span>) {
        match (self.context.super_context, call) {
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

    /// A string literal (not a JSX attribute's): legacy escapes in strict code.
    #[inline]
    pub(crate) fn string_literal(&mut self, lit: &StringLiteral<'a>) {
        if self.context.strict {
            self.strict_string_literal(lit);
        }
    }

    fn strict_string_literal(&mut self, lit: &StringLiteral<'a>) {
        let raw = lit.span.source_text(self.source_text());
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
            if !crate::convert::quirks::is_directive_before_unseen_use_strict(self.program(), lit.span) {
                self.report(lit.span.start, message);
            }
            return;
        }
    }

    /// A numeric literal: legacy octal and leading zeros in strict code.
    #[inline]
    pub(crate) fn numeric_literal(&mut self, lit: &NumericLiteral<'a>) {
        if !self.context.strict {
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

    /// An object literal, before its properties: two `__proto__: value` properties.
    pub(crate) fn object_expression(&mut self, object: &ObjectExpression<'a>) {
        if object.properties.len() < 2 {
            return;
        }
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

    /// A unary expression, after its argument: what `delete` may not remove.
    pub(crate) fn unary_expression(&mut self, expression: &UnaryExpression<'a>) {
        if expression.operator != UnaryOperator::Delete {
            return;
        }
        match expression.argument.get_inner_expression() {
            Expression::Identifier(id) if self.context.strict => {
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

    /// An `await` expression, before its argument.
    pub(crate) fn await_expression(&mut self, expression: &AwaitExpression<'a>) {
        if self.context.in_params {
            self.report(expression.span.start, "await expression not allowed in formal parameter");
        }
        if self.context.in_static_block {
            self.report(expression.span.start, "Cannot use await in class static initialization block");
        }
    }

    /// A `yield` expression, before its argument.
    pub(crate) fn yield_expression(&mut self, expression: &YieldExpression<'a>) {
        if self.context.in_params {
            self.report(expression.span.start, "yield expression not allowed in formal parameter");
        }
    }

    #[cold]
    pub(super) fn undefined_label(&mut self, label: &LabelIdentifier<'a>) {
        if self.context.in_function {
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
