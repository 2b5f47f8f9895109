//! The line table (docs/format.md, Lines section): where each line after the first starts, in
//! UTF-16 units. acorn's line breaks are `\r\n`, `\r`, `\n`, U+2028 and U+2029.
//!
//! It is one pass over the whole source, so it is scanned 16 bytes at a time: a mask of the
//! `\n`/`\r` bytes and one of the non-ASCII bytes (SIMD where the target has it); only the
//! breaks and the non-ASCII characters are then looked at one by one.

use crate::scan::masks;
use crate::writer::write_varint;

/// Line starts after the first line, delta-coded, after their count.
pub(crate) fn line_section(source: &str) -> Vec<u8> {
    let bytes = source.as_bytes();
    let mut table = Table { deltas: Vec::with_capacity(bytes.len() / 32 + 8), count: 0, previous: 0 };
    // UTF-8 bytes minus UTF-16 units before `i` (a position's UTF-16 offset is `i - shrink`).
    let mut shrink = 0u32;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 16) {
            let (breaks, non_ascii) = masks(chunk.try_into().unwrap_or(&[0; 16]));
            // The breaks among the ASCII bytes before the first non-ASCII one (all 16 if none).
            let ascii = if non_ascii == 0 { 16 } else { non_ascii.trailing_zeros() as usize };
            let mut bits = breaks & ((1u32 << ascii) - 1);
            while bits != 0 {
                let at = i + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                // `\r\n` is one break: the line starts after the `\n`.
                if bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n') {
                    table.push(at as u32 + 1 - shrink);
                }
            }
            i += ascii;
            if ascii == 16 {
                continue;
            }
        }
        // One character the chunk did not cover: a non-ASCII one, or any in the last 15 bytes.
        let byte = bytes[i];
        if byte < 0x80 {
            i += 1;
            if byte == b'\n' || (byte == b'\r' && bytes.get(i) != Some(&b'\n')) {
                table.push(i as u32 - shrink);
            }
        } else {
            let c = source[i..].chars().next().unwrap_or('\u{FFFD}');
            i += c.len_utf8();
            shrink += (c.len_utf8() - c.len_utf16()) as u32;
            if c == '\u{2028}' || c == '\u{2029}' {
                table.push(i as u32 - shrink);
            }
        }
    }
    let mut out = Vec::with_capacity(table.deltas.len() + 5);
    write_varint(&mut out, table.count);
    out.extend_from_slice(&table.deltas);
    out
}

struct Table {
    deltas: Vec<u8>,
    count: u32,
    previous: u32,
}

impl Table {
    #[inline]
    fn push(&mut self, start: u32) {
        write_varint(&mut self.deltas, start - self.previous);
        self.previous = start;
        self.count += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line table, one character at a time (what `line_section`'s chunked scan must match).
    fn naive_line_section(source: &str) -> Vec<u8> {
        let (mut deltas, mut count, mut previous, mut utf16) = (Vec::new(), 0u32, 0u32, 0u32);
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            utf16 += c.len_utf16() as u32;
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                utf16 += 1;
            }
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                write_varint(&mut deltas, utf16 - previous);
                previous = utf16;
                count += 1;
            }
        }
        let mut out = Vec::new();
        write_varint(&mut out, count);
        out.extend_from_slice(&deltas);
        out
    }

    #[test]
    fn line_section_matches_a_char_by_char_scan() {
        let pieces = [
            "a",
            "bcdefgh",
            "\n",
            "\r",
            "\r\n",
            "\t",
            "\u{2028}",
            "\u{2029}",
            "é",
            "😀",
            "\u{7f}",
            "\u{0e}",
            "\u{0d}x",
            "0123456789abcdef",
        ];
        let mut seed = 12345u32;
        for _ in 0..2000 {
            let mut source = String::new();
            for _ in 0..(seed % 90) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                source.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            assert_eq!(line_section(&source), naive_line_section(&source), "{source:?}");
        }
    }
}
