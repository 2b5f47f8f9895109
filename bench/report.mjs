// Markdown rendering of one result (bench/results/latest-node<major>.json).

export const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const fmtX = (x) => (x == null || !Number.isFinite(x) ? 'n/a' : `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}x`);
export const fmtKB = (b) => (b == null ? 'n/a' : `${(b / 1024).toFixed(b >= 10 * 1024 * 1024 ? 0 : 1)} KB`);
export const fmtMB = (b) => (b == null ? 'n/a' : `${(b / (1024 * 1024)).toFixed(1)} MB`);
const pct = (x) => `±${Math.round(x * 100)}%`;

export function machineLine(r) {
  const m = r.machine;
  return `${m.cpu}, ${m.cores} cores (${m.platform}/${m.arch}, ${m.memoryGB} GB), Node ${r.node} (V8 ${r.v8})`;
}

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

const timeCell = (s) => (!s ? '' : s.error ? 'error' : `${fmtMs(s.median)} ${pct(s.spread)}`);

export function targetsTable(r) {
  return table(
    ['Target', 'Goal', 'Measured', 'Result'],
    r.targets.map((t) => [t.label, t.goal, fmtX(t.value), t.status === 'PASS' ? '**PASS**' : t.status]),
  );
}

/** Aggregate times with ratios to binast decode and to acorn. */
export function aggregateTable(r) {
  const agg = r.timing.aggregate;
  const decode = agg.decode?.median;
  const acorn = agg.acorn?.median;
  return table(
    ['Aggregate (sum of per-file medians)', 'ms', 'spread', '÷ binast decode', 'acorn ÷ this'],
    r.tools.map((t) => {
      const s = agg[t.id];
      if (!s || s.error) return [t.label, s?.error ?? 'n/a', '', '', ''];
      return [t.label, fmtMs(s.median), pct(s.spread), fmtX(s.median / decode), fmtX(acorn / s.median)];
    }),
  );
}

export function timeTable(r) {
  const rows = r.files.map((f) => [`${f.name} (${fmtKB(f.sourceBytes)}, ×${f.iterations})`, ...r.tools.map((t) => timeCell(r.timing.perFile[f.name][t.id]))]);
  rows.push(['**aggregate**', ...r.tools.map((t) => `**${timeCell(r.timing.aggregate[t.id])}**`)]);
  return table(['ms, median ± IQR/median', ...r.tools.map((t) => t.label)], rows);
}

export function sizeTable(r) {
  const row = (name, s) => {
    // `--no-sizes` leaves every entry empty.
    const src = s?.source, bin = s?.binary, com = s?.comments;
    if (!src) return [name, 'n/a', '', '', '', '', '', '', '', '', '', '', ''];
    if (!bin) return [name, fmtKB(src.raw), fmtKB(src.gzip), fmtKB(src.brotli), 'error', '', '', '', '', '', '', '', ''];
    return [name, fmtKB(src.raw), fmtKB(src.gzip), fmtKB(src.brotli), fmtKB(bin.raw), fmtKB(bin.gzip), fmtKB(bin.brotli),
      fmtX(bin.raw / src.raw), fmtX(bin.gzip / src.gzip), fmtX(bin.brotli / src.brotli),
      com ? fmtKB(com.brotli) : 'n/a', com ? fmtX(com.brotli / src.brotli) : 'n/a',
      s.noSkipEntries ? `+${((bin.brotli / s.noSkipEntries.brotli - 1) * 100).toFixed(1)}%` : 'n/a'];
  };
  const rows = r.files.map((f) => row(f.name, r.sizes.perFile[f.name]));
  rows.push(row('**aggregate**', r.sizes.aggregate));
  return table(['File', 'source', 'gzip', 'brotli', 'binary', 'gzip', 'brotli', 'bin/src', 'gzip', 'brotli', 'binary+comments brotli', '/src brotli', 'skip entries (brotli)'], rows);
}

export function libraryTable(r) {
  const row = (name, s) => (s?.error ? [name, `error: ${s.error}`, '', ''] : [name, fmtKB(s.raw), fmtKB(s.gzip), fmtKB(s.brotli)]);
  return table(['Artifact', 'raw', 'gzip -9', 'brotli 11'], [
    row('wasm/binast.wasm (encoder)', r.library.wasm),
    row(`decoder (${r.library.decoder?.entry ?? 'ts/decode/index.ts'}, esbuild bundle, minified)`, r.library.decoder),
  ]);
}

