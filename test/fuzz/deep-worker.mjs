// Runs acorn with a large stack (resourceLimits.stackSizeMb) for test/hostile-depth.test.ts:
// parses a deeply nested source, forges its binary, and returns the bytes with the canonical texts of
// acorn's trees, so that the main thread (with Node's ordinary stack) can decode and compare.
import { parentPort, workerData } from 'node:worker_threads';
import * as acorn from 'acorn';
import { forge, treeText } from './engine.mjs';
import { xxh32 } from './xxh32.mjs';

const { source, sourceType } = workerData;
try {
  const plain = acorn.parse(source, { ecmaVersion: 'latest', sourceType });
  const bytes = forge(plain, source, xxh32);
  const full = acorn.parse(source, { ecmaVersion: 'latest', sourceType, locations: true, ranges: true });
  parentPort.postMessage({ bytes, plain: treeText(plain), full: treeText(full) }, [bytes.buffer]);
} catch (error) {
  parentPort.postMessage({ error: String(error?.message ?? error) });
}
