//! Skip entries for function bodies (docs/format.md, Bodies section): what a lazy decoder needs
//! to step over a body in O(1) without reading it. Entries live in their own section, so the
//! node and string-reference streams keep the byte patterns brotli learns.

use crate::writer::{Writer, write_delta, write_varint};

/// Bodies smaller than this many bytes of the node section get no entry (their skip bit stays
/// clear) and a lazy decode reads them at once: an entry costs ~5 bytes that compress poorly,
/// and decoding a small body costs less than deferring it. Chosen by measurement (bench/sizes):
/// see docs/format.md, Bodies section.
pub const MIN_SKIPPABLE_BYTES: usize = 256;

/// One body's entry, in pre-order of bodies (a body's entry comes before those of the bodies
/// nested in it).
#[derive(Clone, Copy, Default)]
pub(crate) struct BodyEntry {
    node_bytes: u32,
    refs: u32,
    new_strings: u32,
    /// Position cursor after the body minus the cursor before it.
    cursor_before: u32,
    cursor_after: u32,
    /// How many entries (of nested bodies) follow this one and belong to it.
    nested: u32,
}

impl<'a> Writer<'a> {
    /// Where the attribute word about to be written starts (to set the skip bit later).
    #[inline]
    pub(crate) fn attrs_at(&self) -> usize {
        self.nodes.len()
    }

    /// Writes a skippable body with `body`; when it is large enough, sets `skip_bit` in the
    /// one-byte attribute word at `attrs_at` and records its entry.
    #[inline]
    pub(crate) fn skippable_body(&mut self, attrs_at: usize, skip_bit: u8, body: impl FnOnce(&mut Self)) {
        let node_start = self.nodes.len();
        let refs_start = self.refs.len();
        let new_start = self.new_strings;
        let cursor_before = self.cursor;
        // Bytes `finish` will drop (start residuals of nodes found fully as predicted) do not count.
        let dropped_before = self.dropped_count;
        let index = self.body_entries.len();
        // A placeholder keeps pre-order: the nested bodies' entries are pushed after it.
        self.body_entries.push(BodyEntry::default());
        body(self);
        let node_bytes = self.nodes.len() - node_start - (self.dropped_count - dropped_before);
        if node_bytes < MIN_SKIPPABLE_BYTES {
            // A nested body is smaller than this one, so none of them kept an entry either.
            debug_assert_eq!(self.body_entries.len(), index + 1);
            self.body_entries.truncate(index);
            return;
        }
        debug_assert!(self.nodes[attrs_at] < 0x80, "the attribute word of a skippable kind is one byte");
        self.nodes[attrs_at] |= skip_bit;
        self.body_entries[index] = BodyEntry {
            node_bytes: node_bytes as u32,
            refs: (self.refs.len() - refs_start) as u32,
            new_strings: self.new_strings - new_start,
            cursor_before,
            cursor_after: self.cursor,
            nested: (self.body_entries.len() - index - 1) as u32,
        };
    }

    /// The bodies section: each entry as varints `node_bytes, refs, new_strings, cursor delta
    /// (zigzag), nested_bytes`, where nested_bytes is the size of the entries of the bodies
    /// nested in it, which follow it.
    pub(crate) fn body_section(&self) -> Vec<u8> {
        let entries = &self.body_entries;
        // Each entry's bytes without nested_bytes, then nested_bytes from the back: the size of
        // entries i+1..=i+nested is a difference of suffix sums of whole entry sizes.
        let mut own: Vec<Vec<u8>> = Vec::with_capacity(entries.len());
        for entry in entries {
            let mut bytes = Vec::with_capacity(12);
            write_varint(&mut bytes, entry.node_bytes);
            write_varint(&mut bytes, entry.refs);
            write_varint(&mut bytes, entry.new_strings);
            write_delta(&mut bytes, entry.cursor_after, entry.cursor_before);
            own.push(bytes);
        }
        let mut nested_bytes = vec![0u32; entries.len()];
        let mut suffix = vec![0usize; entries.len() + 1];
        for i in (0..entries.len()).rev() {
            let end = i + 1 + entries[i].nested as usize;
            nested_bytes[i] = (suffix[i + 1] - suffix[end]) as u32;
            suffix[i] = suffix[i + 1] + own[i].len() + varint_len(nested_bytes[i]);
        }
        let mut out = Vec::with_capacity(suffix[0]);
        for (bytes, nested) in own.iter().zip(nested_bytes) {
            out.extend_from_slice(bytes);
            write_varint(&mut out, nested);
        }
        out
    }
}

fn varint_len(mut value: u32) -> usize {
    let mut len = 1;
    while value >= 0x80 {
        value >>= 7;
        len += 1;
    }
    len
}
