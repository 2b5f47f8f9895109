//! The hooks of statements and declarations: block scopes, labels, `break`/`continue`, loops,
//! `switch`, `catch`, the bindings of declarations, imports and exports, and the rules
//! oxc_semantic applies after a body (a function declaration as the body of a loop, `if` or
//! `with`; `with` itself).

use super::*;

/// The context saved across a block scope.
#[derive(Clone, Copy)]
pub(crate) struct BlockContext {
    static_block_scope: bool,
}

impl<'a> Checker<'a> {
    /// Entering the scope of a block, a `for` statement or a `catch` clause.
    pub(crate) fn enter_block(&mut self) -> BlockContext {
        let saved = BlockContext { static_block_scope: std::mem::replace(&mut self.context.static_block_scope, false) };
        self.enter(ScopeKind::Block);
        saved
    }

    pub(crate) fn leave_block(&mut self, saved: BlockContext) {
        self.leave();
        self.context.static_block_scope = saved.static_block_scope;
    }

    /// Entering a labelled statement (`body_position`: it is the body of a loop, `if` or
    /// `with`, through labels).
    pub(crate) fn enter_labeled(&mut self, labeled: &LabeledStatement<'a>, body_position: bool) {
        let label = labeled.label.name.as_str();
        if self.context.labels.iter().any(|l| l.name == label) {
            self.report(labeled.label.span.start, format!("Label `{label}` has already been declared"));
        }
        self.identifier_rules(label, labeled.label.span);
        // A labelled function: never in strict code, in sloppy code not as the body of a loop,
        // `if` or `with` (through labels).
        if let Statement::FunctionDeclaration(func) = &labeled.body
            && (self.context.strict || body_position)
        {
            self.report(func.span.start, "Invalid function declaration");
        }
        let mut target = &labeled.body;
        while let Statement::LabeledStatement(nested) = target {
            target = &nested.body;
        }
        let is_loop = target.is_iteration_statement();
        self.context.labels.push(Label { name: label, is_loop });
    }

    pub(crate) fn leave_labeled(&mut self) {
        self.context.labels.pop();
    }

    pub(crate) fn break_statement(&mut self, statement: &BreakStatement<'a>) {
        match &statement.label {
            None if self.context.loops == 0 && self.context.switches == 0 => {
                self.report(statement.span.start, "Illegal break statement")
            }
            None => {}
            Some(label) => {
                self.identifier_rules(label.name.as_str(), label.span);
                if !self.context.labels.iter().any(|l| l.name == label.name.as_str()) {
                    self.undefined_label(label);
                }
            }
        }
    }

