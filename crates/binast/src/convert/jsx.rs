//! JSX (encode's `jsx` option), written as acorn-jsx 5.3.2 builds it
//! (`acorn.Parser.extend(acornJsx())`):
//!
//! - Every name is a `JSXIdentifier` with its source text (oxc has identifier references and
//!   `this` among element names); `JSXNamespacedName` only where acorn-jsx allows namespaces.
//! - Text and attribute strings keep `raw` as written; `value` has acorn-jsx's entity decoding
//!   (its XHTML table, `&#...;` and `&#x...;` read as one UTF-16 unit, unknown or unterminated
//!   references left as `&`) and, in text only, CRLF read as LF.
//! - `<>` is a `JSXOpeningFragment` with `attributes: []` and `selfClosing: false` (derived by
//!   the decoder), `{}` holds a `JSXEmptyExpression` from just after `{` to just before `}`.
//! - What acorn-jsx rejects and oxc accepts is rejected here (spread children, names acorn-jsx
//!   cannot read); acorn-jsx then gives the error its own wording and position.

use oxc_ast::ast::*;
use oxc_span::Span;

use super::jsx_entities::xhtml_entity;
use crate::early_errors::Checker;
use crate::writer::{WireStr, Writer};

/// Placeholder wording: the caller asks acorn-jsx for the real message and position.
const UNEXPECTED: &str = "Unexpected token";

impl<'a> Writer<'a> {
    pub(crate) fn jsx_element(&mut self, e: &JSXElement<'a>) {
        let opening = &e.opening_element;
        if opening.type_arguments.is_some() {
            return self.reject(opening.span, "TypeScript syntax is not JavaScript");
        }
        if self.state.jsx_patched
            && let Some(closing) = &e.closing_element
            && self.qualified_name(&opening.name) != self.qualified_name(&closing.name)
        {
            // "Expected corresponding JSX closing tag for <...>"
            self.state.reject(closing.span, UNEXPECTED);
        }
        self.jsxelement(
            e.span,
            |w| {
                w.jsxopening_element(
                    opening.span,
                    |w| w.jsx_element_name(&opening.name),
                    opening.attributes.len(),
                    |w| {
                        for attribute in &opening.attributes {
                            w.jsx_attribute_item(attribute);
                        }
                    },
                    e.closing_element.is_none(),
                );
            },
            e.children.len(),
            |w| w.jsx_children(&e.children),
            |w| match &e.closing_element {
                Some(closing) => w.jsxclosing_element(closing.span, |w| w.jsx_element_name(&closing.name)),
                None => w.null(),
            },
        );
    }

    /// A JSX element parsed apart (`State::jsx_elements`) where its stand-in stood. `encode`
    /// checked its early errors on its own, as `program`: so are they checked here, in a
    /// checker of its own whose verdict is known.
    pub(crate) fn jsx_element_parsed_apart(&mut self, element: &Expression<'a>, program: &'a Program<'a>) {
        let outer = std::mem::replace(&mut self.state.checker, Checker::new(program));
        self.expression(element);
        self.state.checker = outer;
    }

    pub(crate) fn jsx_fragment(&mut self, f: &JSXFragment<'a>) {
        self.jsxfragment(
            f.span,
            |w| w.jsxopening_fragment(f.opening_fragment.span),
            f.children.len(),
            |w| w.jsx_children(&f.children),
            |w| w.jsxclosing_fragment(f.closing_fragment.span),
        );
    }

