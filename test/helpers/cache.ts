// Reading a cache folder's packs in tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePackIndex } from '../../ts/cache/pack.ts';

/** The pack files in `dir`, oldest first. */
export function packs(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.binastpack')).sort();
}

export function packIndex(dir: string, name: string) {
  const bytes = readFileSync(join(dir, name));
  return parsePackIndex(name, bytes, bytes.length, () => bytes);
}

/** Every entry key in the folder's packs (with repeats, when two packs hold one key). */
export function packKeys(dir: string): string[] {
  return packs(dir).flatMap((name) => packIndex(dir, name).entries.map((e) => e.key));
}
