// `npm ci` refuses a lock that misses any platform's optional binary (oxc-parser, rollup,
// esbuild, ... ship one package per platform), even on a platform that never installs it.
// A registry mirror that serves only this platform's packages writes such a lock silently, so
// check that every optional dependency of every locked package is itself in the lock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './cli-helpers.ts';

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The lock entry npm would resolve `name` to from the package at `from` (Node's lookup). */
function resolve(packages: Record<string, LockEntry>, from: string, name: string): LockEntry | undefined {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[key]) return packages[key];
    if (!dir) return undefined;
  }
}

function missingEntries(lockPath: string): string[] {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> };
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const wanted = { ...entry.dependencies, ...entry.devDependencies, ...entry.optionalDependencies };
    for (const name of Object.keys(wanted)) {
      if (!resolve(lock.packages, path, name)) missing.push(`${name} (wanted by ${path || 'the root'})`);
    }
  }
  return missing;
}

describe('package-lock.json is complete for every platform', () => {
  for (const lock of ['package-lock.json', 'scripts/runtimes/package-lock.json']) {
    it(lock, () => {
      expect(missingEntries(join(REPO, lock))).toEqual([]);
    });
  }
});
