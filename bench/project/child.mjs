// One fresh process, one tool, the whole project corpus, each file once: prints a JSON result.
//   node child.mjs '<json: { tool, compare, binastDist, corpusDir, workDir, only }>'
// `only`: a package name; just its files are handled (run.mjs --only).
// Inputs are loaded before timing; the timed loop calls the tool once per file and keeps only the
// latest result alive (as a tool that handles one file after another would). JIT warm-up and GC
// are part of the time: the process has done nothing else.
import { PerformanceObserver } from 'node:perf_hooks';
import { loadInputs, readManifest } from './corpus.mjs';
import { allTools } from './tools.mjs';
import { SIZE_CLASSES, sizeClass } from './size-classes.mjs';

const ctx = JSON.parse(process.argv[2]);
const tool = allTools(ctx.compare).find((t) => t.id === ctx.tool);
if (!tool) throw new Error(`unknown tool ${ctx.tool}`);
const manifest = readManifest(ctx.corpusDir);
const files = manifest.files;
const inputs = loadInputs(ctx.corpusDir, manifest, tool.input);
const sizeOf = (i) => manifest.offsets.source[i] - (i === 0 ? 0 : manifest.offsets.source[i - 1]);
/** The indexes of the files handled, in corpus order. */
const picked = files.map((_, i) => i).filter((i) => ctx.only == null || files[i].file.startsWith(`${ctx.only}/`));
if (picked.length === 0) throw new Error(`no file of the corpus is in ${ctx.only}/`);

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
const cpu0 = process.cpuUsage();
const start = performance.now();
for (const i of picked) {
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
// CPU time of the process (all its threads, GC helpers included): on a loaded machine it varies
// less than wall time, so A/B comparisons read it too.
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const ok = keep !== null && typeof keep === 'object';
await new Promise((resolve) => setTimeout(resolve, 10));
for (const e of observer.takeRecords()) { gcMs += e.duration; gcCount++; }
observer.disconnect();

// Time by file size (the corpus mixes sizes; small files show the fixed cost per call).
const buckets = Object.fromEntries(SIZE_CLASSES.map((c) => [c.key, 0]));
for (const i of picked) buckets[sizeClass(sizeOf(i))] += perFile[i];
process.stdout.write(JSON.stringify({
  tool: tool.id, files: picked.length, totalMs, cpuMs, importMs, gcMs, gcCount, buckets, errors, firstError, ok,
  heapUsed: process.memoryUsage().heapUsed,
}));
