// Varint reading for the cold sections (strings, lines, comments); the node section has its
// own inlined copy in the generated decoder.
import { BinastError } from '../errors.ts';

/** A cursor over one section of the binary. */
export class SectionReader {
  constructor(
    readonly bytes: Uint8Array,
    public offset: number,
    readonly end: number,
    readonly name: string,
  ) {}

  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.offset >= this.end) {
        throw new BinastError('CORRUPT', `the ${this.name} section ends inside a number`, this.offset);
      }
      const byte = this.bytes[this.offset++];
      result += (byte & 127) * scale;
      if (byte < 128) return result;
      scale *= 128;
    }
    throw new BinastError('CORRUPT', `a number in the ${this.name} section is longer than 8 bytes`, this.offset);
  }

  delta(): number {
    const value = this.varint();
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }

  /** Fails unless the section was read exactly to its end. */
  finish(): void {
    if (this.offset !== this.end) {
      throw new BinastError('CORRUPT', `the ${this.name} section has ${this.end - this.offset} bytes left over`, this.offset);
    }
  }
}
