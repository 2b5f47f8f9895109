// The benchmark corpus: real-world files from node_modules (installed as devDependencies).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** name, path under node_modules, acorn sourceType. */
export const FILES = [
  { name: 'typescript', file: 'typescript/lib/typescript.js', sourceType: 'script' },
  { name: 'react-dom', file: 'react-dom/cjs/react-dom-client.development.js', sourceType: 'script' },
  { name: 'lodash', file: 'lodash/lodash.js', sourceType: 'script' },
  { name: 'd3', file: 'd3/dist/d3.js', sourceType: 'script' },
  { name: 'vue', file: 'vue/dist/vue.esm-browser.js', sourceType: 'module' },
  { name: 'jquery', file: 'jquery/dist/jquery.js', sourceType: 'script' },
  { name: 'three', file: 'three/build/three.core.js', sourceType: 'module' },
  { name: 'moment', file: 'moment/moment.js', sourceType: 'script' },
];

/** `bench:quick` (CI): two small files. */
export const QUICK_FILES = ['jquery', 'moment'];

/**
 * Loads the selected files: { name, file, path, sourceType, source, bytes (UTF-8 length) }.
 * `names` filters by name (undefined: all).
 */
export function loadCorpus(names) {
  const selected = names ? FILES.filter((f) => names.includes(f.name)) : FILES;
  if (names) {
    const unknown = names.filter((n) => !FILES.some((f) => f.name === n));
    if (unknown.length) throw new Error(`unknown corpus file(s): ${unknown.join(', ')} (known: ${FILES.map((f) => f.name).join(', ')})`);
  }
  return selected.map((f) => {
    const filePath = path.join(ROOT, 'node_modules', f.file);
    const source = readFileSync(filePath, 'utf8');
    return { ...f, path: filePath, source, sourceBytes: Buffer.byteLength(source) };
  });
}
