// Deeply nested sources for test/hostile-depth.test.ts, and a child-process helper that runs
// acorn on them. acorn runs in separate processes because on Node 20 (V8 11.3) a parse that
// exhausts the stack can kill the whole process instead of throwing: acorn parsing a template
// literal nested ~700 deep compiles one of its regular expressions at the stack limit, and V8
// aborts with "FATAL ERROR: RegExpCompiler Allocation failed - process out of memory" (Node 24
// throws acorn's "Not enough stack space" instead). binast is not involved.
//
//   node test/fuzz/deep.mjs limit <construct> <cap> <dir>  searches, in this one process, the
//       deepest depth (<= cap) acorn parses, then writes the tree files below for the deepest
//       depth at which acorn parses it with and without locations, and prints that depth
//       (exits abnormally if V8 aborts)
//   node test/fuzz/deep.mjs probe <construct> <depth>      exit 0 if acorn parses it, 1 if not
//   node test/fuzz/deep.mjs tree <construct> <depth> <dir> [--big-stack]
//       writes <dir>/bytes (the forged binary), <dir>/plain and <dir>/full (canonical texts
//       of acorn's trees without and with locations+ranges); --big-stack parses in a worker
//       thread with a 1 GiB stack. Exit 0, or 1 with the error on stderr.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as acorn from 'acorn';
import { forge, treeText } from './engine.mjs';
import { xxh32 } from './xxh32.mjs';

export const CONSTRUCTS = {
  parentheses: (n) => '('.repeat(n) + 'a' + ')'.repeat(n),
  arrays: (n) => '['.repeat(n) + ']'.repeat(n),
  'arrow functions': (n) => '() => '.repeat(n) + '0',
  'binary operators (left)': (n) => 'a' + ' + a'.repeat(n),
  'exponent (right)': (n) => 'a ** '.repeat(n) + 'a',
  'template literals': (n) => '`${'.repeat(n) + '0' + '}`'.repeat(n),
  objects: (n) => 'x = ' + '{a: '.repeat(n) + '0' + '}'.repeat(n),
  'calls (nested arguments)': (n) => 'f('.repeat(n) + ')'.repeat(n),
  'member chains': (n) => 'a' + '.b'.repeat(n),
  'call chains': (n) => 'a' + '()'.repeat(n),
  'unary operators': (n) => '!'.repeat(n) + 'a',
  blocks: (n) => '{'.repeat(n) + '}'.repeat(n),
  functions: (n) => 'function f() {'.repeat(n) + '}'.repeat(n),
};

/** Constructs acorn builds iteratively (no stack limit): searched no further than this. */
export const ITERATIVE_CAP = 200_000;
export const ITERATIVE = new Set(['member chains', 'call chains']);

const ACORN = { ecmaVersion: 'latest' };

/** The largest depth for which `works` holds, up to `cap`: doubling from `start`, then bisection. */
export function maxDepth(works, cap, start = 1) {
  let low = 0;
  let high = start;
  while (high <= cap && works(high)) {
    low = high;
    high *= 2;
  }
  if (high > cap) {
    if (works(cap)) return cap;
    high = cap;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (works(mid)) low = mid;
    else high = mid;
  }
  return low;
}
const FULL = { ecmaVersion: 'latest', locations: true, ranges: true };

/** Warms acorn up on shallow sources so that the depth found is a running program's. */
function warm(construct) {
  for (let i = 0; i < 5; i++) {
    acorn.parse(CONSTRUCTS[construct](50), ACORN);
    acorn.parse(CONSTRUCTS[construct](50), FULL);
  }
}

function tree(construct, depth) {
  const source = CONSTRUCTS[construct](depth);
  const plain = acorn.parse(source, ACORN);
  const bytes = forge(plain, source, xxh32);
  const plainText = treeText(plain);
  const fullText = treeText(acorn.parse(source, FULL));
  return { bytes, plain: plainText, full: fullText };
}

function writeTree(dir, result) {
  writeFileSync(join(dir, 'bytes'), result.bytes);
  writeFileSync(join(dir, 'plain'), result.plain);
  writeFileSync(join(dir, 'full'), result.full);
}

function main() {
  const [command, construct, depthText, dir] = process.argv.slice(2);
  const depth = Number(depthText);
  if (!(construct in CONSTRUCTS) || !Number.isInteger(depth)) {
    console.error('usage: deep.mjs probe|tree <construct> <depth> [dir] [--big-stack]');
    process.exit(2);
  }
  if (command === 'limit') {
    warm(construct);
    const works = (n) => {
      try {
        acorn.parse(CONSTRUCTS[construct](n), ACORN);
        return true;
      } catch {
        return false;
      }
    };
    let found = maxDepth(works, depth, 64);
    for (; found > 0; found--) {
      try {
        writeTree(dir, tree(construct, found));
        break;
      } catch {}
    }
    console.log(found);
    process.exit(0);
  }
  if (command === 'probe') {
    warm(construct);
    try {
      acorn.parse(CONSTRUCTS[construct](depth), ACORN);
      process.exit(0);
    } catch {
      process.exit(1);
    }
  }
  const write = (result) => writeTree(dir, result);
  if (process.argv.includes('--big-stack')) {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { construct, depth },
      resourceLimits: { stackSizeMb: 1024, maxOldGenerationSizeMb: 1536 },
    });
    worker.once('message', (message) => {
      if (message.error) {
        console.error(message.error);
        process.exit(1);
      }
      write(message);
    });
    worker.once('error', (error) => {
      console.error(String(error));
      process.exit(1);
    });
    return;
  }
  warm(construct);
  try {
    write(tree(construct, depth));
  } catch (error) {
    console.error(String(error?.message ?? error));
    process.exit(1);
  }
}

if (!isMainThread && workerData?.construct) {
  try {
    parentPort.postMessage(tree(workerData.construct, workerData.depth));
  } catch (error) {
    parentPort.postMessage({ error: String(error?.message ?? error) });
  }
} else if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  main();
}
