#!/usr/bin/env node
// Compare decode (or, with --encode, encode) speed of several builds, interleaved in one process:
//   node bench/compare.mjs [--files typescript,three | --project] [--rounds 15] [--locations] [--encode | --parse] dist/index.js /tmp/other/dist/index.js ...
// Each build is a dist/ with its wasm/ beside it (e.g. a copy of dist/ with one change). Each
// build decodes what its own encoder wrote (builds may differ in format); medians per file and
// summed. Used to back decoder performance suggestions with numbers. `--project`: the project
// corpus (bench/project, thousands of files) instead, each build handling every file once per
// round (one sample per round: a warm process, so it measures the code, not start-up).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from './corpus.mjs';
import { summarize } from './stats.mjs';
import { loadInputs, prepareCorpus, readManifest } from './project/corpus.mjs';

const argv = process.argv.slice(2);
let files = ['react-dom', 'd3', 'vue', 'three'];
let rounds = 15;
let locations = false;
let encoding = false;
let parsing = false;
let project = false;
const builds = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--files') files = argv[++i].split(',');
  else if (argv[i] === '--rounds') rounds = Number(argv[++i]);
  else if (argv[i] === '--locations') locations = true;
  else if (argv[i] === '--encode') encoding = true;
  else if (argv[i] === '--project') project = true;
  else if (argv[i] === '--parse') parsing = true;
  else builds.push(argv[i]);
}
if (builds.length === 0) builds.push(new URL('../dist/index.js', import.meta.url).pathname);

const apis = [];
for (const b of builds) {
  const api = await import(pathToFileURL(path.resolve(b)).href);
  if (!api.isReady()) await api.init();
  apis.push(api);
}
const corpus = project ? await projectCorpus() : loadCorpus(files).map((f) => ({ ...f, bytes: apis.map((api) => api.encode(f.source, { sourceType: f.sourceType })) }));
const options = { locations };
// What one build does with one file: encode, parse (acorn's API: encode + decode) or decode.
const run = (api, file, b) =>
  encoding
    ? api.encode(file.source, { sourceType: file.sourceType })
    : parsing
      ? api.parse(file.source, { ecmaVersion: 'latest', sourceType: file.sourceType, locations })
      : api.decode(file.bytes[b], options);
const samples = builds.map(() => Object.fromEntries(corpus.map((f) => [f.name, []])));
let keep = null;
for (let r = 0; r < rounds + 2; r++) {
  for (const f of corpus) {
    const reps = Math.max(1, Math.round(1e6 / f.sourceBytes));
    for (let k = 0; k < apis.length; k++) {
      const b = (k + r) % apis.length; // rotate who goes first
      if (f.files) {
        const t = performance.now();
        for (const file of f.files) {
          keep = run(apis[b], file, b);
        }
        if (r >= 2) samples[b][f.name].push(performance.now() - t);
        continue;
      }
      for (let i = 0; i < reps; i++) {
        const t = performance.now();
        keep = run(apis[b], f, b);
        if (r >= 2) samples[b][f.name].push(performance.now() - t);
      }
    }
  }
}
void keep;

function newestCorpus() {
  const cache = new URL('../node_modules/.cache/binast-bench/project/', import.meta.url).pathname;
  if (!existsSync(cache)) return null;
  const dirs = readdirSync(cache)
    .map((name) => path.join(cache, name))
    .filter((dir) => existsSync(path.join(dir, 'manifest.json')));
  dirs.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return dirs[0] ?? null;
}

/** The project corpus as one entry whose `files` each build handles once per round. */
async function projectCorpus() {
  // The sources do not depend on the build: any prepared corpus will do (preparing one takes minutes).
  const dir = newestCorpus() ?? (await prepareCorpus(apis[0]));
  const manifest = readManifest(dir);
  const sources = loadInputs(dir, manifest, 'source');
  const list = manifest.files.map((file, i) => ({ source: sources[i], sourceType: file.sourceType }));
  if (!encoding && !parsing) for (const file of list) file.bytes = apis.map((api) => api.encode(file.source, { sourceType: file.sourceType }));
  return [{ name: `project (${list.length} files)`, files: list }];
}
for (const stat of ['median', 'min']) {
  const what = encoding ? 'encode' : `${parsing ? 'parse' : 'decode'}${locations ? ' +loc' : ''}`;
  console.log(`Node ${process.version}, ${what}, ${stat} ms over ${rounds} rounds`);
  console.log(['build', ...corpus.map((f) => f.name), 'sum', 'vs first'].join('\t'));
  let first;
  builds.forEach((b, k) => {
    const values = corpus.map((f) => summarize(samples[k][f.name])[stat]);
    const sum = values.reduce((a, c) => a + c, 0);
    first ??= sum;
    console.log([b, ...values.map((m) => m.toFixed(2)), sum.toFixed(1), `${(sum / first).toFixed(3)}x`].join('\t'));
  });
}
