// The published types, as consumers compile them: the packed files of binast (what `npm pack`
// ships) in a project's node_modules, test/fixtures/consumer/index.ts compiled with
// skipLibCheck off under each moduleResolution, with TypeScript 5.9 and 4.9.
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, removeTempDirs, run, tempDir } from './cli-helpers.ts';
import { REPO_ROOT } from './helpers/corpus.ts';

const TYPESCRIPTS = { '5.9': 'typescript', '4.9': 'typescript-4.9' } as const;
/** moduleResolution -> module, and the TypeScript versions that have it (bundler came with 5.0). */
const MODES = [
  { resolution: 'node16', module: 'node16', versions: ['5.9', '4.9'] },
  { resolution: 'nodenext', module: 'nodenext', versions: ['5.9', '4.9'] },
  { resolution: 'bundler', module: 'esnext', versions: ['5.9'] },
  { resolution: 'node', module: 'commonjs', versions: ['5.9', '4.9'] },
] as const;
/** binast's dependencies (and @types/node) that its declaration files reach. */
const LINKED = ['acorn', 'acorn-jsx', '@types/estree', '@types/estree-jsx', '@types/node', 'undici-types', 'tinyglobby'];

let packed = '';

beforeAll(() => {
  ensureBuilt();
  // Exactly the files npm would publish.
  const list = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT });
  expect(list.code, list.stderr).toBe(0);
  const files = (JSON.parse(list.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  packed = tempDir('packed');
  for (const file of files) {
    mkdirSync(dirname(join(packed, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(packed, file));
  }
}, 120_000);

afterAll(removeTempDirs);

function consumer(resolution: string, module: string): string {
  const dir = tempDir(`consumer-${resolution}`);
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  // A copy, not a link: its imports must resolve from the consumer's node_modules.
  cpSync(packed, join(dir, 'node_modules', 'binast'), { recursive: true });
  for (const name of LINKED) symlinkSync(join(REPO_ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: module === 'commonjs' ? 'commonjs' : 'module' }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022', lib: ['es2022'], types: ['node'], module, moduleResolution: resolution,
        strict: true, noEmit: true, skipLibCheck: false, esModuleInterop: true,
      },
      files: ['index.ts'],
    }),
  );
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'consumer', 'index.ts'), join(dir, 'index.ts'));
  return dir;
}

describe('a consumer project type-checks against the packed binast', () => {
  for (const { resolution, module, versions } of MODES) {
    for (const version of versions) {
      it(`moduleResolution ${resolution}, TypeScript ${version}`, () => {
        const dir = consumer(resolution, module);
        const tsc = join(REPO_ROOT, 'node_modules', TYPESCRIPTS[version], 'bin', 'tsc');
        const result = run(process.execPath, [tsc, '-p', dir], { cwd: dir });
        expect(`${result.stdout}${result.stderr}`).toBe('');
        expect(result.code).toBe(0);
      }, 60_000);
    }
  }

  it('a misuse in the consumer is reported (the check is not vacuous)', () => {
    const dir = consumer('nodenext', 'nodenext');
    writeFileSync(join(dir, 'index.ts'), `${readFileSync(join(dir, 'index.ts'), 'utf8')}\nconst wrong: string = (await import('binast')).parse('x').start;\n`);
    const result = run(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { cwd: dir });
    expect(result.stdout).toMatch(/error TS2322: Type 'number' is not assignable to type 'string'/);
  }, 60_000);
});
