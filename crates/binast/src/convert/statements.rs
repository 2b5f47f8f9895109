//! Statements and declarations.

use oxc_ast::ast::*;

use super::quirks;
use crate::generated::schema::variable_kind_of;
use crate::writer::Writer;

impl<'a> Writer<'a> {
    /// A statement list (where a declaration may stand, unlike an `if` or loop body).
    pub(crate) fn statements(&mut self, statements: &[Statement<'a>]) {
        for statement in statements {
            if let Statement::ExpressionStatement(s) = statement
                && let Expression::Identifier(id) = &s.expression
                && id.name == "let"
                && s.span.end == id.span.end
                && let Some((at, word)) = quirks::declaration_acorn_reads_after_let(self.source(), id.span)
            {
                self.state.reject(Span::new(at, at), quirks::unexpected_keyword(word));
            }
            self.statement(statement);
        }
    }

    /// A directive is an ExpressionStatement with a `directive` field in acorn; the decoder
    /// derives the field from the literal's raw text.
    pub(crate) fn directives(&mut self, directives: &[Directive<'a>]) {
        for directive in directives {
            self.directive(directive.span, |w| w.string_lit(&directive.expression));
        }
    }

    pub(crate) fn statement(&mut self, statement: &Statement<'a>) {
        self.statement_at(statement, false);
    }

    /// The body of a loop, `if` or `with` (where a labelled function may not stand).
    fn body_statement(&mut self, statement: &Statement<'a>) {
        self.statement_at(statement, true);
    }

    fn loop_body(&mut self, body: &Statement<'a>) {
        self.state.checker.enter_loop_body();
        self.body_statement(body);
        self.state.checker.leave_loop_body(body);
    }

    /// A branch of an `if`: a function declaration there declares nothing outside it.
    fn if_branch(&mut self, branch: &Statement<'a>) {
        match branch {
            Statement::FunctionDeclaration(f) => self.function_in(f, true),
            branch => self.body_statement(branch),
        }
    }

    /// A statement (`body_position`: the body of a loop, `if` or `with`, through labels).
    fn statement_at(&mut self, statement: &Statement<'a>, body_position: bool) {
        match statement {
            Statement::BlockStatement(s) => self.block(s),
            Statement::BreakStatement(s) => {
                self.state.checker.break_statement(s);
                self.break_statement(s.span, |w| w.opt_label(s.label.as_ref()));
            }
            Statement::ContinueStatement(s) => {
                self.state.checker.continue_statement(s);
                self.continue_statement(s.span, |w| w.opt_label(s.label.as_ref()));
            }
            Statement::DebuggerStatement(s) => self.debugger_statement(s.span),
            Statement::DoWhileStatement(s) => {
                self.do_while_statement(s.span, |w| w.loop_body(&s.body), |w| w.expression(&s.test));
            }
            Statement::EmptyStatement(s) => self.empty_statement(s.span),
            Statement::ExpressionStatement(s) => self.expression_statement(s.span, |w| w.expression(&s.expression)),
            Statement::ForInStatement(s) => {
                let outer = self.state.checker.enter_block();
                self.for_in_statement(
                    s.span,
                    |w| w.for_left(&s.left, true),
                    |w| w.expression(&s.right),
                    |w| w.loop_body(&s.body),
                );
                self.state.checker.leave_block(outer);
            }
            Statement::ForOfStatement(s) => {
                self.state.checker.for_of_statement(s);
                let outer = self.state.checker.enter_block();
                self.for_of_statement(
                    s.span,
                    s.r#await,
                    |w| w.for_left(&s.left, false),
                    |w| w.expression(&s.right),
                    |w| w.loop_body(&s.body),
                );
                self.state.checker.leave_block(outer);
            }
            Statement::ForStatement(s) => {
                let outer = self.state.checker.enter_block();
                self.for_statement(
                    s.span,
                    |w| match &s.init {
                        None => w.null(),
                        Some(ForStatementInit::VariableDeclaration(d)) => w.var_decl(d),
                        Some(init) => w.expression(init.to_expression()),
                    },
                    |w| w.opt_expression(s.test.as_ref()),
                    |w| w.opt_expression(s.update.as_ref()),
                    |w| w.loop_body(&s.body),
                );
                self.state.checker.leave_block(outer);
            }
            Statement::IfStatement(s) => {
                self.if_statement(
                    s.span,
                    |w| w.expression(&s.test),
                    |w| w.if_branch(&s.consequent),
                    |w| match &s.alternate {
                        Some(alternate) => w.if_branch(alternate),
                        None => w.null(),
                    },
                );
                self.state.checker.leave_if(s);
            }
            Statement::LabeledStatement(s) => {
                self.state.checker.enter_labeled(s, body_position);
                self.labeled_statement(
                    s.span,
                    |w| w.identifier(s.label.span, s.label.name.as_str()),
                    |w| w.statement_at(&s.body, body_position),
                );
                self.state.checker.leave_labeled();
            }
            Statement::ReturnStatement(s) => self.return_statement(s.span, |w| w.opt_expression(s.argument.as_ref())),
            Statement::SwitchStatement(s) => self.switch_statement(
                s.span,
                |w| w.expression(&s.discriminant),
                s.cases.len(),
                |w| {
                    let outer = w.state.checker.enter_switch_cases();
                    for case in &s.cases {
                        w.switch_case(
                            case.span,
                            |w| w.opt_expression(case.test.as_ref()),
                            case.consequent.len(),
                            |w| w.statements(&case.consequent),
                        );
                    }
                    w.state.checker.leave_switch_cases(outer);
                },
            ),
            Statement::ThrowStatement(s) => self.throw_statement(s.span, |w| w.expression(&s.argument)),
            Statement::TryStatement(s) => self.try_statement(
                s.span,
                |w| w.block(&s.block),
                |w| match &s.handler {
                    Some(handler) => w.catch(handler),
                    None => w.null(),
                },
                |w| match &s.finalizer {
                    Some(finalizer) => w.block(finalizer),
                    None => w.null(),
                },
            ),
            Statement::WhileStatement(s) => {
                self.while_statement(s.span, |w| w.expression(&s.test), |w| w.loop_body(&s.body));
            }
            Statement::WithStatement(s) => {
                self.with_statement(s.span, |w| w.expression(&s.object), |w| w.body_statement(&s.body));
                self.state.checker.leave_with(s);
            }
            Statement::VariableDeclaration(d) => self.var_decl(d),
            Statement::FunctionDeclaration(f) => self.function(f),
            Statement::ClassDeclaration(c) => self.class(c, false),
            Statement::ImportDeclaration(d) => self.import_decl(d),
            Statement::ExportAllDeclaration(d) => self.export_all(d),
            Statement::ExportDefaultDeclaration(d) => self.export_default(d),
            Statement::ExportDeclaration(d) => self.export_decl(d),
            Statement::ExportNamedDeclaration(d) => self.export_named(d),
            Statement::ExportFromDeclaration(d) => self.export_from(d),
            Statement::TSTypeAliasDeclaration(d) => self.reject(d.span, "TypeScript syntax is not JavaScript"),
            Statement::TSInterfaceDeclaration(d) => self.reject(d.span, "TypeScript syntax is not JavaScript"),
            Statement::TSEnumDeclaration(d) => self.reject(d.span, "TypeScript syntax is not JavaScript"),
            Statement::TSExternalModuleDeclaration(d) => self.reject(d.span, "TypeScript syntax is not JavaScript"),
            Statement::TSNamespaceDeclaration(d) => self.reject(d.span, "TypeScript syntax is not JavaScript"),
            Statement::TSGlobalDeclaration(d) => self.reject(d.span, "TypeScript syntax is not JavaScript"),
            Statement::TSImportEqualsDeclaration(d) => self.reject(d.span, "TypeScript syntax is not JavaScript"),
            Statement::TSExportAssignment(d) => self.reject(d.span, "TypeScript syntax is not JavaScript"),
            Statement::TSNamespaceExportDeclaration(d) => {
                self.reject(d.span, "TypeScript syntax is not JavaScript");
            }
        }
    }

    pub(crate) fn block(&mut self, block: &BlockStatement<'a>) {
        let outer = self.state.checker.enter_block();
        self.block_statement(block.span, block.body.len(), |w| w.statements(&block.body));
        self.state.checker.leave_block(outer);
    }

    /// The catch parameter and the block share one scope.
    fn catch(&mut self, clause: &CatchClause<'a>) {
        let outer = self.state.checker.enter_catch(clause);
        let body = &clause.body;
        self.catch_clause(
            clause.span,
            |w| match &clause.param {
                // oxc's CatchParameter wrapper is just the pattern in ESTree.
                Some(param) => w.binding(&param.pattern),
                None => w.null(),
            },
            |w| w.block_statement(body.span, body.body.len(), |w| w.statements(&body.body)),
        );
        self.state.checker.leave_block(outer);
    }

    fn opt_label(&mut self, label: Option<&LabelIdentifier<'a>>) {
        match label {
            Some(label) => self.identifier(label.span, label.name.as_str()),
            None => self.null(),
        }
    }

    pub(crate) fn var_decl(&mut self, decl: &VariableDeclaration<'a>) {
        if decl.declare {
            return self.reject(decl.span, "TypeScript syntax is not JavaScript");
        }
        self.state.checker.variable_declaration(decl);
        self.variable_declaration(
            decl.span,
            decl.declarations.len(),
            |w| {
                for declarator in &decl.declarations {
                    if declarator.type_annotation.is_some() || declarator.definite {
                        w.reject(declarator.span, "TypeScript syntax is not JavaScript");
                        continue;
                    }
                    w.variable_declarator(
                        declarator.span,
                        |w| {
                            let outer = w.state.checker.enter_declarator_binding(decl.kind, &declarator.id);
                            w.binding(&declarator.id);
                            w.state.checker.leave_declarator_binding(outer);
                        },
                        |w| w.opt_expression(declarator.init.as_ref()),
                    );
                }
            },
            variable_kind_of(decl.kind),
        );
    }

    /// The left side of `for (... in/of ...)`: a declaration or an assignment target.
    fn for_left(&mut self, left: &ForStatementLeft<'a>, is_for_in: bool) {
        self.state.checker.for_in_of_left(left, is_for_in);
        match left {
            ForStatementLeft::VariableDeclaration(d) => self.var_decl(d),
            target => self.assignment_target(target.to_assignment_target()),
        }
    }
}
