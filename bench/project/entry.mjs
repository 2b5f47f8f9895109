// Where a build's package entry is: the bundled file users import (lib/, beside dist/; see
// scripts/bundle-dist.mjs) when the build has one, else the compiled module in dist/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const BUNDLED = { 'decode/index.js': 'decode.js', 'node.js': 'node.js', 'index.js': 'index.js', 'cache/index.js': 'cache.js' };

/** The URL to import for `entry` (a path under dist/) of the build in `distDir`. */
export function entryUrl(distDir, entry) {
  const bundled = BUNDLED[entry] === undefined ? null : path.join(distDir, '..', 'lib', BUNDLED[entry]);
  return pathToFileURL(bundled !== null && existsSync(bundled) ? bundled : path.join(distDir, entry)).href;
}
