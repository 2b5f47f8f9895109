#!/usr/bin/env node
// binast's steady-state benchmark. `npm run bench:steady` (full corpus, Node 26), `npm run bench:quick`
// (CI smoke run), `node bench/run.mjs --node 24` (the same on scripts/runtimes' Node 24).
// `npm run bench` runs the project-scale benchmark (bench/project/) and then this one. Needs `npm run build` first (it benchmarks
// dist/). `node bench/run.mjs ...` works too and uses that node.
//
// Options: --quick, --node N, --rounds N, --warmup N, --files a,b, --batch-kb N,
//          --no-sizes, --no-memory, --no-readme
// Writes bench/results/latest-node<major>.{json,md} (quick: quick-node<major>.*), regenerates
// bench/results/chart.svg and the README section between the bench markers (full runs only).
// Exits non-zero if any measured function threw. BINAST_DIST=path/to/index.js benchmarks another
// build (with its wasm/ next to its dist/, as in the repo).
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILES, QUICK_FILES, ROOT, loadCorpus } from './corpus.mjs';
import { checkFidelity, createFixture } from './fixtures.mjs';
import { measureMemory } from './memory.mjs';
import { binastEntry } from './binast.mjs';
import { createTools, loadBinast, peerVersions, rawTransferAvailable } from './peers.mjs';
import { renderMarkdown, aggregateTable, targetsTable } from './report.mjs';
import { corpusSizes, librarySizes, minifiedFixtures } from './sizes.mjs';
import { evaluateTargets } from './targets.mjs';
import { requireRuntime } from '../scripts/runtimes/index.mjs';
import { iterationsFor, runInterleaved } from './timing.mjs';
import { writeChart, updateReadme } from './readme.mjs';

const SELF = fileURLToPath(import.meta.url);
const RESULTS = path.join(ROOT, 'bench/results');

