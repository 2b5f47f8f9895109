// Experiment: where do the bytes of a binast binary of minified code go?
import * as acorn from 'acorn';
import esbuild from 'esbuild';
import zlib from 'node:zlib';
import { loadCorpus } from '/work/main/bench/corpus.mjs';
import { SCHEMA as MODEL, KIND, varint } from '/work/main/test/fuzz/engine.mjs';
import { encode } from '/work/main/dist/index.js';

const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } }).length;
const zz = (d) => (d >= 0 ? d * 2 : -d * 2 - 1);
const vlen = (v) => varint(v).length;

function literalKind(node) {
  if (node.regex) return 'RegExpLiteral';
  if (typeof node.bigint === 'string') return 'BigIntLiteral';
  const { value, raw } = node;
  if (value === null) return 'NullLiteral';
  if (typeof value === 'boolean') return 'BooleanLiteral';
  if (typeof value === 'string') return raw === `"${value}"` ? 'StringLiteralDoubleQuoted' : raw === `'${value}'` ? 'StringLiteralSingleQuoted' : 'StringLiteral';
  if (Number.isInteger(value) && value >= 0 && value < 2 ** 31 && raw === String(value)) return 'IntegerLiteral';
  return 'NumberLiteral';
}
function wireKind(node) {
  switch (node.type) {
    case 'Literal': return literalKind(node);
    case 'ExpressionStatement': return typeof node.directive === 'string' ? 'Directive' : 'ExpressionStatement';
    case 'Identifier': return node.end - node.start === node.name.length ? 'Identifier' : 'IdentifierWithEnd';
    case 'PrivateIdentifier': return node.end - node.start === node.name.length + 1 ? 'PrivateIdentifier' : 'PrivateIdentifierWithEnd';
    case 'TemplateElement': return node.value.cooked === node.value.raw ? 'TemplateElement' : 'TemplateElementCooked';
    default: return node.type;
  }
}
const wireValue = (node, item) => {
  if (node.type === 'TemplateElement' && (item.name === 'raw' || item.name === 'cooked')) return node.value[item.name];
  if (node.type === 'Literal' && node.regex && (item.name === 'pattern' || item.name === 'flags')) return node.regex[item.name];
  return node[item.name];
};

// Collect an event list: {cat, value, ctx}
function events(program) {
  const ev = [];
  let pos = 0;
  const work = [[program, 'root']];
  while (work.length) {
    const it = work.pop();
    if (typeof it === 'function') { it(); continue; }
    const [node, ctx] = it;
    if (!node) { ev.push({ cat: 'tag', value: 0, ctx }); continue; }
    const kind = KIND.get(wireKind(node));
    ev.push({ cat: 'tag', value: kind.tag, ctx });
    ev.push({ cat: 'start', value: node.start - pos, ctx: ctx + '>' + kind.name });
    pos = node.start;
    if (kind.attrBits > 0) ev.push({ cat: 'attrs', value: 1 });
    const tasks = [];
    for (const w of kind.wire) {
      const value = wireValue(node, w);
      switch (w.type) {
        case 'node': case 'node?': tasks.push([value ?? null, kind.name + '.' + w.name]); break;
        case 'node[]': case '(node|null)[]':
          tasks.push(() => ev.push({ cat: 'len', value: value.length }));
          value.forEach((e, i) => tasks.push([e ?? null, kind.name + '.' + w.name + (i === 0 ? '[0]' : '[i]')]));
          break;
        case 'string': case 'string?': tasks.push(() => ev.push({ cat: 'ref', value: 1 })); break;
        case 'uint': tasks.push(() => ev.push({ cat: 'uint', value })); break;
        case 'f64': tasks.push(() => ev.push({ cat: 'f64', value: 8 })); break;
      }
    }
    tasks.push(() => { if (!kind.endLength) ev.push({ cat: 'end', value: node.end - pos, ctx: kind.name }); pos = node.end; });
    for (let i = tasks.length - 1; i >= 0; i--) work.push(tasks[i]);
  }
  return ev;
}

