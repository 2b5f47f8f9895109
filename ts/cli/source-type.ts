// Which goal (script or module) to parse a file with, when the user does not say.
import { encode } from '../index.ts';

export type SourceType = 'script' | 'module';

/** `.mjs` is always a module and `.cjs` always a script, as in Node; other files are unknown. */
export function sourceTypeOfName(file: string): SourceType | undefined {
  if (/\.mjs$/i.test(file)) return 'module';
  if (/\.cjs$/i.test(file)) return 'script';
  return undefined;
}

/** `.jsx` files are always JSX (acorn-jsx's tree); others only with `--jsx`. */
export function isJsxName(file: string): boolean {
  return /\.jsx$/i.test(file);
}

export interface Encoded {
  bytes: Uint8Array;
  sourceType: SourceType;
}

/**
 * Encodes with `sourceType` when given; otherwise as a script first, then as a module when
 * the script parse fails (like Node's module syntax detection: code valid as both, e.g. a
 * top-level `await(x)` call, stays a script). When both fail, the error that got further
 * into the file is thrown: it is the likelier intended goal.
 */
export function encodeDetecting(source: string, sourceType: SourceType | undefined, comments: boolean, jsx = false): Encoded {
  if (sourceType) return { bytes: encode(source, { sourceType, comments, jsx }), sourceType };
  try {
    return { bytes: encode(source, { sourceType: 'script', comments, jsx }), sourceType: 'script' };
  } catch (scriptError) {
    if (!(scriptError instanceof SyntaxError)) throw scriptError;
    try {
      return { bytes: encode(source, { sourceType: 'module', comments, jsx }), sourceType: 'module' };
    } catch (moduleError) {
      if (!(moduleError instanceof SyntaxError)) throw moduleError;
      throw position(moduleError) > position(scriptError) ? moduleError : scriptError;
    }
  }
}

function position(error: SyntaxError): number {
  const pos = (error as SyntaxError & { pos?: unknown }).pos;
  return typeof pos === 'number' ? pos : -1;
}
