// binast/plugin: emits `<chunk>.binast` beside every JavaScript chunk a bundler writes, and
// `binast-manifest.json` mapping chunks to them. Built on unplugin, but the work needs each
// bundler's final output, which unplugin's shared hooks do not see, so each bundler gets its
// own hook: rollup/rolldown/vite generateBundle (order 'post', after other plugins rewrote
// chunks), webpack processAssets at the ANALYSE stage (after minification and real content
// hashes), esbuild onEnd (outputFiles when write is false, else the written files).
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createUnplugin, type UnpluginInstance } from 'unplugin';
import { initSync } from '../node-init.ts';
import { writeFileAtomic } from '../cache/atomic.ts';
import type { SourceType } from '../cli/source-type.ts';
import { encodeChunks, manifestJson, type Chunk, type Emitted } from './emit.ts';
import { createFilter, type FilterOption } from './filter.ts';

// The WASM encoder, ready before anything here runs (node-init.ts).
initSync();

export type { Manifest, ManifestEntry } from './emit.ts';
export type { FilterOption, Pattern } from './filter.ts';

export interface BinastPluginOptions {
  /** Chunks to encode (globs or RegExps over the file name in the output folder); default every .js/.mjs/.cjs chunk. */
  include?: FilterOption;
  /** Chunks not to encode, even when included. */
  exclude?: FilterOption;
  /** Store comments in the .binast files (decode's onComment can then return them). */
  comments?: boolean;
  /** Parse chunks as this; default from the output format (ES module output -> 'module', else 'script'). */
  sourceType?: SourceType;
  /** Name of the manifest in the output folder; false for none. Default 'binast-manifest.json'. */
  manifest?: string | false;
}

const NAME = 'binast';

/** Rollup/Vite/Rolldown output format -> how its chunks parse. */
function formatSourceType(format: string | undefined): SourceType | undefined {
  if (format === undefined) return undefined;
  return format === 'es' || format === 'esm' || format === 'module' ? 'module' : 'script';
}

interface RollupLikeChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
}

interface RollupLikeContext {
  emitFile(file: { type: 'asset'; fileName: string; source: string | Uint8Array }): string;
  warn(message: string): void;
}

