// The comments section: acorn's `onComment` array entries.
import type { Comment, SourceLocation } from 'estree';
import { BinastError } from '../errors.ts';
import type { Section } from './header.ts';
import type { CommentCallback } from './index.ts';
import { SectionReader } from './varint.ts';

export function readComments(
  bytes: Uint8Array,
  section: Section,
  strings: readonly string[],
  location: ((start: number, end: number) => SourceLocation) | null,
  ranges: boolean,
  out: Comment[],
): void {
  const reader = new SectionReader(bytes, section.start, section.end, 'comments');
  const count = reader.varint();
  if (count > section.end - reader.offset) {
    throw new BinastError('CORRUPT', `the comments section claims ${count} comments`, section.start);
  }
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    const type = reader.varint() === 1 ? 'Block' : 'Line';
    const start = cursor + reader.delta();
    const end = start + reader.varint();
    const index = reader.varint();
    if (index >= strings.length) throw new BinastError('CORRUPT', `comment ${i} names string ${index}`, reader.offset);
    cursor = end;
    const comment: Comment & { start: number; end: number } = { type, value: strings[index], start, end };
    if (location) comment.loc = location(start, end);
    if (ranges) comment.range = [start, end];
    out.push(comment);
  }
  reader.finish();
}

/** Hands decoded comments to acorn's `onComment`, array or callback form. */
export function deliverComments(onComment: Comment[] | CommentCallback, comments: Comment[]): void {
  if (Array.isArray(onComment)) {
    for (const comment of comments) onComment.push(comment);
    return;
  }
  for (const c of comments) {
    const { start, end } = c as Comment & { start: number; end: number };
    onComment(c.type === 'Block', c.value, start, end, c.loc?.start, c.loc?.end);
  }
}
