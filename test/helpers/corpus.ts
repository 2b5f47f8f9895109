// Test inputs: the test262-parser-tests corpus and a few large real-world files.
// Paths are resolved from node_modules at the repo root rather than through
// package resolution: several packages' "exports" maps hide these files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SourceType = 'script' | 'module';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE_MODULES = join(REPO_ROOT, 'node_modules');

export const TEST262_DIRS = ['pass', 'pass-explicit', 'fail', 'early'] as const;
export type Test262Dir = (typeof TEST262_DIRS)[number];

export interface CorpusFile {
  /** e.g. `pass/0140c25a4177e5f7.module.js` */
  id: string;
  /** file name within its directory */
  name: string;
  path: string;
  sourceType: SourceType;
  source: string;
}

/** The corpus's own convention: `*.module.js` files are modules, the rest scripts. */
export function sourceTypeOf(name: string): SourceType {
  return name.endsWith('.module.js') ? 'module' : 'script';
}

export function test262Files(dir: Test262Dir): CorpusFile[] {
  const base = join(NODE_MODULES, 'test262-parser-tests', dir);
  return readdirSync(base)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => {
      const path = join(base, name);
      return { id: `${dir}/${name}`, name, path, sourceType: sourceTypeOf(name), source: readFileSync(path, 'utf8') };
    });
}

export interface RealWorldFile {
  name: string;
  path: string;
  sourceType: SourceType;
}

const realWorld = (pkgPath: string, sourceType: SourceType): RealWorldFile => ({
  name: pkgPath,
  path: join(NODE_MODULES, pkgPath),
  sourceType,
});

export const REAL_WORLD: RealWorldFile[] = [
  realWorld('typescript/lib/typescript.js', 'script'),
  realWorld('react-dom/cjs/react-dom-client.development.js', 'script'),
  realWorld('lodash/lodash.js', 'script'),
  realWorld('d3/dist/d3.js', 'script'),
  realWorld('vue/dist/vue.esm-browser.js', 'module'),
  realWorld('jquery/dist/jquery.js', 'script'),
  realWorld('three/build/three.core.js', 'module'),
  realWorld('moment/moment.js', 'script'),
];

export function readSource(file: RealWorldFile): string {
  return readFileSync(file.path, 'utf8');
}

export function realWorldFile(name: string): RealWorldFile {
  const file = REAL_WORLD.find((f) => f.name === name || f.name.startsWith(name + '/'));
  if (!file) throw new Error(`unknown real-world file ${name}`);
  return file;
}
