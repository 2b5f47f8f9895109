//! UTF-8 byte offsets (oxc's spans) to UTF-16 offsets (what acorn reports).

use crate::scan::next_non_ascii;

/// Converts offsets; free when the source is ASCII, a cached binary search otherwise.
pub struct Utf16Positions {
    /// `(utf8 offset after a non-ASCII char, utf8 - utf16 difference from there on)`.
    checkpoints: Vec<(u32, u32)>,
    /// Index of the checkpoint that applied last time: positions arrive mostly in order.
    last: usize,
}

impl Utf16Positions {
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut checkpoints = Vec::new();
        // Only the non-ASCII characters matter: the ASCII runs between them are skipped 16
        // bytes at a time.
        let mut at = next_non_ascii(bytes, 0);
        if at < bytes.len() {
            checkpoints.push((0, 0));
            let mut difference = 0u32;
            while at < bytes.len() {
                let c = source[at..].chars().next().unwrap_or('\u{FFFD}');
                at += c.len_utf8();
                difference += (c.len_utf8() - c.len_utf16()) as u32;
                checkpoints.push((at as u32, difference));
                at = next_non_ascii(bytes, at);
            }
        }
        Utf16Positions { checkpoints, last: 0 }
    }

    #[inline]
    pub fn convert(&mut self, utf8: u32) -> u32 {
        if self.checkpoints.is_empty() {
            return utf8;
        }
        let points = &self.checkpoints;
        let last = self.last;
        let in_last = points[last].0 <= utf8 && points.get(last + 1).is_none_or(|next| utf8 < next.0);
        if !in_last {
            self.last = points.partition_point(|point| point.0 <= utf8).saturating_sub(1);
        }
        utf8 - self.checkpoints[self.last].1
    }
}
