// Rewrites one generated section of README.md (between its start and end markers) from the
// latest results; both benchmark sections are kept this way.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './corpus.mjs';

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
