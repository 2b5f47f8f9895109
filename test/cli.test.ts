// The `binast` command, run as a user runs it: node bin/binast.js in a child process.
import * as acorn from 'acorn';
import type { Comment } from 'estree';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, FORMAT_VERSION, SCHEMA_HASH } from '../ts/index.ts';
import { treeDifference } from '../ts/cli/diff.ts';
import { firstDifference } from './helpers/canonical.ts';
import { acornJson, binast, docExample, ensureBuilt, makeProject, removeTempDirs, REPO, run, tempDir } from './cli-helpers.ts';

afterAll(removeTempDirs);

beforeAll(ensureBuilt, 120_000);

const SCRIPT = 'var a = 1;\nfunction f(x) { return x + a; } // line comment\nwith (Math) f(PI);\n';
const MODULE = 'import { x } from "./x.js";\nexport const y = x ** 2n, re = /a+b/giu;\nawait y;\n';
const BAD = 'let a = 1;\nlet b = ;\n';

function project(): string {
  const dir = tempDir('cli');
  mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'src', 'a.js'), SCRIPT);
  writeFileSync(join(dir, 'src', 'b.mjs'), 'export default 1;\n');
  writeFileSync(join(dir, 'src', 'sub', 'c.js'), MODULE);
  writeFileSync(join(dir, 'src', 'notes.txt'), 'not javascript');
  return dir;
}

function expectSameAsAcorn(binastFile: string, source: string, sourceType: 'script' | 'module'): void {
  const bytes = readFileSync(binastFile);
  expect(firstDifference(decode(bytes), acorn.parse(source, { ecmaVersion: 'latest', sourceType }))).toBeNull();
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).sort();
}

