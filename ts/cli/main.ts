// The `binast` command line (bin/binast.js runs this file). Exit codes: 0 ok, 1 failures,
// 2 usage errors. Results go to stdout; errors, progress and warnings to stderr.
import { initSync } from '../node-init.ts';
import { readFileSync } from 'node:fs';
import { FORMAT_VERSION, SCHEMA_HASH } from '../index.ts';
import { UsageError } from './args.ts';
import { BENCH_HELP, benchCommand } from './bench.ts';
import { DECODE_HELP, decodeCommand } from './decode.ts';
import { ENCODE_HELP, encodeCommand } from './encode.ts';
import { errorMessage } from './format.ts';
import { INSPECT_HELP, inspectCommand } from './inspect.ts';
import { VERIFY_HELP, verifyCommand } from './verify.ts';

// The WASM encoder, ready before anything here runs (node-init.ts).
initSync();

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  encode: { run: encodeCommand, help: ENCODE_HELP },
  decode: { run: decodeCommand, help: DECODE_HELP },
  inspect: { run: inspectCommand, help: INSPECT_HELP },
  verify: { run: verifyCommand, help: VERIFY_HELP },
  bench: { run: benchCommand, help: BENCH_HELP },
};

export const HELP = `Usage: binast <command> [options]

JavaScript to a compact binary AST and back to acorn's ESTree.

Commands:
  encode <files, folders or globs...>  write <file>.binast for each JavaScript file
  decode <file.binast>                 print the ESTree as JSON
  inspect <file.binast>                show the header, counts and section sizes;
                                       --imports: the imports and exports
  verify <files, folders or globs...>  compare binast's trees with acorn's
  bench <file.js>                      time encode, decode and acorn.parse; compare sizes
  help [command]                       show help for a command

Options:
  -h, --help     show help (also after a command: binast encode --help)
  -v, --version  show binast's version, format version and schema hash

Exit code: 0 ok, 1 when something failed, 2 on a usage error.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${HELP}\n`);
    return 2;
  }
  if (name === '-h' || name === '--help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`binast ${packageVersion()} (format ${FORMAT_VERSION}, schema 0x${SCHEMA_HASH.toString(16).padStart(8, '0')})\n`);
    return 0;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const command = COMMANDS[topic];
    if (!command) return usage(undefined, `unknown command "${topic}"`);
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return usage(undefined, `unknown command "${name}"`);
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) return usage(name, error.message);
    process.stderr.write(`binast ${name}: ${errorMessage(error)}\n`);
    return 1;
  }
}

function usage(command: string | undefined, message: string): number {
  const more = command ? `binast ${command} --help` : 'binast --help';
  process.stderr.write(`binast${command ? ` ${command}` : ''}: ${message}\nRun '${more}' for usage.\n`);
  return 2;
}

function packageVersion(): string {
  try {
    // ../../package.json from both ts/cli/ and dist/cli/.
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// A closed pipe (`binast decode x.binast | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
