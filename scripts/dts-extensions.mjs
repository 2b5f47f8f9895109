#!/usr/bin/env node
// After `tsc -p tsconfig.build.json`: declaration files keep the sources' `.ts` import
// specifiers (rewriteRelativeImportExtensions rewrites only the JavaScript), which TypeScript
// before 5.0, and consumers without allowImportingTsExtensions, cannot resolve. Rewrites
// relative `.ts` specifiers in dist/**/*.d.ts to `.js`, as in the emitted JavaScript.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const SPECIFIER = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)\.ts(['"])/g;
let changed = 0;
for (const entry of readdirSync(DIST, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const path = join(entry.parentPath, entry.name);
  const text = readFileSync(path, 'utf8');
  const fixed = text.replace(SPECIFIER, '$1$2.js$3');
  if (fixed !== text) {
    writeFileSync(path, fixed);
    changed++;
  }
}
console.log(`dts-extensions: ${changed} declaration files now import .js`);
