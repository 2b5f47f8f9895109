#!/usr/bin/env node
// Where does decode time go? `node bench/profile.mjs [file=typescript] [--locations] [--iterations N]`
// Decodes one corpus file repeatedly under `--cpu-prof` (in a child process) and prints self
// time per function, with V8's "(garbage collector)" and "(program)" pseudo-frames.
// Needs `npm run build`. The raw profile is left in bench/results/profiles/ for DevTools.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, loadCorpus } from './corpus.mjs';

const args = process.argv.slice(2);
const locations = args.includes('--locations');
const iterationsAt = args.indexOf('--iterations');
const iterations = iterationsAt >= 0 ? Number(args[iterationsAt + 1]) : 20;
const name = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--iterations') ?? 'typescript';
const dir = path.join(ROOT, 'bench/results/profiles');

if (process.env.BINAST_PROFILE_CHILD) {
  const { loadBinast } = await import('./binast.mjs');
  const binast = await loadBinast();
  const [file] = loadCorpus([name]);
  const bytes = binast.encode(file.source, { sourceType: file.sourceType });
  const options = { locations };
  let keep = null;
  for (let i = 0; i < 5; i++) keep = binast.decode(bytes, options); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) keep = binast.decode(bytes, options);
  console.log(`${name}${locations ? ' +loc' : ''}: ${((performance.now() - t0) / iterations).toFixed(1)} ms per decode (${iterations} iterations, profiled)`);
  void keep;
} else {
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, BINAST_PROFILE_CHILD: '1' },
  });
  if (child.status !== 0) process.exit(child.status ?? 1);
  const fresh = readdirSync(dir).filter((f) => !before.has(f) && f.endsWith('.cpuprofile'));
  const latest = fresh.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  summarize(JSON.parse(readFileSync(latest, 'utf8')));
  console.log(`profile: ${path.relative(ROOT, latest)}`);
}

function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
    const t = dt[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + t);
    total += t;
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`self time, ${(total / 1000).toFixed(0)} ms sampled:`);
  for (const [key, t] of rows) console.log(`${((100 * t) / total).toFixed(1).padStart(6)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${key}`);
}
