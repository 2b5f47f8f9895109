#!/usr/bin/env node
// moduleInfo (issue #13) in one process, interleaved with its peer and its parts: over the
// project corpus (bench/project) and typescript.js, per round: binast's moduleInfo of every
// binary, es-module-lexer's parse of every source, and XXH32 of every binary alone (the
// integrity check moduleInfo starts with: what it costs). Also the modules section's size:
// its share of the binaries, raw and brotli (quality 11, as bench/sizes.mjs).
// Medians of --rounds (default 9) after 2 warm-up rounds. Needs `npm run build`. With
// `--compare name=path/to/dist`, another build's moduleInfo runs interleaved with this one's on
// the same binaries (an A/B of the reader: the builds must share the format).
//   node bench/module-info.mjs [--rounds 9] [--compare base=/path/to/dist] [--no-write]
// Writes bench/results/module-info-steady-node<major>.{json,md}.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { init as initLexer, parse as lex } from 'es-module-lexer';
import * as binast from '../dist/node.js';
import { xxh32 } from '../dist/decode/checksum.js';
import { loadCorpus, ROOT } from './corpus.mjs';
import { loadInputs, prepareCorpus, readManifest } from './project/corpus.mjs';

const argv = process.argv.slice(2);
const ROUNDS = argv.includes('--rounds') ? Number(argv[argv.indexOf('--rounds') + 1]) : 9;
const WARMUP = 2;
const COMPARE = argv.includes('--compare') ? argv[argv.indexOf('--compare') + 1].split('=') : null;
const other = COMPARE ? await import(pathToFileURL(path.resolve(COMPARE[1], 'decode/index.js')).href) : null;

await initLexer();
const corpusDir = await prepareCorpus(binast, (s) => console.log(s));
const manifest = readManifest(corpusDir);
const sources = loadInputs(corpusDir, manifest, 'source');
const binaries = loadInputs(corpusDir, manifest, 'binary');
const [ts] = loadCorpus(['typescript']);
const tsBytes = binast.encode(ts.source, { sourceType: ts.sourceType });

const lexAll = (list) => {
  let gaveUp = 0;
  for (const source of list) {
    try {
      lex(source);
    } catch {
      gaveUp++;
    }
  }
  return gaveUp;
};
const WORK = {
  project: {
    moduleInfo: () => binaries.forEach((b) => binast.moduleInfo(b)),
    checksum: () => binaries.forEach((b) => xxh32(b, b.length - 4)),
    esModuleLexer: () => lexAll(sources),
    ...(other ? { [`moduleInfo@${COMPARE[0]}`]: () => binaries.forEach((b) => other.moduleInfo(b)) } : {}),
  },
  typescript: {
    ...(other ? { [`moduleInfo@${COMPARE[0]}`]: () => other.moduleInfo(tsBytes) } : {}),
    moduleInfo: () => binast.moduleInfo(tsBytes),
    checksum: () => xxh32(tsBytes, tsBytes.length - 4),
    esModuleLexer: () => lexAll([ts.source]),
  },
};

const samples = {};
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  for (const [workload, tools] of Object.entries(WORK)) {
    const names = Object.keys(tools);
    // Rotate the order each round: no tool always runs first (or right after a collection).
    for (const name of names.map((_, i) => names[(i + round) % names.length])) {
      const t = performance.now();
      tools[name]();
      const ms = performance.now() - t;
      if (round >= WARMUP) ((samples[workload] ??= {})[name] ??= []).push(ms);
    }
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const ms = Object.fromEntries(Object.entries(samples).map(([w, t]) => [w, Object.fromEntries(Object.entries(t).map(([n, s]) => [n, median(s)]))]));

// The modules section's share of the binaries.
const brotli = (bytes) => zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } }).length;
const MODULES_FIELD = 36;
let raw = 0, section = 0, compressed = 0, compressedWithout = 0, withRecords = 0, gaveUp = lexAll(sources);
for (const bytes of binaries) {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MODULES_FIELD, true);
  const end = bytes.length - 4; // the modules section is the last one, just before the checksum
  raw += bytes.length;
  section += length;
  if (length > 0) withRecords++;
  compressed += brotli(bytes);
  compressedWithout += brotli(Buffer.concat([bytes.subarray(0, end - length), bytes.subarray(end)]));
}