export function memoryTable(r) {
  const m = r.memory;
  const cells = (d, a) => {
    if (d?.error || a?.error) return [d?.error ?? '', a?.error ?? '', '', '', '', ''];
    // `--no-memory` leaves every entry empty.
    if (!d || !a) return ['n/a', 'n/a', '', '', '', ''];
    return [fmtMB(d.peak), fmtMB(a.peak), fmtX(d.peak / a.peak), fmtMB(d.retained), fmtMB(a.retained), fmtX(d.retained / a.retained)];
  };
  const rows = r.files.map((f) => [f.name, ...cells(m.perFile[f.name].decode, m.perFile[f.name].acorn)]);
  rows.push(['**aggregate**', ...cells(m.aggregate.decode, m.aggregate.acorn)]);
  return table(['File', 'decode peak', 'acorn peak', 'ratio', 'decode retained', 'acorn retained', 'ratio'], rows);
}

export function treeTable(r) {
  return table(
    ['File', 'sourceType', 'objects', 'arrays', 'array elements', 'JSON-identical to acorn', '… with locations'],
    r.files.map((f) => {
      const c = f.counts ?? {};
      const fid = r.fidelity[f.name] ?? {};
      const show = (v) => (v === true ? 'yes' : v === false ? '**NO**' : String(v ?? 'n/a'));
      return [f.name, f.sourceType, c.objects ?? 'n/a', c.arrays ?? 'n/a', c.arrayElements ?? 'n/a', show(fid.plain), show(fid.locations)];
    }),
  );
}

export function renderMarkdown(r) {
  const out = [];
  out.push(`# binast benchmark: Node ${r.node}${r.mode === 'quick' ? ' (quick)' : ''}`);
  out.push('');
  out.push(`${r.date}. ${machineLine(r)}. binast ${r.binast.version} (${r.binast.commit}; ${r.binast.entry ?? 'dist/index.js'}), format v${r.binast.formatVersion}.`);
  out.push(`Peers: ${Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  out.push('');
  out.push(`Timing: ${r.settings.rounds} measured rounds after ${r.settings.warmupRounds} warm-up round(s); ${r.settings.method}`);
  out.push('');
  out.push('## Targets (aggregate, this run)');
  out.push('');
  out.push(targetsTable(r));
  out.push('');
  out.push('## Aggregate time');
  out.push('');
  out.push(aggregateTable(r));
  out.push('');
  out.push('## Time per file');
  out.push('');
  out.push(`Each cell: median ms ± (p75 − p25) / median. ×k after a file name: iterations per task per round.`);
  out.push('');
  out.push(timeTable(r));
  out.push('');
  out.push('## Sizes');
  out.push('');
  out.push('gzip level 9; brotli quality 11, window 2^24. KB = 1024 bytes. "binary" is the default encoding, without comments (the source sizes include them); "binary+comments" is `encode(source, { comments: true })`.');
  out.push('');
  out.push(sizeTable(r));
  out.push('');
  out.push('The same files minified with esbuild (`minify: true`), what the bundler plugin meets:');
  out.push('');
  out.push(sizeTable({ files: r.files, sizes: r.sizes.minified ?? { perFile: {}, aggregate: {} } }));
  out.push('');
  out.push(libraryTable(r));
  out.push('');
  out.push('## Memory');
  out.push('');
  out.push(r.memory.method);
  out.push('');
  out.push(memoryTable(r));
  out.push('');
  out.push('## Trees and fidelity');
  out.push('');
  out.push('Objects and arrays in acorn\'s tree (what the allocation floor allocates); fidelity compares JSON.stringify of binast\'s decode with acorn\'s parse.');
  out.push('');
  out.push(treeTable(r));
  out.push('');
  if (r.errors.length) {
    out.push('## Errors');
    out.push('');
    for (const e of r.errors) out.push(`- ${e.tool} on ${e.file}: ${e.message}`);
    out.push('');
  }
  return out.join('\n');
}
