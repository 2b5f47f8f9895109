// node measure.mjs WORK: the Node side of the comparison (run.sh prepares WORK).
// Builds in WORK: base (the repo's dist/ and wasm/), base132 (same, the cargo output through the
// newer wasm-opt), wp (wasm-pack's web glue + glue-loader.js), wbr (wasm-bindgen's glue with
// __wbg_reset_state, same .wasm). Times are process CPU time (robust on a shared machine).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { loadCorpus } from '../../bench/corpus.mjs';

const WORK = process.argv[2];
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const PROCESSES = Number(process.env.PROCESSES ?? 40);
const HEAVY = process.env.HEAVY === '1';
const at = (p) => join(WORK, p);
const url = (p) => pathToFileURL(at(p)).href;
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const node = (args, script) => spawnSync(process.execPath, [...args, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: WORK, maxBuffer: 1 << 26 });

console.log('\n-- sizes: bytes raw / gzip -9 / brotli 11');
const sizes = (label, bytes) => console.log(`${label.padEnd(58)} ${bytes.length} / ${gzipSync(bytes, { level: 9 }).length} / ${brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length}`);
sizes('wasm: loader, shipped (repo wasm-opt)', readFileSync(at('base/wasm/binast.wasm')));
sizes('wasm: loader, newer wasm-opt', readFileSync(at('base132/wasm/binast.wasm')));
sizes('wasm: wasm-pack, newer wasm-opt', readFileSync(at('wp/pkg/binast_bg.wasm')));
for (const [label, file] of [['js: ts/wasm-loader.ts (dist), minified', 'base/dist/wasm-loader.js'], ['js: wasm-pack glue, minified', 'wp/pkg/binast.js'], ['js: glue-loader.js on top of the glue, minified', 'wp/dist/wasm-loader.js']]) {
  const out = await build({ entryPoints: [at(file)], bundle: false, minify: true, format: 'esm', write: false, logLevel: 'silent' });
  sizes(label, Buffer.from(out.outputFiles[0].contents));
}

const builds = ['base', 'base132', 'wp', 'wbr'];
const apis = [];
for (const b of builds) apis.push(await import(url(`${b}/dist/node.js`)));
const corpus = loadCorpus();
console.log('\n-- identical output (8 corpus files with comments, a syntax error, non-ASCII)');
let different = 0;
for (const source of [...corpus.map((f) => f.source), 'let x = ;', 'const café = "漢字"; x = 1']) {
  const outs = apis.map((a) => { try { return Buffer.from(a.encode(source, { comments: true })).toString('base64'); } catch (e) { return `${e.name} ${e.message} ${e.pos}`; } });
  if (!outs.every((o) => o === outs[0])) different++;
}
console.log(different === 0 ? 'all builds identical' : `${different} inputs DIFFER`);
try { apis[2].encode('x = "\uD800"'); } catch (e) { console.log(`lone surrogate through glue-loader.js: ${e.code}`); }
const { decode } = await import(url('base/dist/decode/index.js'));
const glue = await import(url('wp/pkg/binast.js'));
const raw = glue.initSync({ module: readFileSync(at('wp/pkg/binast_bg.wasm')) }); // its own instance (wp's loader has one too)
const lone = decode(glue.encode('x = "\uD800"', 0)).body[0].expression.right.value;
console.log(`lone surrogate through the glue alone: encodes, the string becomes U+${lone.charCodeAt(0).toString(16).toUpperCase()}`);

console.log(`\n-- encode, interleaved, ${ROUNDS} rounds; median CPU ms per call`);
const small = [
  { name: 'tiny(13 B)', source: 'x = [1, 2, 3]', sourceType: 'script' },
  { name: 'picocolors(2.6 KB)', source: readFileSync(at('node_modules/picocolors/picocolors.js'), 'utf8'), sourceType: 'script' },
];
const ab = [0, 1, 2];
const files = [...corpus, ...small];
const cpu = ab.map(() => files.map(() => []));
let keep;
for (let r = 0; r < ROUNDS + 2; r++) {
  files.forEach((f, fi) => {
    const reps = Math.min(2000, Math.max(1, Math.round(1e6 / f.source.length)));
    for (let k = 0; k < ab.length; k++) {
      const b = ab[(k + r) % ab.length];
      const c0 = process.cpuUsage();
      for (let i = 0; i < reps; i++) keep = apis[b].encode(f.source, { sourceType: f.sourceType });
      const c = process.cpuUsage(c0);
      if (r >= 2) cpu[b][fi].push((c.user + c.system) / 1000 / reps);
    }
  });
}
void keep;
console.log(['build', ...files.map((f) => f.name), 'sum(8 files)'].join('\t'));
for (const b of ab) {
  const v = files.map((_, fi) => med(cpu[b][fi]));
  console.log([builds[b], ...v.map((x) => (x < 1 ? x.toFixed(4) : x.toFixed(2))), v.slice(0, corpus.length).reduce((a, c) => a + c, 0).toFixed(1)].join('\t'));
}
const ts = corpus.find((f) => f.name === 'typescript').source;
const mem = new Uint8Array(ts.length * 3);
const copy = { glue: [], encodeInto: [] };
const enc = new TextEncoder();
for (let r = 0; r < 25; r++) {
  let c0 = process.cpuUsage();
  for (let i = 0; i < ts.length; i++) { const code = ts.charCodeAt(i); if (code > 0x7f) break; mem[i] = code; } // passStringToWasm0's ASCII loop
  let c = process.cpuUsage(c0); copy.glue.push((c.user + c.system) / 1000);
  c0 = process.cpuUsage(); enc.encodeInto(ts, mem); c = process.cpuUsage(c0); copy.encodeInto.push((c.user + c.system) / 1000);
}
console.log(`typescript.js into memory: glue's per-character copy ${med(copy.glue).toFixed(2)} ms, encodeInto ${med(copy.encodeInto).toFixed(2)} ms`);

