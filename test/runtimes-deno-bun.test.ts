// binast in Deno and Bun as their users import it: a project whose node_modules holds `binast`
// (resolved through package.json "exports", the runtime picking its own condition), a script
// that encodes and decodes real files, and the trees compared here with acorn's.
import * as acorn from 'acorn';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireRuntime, type RuntimeName } from '../scripts/runtimes/index.mjs';
import { makeProject, REPO, removeTempDirs, run } from './cli-helpers.ts';
import { canonical } from './helpers/canonical.ts';
import { FIXTURES } from './runtimes/env.ts';

afterAll(removeTempDirs);

// What a user's script does: import the package, (await init() is a no-op where the encoder
// compiles synchronously), encode and decode, decode-only entry too.
const SCRIPT = `
import { init, encode, decode, parse } from 'binast';
import { decode as decodeOnly } from 'binast/decode';
import { readFileSync, writeFileSync } from 'node:fs';
import { canonical } from ${JSON.stringify(join(REPO, 'test/helpers/canonical.ts'))};

await init();
const [lodashPath, vuePath, out] = process.argv.slice(2);
const lodash = readFileSync(lodashPath, 'utf8');
const comments = [];
const tree = decode(encode(lodash, { sourceType: 'script', comments: true }), { locations: true, ranges: true, onComment: comments });
const vue = decodeOnly(encode(readFileSync(vuePath, 'utf8'), { sourceType: 'module' }));
const parsed = parse('let x = 1n + 2n;', { ecmaVersion: 'latest', locations: true });
let error = null;
try { encode('let let = 1;'); } catch (e) { error = { name: e.name, message: e.message, pos: e.pos }; }
writeFileSync(out, JSON.stringify({
  version: typeof Deno !== 'undefined' ? 'deno ' + Deno.version.deno : 'bun ' + Bun.version,
  tree: canonical(tree), comments: canonical(comments), vue: canonical(vue), parsed: canonical(parsed), error,
}));
`;

const COMMANDS: Record<'deno' | 'bun', (script: string, args: string[]) => string[]> = {
  deno: (script, args) => ['run', '--allow-read', '--allow-write', '--allow-env', script, ...args],
  bun: (script, args) => ['run', script, ...args],
};

describe.each(['deno', 'bun'] as const)('%s', (runtime) => {
  it('imports binast, encodes and decodes real files identically to acorn', () => {
    const exe = requireRuntime(runtime as RuntimeName);
    const dir = makeProject(runtime);
    const script = join(dir, 'main.mjs');
    const out = join(dir, 'out.json');
    writeFileSync(script, SCRIPT);
    // As a user's project has it: binast as a dependency, already installed by npm.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', dependencies: { binast: '*' } }));
    const result = run(exe, COMMANDS[runtime](script, [FIXTURES.lodash.path, FIXTURES.vue.path, out]), {
      cwd: dir,
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const got = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(got.version).toMatch(runtime === 'deno' ? /^deno 2\./ : /^bun 1\./);

    const lodash = readFileSync(FIXTURES.lodash.path, 'utf8');
    const comments: acorn.Comment[] = [];
    const expected = acorn.parse(lodash, { ecmaVersion: 'latest', sourceType: 'script', locations: true, ranges: true, onComment: comments });
    expect(got.tree === canonical(expected)).toBe(true);
    expect(got.comments === canonical(comments)).toBe(true);
    const vue = acorn.parse(readFileSync(FIXTURES.vue.path, 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' });
    expect(got.vue === canonical(vue)).toBe(true);
    expect(got.parsed).toBe(canonical(acorn.parse('let x = 1n + 2n;', { ecmaVersion: 'latest', locations: true })));
    expect(got.error).toMatchObject({ name: 'SyntaxError', pos: 4 });
  }, 180_000);
});
