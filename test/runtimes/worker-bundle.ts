// Bundles a Worker the way Wrangler would: esbuild, ES module output, worker
// conditions, `binast` resolved through the package's `exports`; `*.wasm`
// imports stay imports of a sibling file, loaded as CompiledWasm modules.
import { build, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT } from './env.ts';

export interface WorkerBundle {
  /** the bundled worker (ES module) */
  script: string;
  /** the bundle's text, for checks on what it contains */
  code: string;
  /** absolute path the .wasm import resolved to -> the sibling file the worker imports */
  wasm: { resolved: string; path: string }[];
}

/**
 * `entry` is bundled into `outDir`. A bare `binast` import resolves as from an
 * installed package: `outDir/node_modules/binast` is a symlink to this repo.
 */
export async function bundleWorker(entry: string, outDir: string, name: string): Promise<WorkerBundle> {
  mkdirSync(join(outDir, 'node_modules'), { recursive: true });
  try {
    symlinkSync(REPO_ROOT, join(outDir, 'node_modules', 'binast'), 'dir');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const wasm: WorkerBundle['wasm'] = [];
  const wasmModules: Plugin = {
    name: 'wasm-modules',
    setup(b) {
      b.onResolve({ filter: /\.wasm$/ }, async (args) => {
        if (args.pluginData === 'wasm-modules') return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'wasm-modules',
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const file = basename(resolved.path);
        copyFileSync(resolved.path, join(outDir, file));
        wasm.push({ resolved: resolved.path, path: join(outDir, file) });
        return { path: `./${file}`, external: true };
      });
    },
  };
  const script = join(outDir, `${name}.js`);
  const result = await build({
    entryPoints: [entry],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    nodePaths: [join(outDir, 'node_modules')],
    target: 'es2022',
    logLevel: 'silent',
    metafile: true,
    write: false,
    plugins: [wasmModules],
  });
  const code = result.outputFiles.find((f) => f.path === script)!.text;
  writeFileSync(script, code);
  return { script, code, wasm };
}
