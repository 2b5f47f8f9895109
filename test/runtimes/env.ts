// Paths and tools shared by the runtime tests (browser, Worker, playground).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NODE_MODULES = join(REPO_ROOT, 'node_modules');
export const WASM_PATH = join(REPO_ROOT, 'wasm', 'binast.wasm');


/** Debian's chromium (`apt-get install -y chromium`); override with CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Real-world inputs served to the runtimes. */
export const FIXTURES = {
  lodash: { path: join(NODE_MODULES, 'lodash', 'lodash.js'), sourceType: 'script' },
  vue: { path: join(NODE_MODULES, 'vue', 'dist', 'vue.runtime.esm-browser.prod.js'), sourceType: 'module' },
} as const;

/** Fails early, with the fix, when a prerequisite of the runtime tests is missing. */
export function requireFile(path: string, fix: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${fix}`);
}
