// Tables and targets of a project-scale result (bench/results/project-node<major>.json).
import { fmtMB, fmtMs, fmtX } from '../report.mjs';
import { SIZE_CLASSES } from './size-classes.mjs';

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
const pct = (x) => `±${Math.round(x * 100)}%`;
const med = (r, id) => r.project?.[id]?.totalMs?.median;
const coldMed = (r, id, file, what = 'runMs') => r.cold?.[file]?.[id]?.[what]?.median;
const ratio = (a, b) => (a > 0 && b > 0 ? a / b : undefined);

/** Targets of issue #11, from one run (ratios within the run). */
export function projectTargets(r) {
  const t = [
    { id: 'decode-vs-acorn', label: 'decode faster than acorn.parse', goal: '>= 8x', min: 8, value: ratio(med(r, 'acorn'), med(r, 'decode')) },
    { id: 'decode-loc-vs-acorn-loc', label: 'decode +loc faster than acorn +loc', goal: '>= 6x', min: 6, value: ratio(med(r, 'acornLoc'), med(r, 'decodeLoc')) },
    { id: 'decode-vs-oxc-raw', label: 'decode faster than oxc-parser raw transfer', goal: '>= 4x', min: 4, value: ratio(med(r, 'oxcRaw'), med(r, 'decode')) },
    { id: 'module-info-vs-lexer', label: 'moduleInfo faster than es-module-lexer parse', goal: '>= 10x', min: 10, value: ratio(med(r, 'esModuleLexer'), med(r, 'moduleInfo')) },
  ];
  // Lazy bodies (issue #13): the top level against acorn, every body read against an eager
  // decode walked alike, and the eager decode against another build (`--compare`), if any.
  t.push({ id: 'lazy-top-vs-acorn', label: 'decode lazy (top level) faster than acorn.parse', goal: '>= 50x', min: 50, value: ratio(med(r, 'acorn'), med(r, 'decodeLazy')) });
  t.push({ id: 'lazy-all-vs-eager', label: 'decode lazy + every body read / decode, both walked', goal: '<= 1.3x', max: 1.3, value: ratio(med(r, 'decodeLazyAll'), med(r, 'decodeWalk')) });
  for (const name of r.settings?.compare ?? []) {
    const value = ratio(med(r, 'decode'), med(r, `decode@${name}`));
    t.push({ id: `decode-vs-${name}`, label: `decode / decode of ${name} (its own binaries)`, goal: '0.97x–1.03x', max: 1.03, value,
      ...(value !== undefined && value < 0.97 ? { note: 'faster' } : {}) });
  }
  const large = r.coldFiles?.find((c) => c.name === 'large');
  if (large) {
    t.push({ id: 'cold-large-module-info', label: `cold large file (${fmtKB(large.sourceBytes)}): moduleInfo faster than es-module-lexer parse`, goal: '>= 10x', min: 10,
      value: ratio(coldMed(r, 'esModuleLexer', large.name), coldMed(r, 'moduleInfo', large.name)) });
  }
  for (const c of r.coldFiles ?? []) {
    if (c.name === 'large') {
      t.push({ id: 'cold-large-lazy', label: `cold ${c.name} file (${fmtKB(c.sourceBytes)}): decode lazy (top level) faster than acorn.parse`, goal: '>= 50x', min: 50,
        value: ratio(coldMed(r, 'acorn', c.name), coldMed(r, 'decodeLazy', c.name)) });
    }
    t.push({ id: `cold-${c.name}`, label: `cold ${c.name} file (${fmtKB(c.sourceBytes)}): decode faster than acorn.parse`, goal: '>= 5x', min: 5,
      value: ratio(coldMed(r, 'acorn', c.name), coldMed(r, 'decode', c.name)) });
  }
  if (r.coldFiles?.length) {
    const c = r.coldFiles[0].name;
    t.push({ id: 'import', label: '`binast/decode` import time / `acorn` import time', goal: '<= 1.5x', max: 1.5,
      value: ratio(coldMed(r, 'decode', c, 'importMs'), coldMed(r, 'acorn', c, 'importMs')) });
  }
  return t.map((x) => ({ ...x, status: x.value === undefined ? 'n/a' : (x.min !== undefined ? x.value >= x.min : x.value <= x.max) ? 'PASS' : 'MISS' }));
}

const fmtKB = (b) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.round(b / 1024)} KB`);

export function projectTable(r) {
  const decode = med(r, 'decode');
  const acorn = med(r, 'acorn');
  return table(
    ['Tool (fresh process, each file once)', 'ms', 'spread', 'CPU ms', 'GC ms', ...SIZE_CLASSES.map((c) => c.label), '÷ binast decode', 'acorn ÷ this'],
    r.tools.filter((t) => r.project?.[t.id]).map((t) => {
      const s = r.project[t.id];
      if (s.error) return [t.label, 'error', s.error, '', '', '', '', '', '', ''];
      const label = t.group === 'binast' ? `**${t.label}**` : t.label;
      return [label, fmtMs(s.totalMs.median), pct(s.totalMs.spread), s.cpuMs ? fmtMs(s.cpuMs.median) : 'n/a', fmtMs(s.gcMs.median),
        ...SIZE_CLASSES.map(({ key }) => (s[key] ? fmtMs(s[key].median) : 'n/a')),
        fmtX(s.totalMs.median / decode), fmtX(acorn / s.totalMs.median)];
    }),
  );
}

export function coldTable(r) {
  if (!r.coldFiles?.length) return '';
  const tools = r.tools.filter((t) => r.cold?.[r.coldFiles[0].name]?.[t.id]);
  return table(
    ['Cold: one call in a fresh process, ms', ...r.coldFiles.map((c) => `${c.name} (${fmtKB(c.sourceBytes)})`), 'import', 'acorn ÷ this (per file)'],
    tools.map((t) => {
      const label = t.group === 'binast' ? `**${t.label}**` : t.label;
      return [label,
        ...r.coldFiles.map((c) => fmtMs(coldMed(r, t.id, c.name))),
        fmtMs(coldMed(r, t.id, r.coldFiles[0].name, 'importMs')),
        r.coldFiles.map((c) => fmtX(ratio(coldMed(r, 'acorn', c.name), coldMed(r, t.id, c.name)))).join(' / ')];
    }),
  );
}

export function targetsTable(r) {
  return table(['Target (this run)', 'Goal', 'Measured', 'Result'],
    r.targets.map((t) => [t.label, t.goal, fmtX(t.value), t.status === 'PASS' ? '**PASS**' : t.status]));
}

export function describe(r) {
  const c = r.corpus;
  return `Node ${r.node} (V8 ${r.v8}), ${r.machine.cpu} x${r.machine.cores}, ${r.date}. Corpus: ${c.files} files, ` +
    `${fmtMB(c.sourceBytes)} (${c.only ? `the files of ${c.only} in the project corpus: ` : ''}every .js/.mjs/.cjs file of 200 B–200 KB in node_modules, deduplicated, that all tools parse), ` +
    `${r.settings.rounds} rounds; medians. Cold: ${r.settings.coldRounds} fresh processes per tool and file.`;
}

export function renderMarkdown(r) {
  return [`# Project-scale benchmark, Node ${r.node}`, '', describe(r), '', projectTable(r), '', coldTable(r), '', targetsTable(r),
    '', `binast ${r.binast.commit}; ${Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`].join('\n');
}
