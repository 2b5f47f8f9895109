//! Module records (docs/format.md, Modules section): the imports, exports, `import()` calls and
//! `import.meta` of a program, noted while converting and written as their own small section,
//! so that `moduleInfo` reads them without the string table or the node stream.

use oxc_ast::ast::*;
use oxc_span::Span;
use rustc_hash::FxHashMap;

use crate::writer::{WireStr, Writer, string_list, write_varint};

/// What an import specifier imports.
enum Imported<'a> {
    Default,
    Namespace,
    Named(WireStr<'a>),
}

/// The module specifier of a declaration with `from`: the string, its literal's range, the
/// `with { ... }` entries.
struct Source<'a> {
    value: WireStr<'a>,
    start: u32,
    end: u32,
    attributes: Vec<(WireStr<'a>, WireStr<'a>)>,
}

struct Import<'a> {
    start: u32,
    end: u32,
    from: Source<'a>,
    specifiers: Vec<(Imported<'a>, WireStr<'a>)>,
}

/// The ESTree type of an export declaration, as the section's 2-bit kind.
#[derive(Clone, Copy)]
enum ExportKind {
    Named = 0,
    NamedFrom = 1,
    Default = 2,
    All = 3,
}

struct Export<'a> {
    start: u32,
    end: u32,
    kind: ExportKind,
    /// (exported name, local name): acorn's ExportSpecifier `exported`/`local`, a declared
    /// name twice, `default` and the declaration's name, `export * as ns` with no local.
    names: Vec<(WireStr<'a>, Option<WireStr<'a>>)>,
    from: Option<Source<'a>>,
}

struct DynamicImport<'a> {
    start: u32,
    end: u32,
    /// The argument's range.
    source_start: u32,
    source_end: u32,
    /// The argument's value when it is a string literal or a template without substitutions.
    source: Option<WireStr<'a>>,
}

/// The records of one program, positions in UTF-16 (acorn's).
#[derive(Default)]
pub(crate) struct ModuleRecords<'a> {
    imports: Vec<Import<'a>>,
    exports: Vec<Export<'a>>,
    dynamic_imports: Vec<DynamicImport<'a>>,
    import_meta: Vec<(u32, u32)>,
}

impl<'a> Writer<'a> {
    fn range16(&mut self, span: Span) -> (u32, u32) {
        (self.utf16(span.start), self.utf16(span.end))
    }

