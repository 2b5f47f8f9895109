// encode() with the UTF-8 bytes of a source (Uint8Array, Buffer): same output as with the
// string, UTF-16 offsets in errors, invalid UTF-8 a BinastError naming the byte offset.
import { describe, expect, it } from 'vitest';
import { BinastError, encode } from '../ts/node.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('encode(bytes)', () => {
  it('writes the same binary as encode(string)', () => {
    for (const [source, sourceType] of [
      ['const answer = 6 * 7;', 'script'],
      ['\uFEFFlet π = "héllo 😀"; // ü\nexport { π };', 'module'],
      ['#!/usr/bin/env node\nx', 'script'],
      ['', 'script'],
    ] as const) {
      const fromString = encode(source, { sourceType, comments: true });
      expect(encode(utf8(source), { sourceType, comments: true })).toEqual(fromString);
      expect(encode(Buffer.from(source, 'utf8'), { sourceType, comments: true })).toEqual(fromString);
    }
  });

  it('reports syntax errors at UTF-16 offsets, with line and column', () => {
    const source = 'let é = "😀";\nlet é = 1;';
    const fromString = (() => { try { encode(source); } catch (e) { return e; } })() as SyntaxError & { pos: number; loc: unknown };
    const fromBytes = (() => { try { encode(utf8(source)); } catch (e) { return e; } })() as SyntaxError & { pos: number; loc: unknown };
    expect(fromBytes).toBeInstanceOf(SyntaxError);
    expect(fromBytes.message).toBe(fromString.message);
    expect(fromBytes.pos).toBe(fromString.pos);
    expect(fromBytes.loc).toEqual(fromString.loc);
    expect(() => encode(utf8('#!x'), { allowHashBang: false })).toThrow(SyntaxError);
  });

  it('refuses bytes that are not UTF-8, naming the byte offset', () => {
    for (const [bytes, offset] of [
      [Uint8Array.of(0x61, 0x3d, 0xff, 0x3b), 2],
      [Uint8Array.of(0x27, 0xc3, 0xa9, 0xe2, 0x82, 0x27), 3], // a truncated 3-byte sequence
      [Uint8Array.of(0x22, 0xed, 0xa0, 0x80, 0x22), 1], // a UTF-8-encoded lone surrogate
    ] as const) {
      try {
        encode(bytes);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(BinastError);
        expect((error as BinastError).code).toBe('UNSUPPORTED_SOURCE');
        expect((error as BinastError).offset).toBe(offset);
        expect((error as BinastError).message).toContain(`byte ${offset}`);
      }
    }
    // The instance is still usable.
    expect(encode(utf8('a'))).toBeInstanceOf(Uint8Array);
  });
});
