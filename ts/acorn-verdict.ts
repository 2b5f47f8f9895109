// acorn as the judge of rejected sources. binast's encoder reports its own wording and
// sometimes another position; acorn's error is what a drop-in must throw, so when the encoder
// rejects a source, acorn parses it again and its SyntaxError is thrown (identical by
// construction). Only the error path (and options binast cannot carry) come here: a valid
// source never reaches acorn, and acorn is not even loaded until then. In Node it is
// required on first use (loading it costs ~25 ms of startup); elsewhere `init()` imports it
// beside the WASM module (a chunk of its own in bundlers that split). `binast/decode` never
// imports this module.
import type * as Acorn from 'acorn';
import { BinastError } from './errors.ts';
import type { Program } from './types.ts';

type AcornModule = Pick<typeof Acorn, 'parse'>;

export type Verdict = { ok: true; program: Program } | { ok: false; error: SyntaxError };

let acorn: AcornModule | undefined;

/** Hands acorn over (init() does, from a dynamic import). */
export function useAcorn(module: AcornModule): void {
  acorn = module;
}

/** acorn, required synchronously on first use where a `require` can be had (Node, Deno, Bun). */
function loadAcorn(): AcornModule | undefined {
  if (acorn !== undefined) return acorn;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = proc?.getBuiltinModule?.('module') as { createRequire?: (from: string) => (id: string) => unknown } | undefined;
  try {
    acorn = nodeModule?.createRequire?.(import.meta.url)('acorn') as AcornModule | undefined;
  } catch {
    // a bundle without import.meta.url, or acorn not installed beside binast: init() provides it
  }
  return acorn;
}

/** Thrown when acorn is needed and cannot be had (a browser bundle used before init()). */
class AcornUnavailable extends BinastError {}

/**
 * acorn's result for `source`: its tree, or its SyntaxError. Anything else acorn throws (its
 * own stack overflow on very deep nesting) is rethrown, as is NOT_INITIALISED when acorn is
 * not loaded, for the caller to keep its own error.
 */
export function acornVerdict(source: string, options: Acorn.Options): Verdict {
  const parser = loadAcorn();
  if (parser === undefined) {
    throw new AcornUnavailable('NOT_INITIALISED', 'acorn is not loaded: call `await init()` before encode() or parse()');
  }
  try {
    return { ok: true, program: parser.parse(source, options) as Program };
  } catch (error) {
    if (error instanceof SyntaxError && typeof (error as { pos?: unknown }).pos === 'number') return { ok: false, error };
    throw error;
  }
}

export function isAcornUnavailable(error: unknown): error is BinastError {
  return error instanceof AcornUnavailable;
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
export function acornRejection(source: string, options: Acorn.Options, own: () => SyntaxError): SyntaxError {
  let verdict: Verdict;
  try {
    verdict = acornVerdict(source, options);
  } catch {
    return markOwnVerdict(own()); // acorn failed (its stack) or is not loaded: binast's error stands
  }
  return verdict.ok ? markOwnVerdict(own()) : verdict.error;
}
