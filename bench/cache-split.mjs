#!/usr/bin/env node
// The AST cache on the project-scale corpus, in wall and CPU time (issue #17): a shared machine
// makes wall times of fresh processes swing by 2x, CPU time (user + system) far less. Fresh
// process per tool and round, rounds interleaved (order rotated), medians; then the cache's
// hit and miss paths split into their steps (options, key, lookup/read, encode, decode, store).
// Needs `npm run build:ts` and the corpus of `npm run bench:project` (prepared on first use).
//   node bench/cache-split.mjs [--rounds 7] [--node 26]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT } from './corpus.mjs';
import { requireRuntime } from '../scripts/runtimes/index.mjs';
import { prepareCorpus } from './project/corpus.mjs';
import { allTools } from './project/tools.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const rounds = Number(arg('--rounds', 7));
const major = Number(arg('--node', 26));
const TOOLS = ['acornLoc', 'decodeLoc', 'encode', 'parseLoc', 'cacheCold', 'cacheWarm', ...(process.env.BINAST_CACHE_BEFORE ? ['cacheColdBefore', 'cacheWarmBefore'] : [])];

const binast = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
if (!binast.isReady()) await binast.init();
const corpusDir = await prepareCorpus(binast, console.log);
const ctx = { binastDist: path.join(ROOT, 'dist'), corpusDir, workDir: path.join(corpusDir, 'work') };
const node = requireRuntime(`node${major}`);
const defs = new Map(allTools([]).map((t) => [t.id, t]));
for (const id of TOOLS) await defs.get(id).prepare?.(ctx);
const child = (extra) => JSON.parse(execFileSync(node, [path.join(HERE, 'cache-split-child.mjs'), JSON.stringify({ ...ctx, ...extra })], { encoding: 'utf8', maxBuffer: 1 << 24 }));

const runs = Object.fromEntries([...TOOLS, 'warmPhases', 'coldPhases'].map((id) => [id, []]));
for (let r = 0; r < rounds; r++) {
  const order = [...TOOLS, 'warmPhases', 'coldPhases'];
  for (const id of order.slice(r % order.length).concat(order.slice(0, r % order.length))) {
    if (id.endsWith('Phases')) runs[id].push(child({ phases: id === 'warmPhases' ? 'warm' : 'cold' }));
    else {
      await defs.get(id).beforeRun?.(ctx);
      runs[id].push(child({ tool: id }));
    }
  }
  console.log(`round ${r + 1}: ${TOOLS.map((id) => `${id} ${Math.round(runs[id].at(-1).wallMs)}/${Math.round(runs[id].at(-1).cpuMs)}`).join(', ')} (wall/cpu ms)`);
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const med = (id, field) => median(runs[id].map((x) => x[field]));
const fmt = (x) => (x >= 100 ? Math.round(x).toString() : x.toFixed(1));
console.log(`\nNode ${major}, ${rounds} rounds; corpus ${corpusDir}\n`);
console.log('| Tool (fresh process, locations: true) | wall ms | CPU ms | acorn ÷ this (wall) | acorn ÷ this (CPU) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const id of TOOLS) {
  console.log(`| ${defs.get(id).label} | ${fmt(med(id, 'wallMs'))} | ${fmt(med(id, 'cpuMs'))} | ${(med('acornLoc', 'wallMs') / med(id, 'wallMs')).toFixed(2)}x | ${(med('acornLoc', 'cpuMs') / med(id, 'cpuMs')).toFixed(2)}x |`);
}
for (const which of ['warmPhases', 'coldPhases']) {
  const phases = Object.keys(runs[which][0].phases);
  const values = Object.fromEntries(phases.map((p) => [p, median(runs[which].map((x) => x.phases[p]))]));
  const own = values.options + values.key + values.lookup + values.store;
  console.log(`\n${which === 'warmPhases' ? 'Hit' : 'Miss'} path, medians of per-step sums (ms): ${phases.map((p) => `${p} ${fmt(values[p])}`).join(', ')}; ` +
    `the cache's own steps (options + key + lookup + store) ${fmt(own)} = ${((own / values.decode) * 100).toFixed(1)}% of decode` +
    (which === 'coldPhases' ? `, ${((own / (values.encode + values.decode)) * 100).toFixed(1)}% of encode + decode` : ''));
}
