// Loading the library under test from its build (never from ts/: the bench runs on plain node).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The built library to benchmark: dist/index.js, or $BINAST_DIST (a path to another build's
 * index.js, e.g. a snapshot of dist/ and wasm/ side by side, to compare builds).
 */
export function binastEntry() {
  return process.env.BINAST_DIST ? pathToFileURL(path.resolve(process.env.BINAST_DIST)).href : new URL('../dist/index.js', import.meta.url).href;
}

/** Loads the built library; a clear message when `npm run build` has not been run. */
export async function loadBinast() {
  let api;
  try {
    api = await import(binastEntry());
  } catch (error) {
    throw new Error(`cannot load ${binastEntry()} (run \`npm run build\` first): ${error.message}`, { cause: error });
  }
  if (!api.isReady()) await api.init();
  return api;
}
