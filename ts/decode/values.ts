// Literal values acorn computes at parse time, computed the same way at decode time.

/** acorn's `value` of a regex literal: a RegExp, or null where this runtime cannot build it. */
export function regExpValue(pattern: string, flags: string): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

/** acorn's `value` of a bigint literal from its raw text (`0x1f_0n`). */
export function bigIntValue(raw: string): bigint {
  return BigInt(raw.slice(0, -1).replace(/_/g, ''));
}

/** acorn's `bigint` field: the value in decimal. */
export function bigIntDigits(raw: string): string {
  return bigIntValue(raw).toString();
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
