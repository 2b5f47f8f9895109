// Shared check for small hand-written sources: binast vs acorn in every
// combination of the position options, trees and onComment arrays alike.
import * as acorn from 'acorn';
import type { Comment } from 'estree';
import { decode, encode } from '../../ts/index.ts';
import { firstDifference } from './canonical.ts';
import type { SourceType } from './corpus.ts';

export const POSITION_VARIANTS = [
  {},
  { locations: true },
  { ranges: true },
  { locations: true, ranges: true },
] as const;

/** First difference from acorn over all variants, or null when identical. */
export function differenceFromAcorn(source: string, sourceType: SourceType = 'script'): string | null {
  const bytes = encode(source, { sourceType, comments: true });
  for (const options of POSITION_VARIANTS) {
    const comments: Comment[] = [];
    const actual = decode(bytes, { ...options, onComment: comments });
    const acornComments: acorn.Comment[] = [];
    const expected = acorn.parse(source, { ecmaVersion: 'latest', sourceType, ...options, onComment: acornComments });
    const label = JSON.stringify(options);
    const tree = firstDifference(actual, expected);
    if (tree) return `${label} tree: ${tree}`;
    const comment = firstDifference(comments, acornComments);
    if (comment) return `${label} comments: ${comment}`;
  }
  return null;
}
