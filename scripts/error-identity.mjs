#!/usr/bin/env node
// How often binast's SyntaxError is acorn's, over sources both reject: the same message, and
// separately the same position (pos, loc.line, loc.column, raisedAt). Three sets:
//   test262   test262-parser-tests fail/ + early/
//   fuzz      the encode fuzzer's sources (seeded runs; the share is reported per run)
//   deleted   real files with one token deleted (seeded)
// Sources only one side rejects are counted apart (known disagreements, test/fuzz/).
//
//   node scripts/error-identity.mjs [--dist DIR] [--runs 3] [--per-run 1500] [--deleted 40] [--json] [--list N]
// --dist: a built dist/ to measure (default ./dist); pointing it at an older build gives "before".
import * as acorn from 'acorn';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom, fuzzCorpus, fuzzSource } from '../test/fuzz/engine.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = resolve(option('--dist', 'dist'));
const runs = Number(option('--runs', '3'));
const perRun = Number(option('--per-run', '1500'));
const deletedPerFile = Number(option('--deleted', '40'));
const listLimit = Number(option('--list', '10'));
const binast = await import(pathToFileURL(`${dist}/node.js`).href);

const outcome = (run) => {
  try {
    run();
    return null;
  } catch (error) {
    return error;
  }
};

function newTally(name) {
  return { name, bothReject: 0, sameMessage: 0, samePosition: 0, samePos: 0, onlyAcornRejects: 0, onlyBinastRejects: 0, other: 0, differences: [], oneSided: [] };
}

/** Compares parse() with acorn.parse on one source. */
function measure(tally, id, source, sourceType) {
  const options = { ecmaVersion: 'latest', sourceType };
  const expected = outcome(() => acorn.parse(source, options));
  const actual = outcome(() => binast.parse(source, options));
  if (expected && !(expected instanceof SyntaxError)) return; // acorn's own stack overflow
  if (actual && !(actual instanceof SyntaxError)) {
    tally.other++; // BinastError: LIMIT, UNSUPPORTED_SOURCE
    return;
  }
  if (!expected && !actual) return;
  if (!expected || !actual) {
    if (expected) tally.onlyAcornRejects++;
    else tally.onlyBinastRejects++;
    tally.oneSided.push({ id, source: source.length > 200 ? `${source.slice(0, 200)}...` : source, acorn: expected?.message ?? 'accepts', binast: actual?.message ?? 'accepts' });
    return;
  }
  tally.bothReject++;
  const message = actual.message === expected.message;
  const position =
    actual.pos === expected.pos &&
    actual.raisedAt === expected.raisedAt &&
    actual.loc?.line === expected.loc.line &&
    actual.loc?.column === expected.loc.column;
  if (actual.pos === expected.pos && actual.loc?.line === expected.loc.line && actual.loc?.column === expected.loc.column) tally.samePos++;
  if (message) tally.sameMessage++;
  if (position) tally.samePosition++;
  if (!message || !position) tally.differences.push({ id, acorn: expected.message, binast: actual.message });
}

const tallies = [];

{
  const tally = newTally('test262 fail/ + early/');
  const root = resolve('node_modules/test262-parser-tests');
  for (const dir of ['fail', 'early']) {
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(`${root}/${dir}`).filter((n) => n.endsWith('.js')).sort()) {
      const source = readFileSync(`${root}/${dir}/${name}`, 'utf8');
      measure(tally, `${dir}/${name}`, source, name.endsWith('.module.js') ? 'module' : 'script');
    }
  }
  tallies.push(tally);
}

{
  const corpus = fuzzCorpus();
  for (let run = 1; run <= runs; run++) {
    const tally = newTally(`encode fuzzer, seed ${run}`);
    const random = createRandom(run);
    for (let i = 0; i < perRun; i++) {
      const { source, sourceType, origin } = fuzzSource(random, corpus);
      measure(tally, `${origin} #${i}`, source, sourceType);
    }
    tallies.push(tally);
  }
}

{
  const tally = newTally('real files, one token deleted');
  const files = [
    ['lodash/lodash.js', 'script'],
    ['jquery/dist/jquery.js', 'script'],
    ['moment/moment.js', 'script'],
    ['vue/dist/vue.esm-browser.js', 'module'],
    ['d3/dist/d3.js', 'script'],
  ];
  const random = createRandom(16);
  for (const [path, sourceType] of files) {
    const source = readFileSync(resolve('node_modules', path), 'utf8');
    const tokens = [...acorn.tokenizer(source, { ecmaVersion: 'latest', sourceType })];
    for (let i = 0; i < deletedPerFile; i++) {
      const token = random.pick(tokens);
      measure(tally, `${path} without ${JSON.stringify(source.slice(token.start, token.end).slice(0, 30))} at ${token.start}`,
        source.slice(0, token.start) + source.slice(token.end), sourceType);
    }
  }
  tallies.push(tally);
}

const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
if (args.includes('--json')) {
  console.log(JSON.stringify(tallies.map(({ differences, oneSided, ...t }) => ({ ...t, differences: differences.slice(0, listLimit), oneSided: oneSided.slice(0, listLimit) })), null, 2));
} else {
  console.log(`binast: ${dist}\n`);
  console.log('| set | both reject | same message | same pos + loc | same pos + loc + raisedAt | only acorn rejects | only binast rejects |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const t of tallies) {
    console.log(`| ${t.name} | ${t.bothReject} | ${t.sameMessage} (${pct(t.sameMessage, t.bothReject)}) | ${t.samePos} (${pct(t.samePos, t.bothReject)}) | ${t.samePosition} (${pct(t.samePosition, t.bothReject)}) | ${t.onlyAcornRejects} | ${t.onlyBinastRejects} |`);
  }
  for (const t of tallies) {
    for (const d of t.differences.slice(0, listLimit)) console.log(`  ${t.name}: ${d.id}: acorn "${d.acorn}" vs binast "${d.binast}"`);
    for (const d of t.oneSided.slice(0, listLimit)) console.log(`  ${t.name}: one side rejects: ${d.id}: acorn ${d.acorn}, binast ${d.binast}\n    ${JSON.stringify(d.source)}`);
  }
}
