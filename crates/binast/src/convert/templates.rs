//! Template literals.

use oxc_ast::ast::*;

use crate::writer::{WireStr, Writer};

impl<'a> Writer<'a> {
    pub(crate) fn template(&mut self, template: &TemplateLiteral<'a>) {
        self.template_literal(
            template.span,
            template.quasis.len(),
            |w| {
                for quasi in &template.quasis {
                    w.template_quasi(quasi);
                }
            },
            template.expressions.len(),
            |w| {
                for expression in &template.expressions {
                    w.expression(expression);
                }
            },
        );
    }

    /// oxc's element span is the raw text between the delimiters, as acorn's.
    fn template_quasi(&mut self, quasi: &TemplateElement<'a>) {
        let mut raw = quasi.value.raw.as_str();
        // acorn normalizes CR/CRLF to LF in `raw`; oxc does so only when `cooked` is valid.
        if quasi.value.cooked.is_none() && raw.contains('\r') {
            raw = self.alloc_str(&raw.replace("\r\n", "\n").replace('\r', "\n"));
        }
        match quasi.value.cooked {
            Some(cooked) if cooked.as_str() == Some(raw) => {
                self.template_element(quasi.span, raw, quasi.tail);
            }
            cooked => {
                // `as_str` is `None` for lone surrogates (WTF-8, decoded by the writer).
                let cooked = cooked.map(|cooked| match cooked.as_str() {
                    Some(text) => WireStr::Utf8(text),
                    None => WireStr::LoneSurrogates(cooked.as_bytes()),
                });
                self.template_element_cooked(quasi.span, raw, cooked, quasi.tail);
            }
        }
    }
}