    fn source_record(&mut self, literal: &StringLiteral<'a>, clause: Option<&WithClause<'a>>) -> Source<'a> {
        let (start, end) = self.range16(literal.span);
        let attributes = clause.map_or_else(Vec::new, |clause| {
            let key = |key: &ImportAttributeKey<'a>| match key {
                ImportAttributeKey::Identifier(id) => WireStr::Utf8(id.name.as_str()),
                ImportAttributeKey::StringLiteral(s) => literal_value(s),
            };
            clause.with_entries.iter().map(|entry| (key(&entry.key), literal_value(&entry.value))).collect()
        });
        Source { value: literal_value(literal), start, end, attributes }
    }

    pub(crate) fn record_import(&mut self, decl: &ImportDeclaration<'a>) {
        let (start, end) = self.range16(decl.span);
        let from = self.source_record(&decl.source, decl.with_clause.as_deref());
        let specifiers = decl.specifiers.iter().flatten().map(|specifier| match specifier {
            ImportDeclarationSpecifier::ImportSpecifier(s) => {
                (Imported::Named(export_name(&s.imported)), name(&s.local))
            }
            ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => (Imported::Default, name(&s.local)),
            ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => (Imported::Namespace, name(&s.local)),
        });
        let specifiers = specifiers.collect();
        self.state.modules.imports.push(Import { start, end, from, specifiers });
    }

    /// `export var/let/const/function/class`: each declared name, exported as itself.
    pub(crate) fn record_export_declaration(&mut self, decl: &ExportDeclaration<'a>) {
        let mut names = Vec::new();
        match &decl.declaration {
            Declaration::VariableDeclaration(d) => {
                for declarator in &d.declarations {
                    for id in declarator.id.get_binding_identifiers() {
                        names.push((name(id), Some(name(id))));
                    }
                }
            }
            Declaration::FunctionDeclaration(f) => names.extend(f.id.as_ref().map(|id| (name(id), Some(name(id))))),
            Declaration::ClassDeclaration(c) => names.extend(c.id.as_ref().map(|id| (name(id), Some(name(id))))),
            _ => {}
        }
        self.push_export(decl.span, ExportKind::Named, names, None);
    }

    pub(crate) fn record_export_specifiers(
        &mut self,
        span: Span,
        specifiers: &[ExportSpecifier<'a>],
        from: Option<(&StringLiteral<'a>, Option<&WithClause<'a>>)>,
    ) {
        let names = specifiers.iter().map(|s| (export_name(&s.exported), Some(export_name(&s.local)))).collect();
        let from = from.map(|(literal, clause)| self.source_record(literal, clause));
        let kind = if from.is_some() { ExportKind::NamedFrom } else { ExportKind::Named };
        self.push_export(span, kind, names, from);
    }

    pub(crate) fn record_export_all(&mut self, decl: &ExportAllDeclaration<'a>) {
        let names = decl.exported.iter().map(|exported| (export_name(exported), None)).collect();
        let from = self.source_record(&decl.source, decl.with_clause.as_deref());
        self.push_export(decl.span, ExportKind::All, names, Some(from));
    }

    /// `export default`: the local name is the function's or class's, when it has one.
    pub(crate) fn record_export_default(&mut self, decl: &ExportDefaultDeclaration<'a>) {
        let local = match &decl.declaration {
            ExportDefaultDeclarationKind::FunctionDeclaration(f) => f.id.as_ref().map(name),
            ExportDefaultDeclarationKind::ClassDeclaration(c) => c.id.as_ref().map(name),
            _ => None,
        };
        self.push_export(decl.span, ExportKind::Default, vec![(WireStr::Utf8("default"), local)], None);
    }

    fn push_export(
        &mut self,
        span: Span,
        kind: ExportKind,
        names: Vec<(WireStr<'a>, Option<WireStr<'a>>)>,
        from: Option<Source<'a>>,
    ) {
        let (start, end) = self.range16(span);
        self.state.modules.exports.push(Export { start, end, kind, names, from });
    }

    pub(crate) fn record_dynamic_import(&mut self, e: &ImportExpression<'a>) {
        let (start, end) = self.range16(e.span);
        let (source_start, source_end) = self.range16(oxc_span::GetSpan::span(&e.source));
        let source = match &e.source {
            Expression::StringLiteral(s) => Some(literal_value(s)),
            // `import(\`./chunk.js\`)`, as minifiers write it: a static string too.
            Expression::TemplateLiteral(t) if t.expressions.is_empty() => {
                t.quasis[0].value.cooked.map(|cooked| match cooked.as_str() {
                    Some(text) => WireStr::Utf8(text),
                    None => WireStr::LoneSurrogates(cooked.as_bytes()),
                })
            }
            _ => None,
        };
        self.state.modules.dynamic_imports.push(DynamicImport { start, end, source_start, source_end, source });
    }

    pub(crate) fn record_import_meta(&mut self, span: Span) {
        let range = self.range16(span);
        self.state.modules.import_meta.push(range);
    }
}

fn name<'a>(id: &BindingIdentifier<'a>) -> WireStr<'a> {
    WireStr::Utf8(id.name.as_str())
}

fn export_name<'a>(name: &ModuleExportName<'a>) -> WireStr<'a> {
    match name {
        ModuleExportName::IdentifierName(id) => WireStr::Utf8(id.name.as_str()),
        ModuleExportName::IdentifierReference(id) => WireStr::Utf8(id.name.as_str()),
        ModuleExportName::StringLiteral(s) => literal_value(s),
    }
}

/// A string literal's value; oxc keeps one with lone surrogates as WTF-8.
fn literal_value<'a>(literal: &StringLiteral<'a>) -> WireStr<'a> {
    match literal.value.as_str() {
        Some(value) => WireStr::Utf8(value),
        None => WireStr::LoneSurrogates(literal.value.as_bytes()),
    }
}

