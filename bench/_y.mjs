import { loadBinast } from './binast.mjs';
import { loadCorpus } from './corpus.mjs';
const b = await loadBinast();
const [f] = loadCorpus([process.argv[2] ?? 'typescript']);
const bytes = b.encode(f.source, { sourceType: f.sourceType });
let keep, ts = [];
for (let i = 0; i < 12; i++) { globalThis.gc?.(); keep = null; const t = performance.now(); keep = b.decode(bytes); ts.push(performance.now() - t); }
console.log(process.version, process.execArgv.join(' '), ts.map((x) => x.toFixed(0)).join(' '));
