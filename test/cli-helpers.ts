// Shared by the CLI, plugin and cache tests: an up-to-date dist/ (they run the built code in
// child processes), spawning the CLI, throwaway projects with binast "installed", and the
// tested examples of README.md.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../', import.meta.url));
export const BIN = join(REPO, 'bin', 'binast.js');
export const FIXTURE = join(REPO, 'test', 'fixtures', 'plugin-project');
const DIST = join(REPO, 'dist');

function staleOutputs(): string[] {
  const stale: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.includes('.tmp.')) {
        const out = join(DIST, relative(join(REPO, 'ts'), path)).replace(/\.ts$/, '.js');
        const built = statSync(out, { throwIfNoEntry: false });
        if (!built || built.mtimeMs < statSync(path).mtimeMs) stale.push(relative(REPO, path));
      }
    }
  };
  walk(join(REPO, 'ts'));
  return stale;
}

/**
 * Rebuilds dist/ (tsc -p tsconfig.build.json) when any ts/ file is newer than its output.
 * Test files run in parallel workers, so a lock folder lets one of them build while the
 * others wait: nobody spawns the CLI while tsc is rewriting dist/.
 */
export function ensureBuilt(): void {
  if (staleOutputs().length === 0) return;
  mkdirSync(DIST, { recursive: true });
  const lock = join(DIST, '.test-build-lock');
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true }); // a crashed holder
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (staleOutputs().length === 0) return; // another worker built it meanwhile
    // Type errors elsewhere in the tree still emit; only missing output is fatal.
    const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    // As `npm run build:ts`: declaration files import .js, not .ts.
    spawnSync(process.execPath, [join(REPO, 'scripts', 'dts-extensions.mjs')], { cwd: REPO });
    const still = staleOutputs();
    if (still.length) throw new Error(`dist/ is still stale after tsc (${still.join(', ')}):\n${tsc.stdout}${tsc.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: SpawnSyncOptions = {}): Run {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.error) throw result.error;
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** `binast <args>` through bin/binast.js, as npm's bin link would run it. */
export function binast(args: string[], options: SpawnSyncOptions = {}): Run {
  return run(process.execPath, [BIN, ...args], options);
}

const created: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `binast-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Deletes the folders tempDir() and makeProject() made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A copy of the fixture project in a temp folder, with a node_modules where `binast` links to
 * this repository (resolved through package.json "exports", as for a user) and the listed
 * packages link to ours.
 */
export function makeProject(prefix: string, packages: string[] = []): string {
  const dir = tempDir(prefix);
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO, join(dir, 'node_modules', 'binast'), 'dir');
  for (const name of packages) symlinkSync(join(REPO, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  return dir;
}

/** The code block that follows `<!-- tested: name -->` in README.md. */
export function docExample(name: string): string {
  const doc = readFileSync(join(REPO, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- tested: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match) throw new Error(`README.md has no tested example "${name}"`);
  return match[1]!;
}

/** JSON.stringify as acorn's CLI does it (bigint -> null). */
export function acornJson(value: unknown, indent: number | undefined = 2): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? null : v), indent);
}
