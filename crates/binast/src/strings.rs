//! The string table: each distinct string once, numbered by first use.
//!
//! Interning runs once per identifier and literal, so it is one of the encoder's hottest paths.
//! A general-purpose map (hash of every byte, a 32-byte bucket holding a fat pointer, and a
//! `memcmp` against a string somewhere in the source) cost ~14% of `encode` on typescript.js.
//! Here a slot is 16 bytes and holds the string's length and its first 8 bytes, so the usual
//! string (an identifier of at most 8 bytes) is found or added without touching its text again.
//! Every byte is hashed, so no input makes many different strings share a hash.

use crate::writer::WireStr;

/// An empty slot's `index`.
const EMPTY: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Slot {
    /// The first bytes of the string (all of them, packed, when it has at most 8).
    head: u64,
    /// Byte length, bit 31 set for `WireStr::LoneSurrogates`.
    len: u32,
    /// Position in the table, or EMPTY.
    index: u32,
}

const VACANT: Slot = Slot { head: 0, len: 0, index: EMPTY };

pub(crate) struct StringTable<'a> {
    strings: Vec<WireStr<'a>>,
    /// Open addressing with linear probing; a power of two long, at most 3/4 full (4 slots share
    /// a cache line: a longer probe costs little, a larger table a cache miss per lookup).
    slots: Vec<Slot>,
}

impl<'a> StringTable<'a> {
    /// A table expecting about `expected` distinct strings.
    pub(crate) fn with_capacity(expected: usize) -> Self {
        let slots = (expected * 4 / 3 + 1).next_power_of_two().max(64);
        StringTable { strings: Vec::with_capacity(expected), slots: vec![VACANT; slots] }
    }

    pub(crate) fn strings(&self) -> &[WireStr<'a>] {
        &self.strings
    }

    pub(crate) fn len(&self) -> u32 {
        self.strings.len() as u32
    }

    /// The index of `text`, added at the end if it is new.
    #[inline]
    pub(crate) fn intern(&mut self, text: WireStr<'a>) -> u32 {
        let (bytes, kind) = parts(text);
        let len = bytes.len() as u32 | kind;
        let head = head(bytes);
        let mask = self.slots.len() - 1;
        let mut at = hash(bytes, head) as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot.index == EMPTY {
                break;
            }
            if slot.head == head && slot.len == len && (bytes.len() <= 8 || self.strings[slot.index as usize] == text) {
                return slot.index;
            }
            at = (at + 1) & mask;
        }
        let index = self.strings.len() as u32;
        self.strings.push(text);
        self.slots[at] = Slot { head, len, index };
        if self.strings.len() * 4 > self.slots.len() * 3 {
            self.grow();
        }
        index
    }

    #[cold]
    fn grow(&mut self) {
        let mut slots = vec![VACANT; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for slot in &self.slots {
            if slot.index == EMPTY {
                continue;
            }
            let (bytes, _) = parts(self.strings[slot.index as usize]);
            let mut at = hash(bytes, slot.head) as usize & mask;
            while slots[at].index != EMPTY {
                at = (at + 1) & mask;
            }
            slots[at] = *slot;
        }
        self.slots = slots;
    }
}

#[inline]
fn parts<'a>(text: WireStr<'a>) -> (&'a [u8], u32) {
    match text {
        WireStr::Utf8(text) => (text.as_bytes(), 0),
        WireStr::LoneSurrogates(bytes) => (bytes, 1 << 31),
    }
}

/// The first 8 bytes, little-endian; a shorter string packed so that, with its length, the
/// value is the string (overlapping reads, no copy).
#[inline]
fn head(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if n >= 8 {
        u64::from_le_bytes(bytes[..8].try_into().unwrap())
    } else if n >= 4 {
        let low = u32::from_le_bytes(bytes[..4].try_into().unwrap());
        let high = u32::from_le_bytes(bytes[n - 4..n].try_into().unwrap());
        u64::from(low) | (u64::from(high) << 32)
    } else if n > 0 {
        u64::from(bytes[0]) | (u64::from(bytes[n / 2]) << 8) | (u64::from(bytes[n - 1]) << 16)
    } else {
        0
    }
}

/// FxHash-style mixing of the head, then of every further 8 bytes (the last chunk overlaps).
#[inline]
fn hash(bytes: &[u8], head: u64) -> u32 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = (head ^ bytes.len() as u64).wrapping_mul(K);
    if bytes.len() > 8 {
        h = long_tail(bytes, h);
    }
    // The high half of a multiply is its best-mixed part.
    (h >> 32) as u32 ^ h as u32
}

#[inline(never)]
fn long_tail(bytes: &[u8], mut h: u64) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut rest = &bytes[8..];
    while rest.len() > 8 {
        let chunk = u64::from_le_bytes(rest[..8].try_into().unwrap());
        h = (h.rotate_left(26) ^ chunk).wrapping_mul(K);
        rest = &rest[8..];
    }
    let last = u64::from_le_bytes(bytes[bytes.len() - 8..].try_into().unwrap());
    (h.rotate_left(26) ^ last).wrapping_mul(K)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_an_index_and_others_do_not() {
        let words: Vec<String> = (0..5000).map(|i| format!("{}{}", "x".repeat(i % 23), i % 1700)).collect();
        let mut table = StringTable::with_capacity(4);
        let mut seen = std::collections::HashMap::new();
        for word in &words {
            let index = table.intern(WireStr::Utf8(word));
            let next = seen.len() as u32;
            let expected = *seen.entry(word.as_str()).or_insert(next);
            assert_eq!(index, expected, "{word}");
        }
        assert_eq!(table.len() as usize, seen.len());
    }

    #[test]
    fn short_strings_differing_anywhere_are_distinct() {
        let mut table = StringTable::with_capacity(4);
        let mut all = Vec::new();
        for n in 0..=9 {
            for position in 0..n {
                let mut bytes = vec![b'a'; n];
                bytes[position] = b'b';
                all.push(String::from_utf8(bytes).unwrap());
            }
            all.push("a".repeat(n));
        }
        for (i, text) in all.iter().enumerate() {
            assert_eq!(table.intern(WireStr::Utf8(text)), i as u32, "{text:?}");
        }
        for (i, text) in all.iter().enumerate() {
            assert_eq!(table.intern(WireStr::Utf8(text)), i as u32, "{text:?}");
        }
    }

    #[test]
    fn lone_surrogate_strings_are_not_their_bytes_as_text() {
        let mut table = StringTable::with_capacity(4);
        assert_eq!(table.intern(WireStr::Utf8("ab")), 0);
        assert_eq!(table.intern(WireStr::LoneSurrogates(b"ab")), 1);
        assert_eq!(table.intern(WireStr::Utf8("ab")), 0);
        assert_eq!(table.intern(WireStr::LoneSurrogates(b"ab")), 1);
    }
}
