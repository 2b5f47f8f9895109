//! The byte-level writer: the node stream, the string table and the string references, UTF-16
//! positions, the line table and comments, assembled into one buffer by [`Writer::finish`]. docs/format.md specifies
//! the layout; the typed per-kind methods are generated (see `generated/writer.rs`).

use oxc_span::Span;

use crate::checksum::xxh32;
use crate::generated::schema::header::SECTION_COUNT;
// Public: the integration tests (tests/encode.rs) check the header with them.
pub use crate::generated::schema::header::{FLAG_COMMENTS, FLAG_JSX, FLAG_MODULE, LEN as HEADER_LEN, MAGIC};
use crate::generated::schema::{FORMAT_VERSION, SCHEMA_HASH};
use crate::positions::Utf16Positions;
use crate::strings::StringTable;

/// Trailer size: the XXH32 checksum of everything before it.
pub const TRAILER_LEN: usize = 4;

/// A string as the writer stores it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum WireStr<'a> {
    /// Valid Unicode text.
    Utf8(&'a str),
    /// A string with lone surrogates, as oxc keeps it: WTF-8 bytes (a lone surrogate is the
    /// 3-byte sequence UTF-8 would use for its code point).
    LoneSurrogates(&'a [u8]),
}

impl<'a> From<&'a str> for WireStr<'a> {
    fn from(text: &'a str) -> Self {
        WireStr::Utf8(text)
    }
}

pub struct Writer<'a> {
    source: &'a str,
    positions: Utf16Positions,
    pub(crate) nodes: Vec<u8>,
    /// Source position cursor (UTF-16) for delta-coding node starts and ends.
    pub(crate) cursor: u32,
    /// Position prediction (docs/format.md, Nodes): the gap expected before the next node's
    /// start, and before the start of the nodes after it in the same list (set by the parent).
    expect: u32,
    expect_next: u32,
    /// Bit i: byte i of `nodes` is a start residual of 0 whose node turned out to be as
    /// predicted at its end too (bit 7 of its tag set); `finish` drops these bytes.
    dropped: Vec<u64>,
    /// How many bytes `dropped` marks (bodies.rs subtracts those inside a body from its size).
    pub(crate) dropped_count: usize,
    strings: StringTable<'a>,
    /// String-reference codes of the node stream, in stream order (written apart at the end:
    /// their width depends on the table's final size).
    pub(crate) refs: Vec<u32>,
    /// How many "new string" references (code 0) the node stream has so far.
    pub(crate) new_strings: u32,
    /// Skip entries of large function bodies, in pre-order (see `bodies.rs`).
    pub(crate) body_entries: Vec<crate::bodies::BodyEntry>,
    /// Comments as (is_block, UTF-16 start, UTF-16 end, value), written at the end so that
    /// their strings come after the node stream's in the table.
    comments: Vec<(bool, u32, u32, &'a str)>,
    /// The module-records section (docs/format.md, Modules section).
    pub(crate) modules: Vec<u8>,
    /// The conversion's state (see `convert::State`).
    pub(crate) state: crate::convert::State<'a>,
}

