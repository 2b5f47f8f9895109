#!/usr/bin/env node
// `npm run bench`: the project-scale and cold tables on Node 26, 24 and 22 (the headline of the
// README's performance section), then the steady-state bench and the fixed cost per call on
// Node 26 (the detail). Arguments go to the project-scale run (bench/project/run.mjs);
// `--no-steady` skips the second part.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requireRuntime } from '../scripts/runtimes/index.mjs';

const argv = process.argv.slice(2);
const steady = !argv.includes('--no-steady');
const run = (script, args, node = process.execPath) => {
  const child = spawnSync(node, [fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: 'inherit' });
  return child.status ?? 1;
};
let code = run('./project/run.mjs', argv.filter((a) => a !== '--no-steady'));
if (steady) {
  code = run('./run.mjs', ['--node', '26']) || code;
  code = run('./fixed-cost.mjs', [], requireRuntime('node26')) || code;
}
process.exit(code);
