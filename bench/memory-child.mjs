// Child process for memory.mjs: node --expose-gc memory-child.mjs <decode|acorn> <file> <sourceType>
// Prints one JSON line: { baseline, peak, retained, gcs } in bytes (see memory.mjs for the method).
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import * as acorn from 'acorn';

const [tool, file, sourceType] = process.argv.slice(2);
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const source = readFileSync(file, 'utf8');

let op;
if (tool === 'decode') {
  const { loadBinast } = await import('./binast.mjs');
  const binast = await loadBinast();
  const bytes = binast.encode(source, { sourceType });
  op = () => binast.decode(bytes);
} else if (tool === 'acorn') {
  const options = { ecmaVersion: 'latest', sourceType };
  op = () => acorn.parse(source, options);
} else {
  throw new Error(`unknown tool ${tool}`);
}

const used = () => v8.getHeapStatistics().used_heap_size;
const fullGc = () => { globalThis.gc(); globalThis.gc(); };

op(); // warm-up: compiled code and allocation-site feedback, as in a long-running process
fullGc();
const baseline = used();
const profiler = new v8.GCProfiler();
profiler.start();
let result = op();
const atEnd = used();
const { statistics } = profiler.stop();
let peak = atEnd;
for (const gc of statistics) peak = Math.max(peak, gc.beforeGC.heapStatistics.usedHeapSize);
fullGc();
const retained = used() - baseline;
if (result?.type !== 'Program') throw new Error('no Program');
result = null;
process.stdout.write(`${JSON.stringify({ baseline, peak: peak - baseline, retained, gcs: statistics.length })}\n`);
