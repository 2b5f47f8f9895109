// acorn as the judge of rejected sources. binast's encoder reports its own wording and
// sometimes another position; acorn's error is what a drop-in must throw, so when the encoder
// rejects a source, acorn parses it again and its SyntaxError is thrown (identical by
// construction). Only the error path (and options binast cannot carry) come here: a valid
// source never reaches acorn, and acorn is not even loaded until then. In Node it is
// required on first use (loading it costs ~25 ms of startup); elsewhere `init()` imports it
// beside the WASM module (a chunk of its own in bundlers that split). `binast/decode` never
// imports this module. With `jsx`, the judge is acorn-jsx (`acorn.Parser.extend(acornJsx())`),
// loaded the same way and only then.
import type * as Acorn from 'acorn';
import { BinastError } from './errors.ts';
import type { Program } from './types.ts';

type AcornModule = Pick<typeof Acorn, 'parse'> & { Parser?: typeof Acorn.Parser };
/** acorn-jsx's export: options to a parser plugin. */
type AcornJsx = (options?: { allowNamespaces?: boolean; allowNamespacedObjects?: boolean }) => (parser: typeof Acorn.Parser) => typeof Acorn.Parser;

/** acorn's options, plus acorn-jsx's when the source is JSX. */
export type VerdictOptions = Acorn.Options & { jsx?: { allowNamespaces?: boolean; allowNamespacedObjects?: boolean } };

export type Verdict = { ok: true; program: Program } | { ok: false; error: SyntaxError };

let acorn: AcornModule | undefined;
let acornJsx: AcornJsx | undefined;
/** acorn-jsx parsers by their options (allowNamespaces, allowNamespacedObjects). */
const jsxParsers = new Map<string, typeof Acorn.Parser>();

/** Hands acorn over (init() does, from a dynamic import). */
export function useAcorn(module: AcornModule): void {
  acorn = module;
}

/**
 * Hands acorn-jsx over, for environments without `require` (browsers, Workers): then JSX that
 * binast rejects gets acorn-jsx's SyntaxError (else binast's own, still a SyntaxError), and
 * `parse(src, { jsx: { allowNamespacedObjects: true } })` works. Node needs none of this.
 *
 *   import acornJsx from 'acorn-jsx';
 *   useAcornJsx(acornJsx);
 */
export function useAcornJsx(module: AcornJsx | { default: AcornJsx }): void {
  acornJsx = typeof module === 'function' ? module : module.default;
}

function requireFromHere(id: string): unknown {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = proc?.getBuiltinModule?.('module') as { createRequire?: (from: string) => (id: string) => unknown } | undefined;
  try {
    return nodeModule?.createRequire?.(import.meta.url)(id);
  } catch {
    return undefined; // a bundle without import.meta.url, or not installed beside binast: init() provides it
  }
}

/** The acorn-jsx parser for `jsx`'s options, or undefined when acorn or acorn-jsx cannot be had. */
function jsxParser(jsx: NonNullable<VerdictOptions['jsx']>): Pick<typeof Acorn.Parser, 'parse'> | undefined {
  const key = `${jsx.allowNamespaces !== false}${jsx.allowNamespacedObjects === true}`;
  let parser = jsxParsers.get(key);
  if (parser !== undefined) return parser;
  const base = loadAcorn();
  acornJsx ??= requireFromHere('acorn-jsx') as AcornJsx | undefined;
  if (base?.Parser === undefined || acornJsx === undefined) return undefined;
  parser = base.Parser.extend(acornJsx({ allowNamespaces: jsx.allowNamespaces !== false, allowNamespacedObjects: jsx.allowNamespacedObjects === true }));
  jsxParsers.set(key, parser);
  return parser;
}

/** acorn, required synchronously on first use where a `require` can be had (Node, Deno, Bun). */
function loadAcorn(): AcornModule | undefined {
  acorn ??= requireFromHere('acorn') as AcornModule | undefined;
  return acorn;
}

/** Thrown when acorn is needed and cannot be had (a browser bundle used before init()). */
class AcornUnavailable extends BinastError {}

/**
 * acorn's result for `source`: its tree, or its SyntaxError. Anything else acorn throws (its
 * own stack overflow on very deep nesting) is rethrown, as is NOT_INITIALISED when acorn is
 * not loaded, for the caller to keep its own error.
 */
export function acornVerdict(source: string, options: VerdictOptions): Verdict {
  const { jsx, ...acornOptions } = options;
  const parser = jsx ? jsxParser(jsx) : loadAcorn();
  if (parser === undefined) {
    const what = jsx ? 'acorn-jsx is' : 'acorn is';
    throw new AcornUnavailable('NOT_INITIALISED', `${what} not loaded: call \`await init()\` before encode() or parse()`);
  }
  try {
    return { ok: true, program: parser.parse(source, acornOptions) as Program };
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
export function acornRejection(source: string, options: VerdictOptions, own: () => SyntaxError): SyntaxError {
  let verdict: Verdict;
  try {
    verdict = acornVerdict(source, options);
  } catch {
    return markOwnVerdict(own()); // acorn failed (its stack) or is not loaded: binast's error stands
  }
  return verdict.ok ? markOwnVerdict(own()) : verdict.error;
}
