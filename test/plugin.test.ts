// binast/plugin in real builds of test/fixtures/plugin-project with Vite, Rollup, esbuild and
// webpack: every emitted .binast must decode to exactly acorn's tree of the emitted chunk.
import * as acorn from 'acorn';
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollup, type RollupLog } from 'rollup';
import { build as viteBuild } from 'vite';
import webpack from 'webpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, FORMAT_VERSION, SCHEMA_HASH } from '../ts/decode/index.ts';
import binast, { type Manifest } from '../ts/plugin/index.ts';
import { createFilter, globToRegExp } from '../ts/plugin/filter.ts';
import { firstDifference } from './helpers/canonical.ts';
import { referenceModuleInfo } from './helpers/module-reference.ts';
import { docExample, ensureBuilt, makeProject, removeTempDirs, run } from './cli-helpers.ts';

afterAll(removeTempDirs);

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

/**
 * Checks an output folder: the manifest lists exactly the JavaScript chunks (minus
 * `skipped`), each .binast on disk is listed, and each decodes (also with locations and
 * ranges) to exactly what acorn parses from the emitted chunk.
 */
function checkOutput(outdir: string, { manifestName = 'binast-manifest.json', skipped = [] as string[] } = {}): Manifest {
  const manifest = JSON.parse(readFileSync(join(outdir, manifestName), 'utf8')) as Manifest;
  // What a consumer compares with binast/decode's constants, in their own form.
  expect(manifest.formatVersion).toBe(FORMAT_VERSION);
  expect(manifest.schemaHash).toBe(SCHEMA_HASH);
  const files = filesUnder(outdir);
  const chunks = files.filter((f) => /\.(?:js|mjs|cjs)$/.test(f));
  expect(Object.keys(manifest.chunks).sort()).toEqual(chunks.filter((c) => !skipped.includes(c)));
  expect(files.filter((f) => f.endsWith('.binast'))).toEqual(Object.values(manifest.chunks).map((e) => e.binast).sort());
  for (const [chunk, entry] of Object.entries(manifest.chunks)) {
    const code = readFileSync(join(outdir, chunk), 'utf8');
    const bytes = readFileSync(join(outdir, entry.binast));
    expect(entry.size).toBe(Buffer.byteLength(code));
    expect(entry.binastSize).toBe(bytes.length);
    for (const positions of [{}, { locations: true, ranges: true }]) {
      const expected = acorn.parse(code, { ecmaVersion: 'latest', sourceType: entry.sourceType, ...positions });
      expect(firstDifference(decode(bytes, positions), expected), `${chunk} ${JSON.stringify(positions)}`).toBeNull();
    }
    // The chunk's imports, as acorn's tree has them; the chunks they name are in the build.
    const records = referenceModuleInfo(acorn.parse(code, { ecmaVersion: 'latest', sourceType: entry.sourceType }) as never);
    const statics = [...records.imports, ...records.exports].filter((r) => r.source !== null).sort((a, b) => a.start - b.start);
    expect(entry.imports).toEqual([...new Set(statics.map((r) => r.source))]);
    expect(entry.dynamicImports).toEqual([...new Set(records.dynamicImports.flatMap((d) => (d.source === null ? [] : [d.source])))]);
    for (const name of [...entry.importedChunks, ...entry.dynamicImportedChunks]) expect(manifest.chunks[name], name).toBeDefined();
  }
  expect(manifest.failed).toBeUndefined();
  return manifest;
}

async function webpackBuild(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) =>
    webpack(config, (error, stats) => (error ? reject(error) : stats!.hasErrors() ? reject(new Error(stats!.toString())) : resolve(stats!))),
  );
}

