// binast playground: paste or drop JavaScript, see the binary AST's size
// against the source (raw and gzip), encode/decode times against acorn in this
// browser, the decoded tree, and syntax errors where they are.
import * as acorn from 'acorn';
import { decode, encode, FORMAT_VERSION, init, type DecodeOptions } from 'binast';
import type { Comment, Node } from 'estree';
import { firstDifference } from '../test/helpers/canonical.ts';

type SourceType = 'script' | 'module';
type State = 'loading' | 'working' | 'done' | 'error' | 'empty' | 'failed';

const EXAMPLE = `// Paste your own JavaScript, or drop a file here.
import { readFile } from 'node:fs/promises';

export class Cache extends Map {
  #hits = 0;
  static { this.shared = new Cache(); }

  async load(key, { fallback = null, ...rest } = {}) {
    if (this.has(key)) return this.#hits++, this.get(key);
    const text = await readFile(\`\${key}.json\`, 'utf8').catch(() => fallback);
    this.set(key, text ?? rest?.defaultValue ?? 0n);
    return /^\\s*[{[]/u.test(text) ? JSON.parse(text) : text;
  }
}
`;

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing`);
  return element as T;
};

const sourceInput = $<HTMLTextAreaElement>('source');
const sourceTypeSelect = $<HTMLSelectElement>('source-type');
const locationsBox = $<HTMLInputElement>('opt-locations');
const commentsBox = $<HTMLInputElement>('opt-comments');
const fileInput = $<HTMLInputElement>('file');
const fileName = $('file-name');
const statusLine = $('status');
const errorBox = $('error');
const figures = $('figures');
const treePane = $('tree-pane');
const tree = $('tree');
const dropHint = $('drop-hint');

const integer = new Intl.NumberFormat('en');
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const utf8 = new TextEncoder();

function setState(state: State, message: string): void {
  document.body.dataset.state = state;
  statusLine.textContent = message;
}

function bytesText(n: number): string {
  return n < 1024 ? `${integer.format(n)} B` : `${integer.format(n)} B (${decimal.format(n / 1024)} KiB)`;
}

function msText(ms: number): string {
  return ms >= 100 ? `${integer.format(Math.round(ms))} ms` : ms >= 1 ? `${decimal.format(ms)} ms` : `${integer.format(Math.round(ms * 1000))} µs`;
}

function setText(id: string, text: string): void {
  $(id).textContent = text;
}

// ---------------------------------------------------------------- sizes

async function gzipSize(data: Uint8Array): Promise<number | null> {
  if (typeof CompressionStream === 'undefined') return null;
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

// ---------------------------------------------------------------- timing

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

interface Timing {
  /** median per call, ms */
  ms: number;
  samples: number;
  callsPerSample: number;
}

/**
 * Median time of `fn`, yielding to the browser between samples. Calls are
 * batched until a sample lasts >= 1 ms (performance.now() is coarse in
 * browsers). Returns null when `current()` turns false (the input changed).
 */
async function measure(fn: () => void, budgetMs: number, current: () => boolean): Promise<Timing | null> {
  let calls = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) fn();
    if (performance.now() - t >= 1 || calls >= 1024) break;
    calls *= 4;
  }
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 3 || (samples.length < 25 && performance.now() - started < budgetMs)) {
    await nextTask();
    if (!current()) return null;
    const t = performance.now();
    for (let i = 0; i < calls; i++) fn();
    samples.push((performance.now() - t) / calls);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[samples.length >> 1]!, samples: samples.length, callsPerSample: calls };
}

// ---------------------------------------------------------------- errors

interface PositionedError {
  message: string;
  pos: number;
  loc: { line: number; column: number };
}

function asPositioned(error: unknown): PositionedError | null {
  if (!(error instanceof SyntaxError)) return null;
  const e = error as SyntaxError & Partial<PositionedError>;
  if (typeof e.pos !== 'number' || typeof e.loc?.line !== 'number') return null;
  return { message: e.message.replace(/ \(\d+:\d+\)$/, ''), pos: e.pos, loc: e.loc };
}

const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/;

/** The offending line (and the one before), a caret under the column; long lines are cut around it. */
function excerpt(source: string, line: number, column: number): DocumentFragment {
  const lines = source.split(LINE_BREAK);
  const fragment = document.createDocumentFragment();
  const width = String(line).length;
  const gutter = (n: number | null): HTMLSpanElement => {
    const span = document.createElement('span');
    span.className = 'gutter';
    span.textContent = `${n === null ? ' '.repeat(width) : String(n).padStart(width)} | `;
    return span;
  };
  const clip = (text: string, from: number): string => (from > 0 ? '…' : '') + text.slice(from, from + 160) + (text.length > from + 160 ? '…' : '');
  const current = lines[line - 1] ?? '';
  const from = column > 100 ? column - 60 : 0;
  if (line > 1) {
    fragment.append(gutter(line - 1), clip(lines[line - 2] ?? '', from), '\n');
  }
  fragment.append(gutter(line), clip(current, from), '\n');
  // Keep tabs so the caret lines up under them; everything else becomes a space.
  const before = (from > 0 ? ' ' : '') + current.slice(from, column).replace(/[^\t]/g, ' ');
  const caret = document.createElement('span');
  caret.className = 'caret';
  caret.textContent = '^';
  fragment.append(gutter(null), before, caret);
  return fragment;
}

function showError(source: string, error: PositionedError, sourceType: SourceType, acornMessage: string | null): void {
  setText('error-message', `${error.message}`);
  setText('error-position', `line ${error.loc.line}, column ${error.loc.column} (${sourceType})`);
  $('error-goto').onclick = () => select(error.pos, error.pos + 1);
  $('error-excerpt').replaceChildren(excerpt(source, error.loc.line, error.loc.column));
  setText('error-acorn', acornMessage === null ? 'acorn accepts this source: please report it.' : `acorn: ${acornMessage}`);
  errorBox.hidden = false;
}

function select(start: number, end: number): void {
  sourceInput.focus();
  sourceInput.setSelectionRange(start, Math.max(end, start));
}

// ---------------------------------------------------------------- tree

const LIST_CHUNK = 200;
const HIDDEN_KEYS = new Set(['type', 'start', 'end']);

function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

function isNode(value: unknown): value is Node & { start: number; end: number } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function leafText(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof RegExp) return String(value);
  if (value === undefined) return 'undefined';
  return JSON.stringify(value) ?? String(value);
}

/** A one-line hint for a node's summary: its name, value or operator. */
function inlineHint(node: Record<string, unknown>): string {
  if (typeof node.name === 'string') return node.name;
  if (node.type === 'Literal') return String(node.raw);
  if (typeof node.operator === 'string') return node.operator;
  if (node.type === 'TemplateElement') return JSON.stringify((node.value as { raw: string }).raw);
  if (typeof node.kind === 'string') return node.kind;
  return '';
}

function keyLabel(key: string | null): HTMLSpanElement[] {
  return key === null ? [] : [span('key', `${key}: `)];
}

function renderValue(value: unknown, key: string | null, open = false): HTMLElement {
  if (typeof value !== 'object' || value === null || value instanceof RegExp) {
    const div = document.createElement('div');
    div.className = 'leaf';
    div.append(...keyLabel(key), span('value', leafText(value)));
    return div;
  }
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  if (Array.isArray(value)) {
    summary.append(...keyLabel(key), span('inline', `[${value.length}]`));
  } else if (isNode(value)) {
    summary.append(...keyLabel(key), span('type', value.type));
    const hint = inlineHint(value as unknown as Record<string, unknown>);
    if (hint) summary.append(' ', span('inline', hint.length > 60 ? `${hint.slice(0, 60)}…` : hint));
    if (typeof value.start === 'number') {
      const range = span('range', `${value.start}–${value.end}`);
      range.title = 'select in the source';
      range.addEventListener('click', (event) => {
        event.preventDefault();
        select(value.start, value.end);
      });
      summary.append(' ', range);
    }
  } else {
    summary.append(...keyLabel(key), span('inline', '{…}'));
  }
  details.append(summary);
  let rendered = false;
  const renderChildren = (): void => {
    if (rendered) return;
    rendered = true;
    const children = document.createElement('div');
    if (Array.isArray(value)) {
      appendItems(children, value, 0);
    } else {
      for (const [k, v] of Object.entries(value)) {
        if (isNode(value) && HIDDEN_KEYS.has(k)) continue;
        children.append(renderValue(v, k));
      }
    }
    details.append(children);
  };
  details.addEventListener('toggle', () => {
    if (details.open) renderChildren();
  });
  if (open) {
    details.open = true;
    renderChildren();
  }
  return details;
}

function appendItems(container: HTMLElement, items: unknown[], from: number): void {
  const to = Math.min(items.length, from + LIST_CHUNK);
  for (let i = from; i < to; i++) container.append(renderValue(items[i], String(i)));
  if (to < items.length) {
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'more';
    more.textContent = `show ${Math.min(LIST_CHUNK, items.length - to)} more of ${items.length - to}…`;
    more.addEventListener('click', () => {
      more.remove();
      appendItems(container, items, to);
    });
    container.append(more);
  }
}

// ---------------------------------------------------------------- run

let generation = 0;

interface Encoded {
  bytes: Uint8Array;
  sourceType: SourceType;
}

function encodeAs(source: string, sourceType: SourceType, comments: boolean): Encoded {
  return { bytes: encode(source, { sourceType, comments }), sourceType };
}

/** 'auto': a script, else a module; if both fail, the error of the one that got further. */
function encodeAuto(source: string, choice: SourceType | 'auto', comments: boolean): Encoded {
  if (choice !== 'auto') return encodeAs(source, choice, comments);
  try {
    return encodeAs(source, 'script', comments);
  } catch (scriptError) {
    try {
      return encodeAs(source, 'module', comments);
    } catch (moduleError) {
      const s = asPositioned(scriptError);
      const m = asPositioned(moduleError);
      if (s !== null && m !== null && m.pos > s.pos) {
        throw Object.assign(moduleError as Error, { sourceType: 'module' });
      }
      throw Object.assign(scriptError as Error, { sourceType: 'script' });
    }
  }
}

function acornParse(source: string, sourceType: SourceType, locations: boolean, comments: Comment[] | null): acorn.Program {
  return acorn.parse(source, {
    ecmaVersion: 'latest',
    sourceType,
    locations,
    ranges: locations,
    ...(comments ? { onComment: comments as acorn.Comment[] } : {}),
  });
}

async function update(): Promise<void> {
  const run = ++generation;
  const current = (): boolean => run === generation;
  document.body.dataset.run = String(run);
  const source = sourceInput.value;
  const choice = sourceTypeSelect.value as SourceType | 'auto';
  const locations = locationsBox.checked;
  const withComments = commentsBox.checked;
  errorBox.hidden = true;
  if (source.trim() === '') {
    figures.hidden = true;
    treePane.hidden = true;
    setState('empty', 'Paste JavaScript on the left, or drop a .js file.');
    return;
  }
  setState('working', 'Encoding…');
  await nextTask();
  if (!current()) return;

  let encoded: Encoded;
  try {
    encoded = encodeAuto(source, choice, withComments);
  } catch (error) {
    const positioned = asPositioned(error);
    if (positioned === null) {
      setState('failed', `binast failed: ${error instanceof Error ? error.message : String(error)}`);
      console.error(error);
      return;
    }
    const sourceType = ((error as { sourceType?: SourceType }).sourceType ?? choice) as SourceType;
    let acornMessage: string | null = null;
    try {
      acornParse(source, sourceType, false, null);
    } catch (acornError) {
      acornMessage = acornError instanceof Error ? acornError.message : String(acornError);
    }
    figures.hidden = true;
    treePane.hidden = true;
    showError(source, positioned, sourceType, acornMessage);
    setState('error', `Syntax error at ${positioned.loc.line}:${positioned.loc.column}.`);
    return;
  }

  const { bytes, sourceType } = encoded;
  const options: DecodeOptions = locations ? { locations: true, ranges: true } : {};
  const comments: Comment[] = [];
  const decoded = decode(bytes, withComments ? { ...options, onComment: comments } : options);

  // Check against acorn, and show the tree.
  const acornComments: Comment[] = [];
  let difference: string | null;
  try {
    const expected = acornParse(source, sourceType, locations, withComments ? acornComments : null);
    difference = firstDifference(decoded, expected) ?? (withComments ? firstDifference(comments, acornComments) : null);
  } catch (error) {
    difference = `acorn rejects it: ${error instanceof Error ? error.message : String(error)}`;
  }
  const match = $('match');
  match.textContent = difference === null ? '✓ decoded tree identical to acorn’s' : `✗ differs from acorn at ${difference}`;
  match.className = difference === null ? 'ok' : 'bad';

  const sourceBytes = utf8.encode(source);
  setText('source-raw', bytesText(sourceBytes.length));
  setText('binary-raw', bytesText(bytes.length));
  setText('ratio-raw', `${decimal.format((100 * bytes.length) / sourceBytes.length)} %`);
  for (const id of ['source-gzip', 'binary-gzip', 'ratio-gzip', 'time-encode', 'time-decode', 'time-acorn', 'time-ratio']) setText(id, '…');
  setText('times-note', '');
  figures.hidden = false;

  const root = renderValue(decoded, null, true);
  tree.replaceChildren(root);
  if (withComments) tree.append(renderValue(comments, 'comments'));
  treePane.hidden = false;
  setState('working', `Encoded as a ${sourceType}; measuring…`);

  const [sourceGzip, binaryGzip] = await Promise.all([gzipSize(sourceBytes), gzipSize(bytes)]);
  if (!current()) return;
  if (sourceGzip === null || binaryGzip === null) {
    for (const id of ['source-gzip', 'binary-gzip', 'ratio-gzip']) setText(id, 'n/a');
  } else {
    setText('source-gzip', bytesText(sourceGzip));
    setText('binary-gzip', bytesText(binaryGzip));
    setText('ratio-gzip', `${decimal.format((100 * binaryGzip) / sourceGzip)} %`);
  }

  // Time budget per measurement (at least 3 samples are taken); the page yields between samples.
  const budget = 400;
  const encodeOptions = { sourceType, comments: withComments };
  const timings: Timing[] = [];
  for (const [id, fn] of [
    ['time-encode', () => encode(source, encodeOptions)],
    ['time-decode', () => decode(bytes, withComments ? { ...options, onComment: [] } : options)],
    ['time-acorn', () => acornParse(source, sourceType, locations, withComments ? [] : null)],
  ] as const) {
    const timing = await measure(fn, budget, current);
    if (timing === null) return;
    timings.push(timing);
    setText(id, msText(timing.ms));
  }
  const [, decodeTime, acornTime] = timings as [Timing, Timing, Timing];
  const speedup = acornTime.ms / decodeTime.ms;
  setText('time-ratio', speedup >= 1 ? `${decimal.format(speedup)}× faster` : `${decimal.format(1 / speedup)}× slower`);
  setText('times-note', `(median of ${Math.min(...timings.map((t) => t.samples))}+ runs)`);
  setState('done', `Encoded as a ${sourceType}${withComments ? ', with comments' : ''}.`);
}

// ---------------------------------------------------------------- input

let timer: ReturnType<typeof setTimeout> | undefined;
function scheduleUpdate(delay = 250): void {
  clearTimeout(timer);
  timer = setTimeout(() => void update().catch(reportFailure), delay);
}

function reportFailure(error: unknown): void {
  console.error(error);
  setState('failed', `Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
}

function load(text: string, name: string): void {
  sourceInput.value = text;
  fileName.textContent = name;
  scheduleUpdate(0);
}

sourceInput.addEventListener('input', () => {
  fileName.textContent = '';
  scheduleUpdate();
});
for (const control of [sourceTypeSelect, locationsBox, commentsBox]) control.addEventListener('change', () => scheduleUpdate(0));
$('example').addEventListener('click', () => load(EXAMPLE, 'example'));
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void file.text().then((text) => load(text, file.name));
});

let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  dropHint.hidden = false;
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) dropHint.hidden = true;
});
document.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  dragDepth = 0;
  dropHint.hidden = true;
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  void file.text().then((text) => load(text, file.name));
});

// ---------------------------------------------------------------- start

$('versions').textContent =
  `binast format v${FORMAT_VERSION} · acorn ${acorn.version} · gzip via ` +
  (typeof CompressionStream === 'undefined' ? 'CompressionStream: not available here' : 'CompressionStream');

try {
  await init();
  sourceInput.value ||= EXAMPLE;
  fileName.textContent = sourceInput.value === EXAMPLE ? 'example' : '';
  await update();
} catch (error) {
  reportFailure(error);
}