function parseArgs(argv) {
  const args = { quick: false, node: null, sizes: true, memory: true, readme: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--quick') args.quick = true;
    else if (a === '--node') args.node = Number(value());
    else if (a === '--rounds') args.rounds = Number(value());
    else if (a === '--warmup') args.warmup = Number(value());
    else if (a === '--files') args.files = value().split(',');
    else if (a === '--batch-kb') args.batchKB = Number(value());
    else if (a === '--no-sizes') args.sizes = false;
    else if (a === '--no-memory') args.memory = false;
    else if (a === '--no-readme') args.readme = false;
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

/** Re-runs this script under another node; returns its exit code. */
function reexec(node, argv) {
  const env = { ...process.env };
  delete env.npm_node_execpath;
  const child = spawnSync(node, [SELF, ...argv], { stdio: 'inherit', env });
  if (child.error) throw child.error;
  return child.status ?? 1;
}

function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'ts', 'crates'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${sha}+local changes` : sha;
  } catch {
    return 'unknown';
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: (cpus[0]?.model ?? 'unknown CPU').trim(),
    cores: cpus.length,
    platform: process.platform,
    arch: process.arch,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
  };
}

async function main() {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const major = Number(process.versions.node.split('.')[0]);

  // Which Node runs the bench: --node N picks the pinned Node N of scripts/runtimes; otherwise
  // the Node that runs npm.
  const wanted = args.node ? requireRuntime(`node${args.node}`) : process.env.npm_node_execpath || process.execPath;
  if (realpathSync(wanted) !== realpathSync(process.execPath)) {
    const i = argv.indexOf('--node');
    return reexec(wanted, i < 0 ? argv : [...argv.slice(0, i), ...argv.slice(i + 2)]);
  }

  const quick = args.quick;
  const settings = {
    rounds: args.rounds ?? (quick ? 3 : 11),
    warmupRounds: args.warmup ?? 1,
    batchBytes: (args.batchKB ?? (quick ? 0 : 1024)) * 1024,
    method:
      'every round runs every tool on every file (tinybench, one Bench per file, task order rotated each round), ' +
      'steady state (no forced GC; each result stays alive until the next call replaces it); each task runs k ' +
      'iterations per round (k ≈ 1 MB of source / file size); medians over all measured samples.',
  };
  const log = (s) => console.log(s);
  const started = performance.now();

  log(`binast bench${quick ? ' (quick)' : ''}: Node ${process.version}, ${machine().cpu} x${os.cpus().length}`);
  const binast = await loadBinast();
  const tools = createTools(binast);
  if (!rawTransferAvailable()) log(`  oxc-parser raw transfer: not measured (needs Node >= 22; this is ${process.version})`);
  const corpus = loadCorpus(args.files ?? (quick ? QUICK_FILES : FILES.map((f) => f.name)));
  const fixtures = corpus.map((f) => createFixture(f, binast));

  const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  let phase = performance.now();
  log('fidelity (decode vs acorn, JSON)...');
  const fidelity = {};
  for (const f of fixtures) {
    fidelity[f.name] = checkFidelity(f, binast);
    const { plain, locations } = fidelity[f.name];
    if (plain !== true || locations !== true) log(`  ! ${f.name}: plain ${plain}, locations ${locations}`);
  }

  log(`  ${seconds(phase)}`);
  log(`timing: ${fixtures.length} files x ${tools.length} tools, ${settings.warmupRounds}+${settings.rounds} rounds...`);
  phase = performance.now();
  const timing = runInterleaved({ fixtures, tools, ...settings, log });
  log(`  ${seconds(phase)}`);

  // Sizes compress on the thread pool while the memory children run (neither is timed).
  phase = performance.now();
  log(`${args.sizes ? 'sizes' : ''}${args.sizes && args.memory ? ' + ' : ''}${args.memory ? 'memory (child processes)' : ''}...`);
  const sizesPending = args.sizes
    ? Promise.all([corpusSizes(fixtures), minifiedFixtures(fixtures, binast).then(corpusSizes)]).then(([sizes, minified]) => ({ ...sizes, minified }))
    : Promise.resolve(null);
  const libraryPending = librarySizes();
  const memory = args.memory ? measureMemory(fixtures, log) : null;
  const [sizes, library] = await Promise.all([sizesPending, libraryPending]);
  log(`  ${seconds(phase)}`);

  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const result = {
    schema: 1,
    mode: quick ? 'quick' : 'full',
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    node: process.version,
    v8: process.versions.v8,
    machine: machine(),
    binast: { version: pkg.version, commit: gitCommit(), formatVersion: binast.FORMAT_VERSION, entry: path.relative(ROOT, fileURLToPath(binastEntry())) },
    versions: await peerVersions(),
    settings,
    tools: tools.map(({ id, label, group }) => ({ id, label, group })),
    files: fixtures.map((f) => {
      let counts = null;
      try {
        counts = f.counts();
      } catch {}
      return { name: f.name, file: f.file, sourceType: f.sourceType, sourceBytes: f.sourceBytes, iterations: iterationsFor(f, settings.batchBytes), counts };
    }),
    fidelity,
    timing: { perFile: timing.perFile, aggregate: timing.aggregate },
    sizes: sizes ?? { perFile: {}, aggregate: {} },
    library,
    memory: memory ?? { perFile: Object.fromEntries(fixtures.map((f) => [f.name, {}])), aggregate: {}, method: 'not measured (--no-memory)' },
    errors: [...timing.errors, ...(memory?.errors ?? [])],
  };
  result.targets = evaluateTargets(result);
  result.elapsedSeconds = Math.round((performance.now() - started) / 1000);

  mkdirSync(RESULTS, { recursive: true });
  const base = path.join(RESULTS, `${quick ? 'quick' : 'latest'}-node${major}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 1)}\n`);
  writeFileSync(`${base}.md`, `${renderMarkdown(result)}\n`);
  log('');
  log(aggregateTable(result));
  log('');
  log(targetsTable(result));
  log('');
  log(`wrote ${path.relative(ROOT, base)}.json and .md (${result.elapsedSeconds} s)`);
  if (!quick) {
    log(writeChart());
    if (args.readme) log(updateReadme());
  }
  if (result.errors.length) {
    console.error(`\n${result.errors.length} measured function(s) threw:`);
    for (const e of result.errors) console.error(`  ${e.tool} on ${e.file}: ${e.message}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
