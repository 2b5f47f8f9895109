// Peak heap of binast's decode vs acorn's parse of the same file.
//
// Method: each measurement runs in a fresh child process (`node --expose-gc`). The child loads
// its input (the source; for decode also the binary, encoded beforehand), runs the operation
// once to warm up, drops the result and collects garbage, then records heap used (baseline)
// and runs it again under v8.GCProfiler. Heap use only grows between collections, so its
// maxima are just before each GC and at the end: peak = max(used heap before every GC during
// the call, used heap when the call returns) - baseline. `retained` is the heap still used,
// after a full GC, with the result alive: the size of the finished tree.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));
export const MEMORY_TOOLS = ['decode', 'acorn'];

export const MEMORY_METHOD =
  'Each figure comes from a fresh `node --expose-gc` child: one warm-up call, full GC, then one measured call under ' +
  '`v8.GCProfiler`. Peak = max(heap used before each GC during the call, heap used at its end) minus heap used before ' +
  'the call (inputs already loaded: the source for acorn, the binary for decode). Retained = heap used after a full GC ' +
  'with the result alive, minus the same baseline.';

function measureOne(tool, fixture) {
  const child = spawnSync(process.execPath, ['--expose-gc', CHILD, tool, fixture.path, fixture.sourceType], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) {
    const lines = (child.stderr || child.error?.message || '').trim().split('\n');
    return { error: lines.find((l) => /Error/.test(l)) ?? lines.at(-1) ?? `exit ${child.status}` };
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

/** { perFile: {file: {decode, acorn}}, aggregate: {decode, acorn}, errors } (bytes). */
export function measureMemory(fixtures, log = () => {}) {
  const perFile = {};
  const errors = [];
  for (const f of fixtures) {
    perFile[f.name] = {};
    for (const tool of MEMORY_TOOLS) {
      const m = measureOne(tool, f);
      perFile[f.name][tool] = m;
      if (m.error) {
        errors.push({ file: f.name, tool: `memory:${tool}`, message: m.error });
        log(`  ! memory ${tool} on ${f.name}: ${m.error}`);
      }
    }
  }
  const aggregate = {};
  for (const tool of MEMORY_TOOLS) {
    const ok = fixtures.every((f) => !perFile[f.name][tool].error);
    aggregate[tool] = ok
      ? {
          peak: fixtures.reduce((s, f) => s + perFile[f.name][tool].peak, 0),
          retained: fixtures.reduce((s, f) => s + perFile[f.name][tool].retained, 0),
        }
      : { error: 'incomplete' };
  }
  return { perFile, aggregate, errors, method: MEMORY_METHOD };
}