console.log(`\n-- sync start-up in Node: ${PROCESSES} fresh processes each; median ms [min]`);
const entries = {};
for (const b of ['base', 'wp']) {
  entries[b] = at(`bare-${b}.mjs`);
  writeFileSync(entries[b], `import { initSync } from './${b}/dist/node-init.js';\ninitSync();\nimport { encodeRaw } from './${b}/dist/wasm-loader.js';\nexport const encode = (s) => encodeRaw(s, 0).bytes;\n`);
}
const startup = Object.fromEntries(Object.keys(entries).map((k) => [k, { import: [], first: [] }]));
for (let i = 0; i < PROCESSES; i++) {
  for (const [k, e] of Object.entries(entries)) {
    const r = node([], `const t0 = performance.now(); const api = await import(${JSON.stringify(pathToFileURL(e).href)}); const t1 = performance.now(); api.encode('x = [1, 2, 3]'); console.log(JSON.stringify([t1 - t0, performance.now() - t1]));`);
    const [imp, first] = JSON.parse(r.stdout);
    startup[k].import.push(imp); startup[k].first.push(first);
  }
}
for (const [k, v] of Object.entries(startup)) console.log(`${k}: import (compile + instantiate) ${med(v.import).toFixed(1)} [${Math.min(...v.import).toFixed(1)}], first encode ${med(v.first).toFixed(1)} [${Math.min(...v.first).toFixed(1)}]`);

console.log('\n-- traps, then three small encodes (fresh process each)');
const cases = { jsstack: [[], "'('.repeat(100_000)"], wasmstack: [['--stack-size=7000'], "'if (a) '.repeat(60_000) + ';'"] };
if (HEAVY) {
  cases.big = [[], "Array.from({ length: 11 }, () => readFileSync('node_modules/typescript/lib/typescript.js', 'utf8')).join('\\n;\\n')"];
  cases.oom = [[], "'[' + '0,'.repeat(150_000_000) + ']'"];
}
for (const [name, [flags, expr]] of Object.entries(cases)) {
  for (const b of ['base', 'wp', 'wbr']) {
    const r = node(flags, `import { readFileSync } from 'node:fs';
      const api = await import('./${b}/dist/node.js'); const loader = await import('./${b}/dist/wasm-loader.js');
      const out = [];
      try { api.encode(${expr}); out.push('ok'); } catch (e) { out.push(e.code + ' (' + (e.cause?.constructor.name ?? '') + ')'); }
      for (let i = 0; i < 3; i++) { try { api.encode('x = [1, 2, 3]'); out.push('ok'); } catch (e) { out.push(e.code); } }
      const m = ${b === 'wp' ? 'NaN' : 'loader.wasmMemoryBytes()'};
      console.log(out.join(', ') + (Number.isNaN(m) ? '' : ', memory then ' + (m / 2 ** 20).toFixed(1) + ' MiB'));`);
    console.log(`${name.padEnd(9)} ${b.padEnd(4)} ${r.stdout.trim() || r.stderr.trim().split('\n').at(-1)}`);
  }
}

console.log('\n-- the glue alone: repeated JS stack overflows (nothing restores the shadow stack pointer)');
const sp0 = raw.__stack_pointer.value;
for (let i = 1; i <= 40; i++) {
  try { glue.encode('('.repeat(100_000), 0); } catch {}
  let next;
  try { next = `ok`; glue.encode('x = [1, 2, 3]', 0); } catch (e) { next = `${e.constructor.name}: ${e.message}`; }
  const sp = raw.__stack_pointer.value | 0;
  if (i <= 2 || next !== 'ok') console.log(`trap #${i}: stack pointer ${sp} (${((sp0 - sp) / 1024).toFixed(0)} KiB lost); next encode: ${next}`);
  if (next !== 'ok') break;
}
if (HEAVY) {
  console.log('\n-- the glue alone: linear memory after a 100 MB source and after running out of memory');
  const r = node(['--expose-gc'], `import { readFileSync } from 'node:fs';
    const glue = await import('./wp/pkg/binast.js'); const raw = glue.initSync({ module: readFileSync('wp/pkg/binast_bg.wasm') });
    const mib = () => (raw.memory.buffer.byteLength / 2 ** 20).toFixed(0) + ' MiB (RSS ' + (process.memoryUsage().rss / 2 ** 20).toFixed(0) + ' MiB)';
    glue.encode(Array.from({ length: 11 }, () => readFileSync('node_modules/typescript/lib/typescript.js', 'utf8')).join('\\n;\\n'), 0); glue.encode('x = 1', 0);
    console.log('after a 100 MB source and x = 1: ' + mib());
    try { glue.encode('[' + '0,'.repeat(150_000_000) + ']', 0); } catch (e) { console.log('out of memory: ' + e.constructor.name + ': ' + e.message); }
    glue.encode('x = 1', 0); gc(); console.log('after that and x = 1: ' + mib());`);
  console.log(r.stdout.trim() || r.stderr.trim());
}

console.log('\n-- wasm-bindgen output through the system wasm-opt (if any)');
try {
  const sys = readFileSync(at('pkg/binast_bg.system-wasm-opt.wasm'));
  const r = node([], `const glue = await import('./pkg/binast.js'); glue.initSync({ module: (await import('node:fs')).readFileSync('pkg/binast_bg.system-wasm-opt.wasm') }); console.log('instantiates');`);
  console.log(`${sys.length} bytes: ${r.status === 0 ? r.stdout.trim() : 'instantiation fails: ' + r.stderr.split('\n').find((l) => /Error/.test(l))}`);
} catch { console.log('none'); }
