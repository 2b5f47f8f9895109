// Small order statistics helpers (linear interpolation between closest ranks).

export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** { median, p25, p75, min, max, n, spread } of samples; spread = (p75 - p25) / median. */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  const median = quantile(sorted, 0.5);
  const p25 = quantile(sorted, 0.25);
  const p75 = quantile(sorted, 0.75);
  return {
    median, p25, p75,
    min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length,
    spread: median > 0 ? (p75 - p25) / median : 0,
  };
}

export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
