// binast decode: a .binast file -> ESTree JSON on stdout, as acorn's own CLI prints it.
import { readFileSync } from 'node:fs';
import { decode } from '../index.ts';
import { exactlyOne, parseCommandLine } from './args.ts';
import { formatFileError } from './format.ts';
import { writeJson } from './json.ts';

export const DECODE_HELP = `Usage: binast decode <file.binast> [options]

Prints the ESTree (acorn's tree) stored in <file.binast> as JSON, formatted as acorn's CLI
does (2-space indent; bigint values print as null, RegExp values as {}).

Options:
  --locations   add loc {start: {line, column}, end} to every node
  --ranges      add range [start, end] to every node
  --compact     no indentation
  -h, --help    show this help

Exit code: 0 ok, 1 when the file cannot be read or decoded, 2 on a usage error.

Example:
  binast decode app.js.binast --locations > app.ast.json`;

const OPTIONS = {
  locations: { type: 'boolean' },
  ranges: { type: 'boolean' },
  compact: { type: 'boolean' },
} as const;

export async function decodeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    process.stdout.write(`${DECODE_HELP}\n`);
    return 0;
  }
  const file = exactlyOne(positionals, 'the .binast file to decode');
  let program;
  try {
    program = decode(readFileSync(file), { locations: values.locations === true, ranges: values.ranges === true });
  } catch (error) {
    process.stderr.write(`${formatFileError(file, error)}\n`);
    return 1;
  }
  await writeJson(process.stdout, program, values.compact ? '' : '  ');
  return 0;
}
