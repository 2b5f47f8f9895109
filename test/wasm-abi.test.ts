// The WASM ABI's numbers (version, flags, statuses, failure codes) are written twice, in
// crates/binast/src/wasm.rs (`abi`) and ts/wasm-loader.ts: each constant must have the same
// value on both sides, and every Rust one a TypeScript twin.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as loader from '../ts/wasm-loader.ts';

const rust = readFileSync(new URL('../crates/binast/src/wasm.rs', import.meta.url), 'utf8');
const abi = rust.slice(rust.indexOf('pub mod abi {'), rust.indexOf('pub fn options_from_flags'));

describe('WASM ABI constants', () => {
  it('are the same in wasm.rs and wasm-loader.ts', () => {
    const constants = [...abi.matchAll(/pub const (\w+): u32 =\s*([^;]+);/g)];
    expect(constants.length).toBeGreaterThan(8);
    const values: Record<string, number> = {};
    for (const [, name, expression] of constants) {
      // `1 << 2`, `FLAG_A | FLAG_B`, plain numbers.
      const value = expression.split('|').reduce((sum, term) => {
        const t = term.trim();
        const shift = /^(\d+) << (\d+)$/.exec(t);
        return sum | (shift ? Number(shift[1]) << Number(shift[2]) : /^\d+$/.test(t) ? Number(t) : values[t]);
      }, 0);
      values[name] = value;
      if (name === 'FLAGS_ALL') continue; // the loader derives it
      expect((loader as Record<string, unknown>)[name], name).toBe(value);
    }
  });
});
