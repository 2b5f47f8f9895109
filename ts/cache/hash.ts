// The cache key: MurmurHash3_x86_128 (Austin Appleby's reference, public domain) of the
// source's UTF-8 bytes. Buffer.write into a reused scratch buffer is a bulk copy for ASCII,
// and whole 32-bit words are read through an Int32Array: 33 ms for 43 MB, where node:crypto's
// one-shot sha256 takes 38 ms on a CPU with SHA instructions (bench/cache-key.mjs).
//
// A cache key needs no cryptographic hash: entries are addressed by content, not guarded by
// it. Whoever can write the cache folder can plant any tree whatever the hash; what the key
// must do is keep different sources apart by accident, and 128 well-mixed bits make a
// collision among 2^32 entries ~2^-64 likely.

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * MurmurHash3_x86_128 of `bytes[0, length)` as the reference's four 32-bit output words.
 * `words` views the same memory as `bytes` (offset 0); blocks are read as host-endian words,
 * which is the reference on little-endian hosts (a big-endian host gets other keys: misses,
 * never wrong trees).
 */
export function murmur128(bytes: Uint8Array, words: Int32Array, length: number, seed: number): [number, number, number, number] {
  let h1 = seed | 0;
  let h2 = h1;
  let h3 = h1;
  let h4 = h1;
  const blocks = length >>> 4;
  for (let b = 0; b < blocks; b++) {
    const i = b << 2;
    h1 ^= Math.imul(rotl(Math.imul(words[i]!, C1), 15), C2);
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    h2 ^= Math.imul(rotl(Math.imul(words[i + 1]!, C2), 16), C3);
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    h3 ^= Math.imul(rotl(Math.imul(words[i + 2]!, C3), 17), C4);
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    h4 ^= Math.imul(rotl(Math.imul(words[i + 3]!, C4), 18), C1);
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  // The 0-15 tail bytes, little-endian into k1..k4, as the reference's fall-through switch.
  const tail = blocks << 4;
  const rest = length & 15;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  let k4 = 0;
  for (let j = rest - 1; j >= 0; j--) {
    const byte = bytes[tail + j]!;
    if (j >= 12) k4 ^= byte << ((j - 12) * 8);
    else if (j >= 8) k3 ^= byte << ((j - 8) * 8);
    else if (j >= 4) k2 ^= byte << ((j - 4) * 8);
    else k1 ^= byte << (j * 8);
  }
  if (rest > 12) h4 ^= Math.imul(rotl(Math.imul(k4, C4), 18), C1);
  if (rest > 8) h3 ^= Math.imul(rotl(Math.imul(k3, C3), 17), C4);
  if (rest > 4) h2 ^= Math.imul(rotl(Math.imul(k2, C2), 16), C3);
  if (rest > 0) h1 ^= Math.imul(rotl(Math.imul(k1, C1), 15), C2);

  h1 ^= length;
  h2 ^= length;
  h3 ^= length;
  h4 ^= length;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Reused for sources up to ~85 KB (most files); larger ones get a buffer of their own. */
const SCRATCH_BYTES = 1 << 18;
const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
const scratchWords = new Int32Array(scratch.buffer, 0, SCRATCH_BYTES >>> 2);

/**
 * The 32 hex digits of murmur128 over `source` as UTF-8, seeded with what else shapes the
 * entry. The caller makes sure `source` is well-formed: UTF-8 turns a lone surrogate into
 * U+FFFD, so "\uD800" and "\uFFFD" would share a key.
 */
export function sourceKey(source: string, seed: number): string {
  const most = source.length * 3; // UTF-8 bytes per UTF-16 code unit, at most
  let bytes = scratch;
  let words = scratchWords;
  if (most > SCRATCH_BYTES) {
    bytes = Buffer.allocUnsafeSlow((most + 3) & ~3);
    words = new Int32Array(bytes.buffer, 0, bytes.length >>> 2);
  }
  const length = bytes.write(source, 0, 'utf8');
  const [h1, h2, h3, h4] = murmur128(bytes, words, length, seed);
  return hex8(h1) + hex8(h2) + hex8(h3) + hex8(h4);
}

function hex8(word: number): string {
  return word.toString(16).padStart(8, '0');
}

/** Whether `source` has a UTF-8 key: no lone surrogates (String.prototype.isWellFormed, Node >= 20). */
export function hasUtf8Key(source: string): boolean {
  return (source as string & { isWellFormed(): boolean }).isWellFormed();
}
