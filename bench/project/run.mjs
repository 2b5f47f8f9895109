#!/usr/bin/env node
// Project-scale benchmark: every tool over a few thousand real files, each file once, in a fresh
// process per tool and round (rounds interleaved, tool order rotated), medians; and a cold
// single-file figure (fresh process, one call, import timed apart). See bench/README.md.
//
//   node bench/project/run.mjs [--node 26,24,22] [--rounds 5] [--cold-rounds 11] [--tools a,b]
//                              [--compare name=path/to/dist]... [--no-cold] [--no-write] [--no-readme]
//                              [--name module-info] [--only lodash-es]
//
// Needs `npm run build` (it measures dist/). Writes bench/results/project-node<major>.{json,md} and
// the README section between <!-- bench-project:start --> and <!-- bench-project:end -->; with
// `--name name` (or `--out name`), bench/results/<name>-node<major>.{json,md} only (a partial run
// beside the main one). `--only <package>`: just that package's files of the corpus (results
// named project-<package> unless --name says otherwise).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT } from '../corpus.mjs';
import { summarize } from '../stats.mjs';
import { requireRuntime } from '../../scripts/runtimes/index.mjs';
import { prepareBuildBinaries, prepareCorpus, readManifest } from './corpus.mjs';
import { allTools } from './tools.mjs';
import { coldTable, describe, projectTable, projectTargets, renderMarkdown, targetsTable } from './report.mjs';
import { updateProjectReadme } from './readme.mjs';
import { SIZE_CLASSES } from './size-classes.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(ROOT, 'bench/results');

function parseArgs(argv) {
  const args = { nodes: [26, 24, 22], rounds: 5, coldRounds: 11, tools: null, compare: [], cold: true, write: true, readme: true, name: 'project', only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--node') args.nodes = value().split(',').map(Number);
    else if (a === '--rounds') args.rounds = Number(value());
    else if (a === '--cold-rounds') args.coldRounds = Number(value());
    else if (a === '--tools') args.tools = value().split(',');
    else if (a === '--compare') {
      const [name, dir] = value().split('=');
      if (!name || !dir) throw new Error('--compare takes name=path/to/dist');
      args.compare.push({ name, dir: path.resolve(dir) });
    } else if (a === '--no-cold') args.cold = false;
    else if (a === '--no-write') args.write = false;
    else if (a === '--no-readme') args.readme = false;
    // Results of a subset of tools under their own name (bench/results/<name>-node<major>.*), README untouched.
    else if (a === '--name' || a === '--out') args.name = value();
    else if (a === '--only') args.only = value();
    else throw new Error(`unknown option ${a}`);
  }
  if (args.only && args.name === 'project') args.name = `project-${args.only}`;
  return args;
}

const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