    pub(crate) fn continue_statement(&mut self, statement: &ContinueStatement<'a>) {
        match &statement.label {
            None if self.context.loops == 0 => {
                self.report(statement.span.start, "Illegal continue statement: no surrounding iteration statement");
            }
            None => {}
            Some(label) => {
                self.identifier_rules(label.name.as_str(), label.span);
                match self.context.labels.iter().rev().find(|l| l.name == label.name.as_str()) {
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

    pub(crate) fn enter_loop_body(&mut self) {
        self.context.loops += 1;
    }

    /// Leaving a loop's body, which may not be a function declaration.
    pub(crate) fn leave_loop_body(&mut self, body: &Statement<'a>) {
        self.context.loops -= 1;
        self.statement_function(body, false);
    }

    /// Entering the cases of a `switch` (one block scope for all of them).
    pub(crate) fn enter_switch_cases(&mut self) -> BlockContext {
        let saved = self.enter_block();
        self.context.switches += 1;
        saved
    }

    pub(crate) fn leave_switch_cases(&mut self, saved: BlockContext) {
        self.context.switches -= 1;
        self.leave_block(saved);
    }

    /// After an `if` statement: function declarations as its branches.
    pub(crate) fn leave_if(&mut self, statement: &IfStatement<'a>) {
        for branch in std::iter::once(&statement.consequent).chain(statement.alternate.as_ref()) {
            self.statement_function(branch, true);
        }
    }

    /// After a `with` statement (the body's errors come first, as oxc_semantic reports them).
    pub(crate) fn leave_with(&mut self, statement: &WithStatement<'a>) {
        self.statement_function(&statement.body, false);
        if self.context.strict {
            self.report(statement.span.start, "'with' statements are not allowed");
        }
    }

    /// A function declaration as the body of a loop, `if`, `with` or label.
    fn statement_function(&mut self, statement: &Statement<'a>, allowed_in_sloppy: bool) {
        if let Statement::FunctionDeclaration(func) = statement
            && (self.context.strict || !allowed_in_sloppy)
        {
            self.report(func.span.start, "Invalid function declaration");
        }
    }

    /// A `for`-`of` statement, before its scope: `for await` in a static block.
    pub(crate) fn for_of_statement(&mut self, statement: &ForOfStatement<'a>) {
        if statement.r#await && self.context.in_static_block {
            self.report(statement.span.start, "Cannot use 'for await' in class static initialization block");
        }
    }

    /// The left side of `for`-`in`/`of`, before it is checked: an initializer where none may be.
    pub(crate) fn for_in_of_left(&mut self, left: &ForStatementLeft<'a>, is_for_in: bool) {
        if let ForStatementLeft::VariableDeclaration(decl) = left
            && let [declarator] = decl.declarations.as_slice()
            && declarator.init.is_some()
            && ((self.context.strict && decl.kind.is_var()) || !is_for_in || !declarator.id.is_binding_identifier())
        {
            let kind = if is_for_in { "for-in" } else { "for-of" };
            self.report(decl.span.start, format!("{kind} loop variable declaration may not have an initializer"));
        }
    }

    /// Entering a `catch` clause: the parameter, declared here, and the block share one scope
    /// (left with [`Checker::leave_block`]).
    pub(crate) fn enter_catch(&mut self, clause: &CatchClause<'a>) -> BlockContext {
        let saved = self.enter_block();
        if let Some(param) = &clause.param {
            self.declare_catch_parameter(&param.pattern);
        }
        saved
    }

    /// A variable declaration, before its declarators: `using` where it may not be.
    pub(crate) fn variable_declaration(&mut self, decl: &VariableDeclaration<'a>) {
        match decl.kind {
            VariableDeclarationKind::Using if self.program().source_type.is_script() && self.depth == 1 => {
                self.report(decl.span.start, "'using' declarations are not allowed at the top level of a script");
            }
            VariableDeclarationKind::AwaitUsing if self.context.in_static_block => {
                self.report(decl.span.start, "Cannot use 'await using' in class static initialization block");
            }
            _ => {}
        }
    }

    /// Entering a declarator's binding: its names declared, then checked as bound by `kind`
    /// (`leave_declarator_binding` takes what this returns, before the initializer).
    pub(crate) fn enter_declarator_binding(
        &mut self,
        kind: VariableDeclarationKind,
        binding: &BindingPattern<'a>,
    ) -> Option<&'static str> {
        self.declare_pattern(binding, kind.is_lexical());
        let lexical_binding = match kind {
            VariableDeclarationKind::Let => Some("let"),
            VariableDeclarationKind::Const => Some("const"),
            VariableDeclarationKind::Using => Some("using"),
            VariableDeclarationKind::AwaitUsing => Some("await using"),
            VariableDeclarationKind::Var => None,
        };
        std::mem::replace(&mut self.context.lexical_binding, lexical_binding)
    }

    pub(crate) fn leave_declarator_binding(&mut self, saved: Option<&'static str>) {
        self.context.lexical_binding = saved;
    }

    /// An import declaration, before its specifiers: every local name declared.
    pub(crate) fn import_declaration(&mut self, decl: &ImportDeclaration<'a>) {
        for specifier in decl.specifiers.iter().flatten() {
            let local = match specifier {
                ImportDeclarationSpecifier::ImportSpecifier(s) => &s.local,
                ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => &s.local,
                ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => &s.local,
            };
            self.declare_lexical(local);
        }
    }

    /// `export { x }` (without `from`), before its specifiers: the local names, checked at the
    /// end ([`Checker::finish`]).
    pub(crate) fn export_named_declaration(&mut self, decl: &ExportNamedDeclaration<'a>) {
        for specifier in &decl.specifiers {
            if let ModuleExportName::IdentifierReference(id) = &specifier.local {
                self.exports.push((id.name.as_str(), id.span.start));
            }
        }
    }
}
