// The string table: one TextDecoder call for all text, then one slice per string.
import { BinastError } from '../errors.ts';
import type { Section } from './header.ts';
import { SectionReader } from './varint.ts';

// ignoreBOM: a string table whose first string starts with U+FEFF (a comment `//\uFEFF`, a
// string literal "\uFEFF...") must keep it; by default TextDecoder drops a leading BOM.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
    const blob = bytes.subarray(blobStart, blobStart + blobLength);
    // Browsers' TextDecoder refuses views of a SharedArrayBuffer: decode a copy.
    text = utf8.decode(typeof SharedArrayBuffer !== 'undefined' && blob.buffer instanceof SharedArrayBuffer ? blob.slice() : blob);
  } catch {
    throw new BinastError('CORRUPT', 'the string table is not valid UTF-8', blobStart);
  }
  reader.offset = blobStart + blobLength;
  const strings = new Array<string>(count);
  let at = 0;
  const end = section.end;
  for (let i = 0; i < count; i++) {
    // One-byte headers (strings shorter than 64) without a method call: in a cold process
    // this loop runs interpreted, once per string.
    let header = bytes[reader.offset];
    if (header < 128 && reader.offset < end) reader.offset++;
    else header = reader.varint();
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
      strings[i] = readCodeUnits(reader, length, i);
    }
  }
  if (at !== text.length) {
    throw new BinastError('CORRUPT', 'the string table has unused text', blobStart);
  }
  reader.finish();
  return strings;
}

/** Code units passed to one String.fromCharCode call: spreading more overflows the stack. */
const CHUNK = 4096;

function readCodeUnits(reader: SectionReader, length: number, index: number): string {
  let text = '';
  const units: number[] = [];
  for (let done = 0; done < length; ) {
    const n = Math.min(CHUNK, length - done);
    units.length = n;
    for (let j = 0; j < n; j++) {
      const unit = reader.varint();
      if (unit > 0xffff) throw new BinastError('CORRUPT', `string ${index} holds ${unit}, not a UTF-16 code unit`, reader.offset);
      units[j] = unit;
    }
    text += String.fromCharCode.apply(null, units);
    done += n;
  }
  return text;
}