export const binast: UnpluginInstance<BinastPluginOptions | undefined, false> = createUnplugin<BinastPluginOptions | undefined, false>(
  (rawOptions = {}) => {
    const options = checkOptions(rawOptions);
    const selected = createFilter(options.include, options.exclude);
    const comments = options.comments === true;
    const manifestName = options.manifest === undefined ? 'binast-manifest.json' : options.manifest;

    const run = (chunks: Chunk[]): Emitted => encodeChunks(chunks.filter((c) => selected(c.fileName)), comments);
    const failureText = (f: { fileName: string; message: string }): string => `${NAME}: cannot encode ${f.fileName}: ${f.message}`;

    // Rollup, Rolldown and Vite (8 runs on Rolldown) share the generateBundle contract.
    const generateBundle = {
      order: 'post' as const,
      handler(this: RollupLikeContext, outputOptions: { format?: string }, bundle: Record<string, RollupLikeChunk>): void {
        const sourceType = options.sourceType ?? formatSourceType(outputOptions.format);
        const chunks = Object.values(bundle)
          .filter((item) => item.type === 'chunk' && typeof item.code === 'string')
          .map((item) => ({ fileName: item.fileName, code: item.code!, sourceType }));
        const { files, manifest, failures } = run(chunks);
        for (const failure of failures) this.warn(failureText(failure));
        for (const file of files) this.emitFile({ type: 'asset', fileName: file.fileName, source: file.bytes });
        if (manifestName) this.emitFile({ type: 'asset', fileName: manifestName, source: manifestJson(manifest) });
      },
    };

    return {
      name: NAME,
      enforce: 'post',
      rollup: { generateBundle } as never,
      rolldown: { generateBundle } as never,
      vite: { apply: 'build', generateBundle } as never,

      webpack(compiler) {
        const { Compilation, WebpackError, sources } = compiler.webpack;
        const sourceType =
          options.sourceType ?? (compiler.options.output.module === true ? 'module' : 'script');
        compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
          compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, () => {
            const chunks: Chunk[] = [];
            for (const asset of compilation.getAssets()) {
              if (asset.name.endsWith('.binast') || !selected(asset.name)) continue;
              const code = asset.source.source();
              chunks.push({ fileName: asset.name, code: typeof code === 'string' ? code : code.toString('utf8'), sourceType });
            }
            const { files, manifest, failures } = run(chunks);
            for (const failure of failures) compilation.warnings.push(new WebpackError(failureText(failure)));
            const emit = (name: string, data: Uint8Array | string): void => {
              const source = new sources.RawSource(typeof data === 'string' ? data : Buffer.from(data));
              if (compilation.getAsset(name)) compilation.updateAsset(name, source);
              else compilation.emitAsset(name, source, { binast: true });
            };
            for (const file of files) emit(file.fileName, file.bytes);
            if (manifestName) emit(manifestName, manifestJson(manifest));
          });
        });
      },

      esbuild: {
        setup(build) {
          const initial = build.initialOptions;
          // With write (the default) esbuild reports no output files; the metafile lists them.
          if (initial.write !== false) initial.metafile = true;
          build.onEnd((result) => {
            if (result.errors.length > 0) return;
            const cwd = initial.absWorkingDir ?? process.cwd();
            const outdir = initial.outdir
              ? resolve(cwd, initial.outdir)
              : initial.outfile
                ? dirname(resolve(cwd, initial.outfile))
                : cwd;
            const sourceType = options.sourceType ?? esbuildSourceType(initial);
            const name = (path: string): string => relative(outdir, path).split(sep).join('/');
            if (result.outputFiles) {
              const chunks = result.outputFiles
                .filter((file) => !file.path.endsWith('.binast'))
                .map((file) => ({ fileName: name(file.path), code: file.text, sourceType }));
              const { files, manifest, failures } = run(chunks);
              for (const failure of failures) console.warn(`[${NAME}] ${failureText(failure)}`);
              for (const file of files) result.outputFiles.push(outputFile(join(outdir, file.fileName), file.bytes));
              if (manifestName) result.outputFiles.push(outputFile(join(outdir, manifestName), Buffer.from(manifestJson(manifest))));
              return;
            }
            const written = Object.keys(result.metafile?.outputs ?? {}).map((path) => resolve(cwd, path));
            const chunks = written
              .filter((path) => selected(name(path)))
              .map((path) => ({ fileName: name(path), code: readFileSync(path, 'utf8'), sourceType }));
            const { files, manifest, failures } = run(chunks);
            for (const failure of failures) console.warn(`[${NAME}] ${failureText(failure)}`);
            for (const file of files) {
              const target = join(outdir, file.fileName);
              mkdirSync(dirname(target), { recursive: true });
              writeFileAtomic(target, file.bytes);
            }
            if (manifestName) {
              mkdirSync(outdir, { recursive: true });
              writeFileAtomic(join(outdir, manifestName), manifestJson(manifest));
            }
          });
        },
      },
    };
  },
);

/**
 * esbuild's format decides: 'esm' -> module, 'cjs'/'iife' -> script. Without one, bundles
 * are iife (browser) or cjs (node) and 'neutral' bundles esm; unbundled output keeps each
 * file's own syntax, so it is detected per file.
 */
function esbuildSourceType(options: { format?: string; bundle?: boolean; platform?: string }): SourceType | undefined {
  if (options.format) return options.format === 'esm' ? 'module' : 'script';
  if (options.platform === 'neutral') return 'module';
  return options.bundle ? 'script' : undefined;
}

function outputFile(path: string, contents: Uint8Array): { path: string; contents: Uint8Array; hash: string; readonly text: string } {
  return {
    path,
    contents,
    hash: '',
    get text() {
      return Buffer.from(contents).toString('utf8');
    },
  };
}

function checkOptions(options: BinastPluginOptions): BinastPluginOptions {
  if (options === null || typeof options !== 'object') throw new TypeError(`${NAME} plugin: options must be an object`);
  const known = new Set(['include', 'exclude', 'comments', 'sourceType', 'manifest']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new TypeError(`${NAME} plugin: unknown option "${key}"`);
  }
  if (options.sourceType !== undefined && options.sourceType !== 'module' && options.sourceType !== 'script') {
    throw new TypeError(`${NAME} plugin: sourceType must be 'module' or 'script'`);
  }
  return options;
}

export default binast;
export const vite = binast.vite;
export const rollup = binast.rollup;
export const rolldown = binast.rolldown;
export const webpack = binast.webpack;
export const esbuild = binast.esbuild;
