#!/usr/bin/env node
// What binast costs on the web: the decoder-only bundle (`binast/decode`,
// bundled and minified by esbuild, raw / gzip / brotli), the full browser entry,
// and wasm/binast.wasm. Also checks that the decoder-only bundle carries no
// WASM loader code (and that `import { decode } from 'binast'` tree-shakes to it).
//
//   node scripts/web-sizes.mjs                   a Markdown table
//   node scripts/web-sizes.mjs --json            the figures as JSON
//   node scripts/web-sizes.mjs --write FILE.md   also rewrites FILE.md between
//                                                <!-- web-sizes:start --> and <!-- web-sizes:end -->
// Needs `npm run build` (dist/ and wasm/binast.wasm). Exits 1 if a check fails.
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WASM = join(ROOT, 'wasm', 'binast.wasm');
const args = process.argv.slice(2);
const json = args.includes('--json');
const writeIndex = args.indexOf('--write');
const writeTarget = writeIndex >= 0 ? args[writeIndex + 1] : undefined;
if (writeIndex >= 0 && !writeTarget) fail('--write needs a file');

for (const file of [join(ROOT, 'dist', 'index.js'), join(ROOT, 'dist', 'decode', 'index.js'), WASM]) {
  if (!existsSync(file)) fail(`${relative(ROOT, file)} is missing: run \`npm run build\` first`);
}

/** Strings that only the WASM loader / encoder contain. */
const LOADER_MARKERS = ['WebAssembly', 'binast_encode', 'binast.wasm', 'getBuiltinModule', 'instantiate'];

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

// Bundle from a scratch directory where `binast` is an installed package
// (a symlink to this repository), so resolution goes through its `exports`.
const scratch = mkdtempSync(join(tmpdir(), 'binast-web-sizes-'));
let results;
try {
  mkdirSync(join(scratch, 'node_modules'));
  symlinkSync(ROOT, join(scratch, 'node_modules', 'binast'), 'dir');
  const bundle = async (name, contents) => {
    const result = await build({
      stdin: { contents, resolveDir: scratch, loader: 'js', sourcefile: `${name}.js` },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
      // The .wasm is fetched at run time, never bundled.
      external: ['*.wasm'],
    });
    const code = result.outputFiles[0].contents;
    const text = new TextDecoder().decode(code);
    const inputs = Object.keys(result.metafile.inputs).map((p) => p.replace(/^.*?(dist\/)/, '$1'));
    return { code, text, inputs, ...sizes(code) };
  };

  const decodeOnly = await bundle('decode-only', "export { decode } from 'binast/decode';");
  const decodeFromMain = await bundle('decode-from-main', "export { decode } from 'binast';");
  const full = await bundle('full', "export { init, encode, decode, parse } from 'binast';");
  const wasm = sizes(readFileSync(WASM));

  const leaks = (b) => LOADER_MARKERS.filter((m) => b.text.includes(m));
  const checks = [
    {
      name: "`binast/decode` bundle has no WASM loader code",
      ok: leaks(decodeOnly).length === 0,
      detail: leaks(decodeOnly).join(', '),
    },
    {
      name: "`import { decode } from 'binast'` tree-shakes the encoder away",
      ok: leaks(decodeFromMain).length === 0,
      detail: leaks(decodeFromMain).join(', '),
    },
    {
      name: 'the full browser entry references the .wasm (loaded at run time, not inlined)',
      // An inlined module would carry its magic in base64 ("AGFzbQ", \0asm) and outweigh the .wasm.
      ok: full.text.includes('binast.wasm') && !full.text.includes('AGFzbQ') && full.raw < wasm.raw,
      detail: `${full.raw} B`,
    },
  ];
  results = {
    decodeOnly: pick(decodeOnly),
    decodeFromMain: pick(decodeFromMain),
    fullJs: pick(full),
    wasm,
    checks,
  };
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function pick({ raw, gzip, brotli, inputs }) {
  return { raw, gzip, brotli, modules: inputs.length };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const row = (label, s) => `| ${label} | ${kib(s.raw)} | ${kib(s.gzip)} | ${kib(s.brotli)} |`;
const table = [
  '| What the browser downloads | raw | gzip -9 | brotli -q 11 |',
  '| --- | ---: | ---: | ---: |',
  row("decoder only: `import { decode } from 'binast/decode'` (esbuild, minified)", results.decodeOnly),
  row("`import { decode } from 'binast'` (tree-shaken, same code)", results.decodeFromMain),
  row("encoder + decoder JS: `import { init, encode, decode, parse } from 'binast'`", results.fullJs),
  row('`wasm/binast.wasm` (the encoder, fetched by `init()`)', results.wasm),
].join('\n');
const checkLines = results.checks.map((c) => `- ${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : ` (found: ${c.detail})`}`).join('\n');
const markdown = `${table}\n\n${checkLines}\n`;

if (json) console.log(JSON.stringify(results, null, 2));
else console.log(markdown);

if (writeTarget) {
  const file = join(process.cwd(), writeTarget);
  const start = '<!-- web-sizes:start -->';
  const end = '<!-- web-sizes:end -->';
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) fail(`${writeTarget}: markers ${start} ... ${end} not found`);
  const note = '<!-- generated by `node scripts/web-sizes.mjs --write README.md`; do not edit by hand -->';
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${note}\n\n${markdown}\n${text.slice(b)}`);
  console.error(`wrote ${relative(process.cwd(), file)}`);
}

if (!results.checks.every((c) => c.ok)) process.exit(1);

function fail(message) {
  console.error(`web-sizes: ${message}`);
  process.exit(1);
}
