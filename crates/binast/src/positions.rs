//! UTF-8 byte offsets (oxc's spans) to UTF-16 offsets (what acorn reports).

/// Converts offsets; free when the source is ASCII, a cached binary search otherwise.
pub struct Utf16Positions {
    /// `(utf8 offset after a non-ASCII char, utf8 - utf16 difference from there on)`.
    checkpoints: Vec<(u32, u32)>,
    /// Index of the checkpoint that applied last time: positions arrive mostly in order.
    last: usize,
}

impl Utf16Positions {
    pub fn new(source: &str) -> Self {
        let mut checkpoints = Vec::new();
        if !source.is_ascii() {
            checkpoints.push((0, 0));
            let mut difference = 0u32;
            for (offset, c) in source.char_indices() {
                let extra = (c.len_utf8() - c.len_utf16()) as u32;
                if extra > 0 {
                    difference += extra;
                    checkpoints.push(((offset + c.len_utf8()) as u32, difference));
                }
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
