// Interleaved timing with tinybench.
//
// One round = for every file, one tinybench Bench holding every tool's task for that file, in
// an order rotated each round; each task runs `k` iterations (k is larger for small files so
// that each file gets a comparable share of samples). Steady state, no forced GC: each result
// stays alive until the next call of the same task replaces it, and the previous task's result
// is dropped (left to the GC) when the next task starts. A forced full GC before each task was
// tried and rejected: it shrinks the young generation, which made garbage-heavy parsers (acorn)
// up to 2.5x slower on their next call while barely affecting binast's decode, i.e. it flattered
// binast. Rounds repeat with rotated order, so a slow drift of a noisy machine and the cost of
// collecting the previous task's garbage hit every tool alike. The first rounds are warm-up and
// are discarded. Medians are over all samples of all measured rounds.
import { Bench } from 'tinybench';
import { mean, summarize } from './stats.mjs';

let sink = null;

function dropResult() {
  sink = null;
}

/** Iterations per round for a file: about `batchBytes` of source per task, 1 to 16. */
export function iterationsFor(file, batchBytes) {
  return Math.max(1, Math.min(16, Math.round(batchBytes / file.sourceBytes)));
}

/**
 * Runs every tool on every fixture, interleaved. Returns
 * { perFile: {file: {tool: stats|{error}}}, aggregate: {tool: stats|{error}}, errors: [...] }.
 */
export function runInterleaved({ fixtures, tools, rounds, warmupRounds, batchBytes, log = () => {} }) {
  const samples = {}; // file -> tool -> number[]
  const roundMeans = {}; // file -> tool -> [mean per measured round]
  const failed = {}; // file -> tool -> message
  const prepared = {}; // file -> tool -> fn
  const errors = [];

  for (const f of fixtures) {
    samples[f.name] = {};
    roundMeans[f.name] = {};
    failed[f.name] = {};
    prepared[f.name] = {};
    for (const t of tools) {
      try {
        const fn = t.prepare(f);
        sink = fn(); // one untimed call: setup errors and first-call failures surface here
        prepared[f.name][t.id] = fn;
        samples[f.name][t.id] = [];
        roundMeans[f.name][t.id] = [];
      } catch (error) {
        failed[f.name][t.id] = error.message;
        errors.push({ file: f.name, tool: t.id, message: error.message });
        log(`  ! ${t.label} on ${f.name}: ${error.message}`);
      }
      dropResult();
    }
  }

  const total = warmupRounds + rounds;
  for (let r = 0; r < total; r++) {
    const started = performance.now();
    const measuring = r >= warmupRounds;
    for (const f of fixtures) {
      const bench = new Bench({
        iterations: iterationsFor(f, batchBytes),
        time: 0,
        warmup: false,
        retainSamples: true,
        throws: false,
      });
      const live = tools.filter((t) => prepared[f.name][t.id]);
      const shift = r % Math.max(1, live.length);
      for (const t of [...live.slice(shift), ...live.slice(0, shift)]) {
        const fn = prepared[f.name][t.id];
        bench.add(t.id, () => { sink = fn(); }, { async: false, beforeAll: dropResult });
      }
      bench.runSync();
      for (const task of bench.tasks) {
        const result = task.result;
        if (result.state !== 'completed') {
          const message = result.error?.message ?? result.state;
          failed[f.name][task.name] = message;
          delete prepared[f.name][task.name];
          errors.push({ file: f.name, tool: task.name, message });
          log(`  ! ${task.name} on ${f.name}: ${message}`);
          continue;
        }
        if (!measuring) continue;
        const s = result.latency.samples ?? [];
        samples[f.name][task.name].push(...s);
        roundMeans[f.name][task.name].push(mean(s));
      }
      dropResult();
    }
    log(`  round ${r + 1}/${total}${measuring ? '' : ' (warm-up)'}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const perFile = {};
  for (const f of fixtures) {
    perFile[f.name] = {};
    for (const t of tools) {
      perFile[f.name][t.id] = failed[f.name][t.id] !== undefined
        ? { error: failed[f.name][t.id] }
        : summarize(samples[f.name][t.id]);
    }
  }
  // Aggregate: the sum of per-file medians; its spread comes from the per-round totals
  // (sum over files of each round's mean), the only samples of "the whole corpus" we have.
  const aggregate = {};
  for (const t of tools) {
    const broken = fixtures.filter((f) => perFile[f.name][t.id].error !== undefined);
    if (broken.length) {
      aggregate[t.id] = { error: `failed on ${broken.map((f) => f.name).join(', ')}` };
      continue;
    }
    const totals = [];
    for (let r = 0; r < rounds; r++) totals.push(fixtures.reduce((sum, f) => sum + roundMeans[f.name][t.id][r], 0));
    const roundStats = summarize(totals);
    const median = fixtures.reduce((sum, f) => sum + perFile[f.name][t.id].median, 0);
    aggregate[t.id] = { median, spread: roundStats.spread, roundMedian: roundStats.median, n: rounds };
  }
  sink = null;
  return { perFile, aggregate, errors };
}
