//! Literals: the wire kind is picked from the raw source text so the decoder can rebuild
//! acorn's `raw` without storing it.

use oxc_ast::ast::*;

use crate::writer::{WireStr, Writer};

impl<'a> Writer<'a> {
    pub(crate) fn string_lit(&mut self, lit: &StringLiteral<'a>) {
        let raw = self.source_slice(lit.span);
        let value = lit.value.as_str();
        if lit.lone_surrogates {
            // oxc writes lone surrogates as U+FFFD + 4 hex digits; the writer decodes them.
            return self.string_literal(lit.span, WireStr::LoneSurrogates(value), raw);
        }
        let bytes = raw.as_bytes();
        // `"value"` / `'value'` with nothing escaped: raw is derivable from the value.
        if bytes.len() == value.len() + 2 && &raw[1..raw.len() - 1] == value {
            match bytes[0] {
                b'"' => return self.string_literal_double_quoted(lit.span, value),
                b'\'' => return self.string_literal_single_quoted(lit.span, value),
                _ => {}
            }
        }
        self.string_literal(lit.span, value, raw);
    }

    pub(crate) fn numeric_lit(&mut self, lit: &NumericLiteral<'a>) {
        let raw = self.source_slice(lit.span);
        match plain_u31(raw) {
            Some(value) => self.integer_literal(lit.span, value),
            None => self.number_literal(lit.span, lit.value, raw),
        }
    }

    pub(crate) fn bigint_lit(&mut self, lit: &BigIntLiteral<'a>) {
        // The raw text keeps the `n`; the decoder derives `value` and `bigint` from it.
        let raw = self.source_slice(lit.span);
        self.big_int_literal(lit.span, raw);
    }

    pub(crate) fn regexp_lit(&mut self, lit: &RegExpLiteral<'a>) {
        // acorn's `regex.pattern`/`flags` are the source text on either side of the last `/`.
        let raw = self.source_slice(lit.span);
        let slash = raw.rfind('/').unwrap_or(0);
        let pattern = raw.get(1..slash).unwrap_or("");
        let flags = &raw[slash + 1..];
        self.reg_exp_literal(lit.span, pattern, flags);
    }
}

/// `raw` as an integer below 2^31 when it is written as plain decimal digits (no leading
/// zero, separator, exponent or fraction), i.e. when `String(value) === raw`.
#[inline]
fn plain_u31(raw: &str) -> Option<u32> {
    let bytes = raw.as_bytes();
    if bytes.is_empty() || bytes.len() > 10 || (bytes.len() > 1 && bytes[0] == b'0') {
        return None;
    }
    let mut value: u64 = 0;
    for &byte in bytes {
        if !byte.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u64::from(byte - b'0');
    }
    u32::try_from(value).ok().filter(|&v| v < 1 << 31)
}

#[cfg(test)]
mod tests {
    use super::plain_u31;

    #[test]
    fn plain_integers() {
        assert_eq!(plain_u31("0"), Some(0));
        assert_eq!(plain_u31("42"), Some(42));
        assert_eq!(plain_u31("2147483647"), Some(2_147_483_647));
        for raw in ["2147483648", "9999999999", "01", "00", "1_0", "1e3", "1.0", "0x1", ".5", "1.", ""] {
            assert_eq!(plain_u31(raw), None, "{raw}");
        }
    }
}
