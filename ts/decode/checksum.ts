// XXH32 (seed 0), the same function as crates/binast/src/checksum.rs. Four independent lanes
// keep the multiplies pipelined: a few milliseconds for a 6 MB file.

const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

export function xxh32(bytes: Uint8Array, length: number): number {
  // Whole 32-bit words read straight from memory when aligned; otherwise byte by byte.
  const words =
    LITTLE_ENDIAN && bytes.byteOffset % 4 === 0
      ? new Uint32Array(bytes.buffer, bytes.byteOffset, length >>> 2)
      : null;
  const word = (at: number): number =>
    words !== null
      ? words[at >>> 2]
      : (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
  let at = 0;
  let hash: number;
  if (length >= 16) {
    let v1 = (P1 + P2) | 0;
    let v2 = P2 | 0;
    let v3 = 0;
    let v4 = -P1 | 0;
    const stripes = length - 16;
    if (words !== null) {
      // In a cold process this loop runs in V8's interpreter until it is optimized on the
      // stack, long enough to be a fifth of a cold decode of a 250 KB file: rotl inlined and
      // Math.imul read once keep each stripe to fewer bytecodes and calls.
      const imul = Math.imul;
      for (; at <= stripes; at += 16) {
        const i = at >>> 2;
        let x = (v1 + imul(words[i], P2)) | 0;
        v1 = imul((x << 13) | (x >>> 19), P1);
        x = (v2 + imul(words[i + 1], P2)) | 0;
        v2 = imul((x << 13) | (x >>> 19), P1);
        x = (v3 + imul(words[i + 2], P2)) | 0;
        v3 = imul((x << 13) | (x >>> 19), P1);
        x = (v4 + imul(words[i + 3], P2)) | 0;
        v4 = imul((x << 13) | (x >>> 19), P1);
      }
    } else {
      for (; at <= stripes; at += 16) {
        v1 = Math.imul(rotl((v1 + Math.imul(word(at), P2)) | 0, 13), P1);
        v2 = Math.imul(rotl((v2 + Math.imul(word(at + 4), P2)) | 0, 13), P1);
        v3 = Math.imul(rotl((v3 + Math.imul(word(at + 8), P2)) | 0, 13), P1);
        v4 = Math.imul(rotl((v4 + Math.imul(word(at + 12), P2)) | 0, 13), P1);
      }
    }
    hash = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    hash = P5;
  }
  hash = (hash + length) | 0;
  for (; at + 4 <= length; at += 4) {
    hash = Math.imul(rotl((hash + Math.imul(word(at), P3)) | 0, 17), P4);
  }
  for (; at < length; at++) {
    hash = Math.imul(rotl((hash + Math.imul(bytes[at], P5)) | 0, 11), P1);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, P2);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, P3);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * XXH32 of `bytes[start, end)`, the same function as `xxh32(bytes.subarray(start), end - start)`
 * for a short range at any offset (moduleInfo's modules section): no view and no closure per
 * call, each word read as four bytes inline, and one word per iteration, the four lanes
 * rotating through v1 (after four words each is back in place): a small function, cheap for
 * V8 to interpret in a fresh process and to compile once it is hot.
 */
export function xxh32Range(bytes: Uint8Array, start: number, end: number): number {
  const imul = Math.imul;
  const length = end - start;
  let at = start;
  let hash = P5;
  let x: number;
  if (length >= 16) {
    let v1 = (P1 + P2) | 0;
    let v2 = P2 | 0;
    let v3 = 0;
    let v4 = -P1 | 0;
    for (const stripesEnd = start + (length & ~15); at < stripesEnd; at += 4) {
      x = (v1 + imul(bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24), P2)) | 0;
      v1 = v2;
      v2 = v3;
      v3 = v4;
      v4 = imul((x << 13) | (x >>> 19), P1);
    }
    hash = (((v1 << 1) | (v1 >>> 31)) + ((v2 << 7) | (v2 >>> 25)) + ((v3 << 12) | (v3 >>> 20)) + ((v4 << 18) | (v4 >>> 14))) | 0;
  }
  hash = (hash + length) | 0;
  for (; at + 4 <= end; at += 4) {
    x = (hash + imul(bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24), P3)) | 0;
    hash = imul((x << 17) | (x >>> 15), P4);
  }
  for (; at < end; at++) {
    x = (hash + imul(bytes[at]!, P5)) | 0;
    hash = imul((x << 11) | (x >>> 21), P1);
  }
  hash ^= hash >>> 15;
  hash = imul(hash, P2);
  hash ^= hash >>> 13;
  hash = imul(hash, P3);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