describe('help and usage errors', () => {
  it('prints help for binast and for every command, exit 0', () => {
    const top = binast(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['encode', 'decode', 'inspect', 'verify', 'bench']) {
      expect(top.stdout).toContain(`  ${command} `);
      for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
        const r = binast(args);
        expect(r.code, args.join(' ')).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^Usage: binast ${command} `));
        expect(r.stdout).toContain('Example:');
      }
    }
    expect(binast(['--version']).stdout).toMatch(/^binast \d+\.\d+\.\d+ \(format \d+, schema 0x[0-9a-f]{8}\)\n$/);
  });

  it('exits 2 with a message on stderr for usage errors', () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage: binast <command>/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['encode'], /missing the files/],
      [['encode', 'x.js', '--bogus'], /unknown option --bogus\n/],
      [['decode', 'x.binast', '--loc'], /unknown option --loc \(did you mean --locations\?\)\n/],
      [['encode', 'x.js', '--comment'], /unknown option --comment \(did you mean --comments\?\)\n/],
      [['inspect', 'x.binast', '--jsn'], /unknown option --jsn \(did you mean --json\?\)\n/],
      [['encode', 'x.js', '--module', '--script'], /exclude each other/],
      [['decode'], /missing the .binast file/],
      [['decode', 'a', 'b'], /expected one/],
      [['bench', 'x.js', '--runs', 'many'], /--runs expects a positive integer/],
      [['help', 'nope'], /unknown command "nope"/],
    ];
    for (const [args, message] of cases) {
      const r = binast(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('encode', () => {
  it('mirrors folders into -o, detects script/module per file, reports failures and goes on', () => {
    const dir = project();
    writeFileSync(join(dir, 'src', 'bad.js'), BAD);
    const r = binast(['encode', 'src', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^encoded 3 of 4 files into out in [\d.]+ m?s: [\d.]+ B -> [\d.]+ (B|KiB) \([\d.]+% of the source\)\n$/);
    expect(r.stderr).toBe('1 failure:\n  src/bad.js:2:9: SyntaxError: Unexpected token\n');
    // No .binast for the bad file, no temp files, nothing for notes.txt.
    expect(filesUnder(join(dir, 'out'))).toEqual(['a.js.binast', 'b.mjs.binast', 'sub', 'sub/c.js.binast']);
    expectSameAsAcorn(join(dir, 'out', 'a.js.binast'), SCRIPT, 'script'); // `with`: a script
    expectSameAsAcorn(join(dir, 'out', 'b.mjs.binast'), 'export default 1;\n', 'module'); // .mjs
    expectSameAsAcorn(join(dir, 'out', 'sub', 'c.js.binast'), MODULE, 'module'); // import: a module
  });

  it('writes beside the inputs, takes globs, and honours --module and --comments', () => {
    const dir = project();
    expect(binast(['encode', 'src/**/*.js', '--comments'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'src', 'a.js.binast'))).toBe(true);
    expect(existsSync(join(dir, 'src', 'sub', 'c.js.binast'))).toBe(true);
    expect(existsSync(join(dir, 'src', 'b.mjs.binast'))).toBe(false); // the glob names .js only
    const comments: Comment[] = [];
    decode(readFileSync(join(dir, 'src', 'a.js.binast')), { onComment: comments });
    expect(comments.map((c) => c.value)).toEqual([' line comment']);

    // A pattern that matches a folder searches it; -o mirrors from the pattern's fixed part.
    expect(binast(['encode', 's?c', '-o', 'mirror'], { cwd: dir }).code).toBe(0);
    expect(filesUnder(join(dir, 'mirror'))).toEqual(['src', 'src/a.js.binast', 'src/b.mjs.binast', 'src/sub', 'src/sub/c.js.binast']);

    const forced = binast(['encode', 'src/a.js', '--module'], { cwd: dir });
    expect(forced.code).toBe(1); // `with` is not allowed in a module
    expect(forced.stderr).toMatch(/src\/a\.js:3:1: SyntaxError: /);
  });

  it('never replaces a good .binast with a broken one', () => {
    const dir = project();
    const file = join(dir, 'src', 'a.js');
    expect(binast(['encode', file]).code).toBe(0);
    const before = readFileSync(`${file}.binast`);
    writeFileSync(file, BAD);
    const r = binast(['encode', file]);
    expect(r.code).toBe(1);
    expect(readFileSync(`${file}.binast`)).toEqual(before);
    expect(readdirSync(join(dir, 'src')).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('reports missing inputs and empty globs as failures (exit 1), and draws progress when asked', () => {
    const dir = project();
    const r = binast(['encode', 'nope.js', 'src/*.jsx', 'src', '--progress'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.js: no such file or directory');
    expect(r.stderr).toContain('src/*.jsx: no .js, .mjs, .cjs or .jsx files match this pattern');
    expect(r.stderr).toMatch(/\r\[#+\] 100% 3\/3 /); // the bar, at its end
    expect(r.stderr).toContain('\r\x1b[K'); // erased before the summary
    expect(r.stdout).toMatch(/^encoded 3 of 3 files/);
  });
});

describe('decode', () => {
  it('prints exactly what acorn\'s CLI prints, with and without locations', () => {
    const dir = project();
    const file = join(dir, 'src', 'sub', 'c.js');
    expect(binast(['encode', file]).code).toBe(0);
    const acornCli = join(REPO, 'node_modules', 'acorn', 'bin', 'acorn');
    for (const extra of [[], ['--locations'], ['--compact']]) {
      const ours = binast(['decode', `${file}.binast`, ...extra]);
      const theirs = run(process.execPath, [acornCli, '--ecma2026', '--module', ...extra, file]);
      expect(ours.code).toBe(0);
      expect(theirs.code).toBe(0);
      expect(ours.stdout, extra.join(' ')).toBe(theirs.stdout);
    }
    const ranges = binast(['decode', `${file}.binast`, '--ranges']);
    const expected = acorn.parse(MODULE, { ecmaVersion: 'latest', sourceType: 'module', ranges: true });
    expect(ranges.stdout).toBe(`${acornJson(expected)}\n`);
  });

  it('streams a large tree byte-identical to JSON.stringify', () => {
    const dir = tempDir('cli-large');
    const file = join(REPO, 'node_modules', 'vue', 'dist', 'vue.esm-browser.js');
    expect(binast(['encode', file, '-o', dir]).code).toBe(0);
    const r = binast(['decode', join(dir, 'vue.esm-browser.js.binast'), '--locations']);
    expect(r.code).toBe(0);
    const source = readFileSync(file, 'utf8');
    const expected = acornJson(acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true }));
    expect(r.stdout.length).toBe(expected.length + 1);
    expect(r.stdout === `${expected}\n`).toBe(true); // not toBe: a failure diff of 40 MB helps nobody
  });

  it('exits 1 naming the file when it is not a valid .binast', () => {
    const dir = tempDir('cli-bad');
    writeFileSync(join(dir, 'garbage.binast'), 'hello');
    const r = binast(['decode', 'garbage.binast'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('garbage.binast: binast: not a binast file (wrong magic bytes) (at byte 0)\n');
    expect(binast(['decode', 'missing.binast'], { cwd: dir }).stderr).toMatch(/^missing\.binast: ENOENT: no such file or directory/);
  });
});

describe('inspect', () => {
  it('shows header, counts and section sizes', () => {
    const dir = project();
    const file = join(dir, 'src', 'sub', 'c.js');
    expect(binast(['encode', file, '--comments']).code).toBe(0);
    const r = binast(['inspect', `${file}.binast`, '--json']);
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout);
    const size = readFileSync(`${file}.binast`).length;
    expect(facts).toMatchObject({
      bytes: size,
      magic: true,
      version: FORMAT_VERSION,
      flags: { module: true, comments: true },
      schemaHash: `0x${SCHEMA_HASH.toString(16).padStart(8, '0')}`,
      schemaMatches: true,
      counts: { lines: 4, comments: 0 },
      sourceLength: MODULE.length,
      error: null,
    });
    const sections = Object.values(facts.sections) as number[];
    expect(sections.reduce((a, b) => a + b)).toBe(size); // header, sections and checksum cover the file
    // Every object with a `type` in acorn's tree is a node.
    const tree = acornJson(acorn.parse(MODULE, { ecmaVersion: 'latest', sourceType: 'module' }));
    expect(facts.counts.nodes).toBe(tree.match(/"type":/g)!.length);
    expect(facts.counts.strings).toBeGreaterThanOrEqual(3); // x, ./x.js, y, re, ...

    const text = binast(['inspect', `${file}.binast`]).stdout;
    for (const label of ['format version', 'flags', 'schema hash', 'nodes', 'strings', 'section', 'comments']) {
      expect(text).toContain(label);
    }
  });

  it('--imports prints the module records, as text and as JSON', () => {
    const dir = project();
    const file = join(dir, 'src', 'sub', 'c.js');
    expect(binast(['encode', file]).code).toBe(0);
    const r = binast(['inspect', `${file}.binast`, '--imports', '--json']);
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout);
    expect(records.imports).toEqual([
      { source: './x.js', sourceStart: 18, sourceEnd: 26, specifiers: [{ kind: 'named', imported: 'x', local: 'x' }], attributes: [], phase: null, start: 0, end: 27 },
    ]);
    expect(records.exports.map((e: { names: { exported: string }[] }) => e.names.map((n) => n.exported))).toEqual([['y', 're']]);
    expect(records.hasModuleSyntax).toBe(true);
    const text = binast(['inspect', `${file}.binast`, '--imports']).stdout;
    expect(text).toContain('imports (1)\n  1:1       "./x.js" { x }\n');
    expect(text).toContain('exports (1)\n  2:1       y, re\n');
  });

  it('shows what a damaged file claims and exits 1', () => {
    const dir = project();
    const file = join(dir, 'src', 'a.js');
    expect(binast(['encode', file]).code).toBe(0);
    writeFileSync(join(dir, 'cut.binast'), readFileSync(`${file}.binast`).subarray(0, 60));
    const r = binast(['inspect', 'cut.binast'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('schema hash');
    expect(r.stderr).toMatch(/^cut\.binast: binast: truncated binary: a section ends at byte \d+ but /); // the damage, located
  });
});

describe('verify', () => {
  it('passes files identical to acorn and flags files that do not parse', () => {
    const dir = project();
    const ok = binast(['verify', 'src'], { cwd: dir });
    expect(ok.stdout).toMatch(/^verified 3 files in [\d.]+ m?s: 3 identical to acorn\n$/);
    expect(ok.code).toBe(0);
    writeFileSync(join(dir, 'src', 'bad.js'), BAD);
    const bad = binast(['verify', 'src'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/3 identical to acorn, 1 problem\n$/);
    expect(bad.stderr).toBe('src/bad.js:2:9: SyntaxError: Unexpected token (acorn rejects it too)\n');
  });

  it('reports a difference by its path in the tree', () => {
    const a = acorn.parse('x; y; z;   a = b;', { ecmaVersion: 'latest' });
    const b = structuredClone(a) as any;
    expect(treeDifference(a, b)).toBeNull();
    b.body[3].expression.left.end = 13;
    expect(treeDifference(a, b)).toBe('body[3].expression.left.end: 12 vs 13');
    expect(treeDifference({ type: 'X', a: 1 }, { type: 'X' })).toBe('a: 1 vs missing');
    expect(treeDifference({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe('(root): key order [a, b] vs [b, a]');
    expect(treeDifference({ v: undefined }, {})).toBe('v: undefined vs missing');
    expect(treeDifference([1, , 3], [1, 2, 3])).toBe('[1]: <hole> vs 2');
    expect(treeDifference({ v: /a/g }, { v: /a/g })).toBeNull();
    expect(treeDifference({ v: /a/g }, { v: /a/i })).toBe('v: /a/g vs /a/i');
    expect(treeDifference({ v: 1n }, { v: 1 })).toBe('v: 1n vs 1');
    expect(treeDifference({ v: -0 }, { v: 0 })).toBe('v: -0 vs 0');
    expect(treeDifference({ v: NaN }, { v: NaN })).toBeNull();
    expect(treeDifference({ body: [1, 2] }, { body: [1] })).toBe('body.length: 2 vs 1');
  });
});

describe('bench', () => {
  it('measures times and sizes side by side', () => {
    const dir = project();
    const json = binast(['bench', 'src/sub/c.js', '--runs', '3', '--json'], { cwd: dir });
    expect(json.code).toBe(0);
    const figures = JSON.parse(json.stdout);
    expect(figures.sourceType).toBe('module');
    for (const t of ['encode', 'decode', 'acorn']) expect(figures.times[t]).toBeGreaterThan(0);
    expect(figures.sizes.source.raw).toBe(Buffer.byteLength(MODULE));
    expect(figures.sizes.binast.gzip).toBeGreaterThan(0);
    const text = binast(['bench', 'src/a.js', '--runs', '2'], { cwd: dir }).stdout;
    expect(text).toMatch(/time \(median of 2\)\s+binast\s+acorn/);
    expect(text).toMatch(/size \(bytes\)\s+raw\s+gzip -9\s+brotli -q 11/);
  });
});

describe('README.md', () => {
  it('runs the CLI example as written', () => {
    const dir = makeProject('cli-doc');
    const lines = docExample('cli').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      // npx would run node_modules/.bin/binast, i.e. the package's bin/binast.js.
      const command = line.replace(/^npx binast /, `"${process.execPath}" node_modules/binast/bin/binast.js `);
      const r = run('sh', ['-c', command], { cwd: dir });
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
    }
    expect(existsSync(join(dir, 'build', 'ast', 'main.js.binast'))).toBe(true);
    expect(existsSync(join(dir, 'build', 'ast', 'lazy.js.binast'))).toBe(true);
    const ast = JSON.parse(readFileSync(join(dir, 'main.ast.json'), 'utf8'));
    expect(ast.body[0].loc.start).toEqual({ line: 2, column: 0 });
  });
});