    fn jsx_children(&mut self, children: &[JSXChild<'a>]) {
        for child in children {
            match child {
                JSXChild::Text(t) => self.jsx_text(t.span),
                JSXChild::Element(e) => self.jsx_element(e),
                JSXChild::Fragment(f) => self.jsx_fragment(f),
                JSXChild::ExpressionContainer(c) => self.jsx_expression_container(c),
                // acorn-jsx reads `{...x}` among children as an expression: `...` is unexpected.
                JSXChild::Spread(s) => {
                    self.state.reject(Span::new(s.span.start + 1, s.span.end), UNEXPECTED);
                    self.expression(&s.expression);
                }
            }
        }
    }

    fn jsx_expression_container(&mut self, c: &JSXExpressionContainer<'a>) {
        self.jsxexpression_container(c.span, |w| match &c.expression {
            // acorn-jsx: from the end of `{` to the start of `}`.
            JSXExpression::EmptyExpression(_) => {
                w.jsxempty_expression(Span::new(c.span.start + 1, c.span.end - 1));
            }
            expression => w.expression(expression.to_expression()),
        });
    }

    fn jsx_attribute_item(&mut self, item: &JSXAttributeItem<'a>) {
        match item {
            JSXAttributeItem::Attribute(a) => self.jsxattribute(
                a.span,
                |w| match &a.name {
                    JSXAttributeName::Identifier(id) => w.jsx_identifier(id.span),
                    JSXAttributeName::NamespacedName(n) => w.jsx_namespaced_name(n),
                },
                |w| match &a.value {
                    None => w.null(),
                    Some(JSXAttributeValue::StringLiteral(s)) => w.jsx_attribute_string(s.span),
                    Some(JSXAttributeValue::ExpressionContainer(c)) => {
                        if matches!(c.expression, JSXExpression::EmptyExpression(_)) {
                            // "JSX attributes must only be assigned a non-empty expression"
                            return w.reject(c.span, UNEXPECTED);
                        }
                        w.jsx_expression_container(c);
                    }
                    Some(JSXAttributeValue::Element(e)) => w.jsx_element(e),
                    Some(JSXAttributeValue::Fragment(f)) => w.jsx_fragment(f),
                },
            ),
            // acorn-jsx reads a spread attribute's argument with parseMaybeAssign: no comma
            // operator (oxc reports one, and `quirks::is_jsx_only_in_oxc` lets it through for
            // expression containers, where acorn-jsx allows it).
            JSXAttributeItem::SpreadAttribute(s) => {
                if matches!(s.argument, Expression::SequenceExpression(_)) {
                    self.state.reject(s.span, UNEXPECTED);
                }
                self.jsxspread_attribute(s.span, |w| w.expression(&s.argument));
            }
        }
    }

    fn jsx_element_name(&mut self, name: &JSXElementName<'a>) {
        match name {
            JSXElementName::Identifier(id) => self.jsx_identifier(id.span),
            JSXElementName::IdentifierReference(id) => {
                self.state.checker.identifier_reference(id);
                self.jsx_identifier(id.span);
            }
            JSXElementName::ThisExpression(t) => self.jsx_identifier(t.span),
            JSXElementName::NamespacedName(n) => self.jsx_namespaced_name(n),
            JSXElementName::MemberExpression(m) => self.jsx_member_expression(m),
        }
    }

    /// acorn-jsx's `getQualifiedJSXName` of a name, from the source text.
    fn qualified_name(&self, name: &JSXElementName<'a>) -> String {
        fn member(w: &Writer<'_>, m: &JSXMemberExpression<'_>) -> String {
            let object = match &m.object {
                JSXMemberExpressionObject::IdentifierReference(id) => w.source_slice(id.span).to_owned(),
                JSXMemberExpressionObject::ThisExpression(t) => w.source_slice(t.span).to_owned(),
                JSXMemberExpressionObject::MemberExpression(inner) => member(w, inner),
            };
            format!("{object}.{}", w.source_slice(m.property.span))
        }
        match name {
            JSXElementName::Identifier(id) => self.source_slice(id.span).to_owned(),
            JSXElementName::IdentifierReference(id) => self.source_slice(id.span).to_owned(),
            JSXElementName::ThisExpression(t) => self.source_slice(t.span).to_owned(),
            JSXElementName::NamespacedName(n) => {
                format!("{}:{}", self.source_slice(n.namespace.span), self.source_slice(n.name.span))
            }
            JSXElementName::MemberExpression(m) => member(self, m),
        }
    }

    fn jsx_member_expression(&mut self, m: &JSXMemberExpression<'a>) {
        self.jsxmember_expression(
            m.span,
            |w| match &m.object {
                JSXMemberExpressionObject::IdentifierReference(id) => {
                    w.state.checker.identifier_reference(id);
                    w.jsx_identifier(id.span);
                }
                JSXMemberExpressionObject::ThisExpression(t) => w.jsx_identifier(t.span),
                JSXMemberExpressionObject::MemberExpression(inner) => w.jsx_member_expression(inner),
            },
            |w| w.jsx_identifier(m.property.span),
        );
    }

    fn jsx_namespaced_name(&mut self, n: &JSXNamespacedName<'a>) {
        if !self.state.jsx_namespaces {
            // acorn-jsx with `allowNamespaces: false` stops the name at the `:`.
            return self.reject(Span::new(n.namespace.span.end, n.span.end), UNEXPECTED);
        }
        self.jsxnamespaced_name(n.span, |w| w.jsx_identifier(n.namespace.span), |w| w.jsx_identifier(n.name.span));
    }

    /// A JSX name as written. acorn-jsx reads a name one UTF-16 unit at a time (a character
    /// beyond the BMP ends it) and knows no escapes: such names are its errors.
    fn jsx_identifier(&mut self, span: Span) {
        let name = self.source_slice(span);
        if name.is_empty() || name.bytes().any(|b| b == b'\\' || b >= 0xF0) {
            return self.reject(span, UNEXPECTED);
        }
        self.jsxidentifier(span, name);
    }

    /// JSX text: `raw` is the source text, `value` its entities decoded and CRLF read as LF.
    fn jsx_text(&mut self, span: Span) {
        let raw = self.source_slice(span);
        // acorn-jsx refuses `>` and `}` in text (its message suggests `&gt;` / `&rbrace;`).
        if let Some(at) = raw.bytes().position(|b| b == b'>' || b == b'}') {
            return self.reject(Span::new(span.start + at as u32, span.end), UNEXPECTED);
        }
        // acorn's parseLiteral adds `bigint` (the value) when the raw text ends with `n`.
        let n = raw.ends_with('n');
        match cook(raw, true) {
            None if n => self.jsxtext_n(span, raw),
            None => self.jsxtext(span, raw),
            Some(units) => {
                let value = self.wire_units(&units);
                if n { self.jsxtext_cooked_n(span, value, raw) } else { self.jsxtext_cooked(span, value, raw) }
            }
        }
    }

    /// An attribute string: a `Literal` whose raw text is as written (no escapes in JSX) and
    /// whose value has the entities decoded (line breaks kept as written).
    fn jsx_attribute_string(&mut self, span: Span) {
        let raw = self.source_slice(span);
        let inner = &raw[1..raw.len() - 1];
        match cook(inner, false) {
            None if raw.starts_with('"') => self.string_literal_double_quoted(span, inner),
            None => self.string_literal_single_quoted(span, inner),
            Some(units) => {
                let value = self.wire_units(&units);
                self.string_literal(span, value, raw);
            }
        }
    }

    /// UTF-16 code units as a wire string: text when they are valid UTF-16, else WTF-8 (the
    /// lone surrogates an entity such as `&#xD800;` makes).
    fn wire_units(&mut self, units: &[u16]) -> WireStr<'a> {
        match String::from_utf16(units) {
            Ok(text) => WireStr::Utf8(self.alloc_str(&text)),
            Err(_) => {
                let mut bytes = Vec::with_capacity(units.len() * 3);
                for unit in char::decode_utf16(units.iter().copied()) {
                    match unit {
                        Ok(c) => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
                        Err(e) => {
                            let u = u32::from(e.unpaired_surrogate());
                            bytes.extend_from_slice(&[
                                0xE0 | (u >> 12) as u8,
                                0x80 | ((u >> 6) & 0x3F) as u8,
                                0x80 | (u & 0x3F) as u8,
                            ]);
                        }
                    }
                }
                WireStr::LoneSurrogates(self.alloc_bytes(&bytes))
            }
        }
    }
}

