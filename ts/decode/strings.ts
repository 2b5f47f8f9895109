// The string table: one TextDecoder call for all text, then one slice per string.
import { BinastError } from '../errors.ts';
import type { Section } from './header.ts';
import { SectionReader } from './varint.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readStrings(bytes: Uint8Array, section: Section): string[] {
  const reader = new SectionReader(bytes, section.start, section.end, 'strings');
  const count = reader.varint();
  const blobLength = reader.varint();
  const blobStart = reader.offset;
  if (blobLength > section.end - blobStart || count > section.end - blobStart) {
    throw new BinastError('CORRUPT', `the string table claims ${count} strings in ${blobLength} bytes`, section.start);
  }
  let text: string;
  try {
    text = utf8.decode(bytes.subarray(blobStart, blobStart + blobLength));
  } catch {
    throw new BinastError('CORRUPT', 'the string table is not valid UTF-8', blobStart);
  }
  reader.offset = blobStart + blobLength;
  const strings = new Array<string>(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const header = reader.varint();
    const length = Math.floor(header / 2);
    if (header % 2 === 0) {
      if (at + length > text.length) {
        throw new BinastError('CORRUPT', `string ${i} runs past the string table`, reader.offset);
      }
      strings[i] = text.slice(at, at + length);
      at += length;
    } else {
      // Strings with lone surrogates (not representable in UTF-8) are stored as code units.
      if (length > section.end - reader.offset) {
        throw new BinastError('CORRUPT', `string ${i} claims ${length} code units`, reader.offset);
      }
      const units = new Array<number>(length);
      for (let j = 0; j < length; j++) units[j] = reader.varint();
      strings[i] = String.fromCharCode(...units);
    }
  }
  if (at !== text.length) {
    throw new BinastError('CORRUPT', 'the string table has unused text', blobStart);
  }
  reader.finish();
  return strings;
}
