#!/usr/bin/env node
// Writes test/fixtures/test262-features.json: a few test262 tests per syntax feature, with the
// edition that introduced it, for test/ecma-version.test.ts (an older ecmaVersion must reject
// exactly what acorn rejects). Reads a tc39/test262 git checkout (bare is fine):
//   node scripts/test262-features.mjs /path/to/test262/.git [--per-feature 6]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [gitDir] = process.argv.slice(2);
if (!gitDir) throw new Error('usage: node scripts/test262-features.mjs <test262 git dir> [--per-feature N]');
const perIndex = process.argv.indexOf('--per-feature');
const PER_FEATURE = perIndex > 0 ? Number(process.argv[perIndex + 1]) : 6;
const MAX_BYTES = 3000;

/** test262 feature tag -> the ECMAScript edition whose syntax it is. */
const EDITION = {
  exponentiation: 2016,
  'async-functions': 2017,
  'async-iteration': 2018, 'object-rest': 2018, 'object-spread': 2018, 'regexp-dotall': 2018,
  'regexp-named-groups': 2018, 'regexp-lookbehind': 2018, 'regexp-unicode-property-escapes': 2018,
  'optional-catch-binding': 2019, 'json-superset': 2019,
  BigInt: 2020, 'optional-chaining': 2020, 'coalesce-expression': 2020, 'dynamic-import': 2020,
  'import.meta': 2020, 'export-star-as-namespace-from-module': 2020,
  'numeric-separator-literal': 2021, 'logical-assignment-operators': 2021,
  'class-fields-public': 2022, 'class-fields-private': 2022, 'class-static-fields-public': 2022,
  'class-static-fields-private': 2022, 'class-methods-private': 2022, 'class-static-methods-private': 2022,
  'class-static-block': 2022, 'class-fields-private-in': 2022, 'top-level-await': 2022,
  'regexp-match-indices': 2022, 'arbitrary-module-namespace-names': 2022,
  hashbang: 2023,
  'regexp-v-flag': 2024,
  'import-attributes': 2025, 'regexp-modifiers': 2025, 'regexp-duplicate-named-groups': 2025,
  'explicit-resource-management': 2026,
};

const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
const commit = git('rev-parse', 'HEAD').trim();
const paths = git('ls-tree', '-r', '--name-only', 'HEAD', 'test/language', 'test/built-ins/RegExp')
  .split('\n')
  .filter((p) => p.endsWith('.js') && !p.includes('_FIXTURE'))
  .sort();
const picked = new Map(Object.keys(EDITION).map((f) => [f, []]));
// One `git cat-file --batch` pass would be faster; sizes first keep it simple and bounded.
const sizes = new Map(
  git('ls-tree', '-r', '-l', 'HEAD', 'test/language', 'test/built-ins/RegExp')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      return [path, Number(meta.trim().split(/\s+/)[3])];
    }),
);
// Every small file in one `git cat-file --batch` call.
const small = paths.filter((path) => sizes.get(path) <= MAX_BYTES);
const batch = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
  input: small.map((p) => `HEAD:${p}`).join('\n') + '\n',
  maxBuffer: 1 << 30,
});
const sources = new Map();
for (let at = 0, i = 0; at < batch.length; i++) {
  const headerEnd = batch.indexOf(10, at);
  const size = Number(batch.subarray(at, headerEnd).toString().split(' ')[2]);
  sources.set(small[i], batch.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
  at = headerEnd + 1 + size + 1;
}
// Tests that show the feature in their own syntax come first (many hashbang and regexp tests
// only build code in strings, for eval or new RegExp).
const SHOWS_SYNTAX = {
  hashbang: (source) => source.startsWith('#!'),
  regexp: (source) => /(?:[=(,:]|return)\s*\/[^/*\s]/.test(source.replace(/\/\*[\s\S]*?\*\//g, '')),
};
const shows = (source) => SHOWS_SYNTAX.hashbang(source) || SHOWS_SYNTAX.regexp(source);
small.sort((a, b) => Number(shows(sources.get(b))) - Number(shows(sources.get(a))) || (a < b ? -1 : 1));
for (const path of small) {
  const source = sources.get(path);
  const meta = /\/\*---([\s\S]*?)---\*\//.exec(source)?.[1] ?? '';
  const features = /features:\s*\[([^\]]*)\]/.exec(meta)?.[1].split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  const flags = /flags:\s*\[([^\]]*)\]/.exec(meta)?.[1].split(',').map((s) => s.trim()) ?? [];
  const phase = /negative:\s*\n\s*phase:\s*(\w+)/.exec(meta)?.[1] ?? null;
  if (phase === 'resolution' || flags.includes('CanBlockIsFalse')) continue;
  const tagged = features.filter((f) => Object.hasOwn(EDITION, f));
  if (tagged.length === 0) continue;
  const edition = Math.max(...tagged.map((f) => EDITION[f]));
  for (const feature of tagged) {
    const list = picked.get(feature);
    // Half valid tests, half negative (parse/early) ones, where the feature has both.
    const want = phase ? Math.floor(PER_FEATURE / 2) : Math.ceil(PER_FEATURE / 2);
    if (list.filter((t) => (t.phase !== null) === (phase !== null)).length >= want) continue;
    list.push({ path, feature, edition, phase, module: flags.includes('module'), onlyStrict: flags.includes('onlyStrict'), source });
    break;
  }
  if ([...picked.values()].every((list) => list.length >= PER_FEATURE)) break;
}
const tests = [...picked.values()].flat();
writeFileSync(
  new URL('../test/fixtures/test262-features.json', import.meta.url),
  `${JSON.stringify({ from: `tc39/test262 ${commit} (BSD-3-Clause; see its LICENSE)`, editions: EDITION, tests }, null, 1)}\n`,
);
console.log(`${tests.length} tests, ${[...picked].map(([f, l]) => `${f}: ${l.length}`).join(', ')}`);
