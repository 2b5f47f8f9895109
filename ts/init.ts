// init(): the WASM encoder and, beside it, acorn (which throws binast's syntax errors, see
// ./acorn-verdict.ts). A dynamic import, so that bundlers that split chunks keep acorn out of
// the entry chunk; Node never needs init() (it requires acorn on the first syntax error).
import { useAcorn } from './acorn-verdict.ts';
import { init as initEncoder, type InitInput } from './wasm-loader.ts';

/**
 * Loads the WASM encoder (see wasm-loader's init for what `input` may be) and acorn. Resolves
 * when both are ready; a failure to load acorn is not fatal (syntax errors then keep binast's
 * own wording, and options that need acorn throw NOT_INITIALISED).
 */
export async function init(input?: InitInput): Promise<void> {
  const acorn = import('acorn').then(useAcorn, () => undefined);
  // acorn-jsx is not imported here: it is CommonJS and requires acorn's CommonJS build, which
  // bundlers would add as a second copy of acorn. Node requires it on demand; elsewhere an app
  // that wants acorn-jsx's wording for rejected JSX hands it over with useAcornJsx().
  await Promise.all([initEncoder(input), acorn]);
}
