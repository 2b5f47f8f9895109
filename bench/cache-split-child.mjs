// One fresh process for bench/cache-split.mjs: a tool of bench/project over the whole corpus
// (wall and CPU time of the loop), or the cache's hit or miss path split into its phases.
//   node cache-split-child.mjs '<json: { tool | phases: "warm" | "cold", binastDist, corpusDir, workDir }>'
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadInputs, readManifest } from './project/corpus.mjs';
import { allTools } from './project/tools.mjs';

const ctx = JSON.parse(process.argv[2]);
const manifest = readManifest(ctx.corpusDir);
const files = manifest.files;
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const at = (entry) => import(pathToFileURL(path.join(ctx.binastDist, entry)).href);

if (ctx.tool) {
  const tool = allTools([]).find((t) => t.id === ctx.tool);
  const inputs = loadInputs(ctx.corpusDir, manifest, tool.input);
  const run = await tool.load(ctx);
  let keep;
  const wall = performance.now();
  const cpu = cpuMs();
  for (let i = 0; i < files.length; i++) keep = run(inputs[i], files[i]);
  process.stdout.write(JSON.stringify({ wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu, ok: typeof keep === 'object' }));
} else {
  // The cache's own steps, timed one by one per file (performance.now), in a fresh process.
  const { sourceKey } = await at('cache/hash.js');
  const { PackStore } = await at('cache/store.js');
  const { treeShape } = await at('cache/options.js');
  const { nativePlan } = await at('parse.js');
  const { decode, encode } = await at('node.js');
  const sources = loadInputs(ctx.corpusDir, manifest, 'source');
  const warm = ctx.phases === 'warm';
  const dir = path.join(ctx.workDir, warm ? 'cache-warm' : 'cache-split-cold');
  if (!warm) rmSync(dir, { recursive: true, force: true });
  const fail = (error) => { throw error; };
  const store = new PackStore(dir, { flushBytes: 16 << 20, touchAfterMs: 3_600_000 }, fail, () => {});
  const t = { options: 0, key: 0, lookup: 0, encode: 0, decode: 0, store: 0 };
  let keep;
  const wall = performance.now();
  for (let i = 0; i < files.length; i++) {
    const options = { ecmaVersion: 'latest', sourceType: files[i].sourceType, locations: true };
    let a = performance.now();
    const plan = nativePlan(sources[i], options);
    let b = performance.now(); t.options += b - a;
    const key = sourceKey(sources[i], treeShape(plan));
    a = performance.now(); t.key += a - b;
    let bytes = store.read(key, sources[i].length);
    b = performance.now(); t.lookup += b - a;
    const miss = bytes === undefined;
    if (miss) {
      bytes = encode(sources[i], plan.encode);
      a = performance.now(); t.encode += a - b; b = a;
    }
    keep = decode(bytes, plan.decode);
    a = performance.now(); t.decode += a - b;
    if (miss) {
      store.add({ key, bytes, sourceLength: sources[i].length });
      if (i === files.length - 1) store.flush();
      b = performance.now(); t.store += b - a;
    }
  }
  const total = performance.now() - wall;
  process.stdout.write(JSON.stringify({ wallMs: total, phases: t, ok: typeof keep === 'object' }));
}
