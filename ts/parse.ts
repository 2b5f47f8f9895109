// parse(): a drop-in for acorn.parse(source, options). Every acorn option is honoured or
// refused with a BinastError naming it; none is silently ignored. How each is honoured is
// decided in ./parse-options.ts: natively (encode + decode, the fast path), by acorn on the
// error path only, or by acorn alone (options whose effect the binary does not carry).
import { acornVerdict, isAcornUnavailable, isOwnVerdict } from './acorn-verdict.ts';
import { deliverComments } from './decode/comments.ts';
import { decodeTransient } from './decode/file.ts';
import { fitEdition } from './ecma-version.ts';
import { encodeTransient } from './encode.ts';
import { BinastError } from './errors.ts';
import { LATEST_EDITION, planParse, type ParseOptions, type ParsePlan } from './parse-options.ts';
import type { Comment } from 'estree';
import type { Program } from './types.ts';

export type { EcmaVersion, ParseOptions, PositionCallback } from './parse-options.ts';
/** The name parse()'s options had before ParseOptions (kept for existing imports). */
export type AcornOptions = ParseOptions;

export function parse(source: string, options: ParseOptions = {}): Program {
  const plan = planParse(options);
  if (typeof source !== 'string') {
    throw new BinastError('BAD_OPTION', `parse expects the source as a string, got ${source === null ? 'null' : typeof source}`);
  }
  if (plan.viaAcorn || awaitChangesTree(source, plan)) return byAcorn(source, plan);
  let bytes: Uint8Array;
  try {
    // Decoded at once and dropped: a transient binary, read in place in WASM memory.
    bytes = encodeTransient(source, plan.encode, plan.decode.locations === true);
  } catch (error) {
    // Both binast and acorn rejected the source under binast's options; an option that accepts
    // more (or an older edition's rules) may still take it: acorn decides.
    if (plan.relaxed && error instanceof SyntaxError && !isOwnVerdict(error)) return byAcorn(source, plan);
    throw error;
  }
  if (plan.edition >= LATEST_EDITION) return decodeTransient(bytes, plan.decode);
  // An older edition: comments reach the caller only once the tree proved to be acorn's.
  const { onComment } = plan.decode;
  const comments: Comment[] | undefined = onComment ? [] : undefined;
  const program = decodeTransient(bytes, { ...plan.decode, ...(comments ? { onComment: comments } : {}) });
  const fitted = fitEdition(program, source, plan.edition);
  if (fitted === null) return byAcorn(source, plan);
  if (onComment && comments) deliverComments(onComment, comments);
  return fitted;
}

// In a script, allowAwaitOutsideFunction turns a top-level `await(x)` call into an AwaitExpression.
function awaitChangesTree(source: string, plan: ParsePlan): boolean {
  return plan.acorn.allowAwaitOutsideFunction === true && plan.encode.sourceType === 'script' && source.includes('await');
}

/**
 * The plan parse() follows for `source` when that is binast's own encode + decode at the latest
 * edition, the case the AST cache stores; null when acorn takes part in the answer. (When binast
 * rejects the source and `plan.relaxed`, acorn still has the last word: call parse().)
 */
export function nativePlan(source: string, options: ParseOptions): ParsePlan | null {
  const plan = planParse(options);
  return plan.viaAcorn || plan.edition < LATEST_EDITION || awaitChangesTree(source, plan) ? null : plan;
}

/** acorn.parse with the user's options: its tree, or its SyntaxError. */
function byAcorn(source: string, plan: ParsePlan): Program {
  let verdict;
  try {
    verdict = acornVerdict(source, plan.acorn);
  } catch (cause) {
    if (isAcornUnavailable(cause)) throw cause;
    // acorn overflowing its stack on deep nesting: binast's LIMIT, as the encoder's would be.
    throw new BinastError('LIMIT', `acorn could not parse the source (${cause instanceof Error ? cause.message : String(cause)})`, -1, { cause });
  }
  if (!verdict.ok) throw verdict.error;
  return verdict.program;
}
