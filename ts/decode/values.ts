// Literal values acorn computes at parse time, computed the same way at decode time.
//
// Work budget. Decoding N bytes builds O(N) nodes, each in O(1), except for derived values
// whose cost grows with the length of a string: a regex literal's `value` (new RegExp reads
// the whole pattern) and a directive's text (slicing a derived raw string copies it). A
// string is stored once and may be referenced by any number of nodes, so a forged file of N
// bytes could make those costs N²/8. They are charged to a budget of WORK_PER_BYTE characters
// per input byte plus WORK_BASE; a file that exceeds it fails with LIMIT. A real file never
// comes near it: it would need, say, more than 16 million characters of regex patterns, each
// repeated more than 64 times. BigInt literals are converted once per distinct string.
import { BinastError } from '../errors.ts';

const WORK_PER_BYTE = 64;
const WORK_BASE = 1 << 24;

let budget = WORK_BASE;
/** BigInt literals decoded so far: raw -> [value, decimal digits]. */
let bigInts: Map<string, [bigint, string]> | null = null;

/** Called by the node section reader before decoding `length` bytes. */
export function startWork(length: number): void {
  budget = WORK_BASE + WORK_PER_BYTE * length;
  bigInts = null;
}

/** Continues a budget an earlier part of the same decode left (a lazy tree's bodies share one). */
export function resumeWork(left: number): void {
  budget = left;
  bigInts = null;
}

/** The budget left, for resumeWork. */
export function workLeft(): number {
  return budget;
}

/** Called when the node section reader is done (releases the BigInt memo). */
export function endWork(): void {
  bigInts = null;
}

function charge(characters: number): void {
  budget -= characters;
  if (budget < 0) {
    throw new BinastError(
      'LIMIT',
      'the binary references long strings from more nodes than a decode of this size may cost ' +
        '(regex patterns or directives repeated too often); it is forged or pathological',
    );
  }
}

/** acorn's `value` of a regex literal: a RegExp, or null where this runtime cannot build it. */
export function regExpValue(pattern: string, flags: string): RegExp | null {
  charge(pattern.length + flags.length);
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    // A pattern or flags this engine rejects gives null, as in acorn; running out of stack
    // must reach the decoder (which reports LIMIT) instead of becoming null.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** acorn's `directive`: the raw text of the directive's string literal without its quotes. */
export function directiveOf(expression: { raw: string }): string {
  const raw = expression.raw;
  if (typeof raw !== 'string') throw new BinastError('CORRUPT', 'a directive holds no string literal');
  charge(raw.length);
  return raw.slice(1, -1);
}

/** acorn's `value` of a bigint literal from its raw text (`0x1f_0n`). */
export function bigIntValue(raw: string): bigint {
  return bigInt(raw)[0];
}

/** acorn's `bigint` field: the value in decimal. */
export function bigIntDigits(raw: string): string {
  return bigInt(raw)[1];
}

/**
 * Parses a bigint literal once per distinct raw string: parsing and printing cost more than
 * linear time in the number of digits, and many nodes may share one raw string.
 */
function bigInt(raw: string): [bigint, string] {
  let entry = bigInts?.get(raw);
  if (entry === undefined) {
    const text = raw.slice(0, -1).replace(/_/g, '');
    let value: bigint;
    try {
      value = BigInt(text);
    } catch (error) {
      if (error instanceof SyntaxError) throw new BinastError('CORRUPT', `${JSON.stringify(raw.slice(0, 40))} is not a bigint literal`);
      throw error;
    }
    // Decimal text without leading zeros already is the value in decimal.
    entry = [value, /^(?:0|[1-9][0-9]*)$/.test(text) ? text : value.toString()];
    (bigInts ??= new Map()).set(raw, entry);
  }
  return entry;
}

/** Length of the plain decimal text of a non-negative integer below 2^31. */
export function decimalDigits(value: number): number {
  let digits = 1;
  while (value >= 10) {
    value = (value / 10) | 0;
    digits++;
  }
  return digits;
}