const mode = process.argv[2] ?? 'min';
const files = loadCorpus();
const tot = { src: 0, srcBr: 0, bin: 0, binBr: 0 };
const cats = {};
const hist = { start: new Map(), end: new Map() };
for (const f of files) {
  const src = mode === 'min' ? esbuild.transformSync(f.source, { minify: true, format: f.sourceType === 'module' ? 'esm' : undefined }).code : f.source;
  const program = acorn.parse(src, { ecmaVersion: 'latest', sourceType: f.sourceType });
  const bin = encode(src, { sourceType: f.sourceType });
  const s = Buffer.from(src);
  const row = { name: f.name, src: s.length, bin: bin.length, srcBr: br(s), binBr: br(bin) };
  for (const k of ['src', 'srcBr', 'bin', 'binBr']) tot[k] += row[k];
  console.log(row.name, 'raw', (row.bin / row.src).toFixed(3), 'br', (row.binBr / row.srcBr).toFixed(3));
  for (const e of events(program)) {
    const c = cats[e.cat] ??= { count: 0, bytes: 0 };
    c.count++;
    c.bytes += e.cat === 'start' || e.cat === 'end' ? vlen(zz(e.value)) : e.cat === 'ref' ? 0 : e.cat === 'f64' ? 8 : e.cat === 'tag' ? 1 : e.cat === 'attrs' ? 1 : vlen(e.value);
    if (e.cat === 'start' || e.cat === 'end') hist[e.cat].set(e.value, (hist[e.cat].get(e.value) ?? 0) + 1);
  }
}
console.log('TOTAL raw', (tot.bin / tot.src).toFixed(3), 'br', (tot.binBr / tot.srcBr).toFixed(3), tot);
console.log(cats);
for (const k of ['start', 'end']) console.log(k, [...hist[k]].sort((a, b) => b[1] - a[1]).slice(0, 12));

