// binast in a real browser through a normal bundler import: a tiny app
// (test/runtimes/browser-app) built by Vite, served on 127.0.0.1, run in
// headless Debian chromium. The page encodes (WASM) and decodes (TS) real
// files; the canonical trees must equal acorn's, computed here in Node.
import * as acorn from 'acorn';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical } from './helpers/canonical.ts';
import type { BinastTest, RunRequest, RunResult } from './runtimes/browser-app/main.ts';
import { launchChromium, watchPage, type PageLog } from './runtimes/chromium.ts';
import { FIXTURES, REPO_ROOT, WASM_PATH, requireFile } from './runtimes/env.ts';
import { startStaticServer, type StaticServer } from './runtimes/static-server.ts';
import { viteBuild } from './runtimes/vite-build.ts';

const APP = join(REPO_ROOT, 'test', 'runtimes', 'browser-app');

let outDir = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;
let log: PageLog;

beforeAll(async () => {
  requireFile(WASM_PATH, 'run `npm run build` first');
  requireFile(join(REPO_ROOT, 'dist', 'index.js'), 'run `npm run build` first');
  outDir = mkdtempSync(join(tmpdir(), 'binast-browser-'));
  await viteBuild(APP, outDir);
  server = await startStaticServer(outDir, {
    '/fixtures/lodash.js': FIXTURES.lodash.path,
    '/fixtures/vue.js': FIXTURES.vue.path,
  });
  browser = await launchChromium();
  page = await browser.newPage();
  log = watchPage(page);
  await page.goto(`${server.origin}/index.html`);
  await page.waitForFunction(() => window.binastTest !== undefined, null, { timeout: 30_000 }).catch((error) => {
    throw new Error(`the app did not start: ${String(error)}\n${log.lines.join('\n')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function state(): Promise<Omit<BinastTest, 'run'>> {
  return page.evaluate(() => {
    const { beforeInit, initError, ready } = window.binastTest!;
    return { beforeInit, initError, ready };
  });
}

function run(request: RunRequest): Promise<RunResult> {
  return page.evaluate((r) => window.binastTest!.run(r), request);
}

/** Where two long canonical strings first differ, with some context. */
function stringDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  return `at char ${i}:\n  page:  …${actual.slice(i - 80, i + 80)}\n  acorn: …${expected.slice(i - 80, i + 80)}`;
}

describe('binast in Chromium via a Vite-built app', () => {
  it('resolves the browser entry and initialises from the asset Vite emitted', async () => {
    const s = await state();
    expect(s.initError, log.lines.join('\n')).toBeNull();
    expect(s.ready).toBe(true);
    // The browser entry (dist/index.js, not dist/node.js) needs `await init()`.
    expect(s.beforeInit).toMatch(/not initialised/);
    const wasm = server!.requests.filter((r) => r.path.endsWith('.wasm'));
    expect(wasm).toEqual([
      { method: 'GET', path: expect.stringMatching(/^\/assets\/binast-[\w-]+\.wasm$/), status: 200, type: 'application/wasm' },
    ]);
    expect(log.errors).toEqual([]);
  });

  it('lodash.js (script) with locations, ranges and comments equals acorn', async () => {
    const { path, sourceType } = FIXTURES.lodash;
    const source = readFileSync(path, 'utf8');
    const result = await run({ url: '/fixtures/lodash.js', sourceType, full: true });
    expect(result.differenceInPage).toBeNull();
    expect(result.decodeOnlySame).toBe(true);
    expect(result.sourceLength).toBe(source.length);

    const comments: acorn.Comment[] = [];
    const expected = acorn.parse(source, { ecmaVersion: 'latest', sourceType, locations: true, ranges: true, onComment: comments });
    expect(stringDifference(result.tree, canonical(expected))).toBeNull();
    expect(stringDifference(result.comments!, canonical(comments))).toBeNull();
  });

  it('a Vue ES module, bare tree, equals acorn', async () => {
    const { path, sourceType } = FIXTURES.vue;
    const source = readFileSync(path, 'utf8');
    const result = await run({ url: '/fixtures/vue.js', sourceType, full: false });
    expect(result.differenceInPage).toBeNull();
    expect(result.decodeOnlySame).toBe(true);
    const expected = acorn.parse(source, { ecmaVersion: 'latest', sourceType });
    expect(stringDifference(result.tree, canonical(expected))).toBeNull();
    expect(log.errors).toEqual([]);
  });
});
