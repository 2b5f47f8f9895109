#!/usr/bin/env node
// `npm run bench`: the project-scale and cold tables on Node 26, 24 and 22 (the headline of the
// README's performance section), then the steady-state bench on Node 26 (the detail). Arguments
// go to the project-scale run (bench/project/run.mjs); `--no-steady` skips the second part.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const steady = !argv.includes('--no-steady');
const run = (script, args) => {
  const child = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: 'inherit' });
  return child.status ?? 1;
};
let code = run('./project/run.mjs', argv.filter((a) => a !== '--no-steady'));
if (steady) code = run('./run.mjs', ['--node', '26']) || code;
process.exit(code);
