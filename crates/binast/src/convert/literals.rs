//! Literals: the wire kind is picked from the raw source text so the decoder can rebuild
//! acorn's `raw` without storing it.

use oxc_ast::ast::*;

use crate::writer::{WireStr, Writer};

impl<'a> Writer<'a> {
    pub(crate) fn string_lit(&mut self, lit: &StringLiteral<'a>) {
        self.state.checker.string_literal(lit);
        let raw = self.source_slice(lit.span);
        let Some(value) = lit.value.as_str() else {
            // Lone surrogates: oxc keeps the value as WTF-8; the writer decodes it.
            return self.string_literal(lit.span, WireStr::LoneSurrogates(lit.value.as_bytes()), raw);
        };
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
        self.state.checker.numeric_literal(lit);
        let raw = self.source_slice(lit.span);
        match plain_u31(raw) {
            Some(value) => self.integer_literal(lit.span, value),
            None => self.number_literal(lit.span, legacy_octal_value(raw).unwrap_or(lit.value), raw),
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
        if (flags.contains('u') || flags.contains('v')) && super::quirks::has_buffer_boundary(pattern) {
            // acorn places regular expression errors just after the opening `/`.
            let at = oxc_span::Span::new(lit.span.start + 1, lit.span.end);
            return self.reject(at, "Invalid regular expression: Invalid escape");
        }
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

/// The value of a legacy octal literal (`0777`), correctly rounded as acorn's `parseInt(raw, 8)`
/// has it; oxc sums the digits in floating point, which is an ulp off for some above 2^53.
/// `None` for every other kind of numeric literal.
fn legacy_octal_value(raw: &str) -> Option<f64> {
    let digits = raw.as_bytes().strip_prefix(b"0")?;
    if digits.is_empty() || !digits.iter().all(|digit| (b'0'..=b'7').contains(digit)) {
        return None;
    }
    // The leading 62 to 64 bits, how many bits follow them, and whether any of those is set:
    // enough to round to 53 bits exactly as the whole number would.
    let (mut top, mut dropped, mut sticky) = (0u64, 0u32, false);
    for &digit in digits {
        let digit = u64::from(digit - b'0');
        if top >> 61 == 0 {
            top = top << 3 | digit;
        } else {
            dropped = dropped.saturating_add(3);
            sticky |= digit != 0;
        }
    }
    let rounded = (top | u64::from(sticky)) as f64;
    Some(rounded * 2f64.powi(i32::try_from(dropped).unwrap_or(i32::MAX)))
}

#[cfg(test)]
mod tests {
    use super::{legacy_octal_value, plain_u31};

    #[test]
    fn legacy_octals_are_correctly_rounded() {
        assert_eq!(legacy_octal_value("0777"), Some(511.0));
        assert_eq!(legacy_octal_value("00"), Some(0.0));
        // oxc's floating-point sum gives 3.4599884380917226e+23 (found by the fuzzer).
        assert_eq!(legacy_octal_value("0111211212112000011211212112"), Some(3.459988438091723e23));
        // 2^53 + 1 rounds to even; 2^53 + 3 rounds up; a set bit far below breaks the tie.
        assert_eq!(legacy_octal_value("0400000000000000001"), Some(9007199254740992.0));
        assert_eq!(legacy_octal_value("0400000000000000003"), Some(9007199254740996.0));
        assert_eq!(legacy_octal_value(&format!("0{}", "7".repeat(400))), Some(f64::INFINITY));
        for other in ["0", "0x10", "0o7", "08", "0.5", "07.5", "1", "0_7", "07n"] {
            assert_eq!(legacy_octal_value(other), None, "{other}");
        }
    }

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
