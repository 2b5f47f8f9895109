// One fresh process, one tool, one file, one call: prints { importMs, runMs } as JSON.
//   node cold-child.mjs '<json: { tool, compare, binastDist, corpusDir, workDir, cold: name }>'
// The input is read first (not timed); then the tool's import and its one call are timed apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readManifest } from './corpus.mjs';
import { allTools } from './tools.mjs';

const ctx = JSON.parse(process.argv[2]);
const tool = allTools(ctx.compare).find((t) => t.id === ctx.tool);
if (!tool) throw new Error(`unknown tool ${ctx.tool}`);
const entry = readManifest(ctx.corpusDir).cold.find((c) => c.name === ctx.cold);
const file = path.join(ctx.corpusDir, `cold-${entry.name}.${tool.input === 'binary' ? 'binast' : 'js'}`);
const input = tool.input === 'binary' ? new Uint8Array(readFileSync(file)) : readFileSync(file, 'utf8');

const t0 = performance.now();
const run = await tool.load(ctx);
const t1 = performance.now();
const result = run(input, { file: entry.file, sourceType: entry.sourceType });
const t2 = performance.now();
if (result === null || typeof result !== 'object') throw new Error(`${tool.id} returned ${result}`);
process.stdout.write(JSON.stringify({ importMs: t1 - t0, runMs: t2 - t1 }));
