// Where the pinned runtimes of scripts/runtimes/package.json live once `npm run runtimes` has
// installed them. Tests and benchmarks take their executables from here, so that every
// Node version, Deno and Bun comes from the one lock.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULES = join(dirname(fileURLToPath(import.meta.url)), 'node_modules');

/** The Node majors binast supports (package.json `engines`), newest (the Active LTS) first. */
export const NODE_MAJORS = [26, 24, 22];

const PATHS = {
  node22: 'node22/bin/node',
  node24: 'node24/bin/node',
  node26: 'node26/bin/node',
  deno: '@deno/linux-x64-glibc/deno',
  bun: '@oven/bun-linux-x64/bin/bun',
};

/** Absolute path of a runtime's executable: 'node26', 'node24', 'node22', 'deno' or 'bun'. */
export function runtimePath(name) {
  const rel = PATHS[name];
  if (!rel) throw new Error(`unknown runtime "${name}" (expected one of ${Object.keys(PATHS).join(', ')})`);
  return join(MODULES, rel);
}

/** runtimePath, or an error that says how to install it. */
export function requireRuntime(name) {
  const path = runtimePath(name);
  if (!existsSync(path)) throw new Error(`${name} is not installed (${path}); run \`npm run runtimes\``);
  return path;
}
