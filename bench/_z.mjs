import * as acorn from 'acorn';
import { loadBinast } from './binast.mjs';
import { loadCorpus } from './corpus.mjs';
const b = await loadBinast();
const [f] = loadCorpus([process.argv[2] ?? 'three']);
const bytes = b.encode(f.source, { sourceType: f.sourceType });
const tools = { decode: () => b.decode(bytes), acorn: () => acorn.parse(f.source, { ecmaVersion: 'latest', sourceType: f.sourceType }) };
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
let keep;
const res = {};
for (let r = 0; r < 15; r++) for (const [name, fn] of Object.entries(tools)) for (const mode of ['gc', 'steady']) {
  keep = null;
  if (mode === 'gc') globalThis.gc(); else { keep = fn(); }
  const t = performance.now(); keep = fn(); const dt = performance.now() - t;
  if (r > 1) (res[name + ' ' + mode] ??= []).push(dt);
}
console.log(process.version, f.name, Object.entries(res).map(([k, v]) => `${k} ${med(v).toFixed(1)}`).join(' | '));
