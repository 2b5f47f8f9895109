// binast encode: JavaScript files -> .binast files, beside them or mirrored into -o outdir.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../cache/atomic.ts';
import { parseCommandLine, sourceTypeOption, UsageError } from './args.ts';
import { displayPath, expandInputs } from './files.ts';
import { formatBytes, formatFileError, formatMs } from './format.ts';
import { Progress } from './progress.ts';
import { encodeDetecting, isJsxName, sourceTypeOfName } from './source-type.ts';

export const ENCODE_HELP = `Usage: binast encode <files, folders or globs...> [options]

Encodes JavaScript files to binary ASTs. Each input <file> gets <file>.binast (e.g.
app.js -> app.js.binast), beside it or, with -o, under <outdir> at the same path relative
to the deepest folder containing all inputs. Folders are searched for .js, .mjs, .cjs and
.jsx files (skipping node_modules and .git); quote globs to let binast expand them.

Options:
  -o, --outdir <dir>  write the .binast files under <dir> instead of beside the inputs
  --module            parse every file as an ES module
  --script            parse every file as a script
                      (default: .mjs as a module, .cjs as a script, anything else as a
                      script and, when that fails, as a module)
  --comments          keep comments (decode's onComment can then return them)
  --jsx               parse every file as JSX (acorn-jsx's tree); .jsx files always are
  --progress          show the progress bar even when stderr is not a terminal
  --no-progress       never show the progress bar
  -h, --help          show this help

A file that fails is reported (file:line:column) and skipped; the others are still written
(each through a temp file and a rename, so no half-written .binast is ever left).
Exit code: 0 when every file was encoded, 1 when any failed, 2 on a usage error.

Example:
  binast encode src -o build/ast --comments`;

const OPTIONS = {
  outdir: { type: 'string', short: 'o' },
  module: { type: 'boolean' },
  script: { type: 'boolean' },
  comments: { type: 'boolean' },
  jsx: { type: 'boolean' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
} as const;

export async function encodeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) return help();
  if (positionals.length === 0) throw new UsageError('missing the files, folders or globs to encode');
  const forced = sourceTypeOption(values);
  const comments = values.comments === true;
  const cwd = process.cwd();
  const outdir = typeof values.outdir === 'string' ? resolve(cwd, values.outdir) : undefined;

  const started = performance.now();
  const { files, root, unmatched } = await expandInputs(positionals, cwd);
  const failures = unmatched.map(({ arg, reason }) => `${arg}: ${reason}`);
  const showProgress = values['no-progress'] ? false : values.progress === true || (process.stderr.isTTY === true && files.length > 1);
  const progress = new Progress(files.length, process.stderr, showProgress);
  let bytesIn = 0;
  let bytesOut = 0;
  let written = 0;
  for (const [i, file] of files.entries()) {
    const shown = displayPath(file, cwd);
    progress.update(i, shown);
    try {
      const source = readFileSync(file, 'utf8');
      const { bytes } = encodeDetecting(source, forced ?? sourceTypeOfName(file), comments, values.jsx === true || isJsxName(file));
      const target = outdir ? join(outdir, relative(root, file)) + '.binast' : `${file}.binast`;
      mkdirSync(dirname(target), { recursive: true });
      writeFileAtomic(target, bytes);
      bytesIn += Buffer.byteLength(source, 'utf8');
      bytesOut += bytes.length;
      written++;
    } catch (error) {
      failures.push(formatFileError(shown, error));
    }
  }
  progress.update(files.length, '');
  progress.end();

  const elapsed = performance.now() - started;
  const ratio = bytesIn ? ` (${((bytesOut / bytesIn) * 100).toFixed(1)}% of the source)` : '';
  const where = outdir ? ` into ${displayPath(outdir, cwd)}` : '';
  process.stdout.write(
    `encoded ${written} of ${files.length} file${files.length === 1 ? '' : 's'}${where} in ${formatMs(elapsed)}: ` +
      `${formatBytes(bytesIn)} -> ${formatBytes(bytesOut)}${ratio}\n`,
  );
  if (failures.length) {
    process.stderr.write(`${failures.length} failure${failures.length === 1 ? '' : 's'}:\n${failures.map((f) => `  ${f}\n`).join('')}`);
  }
  return failures.length ? 1 : 0;
}

function help(): number {
  process.stdout.write(`${ENCODE_HELP}\n`);
  return 0;
}
