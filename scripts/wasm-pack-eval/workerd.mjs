// node workerd.mjs WORK: init(module) in workerd (Miniflare) for the loader and for wasm-pack's web
// glue (alone and under glue-loader.js): encode lodash.js (compared with Node's bytes), then a
// source nested too deeply, then small encodes. Workers bundled with esbuild, .wasm as CompiledWasm.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';

const WORK = process.argv[2];
const dir = join(WORK, 'workerd');
mkdirSync(dir, { recursive: true });
const show = `const show = (e) => \`\${e?.constructor?.name}\${e?.code ? ' ' + e.code : ''}: \${String(e?.message ?? e).slice(0, 100)}\`;`;
const apiWorker = `import { init, encode } from 'API'; import wasm from 'WASM'; ${show}
export default { async fetch(request) {
  await init(wasm);
  if (new URL(request.url).pathname === '/encode') return new Response(encode(await request.text()));
  const log = ['init(module): ok'];
  try { encode('('.repeat(100_000)); log.push('deep: ok'); } catch (e) { log.push('deep: ' + show(e)); }
  for (let i = 1; i <= 2; i++) { try { log.push('next: ok ' + encode('x = [1, 2, 3]').length + ' B'); } catch (e) { log.push('next: ' + show(e)); } }
  return new Response(log.join('; '));
} };`;
const glueWorker = `import init, { encode } from 'API'; import wasm from 'WASM'; ${show}
export default { async fetch(request) {
  await init({ module_or_path: wasm });
  if (new URL(request.url).pathname === '/encode') return new Response(encode(await request.text(), 0));
  const log = ['init({ module_or_path: module }): ok'];
  try { encode('('.repeat(100_000), 0); log.push('deep: ok'); } catch (e) { log.push('deep: ' + show(e)); }
  for (let i = 1; i <= 2; i++) { try { log.push('next: ok ' + encode('x = [1, 2, 3]', 0).length + ' B'); } catch (e) { log.push('next: ' + show(e)); } }
  return new Response(log.join('; '));
} };`;
const workers = {
  loader: [apiWorker, 'base/dist/index.js', 'base/wasm/binast.wasm'],
  'wasm-pack-glue': [glueWorker, 'wp/pkg/binast.js', 'wp/pkg/binast_bg.wasm'],
  'glue-loader': [apiWorker, 'wp/dist/index.js', 'wp/pkg/binast_bg.wasm'],
};
for (const [name, [source, api, wasm]] of Object.entries(workers)) {
  await build({
    stdin: { contents: source, resolveDir: WORK, loader: 'js' }, outfile: join(dir, `${name}.js`), bundle: true, format: 'esm',
    platform: 'neutral', target: 'es2022', logLevel: 'error',
    plugins: [{ name: 'alias', setup(b) {
      b.onResolve({ filter: /^API$/ }, () => ({ path: join(WORK, api) }));
      b.onResolve({ filter: /^WASM$/ }, () => { writeFileSync(join(dir, `${name}.wasm`), readFileSync(join(WORK, wasm))); return { path: `./${name}.wasm`, external: true }; });
    } }],
  });
}
const require = createRequire(import.meta.url);
console.log(`workerd ${createRequire(require.resolve('miniflare'))('workerd/package.json').version}, miniflare ${require('miniflare/package.json').version}`);
const mf = new Miniflare({
  workers: Object.keys(workers).map((name) => ({
    name, compatibilityDate: '2026-07-01', modulesRoot: dir,
    modules: [{ type: 'ESModule', path: join(dir, `${name}.js`) }, { type: 'CompiledWasm', path: join(dir, `${name}.wasm`) }],
  })),
});
const lodash = readFileSync(join(WORK, 'node_modules/lodash/lodash.js'), 'utf8');
const expected = Buffer.from((await import(pathToFileURL(join(WORK, 'base/dist/node.js')).href)).encode(lodash));
try {
  await mf.ready;
  for (const name of Object.keys(workers)) {
    const w = await mf.getWorker(name);
    const r = await w.fetch('http://x/encode', { method: 'POST', body: lodash });
    const body = Buffer.from(await r.arrayBuffer());
    console.log(`${name}: lodash.js -> HTTP ${r.status}, identical to Node's: ${body.equals(expected)}; ${await (await w.fetch('http://x/traps')).text()}`);
  }
} finally {
  await mf.dispose();
}
