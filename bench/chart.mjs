// Hand-written SVG: aggregate time of every tool divided by binast decode's, one bar per Node
// version (grouped), linear scale with the value printed at the end of each bar.

const COLORS = ['#2563eb', '#f59e0b', '#10b981', '#ef4444'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Union of the results' tools, in the order of the run that has the most. */
export function mergeTools(results) {
  const tools = [...results].sort((a, b) => b.tools.length - a.tools.length).flatMap((r) => r.tools);
  return tools.filter((t, i) => tools.findIndex((x) => x.id === t.id) === i);
}

/** results: [{ node, tools, timing: { aggregate } }, ...] (e.g. Node 20 and Node 24). */
export function renderChart(results) {
  const tools = mergeTools(results);
  const ratio = (r, id) => {
    const a = r.timing.aggregate;
    const v = a[id]?.median / a.decode?.median;
    return Number.isFinite(v) ? v : null;
  };
  const max = Math.max(1, ...results.flatMap((r) => tools.map((t) => ratio(r, t.id) ?? 0)));
  const step = max > 40 ? 10 : max > 16 ? 5 : max > 8 ? 2 : 1;
  const axisMax = Math.ceil(max / step) * step;

  const labelW = 250, plotW = 470, right = 70, barH = 11, gap = 3, groupGap = 10, top = 58;
  const groupH = results.length * (barH + gap) - gap + groupGap;
  const height = top + tools.length * groupH + 30;
  const width = labelW + plotW + right;
  const x = (v) => labelW + (v / axisMax) * plotW;

  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  out.push(`<text x="12" y="20" font-size="14" font-weight="600">Time relative to binast decode (aggregate over the corpus; shorter is faster)</text>`);
  results.forEach((r, i) => {
    const lx = 12 + i * 260;
    const decode = r.timing.aggregate.decode?.median;
    out.push(`<rect x="${lx}" y="31" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`);
    out.push(`<text x="${lx + 17}" y="41">Node ${esc(r.node)}${decode ? ` (1x = ${decode.toFixed(0)} ms)` : ''}</text>`);
  });
  for (let v = 0; v <= axisMax; v += step) {
    out.push(`<line x1="${x(v)}" y1="${top - 6}" x2="${x(v)}" y2="${height - 32}" stroke="${v === 0 ? '#999' : '#e5e7eb'}"/>`);
    out.push(`<text x="${x(v)}" y="${height - 18}" text-anchor="middle" fill="#555">${v}x</text>`);
  }
  out.push(`<line x1="${x(1)}" y1="${top - 6}" x2="${x(1)}" y2="${height - 32}" stroke="#111" stroke-dasharray="3,3"/>`);
  tools.forEach((t, ti) => {
    const y0 = top + ti * groupH;
    const mid = y0 + (groupH - groupGap) / 2;
    out.push(`<text x="${labelW - 8}" y="${mid + 4}" text-anchor="end"${t.group === 'binast' ? ' font-weight="600"' : ''}>${esc(t.label)}</text>`);
    results.forEach((r, i) => {
      const v = ratio(r, t.id);
      const y = y0 + i * (barH + gap);
      if (v === null) {
        out.push(`<text x="${labelW + 4}" y="${y + barH - 1}" fill="#888" font-size="10">n/a</text>`);
        return;
      }
      out.push(`<rect x="${labelW}" y="${y}" width="${Math.max(1, x(v) - labelW).toFixed(1)}" height="${barH}" fill="${COLORS[i % COLORS.length]}"/>`);
      out.push(`<text x="${(x(v) + 4).toFixed(1)}" y="${y + barH - 1}" font-size="10" fill="#333">${v >= 10 ? v.toFixed(1) : v.toFixed(2)}x</text>`);
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
