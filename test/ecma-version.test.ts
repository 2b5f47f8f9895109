// Numeric ecmaVersion: binast parses the latest edition and, for an older one, scans the tree
// for newer syntax (ts/ecma-version.ts). Checked on test262 tests tagged with each syntax
// feature (test/fixtures/test262-features.json, from scripts/test262-features.mjs) at every
// edition from 2015 to 2026: the outcome is acorn's, tree or error, and features newer than
// the edition are rejected while older ones are accepted.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parse } from '../ts/index.ts';
import * as acorn from 'acorn';
import { acornAccepts, outcomeDifference } from './helpers/same-outcome.ts';

function acornMessage(source: string, ecmaVersion: 2020): string {
  try {
    acorn.parse(source, { ecmaVersion });
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepts';
}

interface FeatureTest {
  path: string;
  feature: string;
  edition: number;
  phase: string | null;
  module: boolean;
  onlyStrict: boolean;
  source: string;
}
const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/test262-features.json', import.meta.url), 'utf8')) as {
  editions: Record<string, number>;
  tests: FeatureTest[];
};
const EDITIONS = Array.from({ length: 12 }, (_, i) => 2015 + i) as (2015 | 2026)[];
const sourceOf = (t: FeatureTest) => (t.onlyStrict ? `"use strict";\n${t.source}` : t.source);
const optionsOf = (t: FeatureTest, ecmaVersion: (typeof EDITIONS)[number]) =>
  ({ ecmaVersion, sourceType: t.module ? 'module' : 'script', locations: true }) as const;

describe('numeric ecmaVersion: the same outcome as acorn on test262 feature tests', () => {
  for (const ecmaVersion of EDITIONS) {
    it(`ecmaVersion ${ecmaVersion}`, () => {
      const differences = FIXTURE.tests
        .map((t) => [t.path, outcomeDifference(sourceOf(t), optionsOf(t, ecmaVersion), true)] as const)
        .filter(([, d]) => d !== null);
      expect(differences).toEqual([]);
    });
  }
});

describe('features newer than the edition are rejected, older ones accepted', () => {
  const valid = FIXTURE.tests.filter((t) => t.phase === null);
  for (const [feature, edition] of Object.entries(FIXTURE.editions)) {
    const tests = valid.filter((t) => t.feature === feature);
    it(`${feature} (${edition})`, () => {
      expect(tests.length).toBeGreaterThan(0);
      // Tests tagged with the feature may use it only at run time (a BigInt() call): at least
      // one must use its syntax, rejected one edition earlier.
      const before = (edition - 1) as (typeof EDITIONS)[number];
      expect(tests.some((t) => !acornAccepts(sourceOf(t), optionsOf(t, before)))).toBe(true);
      for (const t of tests) {
        const older = () => parse(sourceOf(t), optionsOf(t, before));
        if (!acornAccepts(sourceOf(t), optionsOf(t, before))) expect(older, t.path).toThrow(SyntaxError);
        for (const ecmaVersion of EDITIONS.filter((e) => e >= t.edition)) {
          expect(() => parse(sourceOf(t), optionsOf(t, ecmaVersion)), `${t.path} at ${ecmaVersion}`).not.toThrow();
        }
      }
    });
  }
});

describe('ecmaVersion omitted', () => {
  it("is 2020, with acorn's one-time warning", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(outcomeDifference('a ?? b?.c', { ecmaVersion: 2020 })).toBeNull();
      expect(parse('a ?? b?.c').body).toHaveLength(1);
      for (const source of ['a ||= b', 'class A { #x }', 'x = 1_000']) {
        // 2021/2022 syntax: acorn's 2020 error
        expect(() => parse(source), source).toThrow(SyntaxError);
        expect(outcomeDifference(source, { ecmaVersion: 2020 })).toBeNull();
        let message = '';
        try {
          parse(source);
        } catch (e) {
          message = (e as Error).message;
        }
        expect(message).toBe(acornMessage(source, 2020));
      }
      const warnings = warn.mock.calls.filter(([m]) => String(m).startsWith('Since Acorn 8.0.0, options.ecmaVersion is required.'));
      expect(warnings.length).toBeLessThanOrEqual(1); // once per process (another test may have had it)
    } finally {
      warn.mockRestore();
    }
  });
});

describe('older editions drop the keys acorn adds only later', () => {
  const cases: [string, 'script' | 'module', number][] = [
    ['function f() {} (function () {}); () => 1', 'script', 2016], // no `async`
    ['for (const x of y);', 'script', 2017], // no `await`
    ['export * from "m"; import x from "m"; export { y } from "m"; export { x };', 'module', 2019], // no exported/attributes
    ['import("m")', 'script', 2024], // no `options`
  ];
  for (const [source, sourceType, ecmaVersion] of cases) {
    it(`${source} at ${ecmaVersion}`, () => {
      expect(outcomeDifference(source, { ecmaVersion: ecmaVersion as 2016, sourceType, locations: true, ranges: true })).toBeNull();
    });
  }
});

describe('real files at older editions: acorn\'s tree or error', () => {
  // jquery at 2015 reaches acorn (a comma in a comment before `)` looks like a trailing comma),
  // d3 at 2015 is an error (`**`); the others stay binast's own trees.
  const files: [string, (2015 | 2017 | 2020)[]][] = [
    ['lodash/lodash.js', [2015, 2020]],
    ['jquery/dist/jquery.js', [2015, 2017]],
    ['d3/dist/d3.js', [2015, 2017]],
  ];
  for (const [path, editions] of files) {
    it(`${path} at ${editions.join(', ')}`, () => {
      const source = readFileSync(new URL(`../node_modules/${path}`, import.meta.url), 'utf8');
      for (const ecmaVersion of editions) {
        expect(outcomeDifference(source, { ecmaVersion, locations: true }, true), `${ecmaVersion}`).toBeNull();
      }
    }, 60_000);
  }
});

describe('comments at an older edition', () => {
  it("onComment's callback gets acorn's calls, after the tree proved to be acorn's", () => {
    const source = '/* a */ f(x) // b\n;[1, 2] /* c */';
    for (const locations of [false, true]) {
      const calls = (parser: (options: acorn.Options) => unknown) => {
        const seen: unknown[] = [];
        parser({ ecmaVersion: 2016, locations, onComment: (...args: unknown[]) => void seen.push(JSON.stringify(args)) });
        return seen;
      };
      const expected = calls((o) => acorn.parse(source, o));
      expect(expected).toHaveLength(3);
      expect(calls((o) => parse(source, o as never))).toEqual(expected);
    }
  });
});