function spawnJson(node, script, ctx) {
  const out = execFileSync(node, [path.join(HERE, script), JSON.stringify(ctx)], {
    encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out);
}

/** Files and source bytes of one package's part of the corpus (--only). */
function subsetSize(manifest, only) {
  let files = 0, sourceBytes = 0;
  manifest.files.forEach((f, i) => {
    if (!f.file.startsWith(`${only}/`)) return;
    files++;
    sourceBytes += manifest.offsets.source[i] - (i === 0 ? 0 : manifest.offsets.source[i - 1]);
  });
  return { files, sourceBytes };
}

function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'ts'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${sha}+local changes` : sha;
  } catch {
    return 'unknown';
  }
}

function versions() {
  const v = (n) => { try { return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', n, 'package.json'), 'utf8')).version; } catch { return 'unknown'; } };
  return Object.fromEntries(['acorn', 'meriyah', 'oxc-parser'].map((n) => [n, v(n)]));
}

/** Runs every round on one Node; returns the result object. */
async function runOnNode(major, args, corpusDir, manifest, log) {
  const node = requireRuntime(`node${major}`);
  const nodeVersion = execFileSync(node, ['-p', 'process.version + " " + process.versions.v8'], { encoding: 'utf8' }).trim().split(' ');
  const env = { compare: args.compare, binastDist: path.join(ROOT, 'dist'), corpusDir, workDir: path.join(corpusDir, 'work'), only: args.only ?? null };
  // Tools this Node can run (availability is checked in the child's Node).
  const available = JSON.parse(execFileSync(node, ['--input-type=module', '-e',
    `import { allTools } from ${JSON.stringify(pathToFileURL(path.join(HERE, 'tools.mjs')).href)};` +
    `console.log(JSON.stringify(allTools(${JSON.stringify(args.compare)}).map((t) => ({ id: t.id, label: t.label, group: t.group, cold: t.cold }))))`],
  { encoding: 'utf8' }));
  const tools = args.tools ? available.filter((t) => args.tools.includes(t.id)) : available;
  const defs = new Map(allTools(args.compare).map((t) => [t.id, t]));
  for (const t of tools) await defs.get(t.id)?.prepare?.(env);

  if (args.rounds > 0) log(`Node ${nodeVersion[0]}: project scale, ${tools.length} tools x ${args.rounds} rounds (fresh process each)...`);
  const samples = Object.fromEntries(tools.map((t) => [t.id, []]));
  const errors = {};
  for (let round = 0; round < args.rounds; round++) {
    for (const t of rotate(tools, round)) {
      await defs.get(t.id)?.beforeRun?.(env);
      try {
        const res = spawnJson(node, 'child.mjs', { ...env, tool: t.id });
        if (res.errors) errors[t.id] = `${res.errors} file(s) threw, first: ${res.firstError}`;
        samples[t.id].push(res);
      } catch (error) {
        errors[t.id] = String(error.stderr || error.message).trim().split('\n').slice(-3).join(' ');
      }
    }
    log(`  round ${round + 1}: ${tools.map((t) => `${t.id} ${samples[t.id].at(-1)?.totalMs.toFixed(0) ?? 'error'}`).join(', ')}`);
  }
  const project = {};
  for (const t of tools) {
    const s = samples[t.id];
    if (!errors[t.id] && !s.length) continue; // --rounds 0: the cold table only
    if (errors[t.id]) { project[t.id] = { error: errors[t.id] }; continue; }
    const stat = (f) => summarize(s.map(f));
    project[t.id] = {
      totalMs: stat((x) => x.totalMs), cpuMs: stat((x) => x.cpuMs), importMs: stat((x) => x.importMs), gcMs: stat((x) => x.gcMs), gcCount: stat((x) => x.gcCount),
      ...Object.fromEntries(SIZE_CLASSES.map(({ key }) => [key, stat((x) => x.buckets[key])])),
    };
  }

  const cold = {};
  const coldTools = tools.filter((t) => t.cold);
  if (args.cold && coldTools.length) {
    log(`Node ${nodeVersion[0]}: cold single file, ${coldTools.length} tools x ${manifest.cold.length} files x ${args.coldRounds} processes...`);
    const raw = {};
    for (let round = 0; round < args.coldRounds; round++) {
      for (const c of manifest.cold) {
        for (const t of rotate(coldTools, round)) {
          await defs.get(t.id)?.beforeRun?.(env);
          ((raw[c.name] ??= {})[t.id] ??= []).push(spawnJson(node, 'cold-child.mjs', { ...env, tool: t.id, cold: c.name }));
        }
      }
    }
    for (const [file, byTool] of Object.entries(raw)) {
      cold[file] = Object.fromEntries(Object.entries(byTool).map(([id, s]) => [id, {
        importMs: summarize(s.map((x) => x.importMs)), runMs: summarize(s.map((x) => x.runMs)),
      }]));
    }
  }

  const cpus = os.cpus();
  const result = {
    schema: 1,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    node: nodeVersion[0], v8: nodeVersion[1],
    machine: { cpu: (cpus[0]?.model ?? 'unknown CPU').trim(), cores: cpus.length, platform: process.platform, arch: process.arch },
    binast: { commit: gitCommit() },
    versions: versions(),
    settings: { rounds: args.rounds, coldRounds: args.coldRounds, compare: args.compare.map((c) => c.name) },
    corpus: args.only
      ? { only: args.only, ...subsetSize(manifest, args.only), dropped: manifest.dropped }
      : { files: manifest.files.length, sourceBytes: manifest.sourceBytes, dropped: manifest.dropped },
    coldFiles: args.cold ? manifest.cold : [],
    tools,
    project,
    cold,
  };
  result.targets = projectTargets(result);
  return result;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const log = (s) => console.log(s);
  let binast;
  try {
    binast = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
  } catch (error) {
    throw new Error(`cannot load dist/index.js (run \`npm run build\` first): ${error.message}`);
  }
  if (!binast.isReady()) await binast.init();
  const corpusDir = await prepareCorpus(binast, log);
  const manifest = readManifest(corpusDir);
  for (const { name, dir } of args.compare) {
    log(`  the corpus's binaries by the ${name} build's encoder...`);
    await prepareBuildBinaries(corpusDir, manifest, name, dir);
  }
  let failed = false;
  for (const major of args.nodes) {
    const result = await runOnNode(major, args, corpusDir, manifest, log);
    log('');
    log(describe(result));
    log('');
    log(projectTable(result));
    log('');
    if (args.cold) { log(coldTable(result)); log(''); }
    log(targetsTable(result));
    log('');
    if (Object.values(result.project).some((p) => p.error)) failed = true;
    if (args.write) {
      mkdirSync(RESULTS, { recursive: true });
      const base = path.join(RESULTS, `${args.name}-node${major}`);
      writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 1)}\n`);
      writeFileSync(`${base}.md`, `${renderMarkdown(result)}\n`);
      log(`wrote ${path.relative(ROOT, base)}.json and .md`);
    }
  }
  if (args.write && args.readme && args.name === 'project') log(updateProjectReadme());
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
