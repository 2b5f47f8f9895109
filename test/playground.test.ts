// The playground (playground/), built by Vite and opened in headless Chromium:
// paste a real file, read the figures, check a syntax error is shown where it
// is, drop a module file, and save a screenshot to test-results/playground.png.
import * as acorn from 'acorn';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPage, type PageLog } from './runtimes/chromium.ts';
import { FIXTURES, REPO_ROOT, WASM_PATH, requireFile } from './runtimes/env.ts';
import { startStaticServer, type StaticServer } from './runtimes/static-server.ts';
import { viteBuild } from './runtimes/vite-build.ts';

const RESULTS = join(REPO_ROOT, 'test-results');
const lodash = readFileSync(FIXTURES.lodash.path, 'utf8');
const vue = readFileSync(FIXTURES.vue.path, 'utf8');

let outDir = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let log: PageLog;

beforeAll(async () => {
  requireFile(WASM_PATH, 'run `npm run build` first');
  requireFile(join(REPO_ROOT, 'dist', 'index.js'), 'run `npm run build` first');
  outDir = mkdtempSync(join(tmpdir(), 'binast-playground-'));
  await viteBuild(join(REPO_ROOT, 'playground'), outDir);
  server = await startStaticServer(outDir);
  browser = await launchChromium();
  console.info(`Chromium ${browser.version()}`);
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  page = await context.newPage();
  log = watchPage(page);
  await page.goto(`${server.origin}/index.html`);
  await settle(0);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const FINAL = ['done', 'error', 'failed', 'empty'];

/** Waits until an update newer than `previous` has finished; returns its state. */
async function settle(previous: number): Promise<string> {
  await page
    .waitForFunction(
      ({ previous, final }) => Number(document.body.dataset.run ?? 0) > previous && final.includes(document.body.dataset.state ?? ''),
      { previous, final: FINAL },
      { timeout: 30_000 },
    )
    .catch((error: unknown) => {
      throw new Error(`the playground did not settle: ${String(error)}\n${log.lines.join('\n')}`);
    });
  return (await page.getAttribute('body', 'data-state'))!;
}

const currentRun = async (): Promise<number> => Number(await page.getAttribute('body', 'data-run'));
const text = async (selector: string): Promise<string> => (await page.textContent(selector))?.trim() ?? '';

/** Pastes `source` into the editor through the clipboard and Ctrl+V, as a person would. */
async function paste(source: string): Promise<string> {
  // Empty the editor directly: deleting 500 KB through Chromium's editing commands takes seconds.
  await page.locator('#source').evaluate((area: HTMLTextAreaElement) => (area.value = ''));
  const previous = await currentRun();
  await page.evaluate((s) => navigator.clipboard.writeText(s), source);
  await page.focus('#source');
  await page.keyboard.press('Control+V');
  return settle(previous);
}

describe('playground in Chromium', () => {
  it('starts with the example, decoded identically to acorn', async () => {
    expect(await page.getAttribute('body', 'data-state')).toBe('done');
    expect(await text('#match')).toContain('identical to acorn');
    expect(log.errors).toEqual([]);
  });

  it('shows sizes, times and the tree for a pasted lodash.js', async () => {
    expect(await paste(lodash)).toBe('done');
    expect(await page.inputValue('#source')).toBe(lodash);
    expect(await text('#status')).toBe('Encoded as a script.');
    const utf8Length = Buffer.byteLength(lodash);
    expect(await text('#source-raw')).toBe(`${utf8Length.toLocaleString('en')} B (${(utf8Length / 1024).toFixed(2)} KiB)`);
    for (const id of ['binary-raw', 'source-gzip', 'binary-gzip']) {
      expect(await text(`#${id}`)).toMatch(/^[\d,]+ B \([\d.,]+ KiB\)$/);
    }
    for (const id of ['ratio-raw', 'ratio-gzip']) expect(await text(`#${id}`)).toMatch(/^[\d.]+ %$/);
    for (const id of ['time-encode', 'time-decode', 'time-acorn']) expect(await text(`#${id}`)).toMatch(/^[\d.,]+ (ms|µs)$/);
    expect(await text('#time-ratio')).toMatch(/^[\d.,]+× (faster|slower)$/);
    expect(await text('#match')).toBe('✓ decoded tree identical to acorn’s');
    // The binary is smaller than the source, raw and gzipped.
    const bytes = async (id: string): Promise<number> => Number((await text(`#${id}`)).split(' ')[0]!.replace(/,/g, ''));
    expect(await bytes('binary-raw')).toBeLessThan(utf8Length);
    expect(await bytes('binary-gzip')).toBeLessThan(await bytes('source-gzip'));

    // The tree: Program, then its body, then the IIFE, expanded on demand.
    const program = page.locator('#tree > details').first();
    await expect.poll(() => program.locator('> summary').textContent()).toBe(`Program 0–${lodash.length}`);
    const expected = acorn.parse(lodash, { ecmaVersion: 'latest' });
    const body = program.locator('> div > details').first();
    await body.locator('> summary').click();
    await expect.poll(() => body.locator('> div > details').count()).toBe(expected.body.length);
    // lodash.js starts with `;` (an EmptyStatement): open the first statement with children.
    const index = expected.body.findIndex((s) => s.type === 'ExpressionStatement');
    const statement = body.locator('> div > details').nth(index);
    await statement.locator('> summary').click();
    expect(await statement.locator('> summary').textContent()).toContain(`${index}: ExpressionStatement`);
    const expression = statement.locator('> div > details').first();
    await expression.locator('> summary').click();
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'playground.png') });
    // Clicking a range selects that node's text in the source.
    await expression.locator('> summary .range').click();
    const selection = await page.evaluate(() => {
      const area = document.getElementById('source') as HTMLTextAreaElement;
      return [area.selectionStart, area.selectionEnd];
    });
    const node = (expected.body[index] as acorn.ExpressionStatement).expression;
    expect(selection).toEqual([node.start, node.end]);
    expect(log.errors).toEqual([]);
  });

  it('shows a syntax error with its line, column and a caret', async () => {
    const broken = 'const ok = 1;\nfunction f() {\n\tif (ok) { return ok +; }\n}\n';
    let acornError: { loc: { line: number; column: number } } | undefined;
    try {
      acorn.parse(broken, { ecmaVersion: 'latest' });
    } catch (error) {
      acornError = error as typeof acornError;
    }
    expect(acornError?.loc).toEqual({ line: 3, column: 22 });

    expect(await paste(broken)).toBe('error');
    expect(await page.isHidden('#figures')).toBe(true);
    expect(await text('#status')).toBe('Syntax error at 3:22.');
    expect(await text('#error-position')).toBe('line 3, column 22 (script)');
    expect(await text('#error-acorn')).toMatch(/^acorn: .* \(3:22\)$/);
    const excerpt = (await page.textContent('#error-excerpt'))!.split('\n');
    expect(excerpt).toEqual(['2 | function f() {', '3 | \tif (ok) { return ok +; }', `  | \t${' '.repeat(21)}^`]);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'playground-error.png') });
    // The link puts the cursor on the error.
    await page.click('#error-goto');
    expect(await page.evaluate(() => (document.getElementById('source') as HTMLTextAreaElement).selectionStart)).toBe(
      broken.indexOf(';', broken.indexOf('+')),
    );
  });

  it('takes a dropped ES module file', async () => {
    const previous = await currentRun();
    await page.evaluate((source) => {
      const data = new DataTransfer();
      data.items.add(new File([source], 'vue.runtime.esm-browser.prod.js', { type: 'text/javascript' }));
      const target = document.getElementById('source')!;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }, vue);
    expect(await settle(previous)).toBe('done');
    expect(await text('#file-name')).toBe('vue.runtime.esm-browser.prod.js');
    expect(await text('#status')).toBe('Encoded as a module.');
    expect(await text('#match')).toBe('✓ decoded tree identical to acorn’s');
    expect(await page.isHidden('#drop-hint')).toBe(true);
  });

  it('with locations and comments, still identical to acorn', async () => {
    const previous = await currentRun();
    await page.check('#opt-locations');
    await page.check('#opt-comments');
    expect(await settle(previous)).toBe('done');
    expect(await text('#status')).toBe('Encoded as a module, with comments.');
    expect(await text('#match')).toBe('✓ decoded tree identical to acorn’s');
    expect(log.errors).toEqual([]);
  });
});
