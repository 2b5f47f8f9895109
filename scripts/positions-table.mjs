#!/usr/bin/env node
// Recomputes scripts/codegen/positions.mjs, the position prediction tables (docs/format.md,
// Nodes): the most frequent start gap of each parent slot (a list: its first element and the
// later ones apart) and end gap of each kind that stores its end, over the bench corpus
// minified with esbuild. `--check` fails when the file differs (the tables are part of the
// schema hash: changing them changes the format). Then `npm run codegen`.
import { readFileSync, writeFileSync } from 'node:fs';
import * as acorn from 'acorn';
import esbuild from 'esbuild';
import { loadCorpus } from '../bench/corpus.mjs';
import { KIND, wireKind } from '../test/fuzz/engine.mjs';

const wireValue = (node, item) => {
  if (node.type === 'TemplateElement' && (item.name === 'raw' || item.name === 'cooked')) return node.value[item.name];
  if (node.type === 'Literal' && node.regex && (item.name === 'pattern' || item.name === 'flags')) return node.regex[item.name];
  return node[item.name];
};

/** counts: key -> gap -> count. Start keys `Kind.field` or `Kind.field[0]` / `[i]`; end keys `Kind`. */
function countGaps(program, starts, ends) {
  const add = (map, key, gap) => {
    let m = map.get(key);
    if (!m) map.set(key, (m = new Map()));
    m.set(gap, (m.get(gap) ?? 0) + 1);
  };
  let pos = 0;
  const work = [[program, null]];
  while (work.length > 0) {
    const item = work.pop();
    if (typeof item === 'function') {
      item();
      continue;
    }
    const [node, slot] = item;
    if (!node) continue;
    const kind = KIND.get(wireKind(node));
    if (slot !== null) add(starts, slot, node.start - pos);
    pos = node.start;
    const tasks = [];
    for (const w of kind.wire) {
      const value = wireValue(node, w);
      if (w.type === 'node' || w.type === 'node?') tasks.push([value ?? null, `${kind.name}.${w.name}`]);
      if (w.type === 'node[]' || w.type === '(node|null)[]') {
        value.forEach((e, i) => tasks.push([e ?? null, `${kind.name}.${w.name}${i === 0 ? '[0]' : '[i]'}`]));
      }
    }
    tasks.push(() => {
      if (!kind.endLength) add(ends, kind.name, node.end - pos);
      pos = node.end;
    });
    for (let i = tasks.length - 1; i >= 0; i--) work.push(tasks[i]);
  }
}

const starts = new Map();
const ends = new Map();
for (const f of loadCorpus()) {
  const source = esbuild.transformSync(f.source, { minify: true, format: f.sourceType === 'module' ? 'esm' : undefined }).code;
  countGaps(acorn.parse(source, { ecmaVersion: 'latest', sourceType: f.sourceType }), starts, ends);
}
// The most frequent gap; ties to the smaller.
const best = (m) => [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
const startGaps = {};
for (const [key, m] of starts) {
  const list = key.match(/^(.*)\[(0|i)\]$/);
  if (list) (startGaps[list[1]] ??= [0, 0])[list[2] === '0' ? 0 : 1] = best(m);
  else startGaps[key] = best(m);
}
const endGaps = Object.fromEntries([...ends].map(([key, m]) => [key, best(m)]));
const entries = (table) =>
  Object.entries(table)
    .filter(([, v]) => (Array.isArray(v) ? v.some((x) => x !== 0) : v !== 0))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `  '${k}': ${Array.isArray(v) ? `[${v.join(', ')}]` : v},\n`)
    .join('');

const file = new URL('./codegen/positions.mjs', import.meta.url);
const current = readFileSync(file, 'utf8');
const text = current
  .replace(/(export const startGaps = \{\n)[^]*?(\};)/, (_, a, b) => a + entries(startGaps) + b)
  .replace(/(export const endGaps = \{\n)[^]*?(\};)/, (_, a, b) => a + entries(endGaps) + b);
if (process.argv.includes('--check')) {
  if (text !== current) {
    console.error('scripts/codegen/positions.mjs differs from the corpus; run node scripts/positions-table.mjs');
    process.exit(1);
  }
  console.log('positions.mjs matches the corpus');
} else if (text !== current) {
  writeFileSync(file, text);
  console.log('wrote scripts/codegen/positions.mjs; now npm run codegen');
} else {
  console.log('positions.mjs unchanged');
}
