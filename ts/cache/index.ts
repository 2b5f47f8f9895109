// binast/cache: a persistent, multi-process-safe AST cache for Node. cache.parse(source,
// acornOptions) returns what acorn.parse would, decoding a stored binary AST when the same
// source was parsed before (by this or any other process) instead of parsing again.
//
// Entries are <dir>/<2 hex>/<sha256>.binast. The key covers what changes the stored tree:
// the source, sourceType, allowReturnOutsideFunction, allowHashBang, whether comments are
// stored, FORMAT_VERSION and SCHEMA_HASH. locations, ranges and onComment are applied when
// decoding, so they share entries.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Comment, Program } from 'estree';
import '../node-init.ts';
import { decode, encode, FORMAT_VERSION, parse, SCHEMA_HASH, type AcornOptions, type CommentCallback } from '../index.ts';
import { TEMP_SUFFIX, writeFileAtomic } from './atomic.ts';

export interface CacheOptions {
  /** Folder for the entries; created when missing. Several processes may share it. */
  dir: string;
}

export interface CacheStats {
  /** parse() calls answered from a stored entry. */
  hits: number;
  /** parse() calls that encoded the source (and stored it). */
  misses: number;
  /** Entries that could not be read or decoded (torn, corrupt, foreign: then re-encoded) and writes that failed. */
  errors: number;
}

export interface AstCache {
  readonly dir: string;
  /** acorn.parse(source, options), from the cache when possible; same options and errors as binast's parse(). */
  parse(source: string, options: AcornOptions): Program;
  /** The entry file a (source, options) pair maps to. */
  entryPath(source: string, options: AcornOptions): string;
  /** A snapshot of this cache object's counters. */
  readonly stats: CacheStats;
  /** Deletes every entry (and stray temp file) in the folder; other files are left alone. */
  clear(): void;
}

const ENTRY = /^[0-9a-f]{64}\.binast$/;
const FANOUT = /^[0-9a-f]{2}$/;

export function createCache(options: CacheOptions): AstCache {
  if (options === null || typeof options !== 'object' || typeof options.dir !== 'string' || options.dir === '') {
    throw new TypeError('binast cache: createCache needs { dir: string }');
  }
  const dir = options.dir;
  mkdirSync(dir, { recursive: true });
  const stats: CacheStats = { hits: 0, misses: 0, errors: 0 };

  const entryPath = (source: string, acornOptions: AcornOptions): string => {
    const key = cacheKey(source, acornOptions);
    return join(dir, key.slice(0, 2), `${key}.binast`);
  };

  return {
    dir,
    entryPath,
    get stats() {
      return { ...stats };
    },

    parse(source, acornOptions) {
      // parse() of an empty program applies exactly binast's option checks (ecmaVersion,
      // refused acorn options, onComment's type) in microseconds, so they live in one place.
      parse('', acornOptions);
      if (typeof source !== 'string') throw new TypeError(`binast cache: the source must be a string, got ${typeof source}`);
      const decodeOptions = {
        locations: acornOptions.locations === true,
        ranges: acornOptions.ranges === true,
        ...(acornOptions.onComment != null ? { onComment: acornOptions.onComment } : {}),
      };
      const path = entryPath(source, acornOptions);
      let stored: Uint8Array | undefined;
      try {
        stored = readFileSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') stats.errors++;
      }
      if (stored !== undefined) {
        // Comments go to a scratch list first and reach the caller only once the entry proved
        // good, so a bad entry never delivers comments twice.
        const comments: Comment[] | undefined = decodeOptions.onComment ? [] : undefined;
        try {
          const program = decode(stored, comments ? { ...decodeOptions, onComment: comments } : decodeOptions);
          // A well-formed entry of another program (copied in by hand, say) is caught cheaply:
          // acorn's Program always spans the whole source.
          if ((program as { end?: number }).end !== source.length || program.sourceType !== (acornOptions.sourceType ?? 'script')) {
            throw new Error('entry of another program');
          }
          if (comments) deliver(decodeOptions.onComment!, comments);
          stats.hits++;
          return program;
        } catch {
          stats.errors++; // damaged, truncated or foreign: replace it below
        }
      }
      stats.misses++;
      const bytes = encode(source, {
        sourceType: acornOptions.sourceType ?? 'script',
        comments: acornOptions.onComment != null,
        allowReturnOutsideFunction: acornOptions.allowReturnOutsideFunction === true,
        allowHashBang: acornOptions.allowHashBang !== false,
      });
      try {
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileAtomic(path, bytes);
      } catch {
        stats.errors++; // a read-only or full disk costs speed, not correctness
      }
      return decode(bytes, decodeOptions);
    },

    clear() {
      for (const fanout of readdirSync(dir)) {
        if (!FANOUT.test(fanout)) continue;
        const sub = join(dir, fanout);
        for (const name of readdirSync(sub)) {
          if (ENTRY.test(name) || name.endsWith(TEMP_SUFFIX)) rmSync(join(sub, name), { force: true });
        }
        try {
          rmdirSync(sub);
        } catch {
          // not empty (someone else's file, or a concurrent write): keep it
        }
      }
    },
  };
}

/** Hands decoded comments to acorn's onComment, array or callback form. */
function deliver(onComment: Comment[] | CommentCallback, comments: Comment[]): void {
  if (Array.isArray(onComment)) {
    onComment.push(...comments);
    return;
  }
  for (const c of comments as (Comment & { start: number; end: number })[]) {
    onComment(c.type === 'Block', c.value, c.start, c.end, c.loc?.start, c.loc?.end);
  }
}

/**
 * sha256 over the tree-shaping options and the source. Well-formed sources are hashed as
 * UTF-8; ones with lone surrogates as UTF-16, because UTF-8 would turn them into U+FFFD and
 * make "\uD800" and "\uFFFD" share an entry.
 */
export function cacheKey(source: string, options: AcornOptions): string {
  const wellFormed = (source as string & { isWellFormed?: () => boolean }).isWellFormed?.() ?? !/\p{Cs}/u.test(source);
  const head = JSON.stringify([
    FORMAT_VERSION,
    SCHEMA_HASH,
    options.sourceType ?? 'script',
    options.allowReturnOutsideFunction === true,
    options.allowHashBang !== false,
    options.onComment != null,
    wellFormed ? 'utf8' : 'utf16le',
  ]);
  return createHash('sha256')
    .update(`${head}\n`)
    .update(source, wellFormed ? 'utf8' : 'utf16le')
    .digest('hex');
}
