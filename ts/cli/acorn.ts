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
