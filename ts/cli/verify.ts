// binast verify: round-trips JavaScript files through binast and compares with acorn.
import { readFileSync } from 'node:fs';
import type { Comment } from 'estree';
import { decode } from '../index.ts';
import { ACORN_MISSING, loadAcorn, loadAcornJsx, type AcornParser } from './acorn.ts';
import { parseCommandLine, sourceTypeOption, UsageError } from './args.ts';
import { treeDifference } from './diff.ts';
import { displayPath, expandInputs } from './files.ts';
import { errorMessage, formatFileError, formatMs } from './format.ts';
import { Progress } from './progress.ts';
import { encodeDetecting, isJsxName, sourceTypeOfName, type SourceType } from './source-type.ts';

export const VERIFY_HELP = `Usage: binast verify <files, folders or globs...> [options]

Encodes each JavaScript file, decodes it and compares the tree with acorn.parse(source,
{ecmaVersion: 'latest'}), twice: without positions options, then with locations, ranges
and comments. JSX files (.jsx, or all with --jsx) are compared with acorn-jsx
(acorn.Parser.extend(acornJsx())). The first difference is reported by its path in the tree, binast's value
first:  app.js: body[3].expression.left.end: 12 vs 13
Needs acorn installed (it is binast's reference parser).

Options:
  --module      parse every file as an ES module
  --script      parse every file as a script
                (default as for encode: .mjs module, .cjs script, others script then module)
  --jsx         parse every file as JSX; .jsx files always are
  --progress    show the progress bar even when stderr is not a terminal
  --no-progress never show the progress bar
  -h, --help    show this help

Exit code: 0 when every file matches acorn, 1 on any difference or failure, 2 on a usage error.

Example:
  binast verify "src/**/*.js"`;

const OPTIONS = {
  module: { type: 'boolean' },
  script: { type: 'boolean' },
  jsx: { type: 'boolean' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
} as const;

export async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    process.stdout.write(`${VERIFY_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('missing the files, folders or globs to verify');
  const forced = sourceTypeOption(values);
  const acorn = await loadAcorn();
  if (!acorn) {
    process.stderr.write(`binast verify: ${ACORN_MISSING}\n`);
    return 1;
  }
  const cwd = process.cwd();
  const started = performance.now();
  const { files, unmatched } = await expandInputs(positionals, cwd);
  const problems = unmatched.map(({ arg, reason }) => `${arg}: ${reason}`);
  const showProgress = values['no-progress'] ? false : values.progress === true || (process.stderr.isTTY === true && files.length > 1);
  const progress = new Progress(files.length, process.stderr, showProgress);
  let identical = 0;
  for (const [i, file] of files.entries()) {
    const shown = displayPath(file, cwd);
    progress.update(i, shown);
    const jsx = values.jsx === true || isJsxName(file);
    const parser = jsx ? await loadAcornJsx(acorn) : acorn;
    const problem = parser
      ? verifyFile(parser, file, shown, forced ?? sourceTypeOfName(file), jsx)
      : `${shown}: acorn-jsx is not installed, and JSX files are compared with it`;
    if (problem) problems.push(problem);
    else identical++;
  }
  progress.update(files.length, '');
  progress.end();
  const s = files.length === 1 ? '' : 's';
  process.stdout.write(
    `verified ${files.length} file${s} in ${formatMs(performance.now() - started)}: ${identical} identical to acorn` +
      `${problems.length ? `, ${problems.length} problem${problems.length === 1 ? '' : 's'}` : ''}\n`,
  );
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  return problems.length ? 1 : 0;
}

/** Null when binast and acorn agree on the file, else one line saying where they part. */
function verifyFile(acorn: AcornParser, file: string, shown: string, sourceType: SourceType | undefined, jsx: boolean): string | null {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    return `${shown}: ${errorMessage(error)}`;
  }
  let bytes: Uint8Array;
  let chosen: SourceType;
  try {
    ({ bytes, sourceType: chosen } = encodeDetecting(source, sourceType, true, jsx));
  } catch (error) {
    const accepted = (sourceType ? [sourceType] : (['script', 'module'] as const)).find((type) => {
      try {
        acorn.parse(source, { ecmaVersion: 'latest', sourceType: type });
        return true;
      } catch {
        return false;
      }
    });
    const verdict = accepted ? `binast rejects the file but acorn accepts it as a ${accepted}` : 'acorn rejects it too';
    return `${formatFileError(shown, error)} (${verdict})`;
  }
  const variants = [{}, { locations: true, ranges: true }] as const;
  for (const options of variants) {
    const withComments = 'locations' in options;
    const expectedComments: Comment[] = [];
    let expected: unknown;
    try {
      expected = acorn.parse(source, {
        ecmaVersion: 'latest',
        sourceType: chosen,
        ...options,
        ...(withComments ? { onComment: expectedComments as unknown as import('acorn').Comment[] } : {}),
      });
    } catch (error) {
      return `${formatFileError(shown, error)} (acorn rejects the file as a ${chosen}, binast accepts it)`;
    }
    const comments: Comment[] = [];
    let actual: unknown;
    try {
      actual = decode(bytes, { ...options, ...(withComments ? { onComment: comments } : {}) });
    } catch (error) {
      return `${shown}: decoding failed: ${errorMessage(error)}`;
    }
    const label = withComments ? ' (with locations, ranges)' : '';
    const tree = treeDifference(actual, expected);
    if (tree) return `${shown}: ${tree}${label}`;
    const comment = withComments ? treeDifference(comments, expectedComments) : null;
    if (comment) return `${shown}: comments${comment.replace(/^\(root\)/, '')}`;
  }
  return null;
}
