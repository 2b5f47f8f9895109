import { xxh32 } from '/tmp/snap/dist/decode/checksum.js';
import { readHeader } from '/tmp/snap/dist/decode/header.js';
import { readStrings } from '/tmp/snap/dist/decode/strings.js';
import { loadBinast } from './binast.mjs';
import { loadCorpus } from './corpus.mjs';
const b = await loadBinast();
for (const f of loadCorpus(['typescript', 'three'])) {
  const bytes = b.encode(f.source, { sourceType: f.sourceType });
  const min = (fn, n = 15) => { let m = Infinity; for (let i = 0; i < n; i++) { const t = performance.now(); fn(); m = Math.min(m, performance.now() - t); } return m; };
  const tx = min(() => xxh32(bytes, bytes.length - 4));
  const th = min(() => readHeader(bytes));
  const h = readHeader(bytes);
  const ts = min(() => readStrings(bytes, h.strings));
  const td = min(() => b.decode(bytes), 9);
  console.log(f.name, bytes.length, 'xxh32', tx.toFixed(2), 'header', th.toFixed(2), 'strings', ts.toFixed(2), 'decode(min)', td.toFixed(1));
}