impl<'a> Writer<'a> {
    pub fn new(source: &'a str) -> Self {
        Writer {
            source,
            positions: Utf16Positions::new(source),
            // Roughly the size of the source: most files encode to less.
            nodes: Vec::with_capacity(source.len() / 2 + 64),
            cursor: 0,
            expect: 0,
            expect_next: 0,
            dropped: Vec::new(),
            dropped_count: 0,
            // Real code has a distinct string per ~250 bytes (typescript.js: 36K in 9.1 MB); a
            // table sized for more only spreads its lookups over more cache lines.
            strings: StringTable::with_capacity(source.len() / 256 + 16),
            refs: Vec::with_capacity(source.len() / 16 + 16),
            new_strings: 0,
            body_entries: Vec::new(),
            comments: Vec::new(),
            modules: Vec::new(),
            state: Default::default(),
        }
    }

    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The source text of `span`.
    pub fn source_slice(&self, span: Span) -> &'a str {
        &self.source[span.start as usize..span.end as usize]
    }

    /// A UTF-8 offset as the UTF-16 offset acorn reports.
    pub fn utf16(&mut self, utf8: u32) -> u32 {
        self.positions.convert(utf8)
    }

    /// A null node (absent optional child or array hole): it takes its list place's prediction.
    #[inline]
    pub fn null(&mut self) {
        self.nodes.push(0);
        self.expect = self.expect_next;
    }

    // ---- Positions (docs/format.md, Nodes) ----
    // A start is coded as its residual from `cursor + expect` (the parent's slot predicts the gap),
    // an end as its residual from `cursor + ` its kind's gap. When both residuals are 0 (or the
    // start's, for a kind whose end is derived), bit 7 of the tag is set and neither is written:
    // a node with an end learns that only at its end, so its start residual (one 0 byte) is
    // written and dropped by `finish` (`dropped`).

    /// Sets the gap expected before the next child's start and before each later list element.
    #[inline]
    pub(crate) fn expect(&mut self, first: i32, rest: i32) {
        self.expect = first as u32;
        self.expect_next = rest as u32;
    }

    /// Starts a node that stores its end: tag and start residual.
    #[inline]
    pub(crate) fn start_node(&mut self, tag: u8, start: u32) -> NodeMark {
        let start = self.positions.convert(start);
        let at = self.nodes.len();
        self.nodes.push(tag);
        let residual = start.wrapping_sub(self.cursor.wrapping_add(self.expect));
        write_zigzag(&mut self.nodes, residual);
        self.cursor = start;
        NodeMark { at, start_hit: residual == 0, next: self.expect_next }
    }

    /// Ends a node that stores its end (`gap`: its kind's predicted end gap).
    #[inline]
    pub(crate) fn end_node(&mut self, mark: NodeMark, end: u32, gap: i32) {
        let end = self.positions.convert(end);
        let residual = end.wrapping_sub(self.cursor.wrapping_add(gap as u32));
        if mark.start_hit && residual == 0 {
            self.nodes[mark.at] |= 0x80;
            let byte = mark.at + 1;
            let word = byte >> 6;
            if word >= self.dropped.len() {
                self.dropped.resize(word + 1, 0);
            }
            self.dropped[word] |= 1 << (byte & 63);
            self.dropped_count += 1;
        } else {
            write_zigzag(&mut self.nodes, residual);
        }
        self.cursor = end;
        self.expect = mark.next;
        self.expect_next = mark.next;
    }

    /// Starts a node whose end the reader derives, start already in UTF-16: bit 7 of the tag
    /// when the start is as predicted, else the tag and the start residual.
    #[inline]
    pub(crate) fn start_leaf(&mut self, tag: u8, start: u32) {
        let residual = start.wrapping_sub(self.cursor.wrapping_add(self.expect));
        if residual == 0 {
            self.nodes.push(tag | 0x80);
        } else {
            self.nodes.push(tag);
            write_zigzag(&mut self.nodes, residual);
        }
        self.cursor = start;
    }

    /// Ends a node whose end the reader derives (start + a length it knows): nothing is written.
    #[inline]
    pub(crate) fn implicit_end(&mut self, end: u32) {
        self.cursor = end;
        self.expect = self.expect_next;
    }

    #[inline]
    pub(crate) fn attrs(&mut self, word: u32) {
        write_varint(&mut self.nodes, word);
    }

    #[inline]
    pub(crate) fn list_len(&mut self, len: usize) {
        write_varint(&mut self.nodes, len as u32);
    }

    #[inline]
    pub(crate) fn uint(&mut self, value: u32) {
        write_varint(&mut self.nodes, value);
    }

    #[inline]
    pub(crate) fn f64(&mut self, value: f64) {
        self.nodes.extend_from_slice(&value.to_le_bytes());
    }

    /// A string reference: code 0 for a string not used before, else its index + 1.
    #[inline]
    pub(crate) fn string(&mut self, text: WireStr<'a>) {
        let code = self.reference(text);
        self.refs.push(code);
    }

    /// As [`Writer::string`], shifted by one: code 0 is null.
    #[inline]
    pub(crate) fn string_or_null(&mut self, text: Option<WireStr<'a>>) {
        let code = match text {
            Some(text) => self.reference(text) + 1,
            None => 0,
        };
        self.refs.push(code);
    }

    /// Interns `text`; 0 when it is new (the reader numbers strings by first use, so a new
    /// string needs no index: brotli then sees each known string as the same bytes every time).
    #[inline]
    fn reference(&mut self, text: WireStr<'a>) -> u32 {
        let next = self.strings.len();
        let index = self.strings.intern(text);
        if index == next {
            self.new_strings += 1;
            0
        } else {
            index + 1
        }
    }

    /// Records a comment; `value` is the text without its delimiters, as acorn reports it.
    pub fn comment(&mut self, is_block: bool, span: Span, value: &'a str) {
        let start = self.positions.convert(span.start);
        let end = self.positions.convert(span.end);
        self.comments.push((is_block, start, end, value));
    }

    /// Assembles header and sections into the final buffer.
    /// A `transient` binary leaves out what only a stored one needs (see `EncodeOptions`).
    pub fn finish(mut self, options: &crate::EncodeOptions) -> Vec<u8> {
        let transient = options.transient;
        drop_marked(&mut self.nodes, &self.dropped);
        let (refs, ref_width) = ref_section(&self.refs);
        let comments = if options.comments { self.comment_section() } else { Vec::new() };
        let strings = self.string_section();
        let lines =
            if transient && !options.transient_lines { Vec::new() } else { crate::lines::line_section(self.source) };
        let bodies = if transient { Vec::new() } else { self.body_section() };
        if transient {
            self.modules.clear();
        }
        let mut flags = 0;
        if options.module {
            flags |= FLAG_MODULE;
        }
        if options.comments {
            flags |= FLAG_COMMENTS;
        }
        if options.jsx {
            flags |= FLAG_JSX;
        }

        // The modules section ends with its own XXH32, so that moduleInfo verifies what it reads
        // without hashing the whole file (docs/format.md, Modules section).
        if !self.modules.is_empty() {
            let sum = xxh32(&self.modules);
            self.modules.extend_from_slice(&sum.to_le_bytes());
        }
        // In the order of the schema's `header.sections`.
        let sections: [&[u8]; SECTION_COUNT] =
            [&strings, &self.nodes, &refs, &lines, &comments, &bodies, &self.modules];
        let total = HEADER_LEN + sections.iter().map(|s| s.len()).sum::<usize>() + TRAILER_LEN;
        let mut out = Vec::with_capacity(total);
        out.extend_from_slice(&MAGIC);
        out.push(FORMAT_VERSION);
        out.push(flags);
        out.push(ref_width);
        out.push(0); // reserved
        out.extend_from_slice(&SCHEMA_HASH.to_le_bytes());
        for section in sections {
            out.extend_from_slice(&(section.len() as u32).to_le_bytes());
        }
        for section in sections {
            out.extend_from_slice(section);
        }
        let checksum = if transient { 0 } else { xxh32(&out) };
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Count, then per comment: kind, start delta, length, value string index (the values are
    /// interned here, after every string of the node stream).
    fn comment_section(&mut self) -> Vec<u8> {
        let comments = std::mem::take(&mut self.comments);
        let mut out = Vec::with_capacity(comments.len() * 6 + 5);
        write_varint(&mut out, comments.len() as u32);
        let mut cursor = 0;
        for (is_block, start, end, value) in comments {
            let index = self.strings.intern(WireStr::Utf8(value));
            write_varint(&mut out, u32::from(is_block));
            write_delta(&mut out, start, cursor);
            write_varint(&mut out, end - start);
            write_varint(&mut out, index);
            cursor = end;
        }
        out
    }

    fn string_section(&self) -> Vec<u8> {
        string_list(self.strings.strings())
    }
}

/// A string list (the strings section's encoding, also used by the modules section): count,
/// UTF-8 blob of the plain strings, then one header per string: `utf16_len << 1 | special`, a
/// special string's UTF-16 code units following its header.
pub(crate) fn string_list(strings: &[WireStr<'_>]) -> Vec<u8> {
    let mut blob = Vec::new();
    let mut headers = Vec::with_capacity(strings.len() * 2);
    let mut units = Vec::new();
    for text in strings {
        match *text {
            WireStr::Utf8(text) => {
                blob.extend_from_slice(text.as_bytes());
                write_varint(&mut headers, utf16_len(text) << 1);
            }
            WireStr::LoneSurrogates(text) => {
                units.clear();
                decode_lone_surrogates(text, &mut units);
                write_varint(&mut headers, ((units.len() as u32) << 1) | 1);
                for &unit in &units {
                    write_varint(&mut headers, u32::from(unit));
                }
            }
        }
    }
    let mut out = Vec::with_capacity(blob.len() + headers.len() + 10);
    write_varint(&mut out, strings.len() as u32);
    write_varint(&mut out, blob.len() as u32);
    out.extend_from_slice(&blob);
    out.extend_from_slice(&headers);
    out
}

/// A node's tag offset, whether its start was as predicted, and the prediction its parent set
/// for the next list element (restored at its end: its children set their own).
pub(crate) struct NodeMark {
    at: usize,
    start_hit: bool,
    next: u32,
}

/// Removes the bytes whose bit is set in `marks` (start residuals of nodes flagged at their end).
/// One pass, 64 bytes per mark word: a word without marks moves its bytes as one block, a word
/// with marks byte by byte without branching (a copy per dropped byte, as `copy_within` between
/// marks would be, is a call per node).
fn drop_marked(nodes: &mut Vec<u8>, marks: &[u64]) {
    let len = nodes.len();
    let mut write = 0;
    for (w, &word) in marks.iter().enumerate() {
        let start = w * 64;
        let end = (start + 64).min(len);
        if word == 0 {
            nodes.copy_within(start..end, write);
            write += end - start;
        } else {
            for read in start..end {
                nodes[write] = nodes[read];
                write += 1 - ((word >> (read - start)) & 1) as usize;
            }
        }
    }
    let tail = (marks.len() * 64).min(len);
    nodes.copy_within(tail..len, write);
    nodes.truncate(write + len - tail);
}

/// Length in UTF-16 code units, as JavaScript's `length`.
#[inline]
pub(crate) fn str_len16(text: WireStr<'_>) -> u32 {
    match text {
        WireStr::Utf8(text) => utf16_len(text),
        WireStr::LoneSurrogates(text) => lone_surrogates_len16(text),
    }
}

#[cold]
fn lone_surrogates_len16(text: &[u8]) -> u32 {
    let mut units = Vec::new();
    decode_lone_surrogates(text, &mut units);
    units.len() as u32
}

/// Number of decimal digits of `value`, the length of its plain decimal text.
pub(crate) fn decimal_digits(mut value: u32) -> u32 {
    let mut digits = 1;
    while value >= 10 {
        value /= 10;
        digits += 1;
    }
    digits
}

#[inline]
fn utf16_len(text: &str) -> u32 {
    if text.is_ascii() { text.len() as u32 } else { non_ascii_len16(text) }
}

fn non_ascii_len16(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// WTF-8 -> UTF-16 code units (lone surrogates kept). oxc guarantees well-formed WTF-8.
fn decode_lone_surrogates(bytes: &[u8], out: &mut Vec<u16>) {
    let mut i = 0;
    while i < bytes.len() {
        let b0 = u32::from(bytes[i]);
        let cont = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0x80) & 0x3F);
        let (code, len) = match b0 {
            0x00..0x80 => (b0, 1),
            0x80..0xE0 => (((b0 & 0x1F) << 6) | cont(1), 2),
            0xE0..0xF0 => (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
            _ => (((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4),
        };
        if code >= 0x10000 {
            let c = code - 0x10000;
            out.extend_from_slice(&[0xD800 | (c >> 10) as u16, 0xDC00 | (c & 0x3FF) as u16]);
        } else {
            out.push(code as u16);
        }
        i += len;
    }
}

/// The string-reference codes as fixed-width little-endian integers, and that width: the
/// fewest bytes that hold the largest code. Fixed width brotli-compresses better than varints
/// here (each string's code is the same bytes, aligned) and reads without branches.
fn ref_section(codes: &[u32]) -> (Vec<u8>, u8) {
    let max = codes.iter().copied().max().unwrap_or(0);
    let width: usize = match max {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    };
    // One loop per width: a fixed-size copy per code, not a call.
    let mut out = Vec::with_capacity(codes.len() * width);
    match width {
        1 => out.extend(codes.iter().map(|&code| code as u8)),
        2 => codes.iter().for_each(|&code| out.extend_from_slice(&(code as u16).to_le_bytes())),
        3 => codes.iter().for_each(|&code| out.extend_from_slice(&code.to_le_bytes()[..3])),
        _ => codes.iter().for_each(|&code| out.extend_from_slice(&code.to_le_bytes())),
    }
    (out, width as u8)
}

#[inline]
pub(crate) fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A signed difference, zigzag-coded so small negative deltas stay one byte.
#[inline]
pub(crate) fn write_delta(out: &mut Vec<u8>, value: u32, from: u32) {
    write_zigzag(out, value.wrapping_sub(from));
}

/// A wrapping difference as a signed value, zigzag-coded.
#[inline]
fn write_zigzag(out: &mut Vec<u8>, difference: u32) {
    let delta = difference as i32;
    write_varint(out, ((delta << 1) ^ (delta >> 31)) as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drop_marked_removes_exactly_the_marked_bytes() {
        let mut seed = 7u32;
        for len in [0usize, 1, 63, 64, 65, 200, 1000] {
            let bytes: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let mut marks = vec![0u64; len.div_ceil(64)];
            let mut kept = Vec::new();
            for (i, &b) in bytes.iter().enumerate() {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                if (seed >> 16).is_multiple_of(3) {
                    marks[i >> 6] |= 1 << (i & 63);
                } else {
                    kept.push(b);
                }
            }
            let mut nodes = bytes.clone();
            drop_marked(&mut nodes, &marks);
            assert_eq!(nodes, kept, "length {len}");
        }
    }
}