const major = process.versions.node.split('.')[0];
const result = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  node: process.version,
  rounds: ROUNDS,
  corpus: { files: binaries.length, sourceBytes: manifest.sourceBytes, binaryBytes: raw, filesWithRecords: withRecords, lexerGaveUp: gaveUp },
  typescript: { sourceBytes: Buffer.byteLength(ts.source), binaryBytes: tsBytes.length },
  medianMs: ms,
  ratios: {
    projectLexerOverModuleInfo: ms.project.esModuleLexer / ms.project.moduleInfo,
    typescriptLexerOverModuleInfo: ms.typescript.esModuleLexer / ms.typescript.moduleInfo,
    projectChecksumShare: ms.project.checksum / ms.project.moduleInfo,
    typescriptChecksumShare: ms.typescript.checksum / ms.typescript.moduleInfo,
  },
  size: { sectionBytes: section, rawShare: section / raw, brotliBytes: compressed, brotliWithoutSection: compressedWithout, brotliShare: (compressed - compressedWithout) / compressed },
};

const f = (x) => x.toFixed(2);
const pct = (x) => `${(x * 100).toFixed(2)}%`;
const md = [
  `# moduleInfo, steady state, Node ${process.version}`,
  '',
  `${result.date}; one process, the tools interleaved (order rotated), medians of ${ROUNDS} rounds after ${WARMUP} warm-up rounds. ` +
    `Project corpus: ${binaries.length} files, ${(manifest.sourceBytes / 1e6).toFixed(1)} MB of source, ${(raw / 1e6).toFixed(1)} MB of binaries ` +
    `(es-module-lexer gave up on ${gaveUp}). typescript.js: ${(result.typescript.sourceBytes / 1e6).toFixed(2)} MB, binary ${(tsBytes.length / 1e6).toFixed(2)} MB.`,
  '',
  '| ms | project corpus | typescript.js |',
  '|---|---:|---:|',
  `| **binast moduleInfo** (header and section checks included) | ${f(ms.project.moduleInfo)} | ${f(ms.typescript.moduleInfo)} |`,
  `| XXH32 of the whole file (decode's check; moduleInfo checks only its section) | ${f(ms.project.checksum)} | ${f(ms.typescript.checksum)} |`,
  `| es-module-lexer parse | ${f(ms.project.esModuleLexer)} | ${f(ms.typescript.esModuleLexer)} |`,
  `| es-module-lexer ÷ moduleInfo | ${f(result.ratios.projectLexerOverModuleInfo)}x | ${f(result.ratios.typescriptLexerOverModuleInfo)}x |`,
  ...(other ? [`| moduleInfo of ${COMPARE[0]} (${COMPARE[1]}) | ${f(ms.project[`moduleInfo@${COMPARE[0]}`])} | ${f(ms.typescript[`moduleInfo@${COMPARE[0]}`])} |`] : []),
  '',
  `Modules section: ${section.toLocaleString('en-US')} bytes in ${withRecords} of ${binaries.length} files: ${pct(result.size.rawShare)} of the binaries raw, ` +
    `${pct(result.size.brotliShare)} brotli (each file compressed with and without it).`,
  '',
  'Regenerate: `npm run build && node bench/module-info.mjs`.',
].join('\n');
console.log(md);
if (!argv.includes('--no-write')) {
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `module-info-steady-node${major}.json`), `${JSON.stringify(result, null, 1)}\n`);
  writeFileSync(path.join(dir, `module-info-steady-node${major}.md`), `${md}\n`);
}
