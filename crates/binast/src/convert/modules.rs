//! Import and export declarations.

use oxc_ast::ast::*;

use crate::writer::Writer;

const NOT_JS: &str = "TypeScript syntax is not JavaScript";
const PHASES: &str = "import phases are not supported";
const ASSERT: &str = "import assertions (`assert`) are not supported; use `with`";

impl<'a> Writer<'a> {
    pub(crate) fn import_decl(&mut self, decl: &ImportDeclaration<'a>) {
        if decl.phase.is_some() {
            self.state.reject(decl.span, PHASES);
        }
        if decl.import_kind.is_type() {
            return self.reject(decl.span, NOT_JS);
        }
        self.state.checker.import_declaration(decl);
        self.record_import(decl);
        let specifiers: &[ImportDeclarationSpecifier<'a>] = decl.specifiers.as_ref().map_or(&[], |s| s.as_slice());
        self.import_declaration(
            decl.span,
            specifiers.len(),
            |w| {
                for specifier in specifiers {
                    w.import_spec(specifier);
                }
            },
            |w| w.string_lit(&decl.source),
            attributes_len(decl.with_clause.as_deref()),
            |w| w.with_clause(decl.with_clause.as_deref()),
        );
    }

    fn import_spec(&mut self, specifier: &ImportDeclarationSpecifier<'a>) {
        match specifier {
            ImportDeclarationSpecifier::ImportSpecifier(s) => {
                if s.import_kind.is_type() {
                    return self.reject(s.span, NOT_JS);
                }
                self.import_specifier(s.span, |w| w.export_name(&s.imported), |w| w.binding_identifier(&s.local));
            }
            ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                self.import_default_specifier(s.span, |w| w.binding_identifier(&s.local));
            }
            ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                self.import_namespace_specifier(s.span, |w| w.binding_identifier(&s.local));
            }
        }
    }

    /// `with { type: "json" }` entries are acorn's `attributes`; `assert { ... }` is rejected.
    fn with_clause(&mut self, clause: Option<&WithClause<'a>>) {
        let Some(clause) = clause else { return };
        if clause.keyword == WithClauseKeyword::Assert {
            // Written on, for the early errors in its strings; the output is dropped anyway.
            self.state.reject(clause.span, ASSERT);
        }
        for attribute in &clause.with_entries {
            self.import_attribute(
                attribute.span,
                |w| match &attribute.key {
                    ImportAttributeKey::Identifier(id) => w.identifier(id.span, id.name.as_str()),
                    ImportAttributeKey::StringLiteral(s) => w.string_lit(s),
                },
                |w| w.string_lit(&attribute.value),
            );
        }
    }

    fn export_name(&mut self, name: &ModuleExportName<'a>) {
        match name {
            ModuleExportName::IdentifierName(id) => self.identifier(id.span, id.name.as_str()),
            ModuleExportName::IdentifierReference(id) => {
                self.state.checker.identifier_reference(id);
                self.identifier(id.span, id.name.as_str());
            }
            ModuleExportName::StringLiteral(s) => self.string_lit(s),
        }
    }

    fn export_specs(&mut self, specifiers: &[ExportSpecifier<'a>]) {
        for s in specifiers {
            if s.export_kind.is_type() {
                self.reject(s.span, NOT_JS);
                continue;
            }
            self.export_specifier(s.span, |w| w.export_name(&s.local), |w| w.export_name(&s.exported));
        }
    }

    /// `export var/let/const/function/class ...`
    pub(crate) fn export_decl(&mut self, decl: &ExportDeclaration<'a>) {
        self.record_export_declaration(decl);
        self.export_named_declaration(
            decl.span,
            |w| match &decl.declaration {
                Declaration::VariableDeclaration(d) => w.var_decl(d),
                Declaration::FunctionDeclaration(f) => w.function(f),
                Declaration::ClassDeclaration(c) => w.class(c, false),
                _ => w.reject(decl.span, NOT_JS),
            },
            0,
            |_| {},
            |w| w.null(),
            0,
            |_| {},
        );
    }

    /// `export { a, b as c }` (no source).
    pub(crate) fn export_named(&mut self, decl: &ExportNamedDeclaration<'a>) {
        if decl.export_kind.is_type() {
            return self.reject(decl.span, NOT_JS);
        }
        self.state.checker.export_named_declaration(decl);
        self.record_export_specifiers(decl.span, &decl.specifiers, None);
        self.export_named_declaration(
            decl.span,
            |w| w.null(),
            decl.specifiers.len(),
            |w| w.export_specs(&decl.specifiers),
            |w| w.null(),
            0,
            |_| {},
        );
    }

    /// `export { a } from "m"`.
    pub(crate) fn export_from(&mut self, decl: &ExportFromDeclaration<'a>) {
        if decl.export_kind.is_type() {
            return self.reject(decl.span, NOT_JS);
        }
        self.record_export_specifiers(decl.span, &decl.specifiers, Some((&decl.source, decl.with_clause.as_deref())));
        self.export_named_declaration(
            decl.span,
            |w| w.null(),
            decl.specifiers.len(),
            |w| w.export_specs(&decl.specifiers),
            |w| w.string_lit(&decl.source),
            attributes_len(decl.with_clause.as_deref()),
            |w| w.with_clause(decl.with_clause.as_deref()),
        );
    }

    pub(crate) fn export_all(&mut self, decl: &ExportAllDeclaration<'a>) {
        if decl.export_kind.is_type() {
            return self.reject(decl.span, NOT_JS);
        }
        self.record_export_all(decl);
        self.export_all_declaration(
            decl.span,
            |w| match &decl.exported {
                Some(name) => w.export_name(name),
                None => w.null(),
            },
            |w| w.string_lit(&decl.source),
            attributes_len(decl.with_clause.as_deref()),
            |w| w.with_clause(decl.with_clause.as_deref()),
        );
    }

    pub(crate) fn export_default(&mut self, decl: &ExportDefaultDeclaration<'a>) {
        self.record_export_default(decl);
        self.export_default_declaration(decl.span, |w| match &decl.declaration {
            // `export default function () {}` stays a FunctionDeclaration (id null) in acorn.
            ExportDefaultDeclarationKind::FunctionDeclaration(f) => w.function(f),
            ExportDefaultDeclarationKind::ClassDeclaration(c) => w.class(c, true),
            ExportDefaultDeclarationKind::TSInterfaceDeclaration(d) => w.reject(d.span, NOT_JS),
            kind => w.expression(kind.to_expression()),
        });
    }
}

fn attributes_len(clause: Option<&WithClause<'_>>) -> usize {
    clause.map_or(0, |clause| clause.with_entries.len())
}
