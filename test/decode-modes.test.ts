// Every decode mode (plain, loc, range, both) has its own reader set, and trees nested deeper
// than the readers recurse (500 levels) continue on the stack-safe path in the same pass:
// each mode, on both paths, gives acorn's tree. (hostile-depth.test.ts goes to 100,000 levels,
// in the plain and full modes.)
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '../ts/index.ts';

const MODES = [{}, { locations: true }, { ranges: true }, { locations: true, ranges: true }];

const SOURCES: Record<string, string> = {
  'shallow, every shape of line': 'let a = `x${1}y`;\n\n\n// c\nfunction f(b) {\r\n  return b?.c ?? /d/g;\u2028}\nf(a)\n',
  'unary operators, 1,500 levels': `x = ${'!'.repeat(1500)}y;\nz;`,
  'a member chain, 2,000 levels, inside a call': `f(a${'.b'.repeat(2000)}, 1)\n`,
  'arrays, 700 levels, then siblings': `${'['.repeat(700)}1${']'.repeat(700)};\n[2, 3];`,
  'templates nested 520 levels (quasis before expressions on the wire)': `${'`a${'.repeat(520)}0${'}b`'.repeat(520)}`,
};

describe('each decode mode, recursive and stack-safe paths', () => {
  for (const [name, source] of Object.entries(SOURCES)) {
    const bytes = encode(source);
    for (const options of MODES) {
      it(`${name}: ${JSON.stringify(options)}`, () => {
        const expected = JSON.stringify(acorn.parse(source, { ecmaVersion: 'latest', ...options }));
        expect(JSON.stringify(decode(bytes, options))).toBe(expected);
      });
    }
  }
});
