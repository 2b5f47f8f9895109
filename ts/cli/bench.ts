// binast bench: encode, decode and acorn.parse times and raw/gzip/brotli sizes for one file.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { decode, encode } from '../index.ts';
import { ACORN_MISSING, loadAcorn, loadAcornJsx } from './acorn.ts';
import { exactlyOne, intOption, parseCommandLine, sourceTypeOption } from './args.ts';
import { formatFileError, formatInt, formatMs, table } from './format.ts';
import { encodeDetecting, isJsxName, sourceTypeOfName } from './source-type.ts';

export const BENCH_HELP = `Usage: binast bench <file.js> [options]

Times binast's encode and decode and acorn.parse on one file (the median of --runs runs,
after one warm-up run each) and compares sizes: source and .binast, raw, gzip -9 and
brotli -q 11. Without acorn installed, its column is left out (and said so).

Options:
  --runs <n>    runs per measurement (default 10)
  --locations   decode and parse with locations and ranges too
  --module      parse as an ES module
  --script      parse as a script (default: as for encode)
  --jsx         parse as JSX, against acorn-jsx (default for .jsx files)
  --json        print the figures as JSON
  -h, --help    show this help

Example:
  binast bench node_modules/vue/dist/vue.esm-browser.js --runs 20`;

const OPTIONS = {
  runs: { type: 'string' },
  locations: { type: 'boolean' },
  module: { type: 'boolean' },
  script: { type: 'boolean' },
  jsx: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export async function benchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    process.stdout.write(`${BENCH_HELP}\n`);
    return 0;
  }
  const file = exactlyOne(positionals, 'the JavaScript file to benchmark');
  const runs = intOption(values.runs, 'runs', 10);
  const jsx = values.jsx === true || isJsxName(file);
  const positions = values.locations ? { locations: true, ranges: true } : {};
  let source: string;
  let bytes: Uint8Array;
  let sourceType: 'script' | 'module';
  try {
    source = readFileSync(file, 'utf8');
    ({ bytes, sourceType } = encodeDetecting(source, sourceTypeOption(values) ?? sourceTypeOfName(file), false, jsx));
  } catch (error) {
    process.stderr.write(`${formatFileError(file, error)}\n`);
    return 1;
  }
  const base = await loadAcorn();
  if (!base) process.stderr.write(`binast bench: ${ACORN_MISSING} (showing binast's figures only)\n`);
  // JSX: acorn-jsx (acorn.Parser.extend(acornJsx())) is the reference.
  const acorn = base && jsx ? await loadAcornJsx(base) : base;

  const times = {
    encode: median(runs, () => encode(source, { sourceType, jsx })),
    decode: median(runs, () => decode(bytes, positions)),
    acorn: acorn ? median(runs, () => acorn.parse(source, { ecmaVersion: 'latest', sourceType, ...positions })) : null,
  };
  const sizes = { source: sizesOf(Buffer.from(source, 'utf8')), binast: sizesOf(bytes) };

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ file, sourceType, runs, locations: values.locations === true, times, sizes }, null, 2)}\n`);
    return 0;
  }
  const ms = (t: number | null): string => (t === null ? 'n/a' : formatMs(t));
  const timeRows = [
    [`time (median of ${runs})`, 'binast', 'acorn'],
    ['parse (encode + decode)', ms(times.encode + times.decode), ms(times.acorn)],
    ['  encode', ms(times.encode), ''],
    ['  decode', ms(times.decode), ''],
  ];
  const ratio = (a: number, b: number): string => (a / b).toFixed(2);
  const sizeRows = [
    ['size (bytes)', 'raw', 'gzip -9', 'brotli -q 11'],
    ['source', formatInt(sizes.source.raw), formatInt(sizes.source.gzip), formatInt(sizes.source.brotli)],
    ['.binast', formatInt(sizes.binast.raw), formatInt(sizes.binast.gzip), formatInt(sizes.binast.brotli)],
    ['.binast / source', ratio(sizes.binast.raw, sizes.source.raw), ratio(sizes.binast.gzip, sizes.source.gzip), ratio(sizes.binast.brotli, sizes.source.brotli)],
  ];
  const lines = [`${file} (${sourceType}${values.locations ? ', with locations and ranges' : ''})`, '', table(timeRows, '  ')];
  if (times.acorn !== null) {
    lines.push('', `  decode is ${(times.acorn / times.decode).toFixed(1)}x as fast as acorn.parse; encode + decode ${(times.acorn / (times.encode + times.decode)).toFixed(1)}x`);
  }
  lines.push('', table(sizeRows, '  '));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** Median wall time in ms of `runs` calls, after one warm-up call. */
function median(runs: number, fn: () => unknown): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  return samples.length % 2 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
}

function sizesOf(data: Uint8Array): Sizes {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}
