// acorn is a dependency of binast (parse() re-parses rejected sources with it), so verify and
// bench find it; they still load it on demand and say so plainly if an install lost it.
import type * as Acorn from 'acorn';

export type AcornModule = typeof Acorn;

export const ACORN_MISSING =
  'acorn is not installed, and this command compares binast with acorn; install it with `npm install --save-dev acorn`';

export async function loadAcorn(): Promise<AcornModule | null> {
  try {
    return (await import('acorn')) as AcornModule;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/** What verify and bench parse with: acorn, or acorn-jsx's parser for JSX files. */
export type AcornParser = Pick<AcornModule, 'parse'>;

let jsxParser: AcornParser | null | undefined;

/** `acorn.Parser.extend(acornJsx())` (acorn-jsx is a dependency of binast), or null if missing. */
export async function loadAcornJsx(acorn: AcornModule): Promise<AcornParser | null> {
  if (jsxParser !== undefined) return jsxParser;
  try {
    const module = (await import('acorn-jsx')) as { default: (options?: object) => (parser: typeof acorn.Parser) => typeof acorn.Parser };
    jsxParser = acorn.Parser.extend(module.default());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    jsxParser = null;
  }
  return jsxParser;
}
