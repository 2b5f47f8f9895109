// Decoding a checked file's sections into the Program: shared by decode() (./index.ts) and
// parse()'s transient binaries, which skip the checksum (an internal module: not an entry).
import type { Comment } from 'estree';
import type { Program } from '../types.ts';
import { BinastError } from '../errors.ts';
import { decodeNodeSection } from '../generated/decoder.ts';
import { deliverComments, readComments } from './comments.ts';
import { FLAG_COMMENTS, readHeader, type Header } from './header.ts';
import type { DecodeOptions } from './index.ts';
import { createLocator, readLineStarts } from './locations.ts';
import { readStrings } from './strings.ts';

/**
 * Decodes a transient binary this process's encoder has just written (parse(): `encodeTransient`),
 * which has no checksum to verify.
 */
export function decodeTransient(bytes: Uint8Array, options: DecodeOptions): Program {
  return decodeFile(bytes, readHeader(bytes, false), options);
}

/** The Program (and comments) of a file whose header readHeader has checked. */
export function decodeFile(bytes: Uint8Array, header: Header, options: DecodeOptions): Program {
  const strings = readStrings(bytes, header.strings);
  const locations = options.locations === true;
  const ranges = options.ranges === true;
  const lineStarts = locations ? readLineStarts(bytes, header.lines) : null;
  const program = decodeNodeSection({
    bytes,
    offset: header.nodes.start,
    end: header.nodes.end,
    refs: { start: header.refs.start, end: header.refs.end, width: header.refWidth },
    strings,
    lineStarts,
    ranges,
    bodies: options.lazy === true ? header.bodies : null,
  }) as Program;
  const { onComment } = options;
  if (onComment !== undefined) {
    if ((header.flags & FLAG_COMMENTS) === 0) {
      throw new BinastError(
        'BAD_OPTION',
        'onComment was given but this binary was encoded without comments; encode with { comments: true }',
      );
    }
    const commentLocation = lineStarts ? createLocator(lineStarts) : null;
    if (Array.isArray(onComment)) {
      readComments(bytes, header.comments, strings, commentLocation, ranges, onComment);
    } else {
      const comments: Comment[] = [];
      readComments(bytes, header.comments, strings, commentLocation, false, comments);
      deliverComments(onComment, comments);
    }
  }
  return program;
}
