//! Scanning the source 16 bytes at a time (SIMD where the target has it): the line table and
//! the UTF-8 to UTF-16 offset map each pass over the whole source, so they look only at the
//! bytes that matter to them.

/// Bit `k` of the first mask: byte `k` is `\n` or `\r`; of the second: byte `k` is not ASCII.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline]
pub(crate) fn masks(chunk: &[u8; 16]) -> (u32, u32) {
    use core::arch::wasm32::*;
    // SAFETY: reads the 16 bytes of `chunk` (wasm loads need no alignment).
    let v = unsafe { v128_load(chunk.as_ptr().cast::<v128>()) };
    let breaks = v128_or(u8x16_eq(v, u8x16_splat(b'\n')), u8x16_eq(v, u8x16_splat(b'\r')));
    (u32::from(i8x16_bitmask(breaks)), u32::from(i8x16_bitmask(v)))
}

#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn masks(chunk: &[u8; 16]) -> (u32, u32) {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of x86_64; the load reads the 16 bytes of `chunk`, unaligned.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        let breaks =
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8)), _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\r' as i8)));
        (_mm_movemask_epi8(breaks) as u32, _mm_movemask_epi8(v) as u32)
    }
}

#[cfg(not(any(all(target_arch = "wasm32", target_feature = "simd128"), target_arch = "x86_64")))]
pub(crate) use masks_scalar as masks;

/// `masks` one byte at a time (targets without 128-bit SIMD; the tests' reference).
#[cfg_attr(any(all(target_arch = "wasm32", target_feature = "simd128"), target_arch = "x86_64"), allow(dead_code))]
fn masks_scalar(chunk: &[u8; 16]) -> (u32, u32) {
    let (mut breaks, mut non_ascii) = (0, 0);
    for (k, &byte) in chunk.iter().enumerate() {
        breaks |= u32::from(byte == b'\n' || byte == b'\r') << k;
        non_ascii |= u32::from(byte >= 0x80) << k;
    }
    (breaks, non_ascii)
}

/// The offset of the first non-ASCII byte at or after `from`, or `bytes.len()`.
pub(crate) fn next_non_ascii(bytes: &[u8], mut from: usize) -> usize {
    while let Some(chunk) = bytes.get(from..from + 16) {
        let (_, non_ascii) = masks(chunk.try_into().unwrap_or(&[0; 16]));
        if non_ascii != 0 {
            return from + non_ascii.trailing_zeros() as usize;
        }
        from += 16;
    }
    bytes[from.min(bytes.len())..].iter().position(|&b| b >= 0x80).map_or(bytes.len(), |k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_match_the_byte_by_byte_ones() {
        let interesting = [b'\n', b'\r', b'\t', b'a', 0x7f, 0x80, 0xe2, 0xff, 0];
        let mut seed = 99u32;
        for _ in 0..5000 {
            let mut chunk = [0u8; 16];
            for byte in &mut chunk {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                *byte = interesting[(seed >> 16) as usize % interesting.len()];
            }
            assert_eq!(masks(&chunk), masks_scalar(&chunk), "{chunk:?}");
        }
    }

    #[test]
    fn next_non_ascii_finds_the_first_one() {
        for len in [0usize, 1, 15, 16, 17, 40] {
            for at in 0..=len {
                let mut bytes = vec![b'a'; len];
                if at < len {
                    bytes[at] = 0xc3;
                }
                for from in 0..=len {
                    let expected = if at < len && at >= from { at } else { len };
                    assert_eq!(next_non_ascii(&bytes, from), expected, "len {len} at {at} from {from}");
                }
            }
        }
    }
}
