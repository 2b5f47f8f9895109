// acorn's SyntaxError for every source both reject: the same message, pos, loc and raisedAt
// (binast re-parses with acorn on the error path). The full measurement, with before/after
// figures, is `node scripts/error-identity.mjs`.
import * as acorn from 'acorn';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode, parse } from '../ts/index.ts';
import { createRandom, fuzzCorpus, fuzzSource } from './fuzz/engine.mjs';
import { ensureBuilt, run } from './cli-helpers.ts';
import { REPO_ROOT, test262Files } from './helpers/corpus.ts';

type Positioned = SyntaxError & { pos: number; raisedAt: number; loc: { line: number; column: number } };

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

const fingerprint = (e: unknown) => {
  if (!(e instanceof SyntaxError)) return `not a SyntaxError: ${String(e)}`;
  const { message, pos, raisedAt, loc } = e as Positioned;
  return JSON.stringify({ message, pos, raisedAt, line: loc?.line, column: loc?.column });
};

/** Sources both reject whose errors differ (parse and encode), as `id: binast vs acorn`. */
function differences(sources: { id: string; source: string; sourceType: 'script' | 'module' }[]): { bothReject: number; differ: string[] } {
  let bothReject = 0;
  const differ: string[] = [];
  for (const { id, source, sourceType } of sources) {
    const expected = thrown(() => acorn.parse(source, { ecmaVersion: 'latest', sourceType }));
    if (!(expected instanceof SyntaxError)) continue;
    const viaParse = thrown(() => parse(source, { ecmaVersion: 'latest', sourceType }));
    const viaEncode = thrown(() => encode(source, { sourceType }));
    if (viaParse === null || viaEncode === null) continue; // binast accepts: a verdict disagreement
    bothReject++;
    for (const actual of [viaParse, viaEncode]) {
      if (fingerprint(actual) !== fingerprint(expected)) differ.push(`${id}: ${fingerprint(actual)} vs ${fingerprint(expected)}`);
    }
  }
  return { bothReject, differ };
}

describe("acorn's errors", () => {
  it('test262-parser-tests fail/ and early/', () => {
    const files = [...test262Files('fail'), ...test262Files('early')];
    const { bothReject, differ } = differences(files.map((f) => ({ id: f.id, source: f.source, sourceType: f.sourceType })));
    expect(bothReject).toBeGreaterThan(1300);
    expect(differ).toEqual([]);
  });

  it("the encode fuzzer's rejected sources (seeded)", () => {
    const random = createRandom(20261207);
    const corpus = fuzzCorpus();
    const sources = Array.from({ length: 400 }, (_, i) => {
      const { source, sourceType } = fuzzSource(random, corpus) as { source: string; sourceType: 'script' | 'module' };
      return { id: `#${i}`, source, sourceType };
    });
    const { bothReject, differ } = differences(sources);
    expect(bothReject).toBeGreaterThan(150);
    expect(differ).toEqual([]);
  });

  it('a real file with one token deleted', () => {
    const source = readFileSync(new URL('../node_modules/jquery/dist/jquery.js', import.meta.url), 'utf8');
    const tokens = [...acorn.tokenizer(source, { ecmaVersion: 'latest' })];
    const random = createRandom(7);
    const sources = Array.from({ length: 25 }, () => {
      const token = random.pick(tokens);
      return { id: `without ${token.start}`, source: source.slice(0, token.start) + source.slice(token.end), sourceType: 'script' as const };
    });
    const { bothReject, differ } = differences(sources);
    expect(bothReject).toBeGreaterThan(5);
    expect(differ).toEqual([]);
  });

  it('Node loads acorn only when a source is rejected (startup and valid sources never pay for it)', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { parse } = await import(${JSON.stringify(join(REPO_ROOT, 'dist', 'node.js'))});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\/]acorn[\\/]/.test(path));
      const seen = [loaded()];
      parse('const a = 1;', { ecmaVersion: 'latest' });
      seen.push(loaded());
      try { parse('const = 1;', { ecmaVersion: 'latest' }); } catch (e) { seen.push(e.message); }
      seen.push(loaded());
      console.log(JSON.stringify(seen));`;
    ensureBuilt();
    const result = run(process.execPath, ['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([false, false, "Unexpected token (1:6)", true]);
  });

  it('binast keeps its own error where acorn accepts (a known disagreement)', () => {
    // acorn does not declare a labelled function (test/fuzz/disagreements.md)
    const source = 'l1: function a() {}\nlet a;';
    expect(() => acorn.parse(source, { ecmaVersion: 'latest' })).not.toThrow();
    expect(() => parse(source, { ecmaVersion: 'latest' })).toThrow("Identifier 'a' has already been declared");
    // an option that relaxes acorn does not turn binast's verdict into acorn's
    expect(() => parse(source, { ecmaVersion: 2020, allowReserved: true })).toThrow("Identifier 'a' has already been declared");
  });
});
