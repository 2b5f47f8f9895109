//! XXH32 (seed 0) of everything before the trailer: lets a reader tell a damaged file from a
//! good one before decoding it. The same function is in ts/decode/checksum.ts.

const P1: u32 = 0x9E37_79B1;
const P2: u32 = 0x85EB_CA77;
const P3: u32 = 0xC2B2_AE3D;
const P4: u32 = 0x27D4_EB2F;
const P5: u32 = 0x1656_67B1;

#[inline]
fn round(acc: u32, word: u32) -> u32 {
    acc.wrapping_add(word.wrapping_mul(P2)).rotate_left(13).wrapping_mul(P1)
}

#[inline]
fn word(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

pub fn xxh32(bytes: &[u8]) -> u32 {
    let len = bytes.len();
    let mut at = 0;
    let mut hash = if len >= 16 {
        let mut v = [P1.wrapping_add(P2), P2, 0, 0u32.wrapping_sub(P1)];
        while at + 16 <= len {
            for (lane, acc) in v.iter_mut().enumerate() {
                *acc = round(*acc, word(bytes, at + lane * 4));
            }
            at += 16;
        }
        v[0].rotate_left(1)
            .wrapping_add(v[1].rotate_left(7))
            .wrapping_add(v[2].rotate_left(12))
            .wrapping_add(v[3].rotate_left(18))
    } else {
        P5
    };
    hash = hash.wrapping_add(len as u32);
    while at + 4 <= len {
        hash = hash.wrapping_add(word(bytes, at).wrapping_mul(P3)).rotate_left(17).wrapping_mul(P4);
        at += 4;
    }
    while at < len {
        hash = hash.wrapping_add(u32::from(bytes[at]).wrapping_mul(P5)).rotate_left(11).wrapping_mul(P1);
        at += 1;
    }
    hash ^= hash >> 15;
    hash = hash.wrapping_mul(P2);
    hash ^= hash >> 13;
    hash = hash.wrapping_mul(P3);
    hash ^ (hash >> 16)
}

#[cfg(test)]
mod tests {
    use super::xxh32;

    #[test]
    fn matches_reference_vectors() {
        assert_eq!(xxh32(b""), 0x02CC_5D05);
        assert_eq!(xxh32(b"abc"), 0x32D1_53FF);
        assert_eq!(xxh32(b"Nobody inspects the spammish repetition"), 0xE229_3B2F);
    }
}
