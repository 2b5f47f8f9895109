// One fresh process, one tool, the whole project corpus, each file once: prints a JSON result.
//   node child.mjs '<json: { tool, compare, binastDist, corpusDir, workDir }>'
// Inputs are loaded before timing; the timed loop calls the tool once per file and keeps only the
// latest result alive (as a tool that handles one file after another would). JIT warm-up and GC
// are part of the time: the process has done nothing else.
import { PerformanceObserver } from 'node:perf_hooks';
import { loadInputs, readManifest } from './corpus.mjs';
import { allTools } from './tools.mjs';

const ctx = JSON.parse(process.argv[2]);
const tool = allTools(ctx.compare).find((t) => t.id === ctx.tool);
if (!tool) throw new Error(`unknown tool ${ctx.tool}`);
const manifest = readManifest(ctx.corpusDir);
const files = manifest.files;
const inputs = loadInputs(ctx.corpusDir, manifest, tool.input);

let gcMs = 0;
let gcCount = 0;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) { gcMs += e.duration; gcCount++; }
});

const t0 = performance.now();
const run = await tool.load(ctx);
const importMs = performance.now() - t0;

observer.observe({ entryTypes: ['gc'] });
const perFile = new Float64Array(files.length);
let keep = null;
let errors = 0;
let firstError = null;
const start = performance.now();
for (let i = 0; i < files.length; i++) {
  const s = performance.now();
  try {
    keep = run(inputs[i], files[i]);
  } catch (error) {
    errors++;
    firstError ??= `${files[i].file}: ${error?.message ?? error}`;
  }
  perFile[i] = performance.now() - s;
}
const totalMs = performance.now() - start;
const ok = keep !== null && typeof keep === 'object';
await new Promise((resolve) => setTimeout(resolve, 10));
for (const e of observer.takeRecords()) { gcMs += e.duration; gcCount++; }
observer.disconnect();

// Time by file size (the corpus mixes sizes; small files show the fixed cost per call).
const buckets = { under4k: 0, under32k: 0, over32k: 0 };
let at = 0;
for (let i = 0; i < files.length; i++) {
  const size = manifest.offsets.source[i] - at;
  at = manifest.offsets.source[i];
  buckets[size < 4096 ? 'under4k' : size < 32768 ? 'under32k' : 'over32k'] += perFile[i];
}
process.stdout.write(JSON.stringify({
  tool: tool.id, totalMs, importMs, gcMs, gcCount, buckets, errors, firstError, ok,
  heapUsed: process.memoryUsage().heapUsed,
}));
