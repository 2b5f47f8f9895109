// Reads the saved results and rewrites one generated section of README.md (between its start and end markers) from the
// latest results; both benchmark sections are kept this way.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './corpus.mjs';

const RESULTS = path.join(ROOT, 'bench/results');

/** bench/results/<prefix>-node<major>.json, parsed, with `file`; by Node major, oldest first unless `newestFirst`. */
export function readResults(prefix, newestFirst = false) {
  if (!existsSync(RESULTS)) return [];
  const pattern = new RegExp(`^${prefix}-node(\\d+)\\.json$`);
  return readdirSync(RESULTS)
    .map((name) => pattern.exec(name))
    .filter(Boolean)
    .sort((a, b) => (newestFirst ? -1 : 1) * (Number(a[1]) - Number(b[1])))
    .map((m) => ({ file: m[0], ...JSON.parse(readFileSync(path.join(RESULTS, m[0]), 'utf8')) }));
}

/**
 * `name` is the marker name (`<!-- name:start -->`), `results` what render() takes (an empty
 * list skips), `source` names the result files in the message. Returns what happened.
 */
export function rewriteReadmeSection(name, results, render, source) {
  const readme = path.join(ROOT, 'README.md');
  if (!existsSync(readme)) return 'README: skipped (no README.md)';
  const START = `<!-- ${name}:start -->`;
  const END = `<!-- ${name}:end -->`;
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return `README: skipped (no ${START} ... ${END} markers)`;
  if (!results.length) return `README: skipped (no ${source})`;
  const updated = `${text.slice(0, start + START.length)}\n${render(results)}\n${text.slice(end)}`;
  if (updated === text) return `README: ${name} section unchanged`;
  writeFileSync(readme, updated);
  return `README: ${name} section regenerated`;
}
