// A plain, byte-at-a-time XXH32 (seed 0) for code that runs outside vitest (workers, the
// fuzz script's own checks). Independent of ts/decode/checksum.ts; test/fuzz/fuzz.test.ts
// checks that the two agree.
const P1 = 0x9e3779b1, P2 = 0x85ebca77, P3 = 0xc2b2ae3d, P4 = 0x27d4eb2f, P5 = 0x165667b1;
const rotl = (v, n) => ((v << n) | (v >>> (32 - n))) >>> 0;
const mul = (a, b) => Math.imul(a, b) >>> 0;
const word = (b, i) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

export function xxh32(bytes, length = bytes.length) {
  let i = 0;
  let h;
  if (length >= 16) {
    let v1 = (P1 + P2) >>> 0, v2 = P2, v3 = 0, v4 = (0 - P1) >>> 0;
    const round = (acc, w) => mul(rotl((acc + mul(w, P2)) >>> 0, 13), P1);
    for (; i + 16 <= length; i += 16) {
      v1 = round(v1, word(bytes, i));
      v2 = round(v2, word(bytes, i + 4));
      v3 = round(v3, word(bytes, i + 8));
      v4 = round(v4, word(bytes, i + 12));
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) >>> 0;
  } else {
    h = P5;
  }
  h = (h + length) >>> 0;
  for (; i + 4 <= length; i += 4) h = mul(rotl((h + mul(word(bytes, i), P3)) >>> 0, 17), P4);
  for (; i < length; i++) h = mul(rotl((h + mul(bytes[i], P5)) >>> 0, 11), P1);
  h = mul(h ^ (h >>> 15), P2);
  h = mul(h ^ (h >>> 13), P3);
  return (h ^ (h >>> 16)) >>> 0;
}
