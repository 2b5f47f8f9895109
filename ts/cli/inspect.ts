// binast inspect: what is inside a .binast file (header, counts, bytes per section).
import { readFileSync } from 'node:fs';
import type { Comment } from 'estree';
import { decode, FORMAT_VERSION, SCHEMA_HASH } from '../index.ts';
import { FLAG_COMMENTS, FLAG_JSX, FLAG_MODULE, HEADER_LENGTH, MAGIC, readHeader, TRAILER_LENGTH } from '../decode/header.ts';
import { readLineStarts } from '../decode/locations.ts';
import { readStrings } from '../decode/strings.ts';
import { exactlyOne, parseCommandLine } from './args.ts';
import { errorMessage, formatInt, table } from './format.ts';

export const INSPECT_HELP = `Usage: binast inspect <file.binast> [options]

Shows a .binast file's header (format version, flags, schema hash), its node, string,
line and comment counts and the bytes each section takes. The whole file is decoded, so a
damaged file is reported (exit code 1) with the byte offset of the damage.

Options:
  --json       print the same facts as JSON
  -h, --help   show this help

Example:
  binast inspect app.js.binast`;

const OPTIONS = { json: { type: 'boolean' } } as const;

export interface Inspection {
  file: string;
  bytes: number;
  magic: boolean;
  version: number | null;
  flags: { module: boolean; comments: boolean; jsx: boolean } | null;
  schemaHash: string | null;
  schemaMatches: boolean;
  sections: { header: number; strings: number; nodes: number; refs: number; lines: number; comments: number; checksum: number } | null;
  counts: { nodes: number; strings: number; lines: number; comments: number | null } | null;
  sourceLength: number | null;
  error: string | null;
}

export async function inspectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    process.stdout.write(`${INSPECT_HELP}\n`);
    return 0;
  }
  const file = exactlyOne(positionals, 'the .binast file to inspect');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(`${file}: ${errorMessage(error)}\n`);
    return 1;
  }
  const facts = inspect(file, bytes);
  process.stdout.write(values.json ? `${JSON.stringify(facts, null, 2)}\n` : render(facts));
  if (facts.error) process.stderr.write(`${file}: ${facts.error}\n`);
  return facts.error ? 1 : 0;
}

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

export function inspect(file: string, bytes: Uint8Array): Inspection {
  const facts: Inspection = {
    file,
    bytes: bytes.length,
    magic: bytes.length >= 4 && MAGIC.every((b, i) => bytes[i] === b),
    version: null,
    flags: null,
    schemaHash: null,
    schemaMatches: false,
    sections: null,
    counts: null,
    sourceLength: null,
    error: null,
  };
  // The raw header first, so that even a file this decoder refuses shows what it claims.
  if (facts.magic && bytes.length >= HEADER_LENGTH) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    facts.version = bytes[4]!;
    facts.flags = {
      module: (bytes[5]! & FLAG_MODULE) !== 0,
      comments: (bytes[5]! & FLAG_COMMENTS) !== 0,
      jsx: (bytes[5]! & FLAG_JSX) !== 0,
    };
    facts.schemaHash = hex(view.getUint32(8, true));
    facts.schemaMatches = view.getUint32(8, true) === SCHEMA_HASH;
    facts.sections = {
      header: HEADER_LENGTH,
      strings: view.getUint32(12, true),
      nodes: view.getUint32(16, true),
      refs: view.getUint32(20, true),
      lines: view.getUint32(24, true),
      comments: view.getUint32(28, true),
      checksum: TRAILER_LENGTH,
    };
  }
  try {
    const header = readHeader(bytes);
    const strings = readStrings(bytes, header.strings);
    const lines = readLineStarts(bytes, header.lines).length;
    const withComments = (header.flags & FLAG_COMMENTS) !== 0;
    const comments: Comment[] = [];
    const program = decode(bytes, withComments ? { onComment: comments } : {});
    facts.counts = { nodes: countNodes(program), strings: strings.length, lines, comments: withComments ? comments.length : null };
    facts.sourceLength = (program as { end?: number }).end ?? null;
  } catch (error) {
    facts.error = errorMessage(error);
  }
  return facts;
}

/** Nodes are the objects with a string `type`; loc, regex and template values have none. */
function countNodes(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || value instanceof RegExp) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.type === 'string') count++;
    for (const key in record) if (key !== 'loc') stack.push(record[key]);
  }
  return count;
}

function render(f: Inspection): string {
  const percent = (n: number): string => `${((n / f.bytes) * 100).toFixed(1)}%`;
  const lines = [`${f.file}: ${formatInt(f.bytes)} bytes`];
  const head: string[][] = [['magic', f.magic ? '89 42 41 53 (binast)' : 'not a binast file']];
  if (f.version !== null) {
    head.push(['format version', `${f.version}${f.version === FORMAT_VERSION ? '' : ` (this binast reads ${FORMAT_VERSION})`}`]);
    const flags = [f.flags!.module ? 'module' : 'script', f.flags!.comments ? 'with comments' : 'no comments'];
    if (f.flags!.jsx) flags.push('JSX');
    head.push(['flags', flags.join(', ')]);
    head.push(['schema hash', `${f.schemaHash}${f.schemaMatches ? ' (matches this binast)' : ` (this binast reads ${hex(SCHEMA_HASH)})`}`]);
  }
  for (const [key, value] of head) lines.push(`  ${key!.padEnd(16)}${value}`);
  if (f.counts) {
    const counts = [
      ['nodes', formatInt(f.counts.nodes)],
      ['strings', formatInt(f.counts.strings)],
      ['lines', formatInt(f.counts.lines)],
      ['comments', f.counts.comments === null ? 'not stored' : formatInt(f.counts.comments)],
      ['source length', `${formatInt(f.sourceLength ?? 0)} UTF-16 code units`],
    ];
    for (const [key, value] of counts) lines.push(`  ${key!.padEnd(16)}${value}`);
  }
  if (f.sections) {
    const s = f.sections;
    const rows = [['section', 'bytes', 'share']];
    for (const [name, size] of Object.entries(s)) rows.push([name, formatInt(size), percent(size)]);
    lines.push(table(rows, '  '));
  }
  return `${lines.join('\n')}\n`;
}
