//! The walk: each node's rules where oxc_semantic reported them (after the children for loop,
//! `if` and `with` bodies and `delete`), scopes entered and left around blocks.

use super::*;

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
            self.declare_catch_parameter(&param.pattern);
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