describe('builds', () => {
  it('Vite (Rolldown): hashed chunks in assets/, ES modules', async () => {
    const root = makeProject('plugin-vite');
    const outDir = join(root, 'dist');
    await viteBuild({ root, configFile: false, logLevel: 'silent', build: { outDir }, plugins: [binast.vite()] });
    const manifest = checkOutput(outDir);
    const chunks = Object.keys(manifest.chunks);
    expect(chunks.length).toBeGreaterThanOrEqual(2); // the entry and the dynamic import
    expect(chunks.every((c) => /^assets\/.+-[\w-]+\.js$/.test(c))).toBe(true);
    expect(Object.values(manifest.chunks).every((e) => e.sourceType === 'module')).toBe(true);
    // The entry loads the lazy chunk on demand; the lazy chunk needs the entry's shared code.
    const entry = chunks.find((c) => manifest.chunks[c]!.dynamicImportedChunks.length > 0)!;
    const lazy = manifest.chunks[entry]!.dynamicImportedChunks[0]!;
    expect(lazy).toMatch(/^assets\/lazy-/);
    expect(manifest.chunks[lazy]!.importedChunks.length).toBeGreaterThan(0);
  });

  it('Rollup: one manifest per output, sourceType from the format', async () => {
    const root = makeProject('plugin-rollup');
    const bundle = await rollup({ input: join(root, 'src', 'main.js'), plugins: [binast.rollup()] });
    await bundle.write({ dir: join(root, 'es'), format: 'es' });
    await bundle.write({ dir: join(root, 'cjs'), format: 'cjs' });
    await bundle.close();
    const es = checkOutput(join(root, 'es'));
    const cjs = checkOutput(join(root, 'cjs'));
    expect(Object.keys(es.chunks).length).toBeGreaterThanOrEqual(2);
    expect(Object.values(es.chunks).map((e) => e.sourceType)).not.toContain('script');
    expect(Object.values(cjs.chunks).map((e) => e.sourceType)).not.toContain('module');
  });

  it('esbuild: written files (metafile) and write: false (outputFiles)', async () => {
    const root = makeProject('plugin-esbuild');
    const options: esbuild.BuildOptions = {
      entryPoints: [join(root, 'src', 'main.js')],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      logLevel: 'silent',
    };
    await esbuild.build({ ...options, outdir: join(root, 'out'), plugins: [binast.esbuild()] });
    expect(Object.keys(checkOutput(join(root, 'out')).chunks).length).toBeGreaterThanOrEqual(3); // entry, lazy, shared

    const inMemory = await esbuild.build({ ...options, outdir: join(root, 'mem'), write: false, plugins: [binast.esbuild()] });
    const byPath = new Map(inMemory.outputFiles!.map((f) => [f.path, f]));
    const manifestFile = byPath.get(join(root, 'mem', 'binast-manifest.json'));
    const manifest = JSON.parse(manifestFile!.text) as Manifest;
    expect(Object.keys(manifest.chunks).length).toBeGreaterThanOrEqual(3);
    for (const [chunk, entry] of Object.entries(manifest.chunks)) {
      const code = byPath.get(join(root, 'mem', chunk))!.text;
      const bytes = byPath.get(join(root, 'mem', entry.binast))!.contents;
      expect(firstDifference(decode(bytes), acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' }))).toBeNull();
    }
  });

  it('webpack: minified production chunks, scripts', async () => {
    const root = makeProject('plugin-webpack');
    await webpackBuild({ mode: 'production', context: root, entry: './src/main.js', output: { path: join(root, 'out') }, plugins: [binast.webpack()] });
    const manifest = checkOutput(join(root, 'out'));
    expect(Object.keys(manifest.chunks).length).toBeGreaterThanOrEqual(2);
    expect(Object.values(manifest.chunks).every((e) => e.sourceType === 'script')).toBe(true);
  });
});

describe('options', () => {
  it('include/exclude, manifest name and comments (Rollup and webpack)', async () => {
    const root = makeProject('plugin-filter');
    const bundle = await rollup({
      input: join(root, 'src', 'main.js'),
      plugins: [binast.rollup({ exclude: ['**/lazy-*.js'], manifest: 'ast.json', comments: true })],
    });
    await bundle.write({ dir: join(root, 'rollup'), format: 'es', entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' });
    const lazy = filesUnder(join(root, 'rollup')).filter((f) => f.startsWith('chunks/lazy-') && f.endsWith('.js'));
    expect(lazy).toHaveLength(1);
    const manifest = checkOutput(join(root, 'rollup'), { manifestName: 'ast.json', skipped: lazy });
    const comments: acorn.Comment[] = [];
    // main.js re-exports from chunks/main-<hash>.js, which holds the code (and comments).
    const mainChunk = Object.keys(manifest.chunks).find((c) => c.startsWith('chunks/main-'))!;
    decode(readFileSync(join(root, 'rollup', manifest.chunks[mainChunk]!.binast)), { onComment: comments as never });
    expect(comments.map((c) => c.value)).toContain(' One line per part (bundlers keep comments inside functions).');

    await webpackBuild({
      mode: 'development',
      devtool: false,
      context: root,
      entry: './src/main.js',
      output: { path: join(root, 'webpack'), chunkFilename: 'lazy-[id].js' },
      plugins: [binast.webpack({ include: /^main\.js$/ })],
    });
    const skipped = filesUnder(join(root, 'webpack')).filter((f) => f.startsWith('lazy-') && f.endsWith('.js'));
    expect(skipped.length).toBeGreaterThan(0);
    expect(Object.keys(checkOutput(join(root, 'webpack'), { skipped }).chunks)).toEqual(['main.js']);
  });

  it('warns and lists a chunk it cannot encode, and the build goes on', async () => {
    const root = makeProject('plugin-fail');
    const warnings: RollupLog[] = [];
    const bundle = await rollup({
      input: join(root, 'src', 'main.js'),
      plugins: [binast.rollup({ sourceType: 'script' })], // ES output has import/export: not a script
      onwarn: (warning) => void warnings.push(warning),
    });
    await bundle.write({ dir: join(root, 'out'), format: 'es' });
    const manifest = JSON.parse(readFileSync(join(root, 'out', 'binast-manifest.json'), 'utf8')) as Manifest;
    expect(Object.keys(manifest.failed ?? {})).toContain('main.js');
    expect(manifest.failed!['main.js']).toMatch(/\(\d+:\d+\)$/);
    expect(warnings.some((w) => /binast: cannot encode main\.js/.test(w.message))).toBe(true);
    expect(filesUnder(join(root, 'out'))).toContain('main.js');
  });

  it('refuses unknown options', () => {
    expect(() => binast.rollup({ exlcude: [] } as never)).toThrow(/unknown option "exlcude"/);
    expect(() => binast.rollup({ sourceType: 'commonjs' } as never)).toThrow(/sourceType/);
  });

  it('matches globs and RegExps against the chunk path', () => {
    const f = (include?: Parameters<typeof createFilter>[0], exclude?: Parameters<typeof createFilter>[1]) => createFilter(include, exclude);
    expect(f()('assets/a.js')).toBe(true);
    expect(f()('assets/a.css')).toBe(false);
    expect(f('*.js')('assets/deep/a.js')).toBe(true); // no slash: the base name
    expect(f('assets/*.js')('assets/deep/a.js')).toBe(false);
    expect(f('assets/**/*.js')('assets/deep/a.js')).toBe(true);
    expect(f('assets/**/*.js')('assets/a.js')).toBe(true);
    expect(f('**/*.{js,mjs}')('x/y.mjs')).toBe(true);
    expect(f(undefined, ['**/legacy-*.js'])('legacy-1.js')).toBe(false);
    expect(f(undefined, [/vendor/])('assets/vendor-1.js')).toBe(false);
    expect(f(/a/g)('a.js') && f(/a/g)('a.js')).toBe(true); // no lastIndex state
    expect(globToRegExp('a?.js').test('ab.js')).toBe(true);
    expect(globToRegExp('a?.js').test('a/.js')).toBe(false);
  });
});

describe('README.md', () => {
  beforeAll(ensureBuilt, 120_000);

  it('the Vite config example builds the fixture project with `vite build`', () => {
    const root = makeProject('plugin-doc', ['vite']);
    writeFileSync(join(root, 'vite.config.js'), docExample('vite'));
    const r = run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(checkOutput(join(root, 'dist')).chunks).length).toBeGreaterThanOrEqual(2);
  });
});
