// Command-line parsing on node:util's parseArgs: unknown options and missing values are
// usage errors (exit code 2), never silently ignored.
import { parseArgs } from 'node:util';
import { editDistance } from '../parse-options.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export function parseCommandLine(args: string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      // Node's own message varies by version (and from 22 on carries an unbalanced quote).
      const given = /Unknown option '(-[^']*)'/.exec((error as Error).message)?.[1] ?? args.find((a) => a.startsWith('-')) ?? '?';
      throw new UsageError(`unknown option ${given}${suggestFlag(given, Object.keys(options))}`);
    }
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
}

/** " (did you mean --locations?)" for a prefix or a near miss of one of `names`, else "". */
export function suggestFlag(given: string, names: string[]): string {
  const bare = given.replace(/^-+/, '').split('=')[0]!;
  if (bare === '') return '';
  const prefixed = names.filter((n) => n.startsWith(bare));
  const near = names.filter((n) => editDistance(bare, n) <= Math.max(1, Math.floor(n.length / 4)));
  const pick = prefixed.length === 1 ? prefixed : near.length === 1 ? near : [];
  return pick.length === 1 ? ` (did you mean --${pick[0]}?)` : '';
}

/** A positive integer option such as `--runs 10`. */
export function intOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} expects a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

/** `--module` / `--script`, or undefined to detect per file. */
export function sourceTypeOption(values: Parsed['values']): 'module' | 'script' | undefined {
  if (values.module && values.script) throw new UsageError('--module and --script exclude each other');
  return values.module ? 'module' : values.script ? 'script' : undefined;
}

export function exactlyOne(positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? `missing ${what}` : `expected one ${what}, got ${positionals.length}`);
  }
  return positionals[0]!;
}
