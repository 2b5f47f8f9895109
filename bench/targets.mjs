// The project's performance and size targets, checked against one run's aggregate figures.
// A target whose inputs are missing (a tool not run, e.g. oxc raw transfer before Node 22) is
// reported as n/a, never as a pass.

const time = (r, id) => r.timing.aggregate[id]?.median;
const faster = (slow, fast) => (r) => {
  const a = time(r, slow), b = time(r, fast);
  return a > 0 && b > 0 ? a / b : undefined;
};

export const TARGETS = [
  { id: 'decode-vs-acorn', label: 'full decode faster than acorn.parse', goal: '>= 8x', min: 8, measure: faster('acorn', 'decode') },
  { id: 'decode-vs-json', label: 'full decode faster than JSON.parse of cached acorn JSON', goal: '>= 5x', min: 5, measure: faster('json', 'decode') },
  { id: 'decode-vs-oxc-raw', label: 'full decode faster than oxc-parser raw transfer (Node >= 22)', goal: '>= 2x', min: 2, measure: faster('oxcRaw', 'decode') },
  { id: 'decode-vs-floor', label: 'full decode time / allocation floor', goal: '<= 1.3x', max: 1.3, measure: faster('decode', 'floor') },
  { id: 'decode-loc-vs-acorn-loc', label: 'decode with locations faster than acorn with locations', goal: '>= 6x', min: 6, measure: faster('acornLoc', 'decodeLoc') },
  { id: 'parse-vs-acorn', label: 'parse (encode + decode) faster than acorn.parse', goal: '>= 2x', min: 2, measure: faster('acorn', 'parse') },
  { id: 'parse-vs-meriyah', label: 'parse (encode + decode) faster than meriyah', goal: '> 1x', above: 1, measure: faster('meriyah', 'parse') },
  { id: 'binary-vs-source', label: 'binary raw size / source raw size', goal: '<= 1x', max: 1,
    measure: (r) => ratio(r.sizes?.aggregate.binary?.raw, r.sizes?.aggregate.source?.raw) },
  { id: 'brotli-binary-vs-source', label: 'brotli(binary) / brotli(source)', goal: '<= 1.1x', max: 1.1,
    measure: (r) => ratio(r.sizes?.aggregate.binary?.brotli, r.sizes?.aggregate.source?.brotli) },
  { id: 'minified-binary-vs-source', label: 'minified corpus: binary raw size / source raw size', goal: '<= 1x', max: 1,
    measure: (r) => ratio(r.sizes?.minified?.aggregate.binary?.raw, r.sizes?.minified?.aggregate.source?.raw) },
  { id: 'minified-brotli-binary-vs-source', label: 'minified corpus: brotli(binary) / brotli(source)', goal: '<= 1x', max: 1,
    measure: (r) => ratio(r.sizes?.minified?.aggregate.binary?.brotli, r.sizes?.minified?.aggregate.source?.brotli) },
  { id: 'brotli-with-skip-entries', label: 'brotli(binary) / brotli(source), with the skip entries of lazy decoding (issue #13)', goal: '<= 1.03x', max: 1.03,
    measure: (r) => ratio(r.sizes?.aggregate.binary?.brotli, r.sizes?.aggregate.source?.brotli) },
  { id: 'raw-with-skip-entries', label: 'binary raw size / source raw size, with skip entries (issue #13)', goal: '<= 0.6x', max: 0.6,
    measure: (r) => ratio(r.sizes?.aggregate.binary?.raw, r.sizes?.aggregate.source?.raw) },
  { id: 'heap-decode-vs-acorn', label: "decode peak heap / acorn's", goal: '<= 1.2x', max: 1.2,
    measure: (r) => ratio(r.memory?.aggregate.decode?.peak, r.memory?.aggregate.acorn?.peak) },
];

function ratio(a, b) {
  return a > 0 && b > 0 ? a / b : undefined;
}

/** [{ id, label, goal, value, status: 'PASS'|'MISS'|'n/a' }] */
export function evaluateTargets(result) {
  return TARGETS.map((t) => {
    const value = t.measure(result);
    let status = 'n/a';
    if (value !== undefined && Number.isFinite(value)) {
      const ok = t.min !== undefined ? value >= t.min : t.above !== undefined ? value > t.above : value <= t.max;
      status = ok ? 'PASS' : 'MISS';
    }
    return { id: t.id, label: t.label, goal: t.goal, value: value ?? null, status };
  });
}
