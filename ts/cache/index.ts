// binast/cache: a persistent, multi-process-safe AST cache for Node. cache.parse(source,
// acornOptions) returns what acorn.parse would, decoding a stored binary AST when the same
// source was parsed before (by this or any other process) instead of parsing again.
//
// Entries live in pack files (pack.ts) in the cache folder, keyed by a 128-bit hash of the
// source (hash.ts) seeded with what shapes the stored tree: sourceType,
// allowReturnOutsideFunction, allowHashBang, whether comments are stored; packs of another
// FORMAT_VERSION or SCHEMA_HASH are not read. locations, ranges and onComment are applied when
// decoding, so they share entries. Options parse() honours through acorn (older editions,
// preserveParens, ...) are parsed by parse() and not stored. A miss encodes once, decodes once and leaves the bytes to
// be written with others in one pack later (store.ts); limits are kept by prune.ts.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Comment } from 'estree';
import type { Program } from '../types.ts';
import { initSync } from '../node-init.ts';
import { deliverComments } from '../decode/comments.ts';
import { BinastError, decode, encode } from '../index.ts';
import { nativePlan, parse, type ParseOptions } from '../parse.ts';
import { planParse, type ParsePlan } from '../parse-options.ts';
import { TEMP_SUFFIX } from './atomic.ts';
import { readFileWithState } from './file-state.ts';
import { hasUtf8Key, sourceKey } from './hash.ts';
import { treeShape } from './options.ts';
import { PACK_NAME } from './pack.ts';
import { listPacks, prune, removeLegacyFanout, type PruneResult } from './prune.ts';
import { PackStore } from './store.ts';

// The WASM encoder, ready before anything here runs (node-init.ts).
initSync();

export type { PruneResult } from './prune.ts';

export interface CacheOptions {
  /** Folder for the packs; created when missing. Several processes may share it. */
  dir: string;
  /** Prune the least recently used packs while the folder holds more than this many bytes. */
  maxBytes?: number;
  /** Prune packs none of whose entries were used for this many milliseconds. */
  maxAge?: number;
  /** Receives every error the cache recovered from (counted in stats.errors): unreadable packs, failed writes. */
  onError?: (error: BinastError) => void;
}

export interface CacheStats {
  /** parse() calls answered from a stored entry. */
  hits: number;
  /** parse() calls that encoded the source (and will store it). */
  misses: number;
  /** Entries or packs that could not be read or decoded (torn, corrupt, foreign: then missed), and writes that failed. */
  errors: number;
  /** Bytes of the packs in the folder now (a directory listing when read), not counting entries not yet written. */
  bytes: number;
  /** Bytes of new entries waiting to be written. */
  pendingBytes: number;
}

export interface AstCache {
  readonly dir: string;
  /** acorn.parse(source, options), from the cache when possible; same options and errors as binast's parse(). */
  parse(source: string, options: ParseOptions): Program;
  /**
   * Reads `path` as UTF-8 and parses it as parse() does. A file whose size, mtime, ctime and
   * inode match a record from an earlier run skips hashing its source.
   */
  parseFile(path: string, options: ParseOptions): { source: string; program: Program };
  /** The content key a (source, options) pair maps to (32 hex digits). */
  keyOf(source: string, options: ParseOptions): string;
  /** A snapshot of this cache object's counters, and the folder's size. */
  readonly stats: CacheStats;
  /** Writes the entries waiting now (also done when enough are waiting, a second after the last one, and at exit). */
  flush(): void;
  /** Applies maxBytes and maxAge now and merges small packs; safe while other processes use the folder. */
  prune(): PruneResult;
  /** Deletes every pack (and stray temp file) in the folder; other files are left alone. */
  clear(): void;
  /** Flushes and closes the packs' file descriptors; the cache is not used afterwards. */
  close(): void;
}

/** New entries are written once this many bytes wait (a smaller maxBytes lowers it, so eviction stays fine-grained). */
const FLUSH_BYTES = 16 * 1024 * 1024;
/** More packs than this are merged when pruning (each is opened when the cache is first used). */
const MAX_PACKS = 16;
const HOUR_MS = 3_600_000;

