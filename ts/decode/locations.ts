// Line/column positions (acorn's `loc`) from the line table: starts of lines 2..n in UTF-16.
import type { Position, SourceLocation } from 'estree';
import { BinastError } from '../errors.ts';
import type { Section } from './header.ts';
import { SectionReader } from './varint.ts';

export function readLineStarts(bytes: Uint8Array, section: Section): Int32Array {
  const reader = new SectionReader(bytes, section.start, section.end, 'lines');
  const count = reader.varint();
  if (count > section.end - reader.offset) {
    throw new BinastError('CORRUPT', `the line table claims ${count} lines`, section.start);
  }
  const starts = new Int32Array(count + 1);
  let at = 0;
  const end = section.end;
  for (let i = 1; i <= count; i++) {
    // One-byte line lengths (below 128) without a method call (see readStrings).
    const byte = bytes[reader.offset];
    if (byte < 128 && reader.offset < end) {
      reader.offset++;
      at += byte;
    } else {
      at += reader.varint();
    }
    if (at > 0x7fffffff) throw new BinastError('CORRUPT', `line ${i + 1} starts past 2^31`, reader.offset);
    starts[i] = at;
  }
  reader.finish();
  return starts;
}

/**
 * Returns a function from offset to acorn's `{ line, column }`. Offsets arrive mostly in
 * increasing order, so the current line and the next one are tried before a binary search.
 */
export function createPositioner(lineStarts: Int32Array): (offset: number) => Position {
  let line = 0;
  const last = lineStarts.length - 1;
  return (offset) => {
    if (offset < lineStarts[line] || (line < last && offset >= lineStarts[line + 1])) {
      if (line + 1 < last && offset >= lineStarts[line + 1] && offset < lineStarts[line + 2]) {
        line++;
      } else {
        let low = 0;
        let high = last;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (lineStarts[mid] <= offset) low = mid;
          else high = mid - 1;
        }
        line = low;
      }
    }
    return { line: line + 1, column: offset - lineStarts[line] };
  };
}

/** acorn-shaped `loc` objects from start and end offsets (for comments, read in order). */
export function createLocator(lineStarts: Int32Array): (start: number, end: number) => SourceLocation {
  const position = createPositioner(lineStarts);
  return (start, end) => {
    const startPosition = position(start);
    return { start: startPosition, end: position(end) };
  };
}
