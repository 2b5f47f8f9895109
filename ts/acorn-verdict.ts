// acorn as the judge of rejected sources. binast's encoder reports its own wording and
// sometimes another position; acorn's error is what a drop-in must throw, so when the encoder
// rejects a source, acorn parses it again and its SyntaxError is thrown (identical by
// construction). Only the error path (and options binast cannot carry) come here: a valid
// source never reaches acorn. `binast/decode` never imports this module.
import { parse as acornParse, type Options } from 'acorn';
import type { Program } from './types.ts';

export type Verdict = { ok: true; program: Program } | { ok: false; error: SyntaxError };

/**
 * acorn's result for `source`: its tree, or its SyntaxError. Anything else acorn throws (its
 * own stack overflow on very deep nesting) is rethrown for the caller to keep its own error.
 */
export function acornVerdict(source: string, options: Options): Verdict {
  try {
    return { ok: true, program: acornParse(source, options) as Program };
  } catch (error) {
    if (error instanceof SyntaxError && typeof (error as { pos?: unknown }).pos === 'number') return { ok: false, error };
    throw error;
  }
}

/** Errors binast keeps because acorn accepts the source (a known disagreement, test/fuzz/disagreements.md). */
const ownVerdicts = new WeakSet<Error>();

export function markOwnVerdict(error: SyntaxError): SyntaxError {
  ownVerdicts.add(error);
  return error;
}

export function isOwnVerdict(error: unknown): boolean {
  return error instanceof Error && ownVerdicts.has(error);
}

/**
 * The error for a source binast's encoder rejected: acorn's SyntaxError when acorn rejects it
 * too under `options`, else binast's own (`own()`), marked so that parse() keeps it.
 */
export function acornRejection(source: string, options: Options, own: () => SyntaxError): SyntaxError {
  let verdict: Verdict;
  try {
    verdict = acornVerdict(source, options);
  } catch {
    return markOwnVerdict(own()); // acorn itself failed (its stack): binast's error stands
  }
  return verdict.ok ? markOwnVerdict(own()) : verdict.error;
}
