// Large real-world bundles: decode(encode(src)) must equal acorn.parse(src),
// plain, with locations, and with locations + ranges.
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '../ts/index.ts';
import { firstDifference } from './helpers/canonical.ts';
import { REAL_WORLD, readSource } from './helpers/corpus.ts';

const VARIANTS = [{}, { locations: true }, { locations: true, ranges: true }];

describe('real-world files', () => {
  for (const file of REAL_WORLD) {
    it(`${file.name} (${file.sourceType})`, { timeout: 120_000 }, () => {
      const source = readSource(file);
      const bytes = encode(source, { sourceType: file.sourceType });
      const base = { ecmaVersion: 'latest', sourceType: file.sourceType } as const;

      // firstDifference rather than canonical(): typescript.js's canonical
      // string with locations would approach V8's maximum string length.
      // Each tree pair is dropped before the next is built to bound memory.
      for (const options of VARIANTS) {
        const diff = firstDifference(decode(bytes, options), acorn.parse(source, { ...base, ...options }));
        expect(diff, `${JSON.stringify(options)}: ${diff}`).toBeNull();
      }
    });
  }
});
