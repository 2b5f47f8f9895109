// acorn is only a devDependency of binast: verify and bench load it on demand and say so
// plainly when it is missing, instead of failing at startup for every command.
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