/// The section's strings, numbered by first use in the records.
#[derive(Default)]
struct Strings<'a> {
    list: Vec<WireStr<'a>>,
    index: FxHashMap<WireStr<'a>, u32>,
}

impl<'a> Strings<'a> {
    fn code(&mut self, text: WireStr<'a>) -> u32 {
        let next = self.list.len() as u32;
        *self.index.entry(text).or_insert_with(|| {
            self.list.push(text);
            next
        })
    }
}

impl<'a> ModuleRecords<'a> {
    /// The section's bytes; empty when there is no record (docs/format.md, Modules section).
    pub(crate) fn section(mut self) -> Vec<u8> {
        if self.imports.is_empty()
            && self.exports.is_empty()
            && self.dynamic_imports.is_empty()
            && self.import_meta.is_empty()
        {
            return Vec::new();
        }
        // Declarations are converted in source order; expressions nearly so (sorted to be sure).
        self.dynamic_imports.sort_by_key(|d| d.start);
        self.import_meta.sort_unstable();

        let mut strings = Strings::default();
        let mut out = Vec::new();
        write_varint(&mut out, self.imports.len() as u32);
        let mut cursor = 0;
        for import in &self.imports {
            cursor = write_range(&mut out, cursor, import.start, import.end);
            write_source(&mut out, &mut strings, &import.from, import.start);
            // Bits 0-1: the import phase (always 0, none: acorn has no phases yet).
            write_varint(&mut out, (import.specifiers.len() as u32) << 2);
            for (imported, local) in &import.specifiers {
                let code = match imported {
                    Imported::Default => 0,
                    Imported::Namespace => 1,
                    Imported::Named(name) => strings.code(*name) + 2,
                };
                write_varint(&mut out, code);
                write_varint(&mut out, strings.code(*local));
            }
        }
        write_varint(&mut out, self.exports.len() as u32);
        cursor = 0;
        for export in &self.exports {
            cursor = write_range(&mut out, cursor, export.start, export.end);
            write_varint(&mut out, ((export.names.len() as u32) << 2) | export.kind as u32);
            for (exported, local) in &export.names {
                write_varint(&mut out, strings.code(*exported));
                write_varint(&mut out, local.map_or(0, |local| strings.code(local) + 1));
            }
            if let Some(from) = &export.from {
                write_source(&mut out, &mut strings, from, export.start);
            }
        }
        write_varint(&mut out, self.dynamic_imports.len() as u32);
        cursor = 0;
        for import in &self.dynamic_imports {
            cursor = write_range(&mut out, cursor, import.start, import.end);
            write_varint(&mut out, import.source_start - import.start);
            write_varint(&mut out, import.source_end - import.source_start);
            write_varint(&mut out, import.source.map_or(0, |source| strings.code(source) + 1));
        }
        write_varint(&mut out, self.import_meta.len() as u32);
        cursor = 0;
        for &(start, end) in &self.import_meta {
            cursor = write_range(&mut out, cursor, start, end);
        }

        let list = string_list(&strings.list);
        let mut section = Vec::with_capacity(list.len() + out.len() + 5);
        write_varint(&mut section, list.len() as u32);
        section.extend_from_slice(&list);
        section.extend_from_slice(&out);
        section
    }
}

/// A record's start (from the previous record's start in its list) and length; the new cursor.
fn write_range(out: &mut Vec<u8>, cursor: u32, start: u32, end: u32) -> u32 {
    write_varint(out, start - cursor);
    write_varint(out, end - start);
    start
}

/// Source string, its literal's range (from the declaration's start), the attributes.
fn write_source<'a>(out: &mut Vec<u8>, strings: &mut Strings<'a>, from: &Source<'a>, declaration_start: u32) {
    write_varint(out, strings.code(from.value));
    write_varint(out, from.start - declaration_start);
    write_varint(out, from.end - from.start);
    write_varint(out, from.attributes.len() as u32);
    for &(key, value) in &from.attributes {
        write_varint(out, strings.code(key));
        write_varint(out, strings.code(value));
    }
}
