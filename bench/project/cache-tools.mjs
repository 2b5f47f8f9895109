// The AST cache's tools for the project-scale bench (issue #17), all with `locations: true`:
//
//   encode, parseLoc   what a miss cannot avoid: encoding, and encoding + decoding
//   cacheCold          binast/cache on an empty folder: every file a miss, stored
//   cacheWarm          binast/cache on a folder filled beforehand: every file a hit
//   cacheWarmFile      the same through parseFile(path): reads each file itself, and a recorded
//                      file (path, size, mtime, ctime, inode) skips hashing
//
// Beside decodeLoc (the bare decode of binaries already in memory) and acornLoc, they give the
// split: warm - decodeLoc is the cache's own cost on a hit, cold - parseLoc on a miss.
// The cache writes its packs after the trees are returned; so that those writes are timed, the
// tools flush inside their last call. BINAST_CACHE_BEFORE=/path/to/old/dist adds the same two
// rows for another build's cache ("before"), in the same run.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../corpus.mjs';
import { loadInputs, readManifest } from './corpus.mjs';
import { entryUrl } from './entry.mjs';

const loc = (file) => ({ ecmaVersion: 'latest', sourceType: file.sourceType, locations: true });
const importDist = (dir, entry) => import(entryUrl(dir, entry));

/** Calls `last()` inside the timed call for the corpus's last file. */
function countingDown(ctx, run, last) {
  let left = readManifest(ctx.corpusDir).files.length;
  return (input, file) => {
    const result = run(input, file);
    if (--left === 0) last();
    return result;
  };
}

function cacheTools(suffix, labelSuffix, distOf) {
  const dir = (ctx, name) => path.join(ctx.workDir, `${name}${suffix}`);
  const open = async (ctx, name) => {
    const { createCache } = await importDist(distOf(ctx), 'cache/index.js');
    return createCache({ dir: dir(ctx, name) });
  };
  /** Fills a cache folder in the parent (untimed), with parse or parseFile. */
  const fill = async (ctx, name, byFile) => {
    rmSync(dir(ctx, name), { recursive: true, force: true });
    const cache = await open(ctx, name);
    const manifest = readManifest(ctx.corpusDir);
    const sources = byFile ? [] : loadInputs(ctx.corpusDir, manifest, 'source');
    manifest.files.forEach((file, i) => {
      if (byFile) cache.parseFile(path.join(ROOT, 'node_modules', file.file), loc(file));
      else cache.parse(sources[i], loc(file));
    });
    cache.close?.();
  };
  const flushOf = (cache) => () => cache.flush?.();
  return [
    { id: `cacheCold${suffix}`, label: `binast cache, cold (all misses) +loc${labelSuffix}`, group: 'binast', input: 'source', cold: false,
      beforeRun(ctx) { rmSync(dir(ctx, 'cache-cold'), { recursive: true, force: true }); },
      async load(ctx) {
        const cache = await open(ctx, 'cache-cold');
        return countingDown(ctx, (source, file) => cache.parse(source, loc(file)), flushOf(cache));
      } },
    { id: `cacheWarm${suffix}`, label: `binast cache, warm (all hits) +loc${labelSuffix}`, group: 'binast', input: 'source', cold: false,
      prepare: (ctx) => fill(ctx, 'cache-warm', false),
      async load(ctx) {
        const cache = await open(ctx, 'cache-warm');
        return countingDown(ctx, (source, file) => cache.parse(source, loc(file)), flushOf(cache));
      } },
  ];
}

const here = (ctx) => ctx.binastDist;

export const CACHE_TOOLS = [
  { id: 'encode', label: 'binast encode (WASM)', group: 'binast', input: 'source', cold: false,
    async load(ctx) {
      const { encode } = await importDist(ctx.binastDist, 'node.js');
      return (source, file) => encode(source, { sourceType: file.sourceType });
    } },
  { id: 'parseLoc', label: 'binast parse +loc (encode+decode)', group: 'binast', input: 'source', cold: false,
    async load(ctx) {
      const { parse } = await importDist(ctx.binastDist, 'node.js');
      return (source, file) => parse(source, loc(file));
    } },
  ...cacheTools('', '', here),
  { id: 'cacheWarmFile', label: 'binast cache, warm, parseFile (reads each file) +loc', group: 'binast', input: 'source', cold: false,
    async prepare(ctx) {
      rmSync(path.join(ctx.workDir, 'cache-warm-file'), { recursive: true, force: true });
      const { createCache } = await importDist(ctx.binastDist, 'cache/index.js');
      const cache = createCache({ dir: path.join(ctx.workDir, 'cache-warm-file') });
      for (const file of readManifest(ctx.corpusDir).files) cache.parseFile(path.join(ROOT, 'node_modules', file.file), loc(file));
      cache.close();
    },
    async load(ctx) {
      const { createCache } = await importDist(ctx.binastDist, 'cache/index.js');
      const cache = createCache({ dir: path.join(ctx.workDir, 'cache-warm-file') });
      return countingDown(ctx, (_source, file) => cache.parseFile(path.join(ROOT, 'node_modules', file.file), loc(file)).program, () => cache.flush());
    } },
  ...(process.env.BINAST_CACHE_BEFORE ? cacheTools('Before', ' (before)', () => path.resolve(process.env.BINAST_CACHE_BEFORE)) : []),
];
