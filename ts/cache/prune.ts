// Bounding the cache folder. Packs are immutable and readers keep their descriptors open, so
// deleting a pack (or replacing several small ones by one merged pack) is safe while other
// processes read and write: a reader that opened the pack reads on from the unlinked file, one
// that had only listed it gets ENOENT and misses. Nothing is ever rewritten in place, so no
// reader can see a wrong entry. One pruner at a time (a lock file): two would not corrupt
// anything, only merge the same packs twice.
import { closeSync, openSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { BinastError } from '../errors.ts';
import { TEMP_SUFFIX, writeFileAtomic } from './atomic.ts';
import { PACK_NAME, parsePackIndex, serializePack, type FileRecord, type NewEntry } from './pack.ts';

export interface PruneLimits {
  /** Delete the least recently used packs while the folder holds more than this. */
  maxBytes: number;
  /** Delete packs not used for this long (ms). */
  maxAge: number;
  /** Merge packs once there are more than this many. */
  maxPacks: number;
  /** Packs smaller than this are merged (up to this size each). */
  mergeBytes: number;
}

export interface PruneResult {
  /** Packs deleted for age or size, and bytes they held. */
  deletedPacks: number;
  deletedBytes: number;
  /** Small packs replaced by merged ones. */
  mergedPacks: number;
  /** Bytes of packs in the folder afterwards. */
  bytes: number;
  /** False when another process held the prune lock: nothing was done. */
  ran: boolean;
}

const LOCK = 'prune.lock';
/** A lock older than this belongs to a pruner that died. */
const STALE_LOCK_MS = 60_000;
/** A temp file older than this belongs to a writer that died. */
const STALE_TEMP_MS = 10 * 60_000;
/** binast before packs: <2 hex>/<64 hex>.binast */
const LEGACY_FANOUT = /^[0-9a-f]{2}$/;
const LEGACY_ENTRY = /^[0-9a-f]{64}\.binast$/;

interface PackFile {
  name: string;
  size: number;
  mtimeMs: number;
}

/** The packs in `dir` with their sizes and last-use times (mtime). */
export function listPacks(dir: string): PackFile[] {
  const packs: PackFile[] = [];
  for (const name of readdirSync(dir)) {
    if (!PACK_NAME.test(name)) continue;
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat !== undefined) packs.push({ name, size: stat.size, mtimeMs: stat.mtimeMs });
  }
  return packs;
}

export function prune(dir: string, limits: PruneLimits, report: (error: unknown) => void): PruneResult {
  const result: PruneResult = { deletedPacks: 0, deletedBytes: 0, mergedPacks: 0, bytes: 0, ran: false };
  const lock = takeLock(dir);
  if (lock === undefined) {
    result.bytes = sum(listPacks(dir));
    return result;
  }
  result.ran = true;
  try {
    const now = Date.now();
    removeLeftovers(dir, now);
    // Least recently used first.
    let packs = listPacks(dir).sort((a, b) => a.mtimeMs - b.mtimeMs || (a.name < b.name ? -1 : 1));
    let total = sum(packs);
    const keep: PackFile[] = [];
    for (const pack of packs) {
      if (now - pack.mtimeMs > limits.maxAge || total > limits.maxBytes) {
        if (remove(join(dir, pack.name))) {
          result.deletedPacks++;
          result.deletedBytes += pack.size;
        }
        total -= pack.size;
      } else {
        keep.push(pack);
      }
    }
    packs = keep;
    if (packs.length > limits.maxPacks) result.mergedPacks = mergeSmall(dir, packs, limits.mergeBytes, report);
    result.bytes = sum(listPacks(dir));
    return result;
  } finally {
    closeSync(lock.fd);
    rmSync(lock.path, { force: true });
  }
}

/** Replaces the packs under `mergeBytes` by merged packs of up to that size; returns how many went. */
function mergeSmall(dir: string, packs: PackFile[], mergeBytes: number, report: (error: unknown) => void): number {
  const small = packs.filter((p) => p.size < mergeBytes / 2).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (small.length < 2) return 0;
  let merged = 0;
  let group: { pack: PackFile; bytes: Buffer }[] = [];
  let groupBytes = 0;
  const write = (): void => {
    if (group.length >= 2 && writeMerged(dir, group, report)) merged += group.length;
    group = [];
    groupBytes = 0;
  };
  for (const pack of small) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, pack.name));
    } catch {
      continue; // deleted meanwhile
    }
    if (groupBytes + bytes.length > mergeBytes) write();
    group.push({ pack, bytes });
    groupBytes += bytes.length;
  }
  write();
  return merged;
}

/** One pack with the entries (first copy of each key) and file records of `group`, then the group deleted. */
function writeMerged(dir: string, group: { pack: PackFile; bytes: Buffer }[], report: (error: unknown) => void): boolean {
  const entries = new Map<string, NewEntry>();
  const files = new Map<string, FileRecord>();
  const inputs: string[] = [];
  for (const { pack, bytes } of group) {
    try {
      const index = parsePackIndex(pack.name, bytes, bytes.length, () => bytes);
      if (!index.readable) continue; // another binast's pack: left alone
      for (const e of index.entries) {
        if (!entries.has(e.key)) entries.set(e.key, { key: e.key, bytes: bytes.subarray(e.offset, e.offset + e.length), sourceLength: e.sourceLength });
      }
      for (const f of index.files) files.set(f.path, f); // group is oldest first: newest record wins
      inputs.push(pack.name);
    } catch (error) {
      report(error);
      inputs.push(pack.name); // damaged: no reader can use it either
    }
  }
  if (inputs.length < 2) return false;
  const name = group[group.length - 1]!.pack.name.replace(/-[0-9a-f]{8}\.binastpack$/, () => `-${randomHex()}.binastpack`);
  const path = join(dir, name);
  try {
    writeFileAtomic(path, serializePack([...entries.values()], [...files.values()]).bytes);
    // The merged pack was last used when its most recently used input was.
    const lastUse = Math.max(...group.map((g) => g.pack.mtimeMs)) / 1000;
    utimesSync(path, lastUse, lastUse);
  } catch (error) {
    report(new BinastError('LIMIT', `cannot write merged cache pack ${path}`, -1, { cause: error }));
    return false;
  }
  for (const input of inputs) remove(join(dir, input));
  return true;
}

function takeLock(dir: string): { fd: number; path: string } | undefined {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return { fd: openSync(path, 'wx'), path };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat !== undefined && Date.now() - stat.mtimeMs < STALE_LOCK_MS) return undefined;
      rmSync(path, { force: true }); // its holder died
    }
  }
  return undefined;
}

/** Temp files of writers that died, and entries of binast before packs. */
function removeLeftovers(dir: string, now: number): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.endsWith(TEMP_SUFFIX)) {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat !== undefined && now - stat.mtimeMs > STALE_TEMP_MS) remove(path);
    } else if (LEGACY_FANOUT.test(name)) {
      removeLegacyFanout(path);
    }
  }
}

export function removeLegacyFanout(path: string): void {
  try {
    for (const name of readdirSync(path)) {
      if (LEGACY_ENTRY.test(name) || name.endsWith(TEMP_SUFFIX)) remove(join(path, name));
    }
    rmdirSync(path);
  } catch {
    // not a folder, or not empty (someone else's file): keep it
  }
}

function remove(path: string): boolean {
  try {
    rmSync(path);
    return true;
  } catch {
    return false; // deleted by another process meanwhile
  }
}

function sum(packs: PackFile[]): number {
  return packs.reduce((n, p) => n + p.size, 0);
}

function randomHex(): string {
  return Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
}