export function createCache(options: CacheOptions): AstCache {
  if (options === null || typeof options !== 'object' || typeof options.dir !== 'string' || options.dir === '') {
    throw new BinastError('BAD_OPTION', 'binast cache: createCache needs { dir: string }');
  }
  const maxBytes = limitOption(options.maxBytes, 'maxBytes');
  const maxAge = limitOption(options.maxAge, 'maxAge');
  if (options.onError !== undefined && typeof options.onError !== 'function') {
    throw new BinastError('BAD_OPTION', 'binast cache: onError must be a function');
  }
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const counts = { hits: 0, misses: 0, errors: 0 };
  const report = (error: unknown): void => {
    counts.errors++;
    const typed = error instanceof BinastError ? error : new BinastError('INTERNAL', `binast cache in ${dir}: ${String(error)}`, -1, { cause: error });
    options.onError?.(typed);
  };
  const pruneLimits = {
    maxBytes,
    maxAge,
    maxPacks: MAX_PACKS,
    mergeBytes: Math.max(1024 * 1024, Math.min(FLUSH_BYTES, maxBytes / 8)),
  };
  const runPrune = (): PruneResult => {
    const result = prune(dir, pruneLimits, report);
    if (result.ran) store.dropVanished();
    return result;
  };
  const store = new PackStore(
    dir,
    {
      flushBytes: Math.max(64 * 1024, Math.min(FLUSH_BYTES, maxBytes / 8)),
      touchAfterMs: Math.min(HOUR_MS, maxAge / 8),
    },
    report,
    (packs) => {
      // Prune when this process's view says a limit is passed; prune() looks at the folder itself.
      const now = Date.now();
      const total = packs.reduce((n, p) => n + p.size, 0);
      if (packs.length > MAX_PACKS || total > maxBytes || packs.some((p) => now - p.mtimeMs > maxAge)) {
        try {
          runPrune();
        } catch (error) {
          report(error);
        }
      }
    },
  );

  const keyOf = (source: string, options: ParseOptions): string => {
    const plan = nativePlan(source, options);
    if (plan === null) throw new BinastError('BAD_OPTION', 'binast cache: these options are parsed by acorn, so nothing is stored under a key');
    return sourceKey(source, treeShape(plan));
  };

  /** The program for `source` under `key`: decoded from its entry, or encoded (and stored). */
  const parseKeyed = (source: string, plan: ParsePlan, options: ParseOptions, key: string | undefined): Program => {
    if (key !== undefined) {
      const stored = store.read(key, source.length);
      if (stored !== undefined) {
        const program = decodeEntry(stored, source, plan, key, report);
        if (program !== undefined) {
          counts.hits++;
          return program;
        }
        store.forget(key);
      }
    }
    counts.misses++;
    let bytes: Uint8Array;
    try {
      bytes = encode(source, plan.encode);
    } catch (error) {
      // An option that accepts more than binast's own rules: acorn has the last word (parse()).
      if (plan.relaxed && error instanceof SyntaxError) return parse(source, options);
      throw error;
    }
    const program = decode(bytes, plan.decode);
    if (key !== undefined) store.add({ key, bytes, sourceLength: source.length });
    return program;
  };

  return {
    dir,
    keyOf,
    get stats() {
      let bytes = 0;
      try {
        for (const pack of listPacks(dir)) bytes += pack.size;
      } catch {
        // the folder is gone: nothing stored
      }
      return { ...counts, bytes, pendingBytes: store.pendingBytes };
    },

    parse(source, options) {
      if (typeof source !== 'string') {
        planParse(options); // bad options first, as parse() reports them
        throw new BinastError('BAD_OPTION', `binast cache: the source must be a string, got ${typeof source}`);
      }
      const plan = nativePlan(source, options);
      if (plan === null) return parse(source, options);
      // Sources with lone surrogates have no UTF-8 key; binast refuses them anyway (encode throws).
      return parseKeyed(source, plan, options, hasUtf8Key(source) ? sourceKey(source, treeShape(plan)) : undefined);
    },

    parseFile(path, options) {
      planParse(options);
      if (typeof path !== 'string') throw new BinastError('BAD_OPTION', `binast cache: parseFile needs a path string, got ${typeof path}`);
      const absolute = resolve(path);
      const { source, state, settled } = readFileWithState(absolute);
      const plan = nativePlan(source, options);
      if (plan === null) return { source, program: parse(source, options) };
      const shape = treeShape(plan);
      const recordPath = `${shape}:${absolute}`; // the same file under other options is another entry
      const known = store.fileKey(recordPath, state);
      if (known !== undefined) {
        const stored = store.read(known, source.length);
        const program = stored && decodeEntry(stored, source, plan, known, report);
        if (program !== undefined) {
          counts.hits++;
          return { source, program };
        }
      }
      const key = hasUtf8Key(source) ? sourceKey(source, shape) : undefined;
      const program = parseKeyed(source, plan, options, key);
      if (key !== undefined && settled && known !== key) store.addFile({ path: recordPath, key, ...state });
      return { source, program };
    },

    flush() {
      store.flush();
    },

    prune() {
      store.flush();
      try {
        return runPrune();
      } catch (error) {
        throw new BinastError('LIMIT', `binast cache: cannot prune ${dir}`, -1, { cause: error });
      }
    },

    clear() {
      store.reset();
      for (const name of readdirSync(dir)) {
        const path = `${dir}/${name}`;
        if (PACK_NAME.test(name) || name.endsWith(TEMP_SUFFIX)) rmSync(path, { force: true });
        else if (/^[0-9a-f]{2}$/.test(name)) removeLegacyFanout(path);
      }
    },

    close() {
      store.close();
    },
  };
}

/**
 * Decodes a stored entry; undefined (reported) when it is damaged, truncated or of another
 * program. Comments go to a scratch list first and reach the caller only once the entry
 * proved good, so a bad entry never delivers comments twice.
 */
function decodeEntry(
  stored: Uint8Array,
  source: string,
  plan: ParsePlan,
  key: string,
  report: (error: unknown) => void,
): Program | undefined {
  const decodeOptions = plan.decode;
  const onComment = decodeOptions.onComment;
  const comments: Comment[] | undefined = onComment ? [] : undefined;
  try {
    const program = decode(stored, comments ? { ...decodeOptions, onComment: comments } : decodeOptions);
    // A well-formed entry of another program (planted by hand, say) is caught cheaply:
    // acorn's Program always spans the whole source.
    if ((program as { end?: number }).end !== source.length || program.sourceType !== plan.encode.sourceType) {
      throw new BinastError('CORRUPT', `cache entry ${key} holds another program`);
    }
    if (comments) deliverComments(onComment!, comments);
    return program;
  } catch (error) {
    report(error);
    return undefined;
  }
}

function limitOption(value: unknown, name: string): number {
  if (value === undefined) return Infinity;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new BinastError('BAD_OPTION', `binast cache: ${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}