// ---- scheme simulation ----
import { layout } from '/work/main/test/fuzz/engine.mjs';
function sim(files, scheme, table) {
  let raw = 0, brs = 0, srcBr = 0, src = 0;
  for (const f of files) {
    const { bin, evs, srcBytes } = f;
    const L = layout(bin);
    const other = [bin.subarray(L.strings.start, L.strings.end), bin.subarray(L.refs.start, L.refs.end), bin.subarray(L.lines.start, L.lines.end)];
    const main = [], pos = [], esc = [];
    let bits = 0, nbits = 0;
    const put2 = (code, width) => { bits |= code << nbits; nbits += width; while (nbits >= 8) { pos.push(bits & 255); bits >>>= 8; nbits -= 8; } };
    for (const e of evs) {
      if (e.cat === 'start' || e.cat === 'end') {
        let v = e.value;
        if (scheme.predict) v -= (table.get(e.cat + e.ctx) ?? 0);
        const z = zz(v);
        if (scheme.kind === 'inline') main.push(...varint(z));
        else if (scheme.kind === 'sep') pos.push(...varint(z));
        else {
          const W = scheme.width, max = (1 << W) - 1;
          if (z < max) put2(z, W); else { put2(max, W); esc.push(...varint(z - max)); }
        }
      } else if (e.cat === 'tag') main.push(e.value);
      else if (e.cat === 'attrs') main.push(1);
      else if (e.cat === 'len' || e.cat === 'uint') main.push(...varint(e.value));
      else if (e.cat === 'f64') main.push(1, 2, 3, 4, 5, 6, 7, 8);
    }
    if (nbits) pos.push(bits & 255);
    const all = Buffer.concat([...other, Buffer.from(main), Buffer.from(pos), Buffer.from(esc)]);
    raw += all.length; brs += br(all); src += srcBytes; srcBr += f.srcBr;
  }
  return `raw ${(raw / src).toFixed(3)} br ${(brs / srcBr).toFixed(3)}`;
}
const prepared = [];
const counts = new Map();
for (const f of files) {
  const srcText = mode === 'min' ? esbuild.transformSync(f.source, { minify: true, format: f.sourceType === 'module' ? 'esm' : undefined }).code : f.source;
  const program = acorn.parse(srcText, { ecmaVersion: 'latest', sourceType: f.sourceType });
  const bin = encode(srcText, { sourceType: f.sourceType });
  const evs = events(program);
  for (const e of evs) if (e.cat === 'start' || e.cat === 'end') {
    const k = e.cat + e.ctx; let m = counts.get(k); if (!m) counts.set(k, m = new Map()); m.set(e.value, (m.get(e.value) ?? 0) + 1);
  }
  prepared.push({ bin, evs, srcBytes: Buffer.byteLength(srcText), srcBr: br(Buffer.from(srcText)) });
}
const table = new Map([...counts].map(([k, m]) => [k, [...m].sort((a, b) => b[1] - a[1])[0][0]]));
console.log('contexts', table.size);
for (const scheme of [{ kind: 'inline' }, { kind: 'sep' }, { kind: 'sep', predict: 1 }, { kind: 'bits', width: 2 }, { kind: 'bits', width: 2, predict: 1 }, { kind: 'bits', width: 1, predict: 1 }, { kind: 'bits', width: 4, predict: 1 }, { kind: 'inline', predict: 1 }]) {
  console.log(JSON.stringify(scheme), sim(prepared, scheme, table));
}
{
  const parts = { strings: 0, refs: 0, lines: 0, main: 0, pos: 0, tags: 0, attrs: 0, lens: 0 };
  let srcBr = 0;
  for (const f of prepared) {
    const L = layout(f.bin);
    parts.strings += br(f.bin.subarray(L.strings.start, L.strings.end));
    parts.refs += br(f.bin.subarray(L.refs.start, L.refs.end));
    parts.lines += br(f.bin.subarray(L.lines.start, L.lines.end));
    const main = [], pos = [], tags = [], lens = [];
    for (const e of f.evs) {
      if (e.cat === 'start' || e.cat === 'end') { pos.push(...varint(zz(e.value - (table.get(e.cat + e.ctx) ?? 0)))); continue; }
      if (e.cat === 'tag') { main.push(e.value); tags.push(e.value); }
      else if (e.cat === 'attrs') main.push(1);
      else if (e.cat === 'len' || e.cat === 'uint') { main.push(...varint(e.value)); lens.push(...varint(e.value)); }
    }
    parts.main += br(Buffer.from(main)); parts.pos += br(Buffer.from(pos)); parts.tags += br(Buffer.from(tags)); parts.lens += br(Buffer.from(lens));
    srcBr += f.srcBr;
  }
  console.log('brotli parts (KB)', Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round(v / 1000)])), 'srcBr', Math.round(srcBr / 1000));
}
{
  // Tag-bit scheme: bit 7 of the tag = start and end both as predicted; else residual varints inline.
  // ctxMode 'slot' = parent slot only for starts.
  const strip = (ctx) => ctx.replace(/>.*$/, '');
  const counts2 = new Map();
  for (const f of prepared) for (const e of f.evs) if (e.cat === 'start' || e.cat === 'end') {
    const k = e.cat + (e.cat === 'start' ? strip(e.ctx) : e.ctx); let m = counts2.get(k); if (!m) counts2.set(k, m = new Map()); m.set(e.value, (m.get(e.value) ?? 0) + 1);
  }
  const table2 = new Map([...counts2].map(([k, m]) => [k, [...m].sort((a, b) => b[1] - a[1])[0][0]]));
  console.log('slot contexts', table2.size);
  for (const [name, tbl, key] of [['slot+kind', table, (e) => e.cat + e.ctx], ['slot', table2, (e) => e.cat + (e.cat === 'start' ? strip(e.ctx) : e.ctx)]]) {
    let raw = 0, brs = 0, src = 0, srcBr = 0, both = 0, nodes = 0;
    for (const f of prepared) {
      const L = layout(f.bin);
      const other = [f.bin.subarray(L.strings.start, L.strings.end), f.bin.subarray(L.refs.start, L.refs.end), f.bin.subarray(L.lines.start, L.lines.end)];
      // group events per node: tag at index, start right after; end comes later. Build node records first.
      const out = [];
      const evs = f.evs;
      // First pass: residuals
      const res = evs.map((e) => (e.cat === 'start' || e.cat === 'end') ? e.value - (tbl.get(key(e)) ?? 0) : null);
      // match ends to starts with a stack
      const stack = [], flag = new Array(evs.length).fill(false), endOf = new Map();
      for (let i = 0; i < evs.length; i++) {
        const e = evs[i];
        if (e.cat === 'tag' && e.value !== 0) stack.push({ tag: i, start: i + 1, end: -1 });
        if (e.cat === 'end' || (e.cat === 'tagend')) {}
      }
      // simpler: recompute with explicit structure is complex; approximate: a node's end event is the next 'end' event at matching depth.
      // Use depth tracking: tags push, node completion pops. We know completion when its end event appears OR (endLength) never. Approx: count flags per start only.
      let i = 0;
      for (const e of evs) {
        if (e.cat === 'start' || e.cat === 'end') { if (res[i] === 0) both++; nodes++; }
        i++;
      }
      // Raw estimate: positions with residual 0 cost 0 bytes if both zero; approximate per position with 1/8 byte flag cost.
      let bytes = 0;
      i = 0;
      for (const e of evs) {
        if (e.cat === 'start' || e.cat === 'end') bytes += res[i] === 0 ? 0 : vlen(zz(res[i]));
        else if (e.cat === 'tag' || e.cat === 'attrs') bytes += 1;
        else if (e.cat === 'len' || e.cat === 'uint') bytes += vlen(e.value);
        else if (e.cat === 'f64') bytes += 8;
        i++;
      }
      raw += bytes + other.reduce((n, o) => n + o.length, 0); src += f.srcBytes;
    }
    console.log(name, 'positions as predicted', (both / nodes).toFixed(3), 'raw lower bound (free zero residuals)', (raw / src).toFixed(3));
  }
}
{
  // accuracy of start-gap keys (share of starts whose gap equals the key's most frequent gap)
  const keyers = {
    childKind: (e) => e.ctx.replace(/^.*>/, ''),
    slot: (e) => e.ctx.replace(/>.*$/, '').replace(/\[(0|i)\]$/, ''),
    slotIdx: (e) => e.ctx.replace(/>.*$/, ''),
    slotKind: (e) => e.ctx.replace(/\[(0|i)\]>/, '>'),
    slotIdxKind: (e) => e.ctx,
    kindIdx: (e) => e.ctx.replace(/^.*\[(0|i)\]>/, '$1>').replace(/^[^>]*\.[^>]*>/, 'x>'),
  };
  for (const [name, keyer] of Object.entries(keyers)) {
    const c = new Map(); let n = 0;
    for (const f of prepared) for (const e of f.evs) if (e.cat === 'start') {
      const k = keyer(e); let m = c.get(k); if (!m) c.set(k, m = new Map()); m.set(e.value, (m.get(e.value) ?? 0) + 1); n++;
    }
    let hit = 0; for (const m of c.values()) hit += Math.max(...m.values());
    console.log('start key', name, 'keys', c.size, 'hit', (hit / n).toFixed(3));
  }
  const c = new Map(); let n = 0;
  for (const f of prepared) for (const e of f.evs) if (e.cat === 'end') { let m = c.get(e.ctx); if (!m) c.set(e.ctx, m = new Map()); m.set(e.value, (m.get(e.value) ?? 0) + 1); n++; }
  let hit = 0; for (const m of c.values()) hit += Math.max(...m.values());
  console.log('end key kind', c.size, 'hit', (hit / n).toFixed(3));
}
