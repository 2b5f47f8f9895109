// A tiny app that uses binast as any browser app would: bundled by Vite from
// the package's exports (`binast` -> dist/index.js, `binast/decode`), the WASM
// encoder fetched from the asset Vite emitted. The test drives it through
// `window.binastTest`, then compares the canonical trees with acorn's in Node.
import * as acorn from 'acorn';
import { decode, encode, init, isReady, type DecodeOptions } from 'binast';
import { decode as decodeOnly } from 'binast/decode';
import type { Comment } from 'estree';
import { canonical, firstDifference } from '../../helpers/canonical.ts';

export interface RunRequest {
  url: string;
  sourceType: 'script' | 'module';
  /** Decode with locations, ranges and comments (else a bare tree). */
  full: boolean;
}

export interface RunResult {
  sourceLength: number;
  binaryLength: number;
  encodeMs: number;
  decodeMs: number;
  acornMs: number;
  /** canonical(decoded tree), and of the comments when `full` */
  tree: string;
  comments: string | null;
  /** firstDifference against acorn in this page (null when equal) */
  differenceInPage: string | null;
  /** the decoder-only entry gives the same tree */
  decodeOnlySame: boolean;
}

export interface BinastTest {
  /** The error encode() threw before init(), if any. */
  beforeInit: string | null;
  initError: string | null;
  ready: boolean;
  run(request: RunRequest): Promise<RunResult>;
}

declare global {
  interface Window {
    binastTest?: BinastTest;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

let beforeInit: string | null = null;
try {
  encode('1');
} catch (error) {
  beforeInit = message(error);
}

let initError: string | null = null;
try {
  await init(); // default: the .wasm next to dist/, which Vite emitted as an asset
} catch (error) {
  initError = message(error);
}

async function run({ url, sourceType, full }: RunRequest): Promise<RunResult> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const source = await response.text();

  let start = performance.now();
  const bytes = encode(source, { sourceType, comments: full });
  const encodeMs = performance.now() - start;

  const comments: Comment[] = [];
  const options: DecodeOptions = full ? { locations: true, ranges: true, onComment: comments } : {};
  start = performance.now();
  const tree = decode(bytes, options);
  const decodeMs = performance.now() - start;

  const acornComments: acorn.Comment[] = [];
  start = performance.now();
  const expected = acorn.parse(source, {
    ecmaVersion: 'latest',
    sourceType,
    ...(full ? { locations: true, ranges: true, onComment: acornComments } : {}),
  });
  const acornMs = performance.now() - start;

  const decodeOnlyComments: Comment[] = [];
  const again = decodeOnly(bytes, full ? { ...options, onComment: decodeOnlyComments } : options);

  return {
    sourceLength: source.length,
    binaryLength: bytes.length,
    encodeMs,
    decodeMs,
    acornMs,
    tree: canonical(tree),
    comments: full ? canonical(comments) : null,
    differenceInPage:
      firstDifference(tree, expected) ?? (full ? firstDifference(comments, acornComments) : null),
    decodeOnlySame: firstDifference(again, tree) === null && firstDifference(decodeOnlyComments, comments) === null,
  };
}

window.binastTest = { beforeInit, initError, ready: isReady(), run };
document.getElementById('status')!.textContent = initError ?? 'ready';
