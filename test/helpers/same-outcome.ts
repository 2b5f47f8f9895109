// parse() against acorn.parse on one source and options: the same tree (by value, comments
// included), or the same SyntaxError (message, pos, loc, raisedAt).
import * as acorn from 'acorn';
import { parse, type ParseOptions } from '../../ts/index.ts';
import { firstDifference } from './canonical.ts';

type Outcome = { tree: unknown; comments: unknown[] } | { error: unknown };

function run(parser: (comments: unknown[]) => unknown): Outcome {
  const comments: unknown[] = [];
  try {
    return { tree: parser(comments), comments };
  } catch (error) {
    return { error };
  }
}

const describeError = (e: unknown): string => {
  if (!(e instanceof SyntaxError)) return `${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  const { pos, raisedAt, loc } = e as SyntaxError & { pos: number; raisedAt: number; loc: { line: number; column: number } };
  return `SyntaxError ${JSON.stringify(e.message)} pos ${pos} raisedAt ${raisedAt} loc ${loc?.line}:${loc?.column}`;
};

/** null when parse() does what acorn.parse does, else what differs. `withComments` adds an onComment array. */
export function outcomeDifference(source: string, options: acorn.Options, withComments = false): string | null {
  const expected = run((comments) => acorn.parse(source, withComments ? { ...options, onComment: comments as acorn.Comment[] } : options));
  const actual = run((comments) =>
    parse(source, (withComments ? { ...options, onComment: comments } : options) as unknown as ParseOptions),
  );
  if ('error' in expected || 'error' in actual) {
    const a = 'error' in actual ? describeError(actual.error) : 'accepts';
    const e = 'error' in expected ? describeError(expected.error) : 'accepts';
    return a === e ? null : `binast: ${a}; acorn: ${e}`;
  }
  return firstDifference(actual.tree, expected.tree) ?? (withComments ? firstDifference(actual.comments, expected.comments) : null);
}

/** Does acorn accept the source with these options? */
export function acornAccepts(source: string, options: acorn.Options): boolean {
  try {
    acorn.parse(source, options);
    return true;
  } catch {
    return false;
  }
}