/// acorn-jsx's reading of `text` (`jsx_readToken` for text, `jsx_readString` for attribute
/// strings) as UTF-16 units, or `None` when the value is the text itself.
fn cook(text: &str, is_text: bool) -> Option<Vec<u16>> {
    let bytes = text.as_bytes();
    if !bytes.iter().any(|&b| b == b'&' || (is_text && b == b'\r')) {
        return None;
    }
    let mut out: Vec<u16> = Vec::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'&' => {
                if let Some((decoded, consumed)) = entity(&text[i + 1..]) {
                    out.extend(decoded.encode_utf16());
                    i += 1 + consumed;
                    changed = true;
                    continue;
                }
                out.push(u16::from(b'&'));
                i += 1;
            }
            b'\r' if is_text && bytes.get(i + 1) == Some(&b'\n') => {
                out.push(u16::from(b'\n'));
                i += 2;
                changed = true;
            }
            _ => {
                let c = text[i..].chars().next().expect("on a char boundary");
                let mut buf = [0; 2];
                out.extend_from_slice(c.encode_utf16(&mut buf));
                i += c.len_utf8();
            }
        }
    }
    changed.then_some(out)
}

/// Decoded text of an entity.
enum Entity {
    Unit(u16),
    Text(&'static str),
}

impl Entity {
    fn encode_utf16(&self) -> impl Iterator<Item = u16> + '_ {
        let (unit, text) = match self {
            Entity::Unit(u) => (Some(*u), ""),
            Entity::Text(t) => (None, *t),
        };
        unit.into_iter().chain(text.encode_utf16())
    }
}

/// acorn-jsx's `jsx_readEntity` on the text after an `&`: the decoded entity and the bytes it
/// takes (up to and with the `;`), or `None` when acorn-jsx reads a plain `&`. It looks for the
/// `;` within the next 10 UTF-16 units.
fn entity(after: &str) -> Option<(Entity, usize)> {
    let mut units = 0;
    let mut end = None;
    for (at, c) in after.char_indices() {
        if units >= 10 {
            break;
        }
        if c == ';' {
            end = Some(at);
            break;
        }
        units += c.len_utf16();
    }
    let end = end?;
    let name = &after[..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let (digits, radix) = match number.strip_prefix('x') {
            Some(hex) => (hex, 16),
            None => (number, 10),
        };
        let valid = |b: u8| if radix == 16 { b.is_ascii_hexdigit() } else { b.is_ascii_digit() };
        if digits.is_empty() || !digits.bytes().all(valid) {
            return None;
        }
        // At most 8 digits fit before the `;`: no overflow. fromCharCode keeps the low 16 bits.
        Entity::Unit(u32::from_str_radix(digits, radix).ok()? as u16)
    } else {
        match xhtml_entity(name) {
            Some(unit) => Entity::Unit(unit),
            // acorn-jsx looks the name up in a plain object: Object.prototype's members that fit
            // in 9 characters are found too, and stringified.
            None => Entity::Text(match name {
                "toString" => "function toString() { [native code] }",
                "valueOf" => "function valueOf() { [native code] }",
                "__proto__" => "[object Object]",
                _ => return None,
            }),
        }
    };
    Some((decoded, end + 1))
}
