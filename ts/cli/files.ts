// Turns the command line's files, folders and globs into a sorted list of files, plus the
// root that `-o outdir` mirrors paths from.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** What folders and globs expand to: JavaScript and JSX files only (`.map`, `.json`, ... are skipped). */
export const JS_FILE = /\.(?:js|mjs|cjs|jsx)$/i;
/** Folders are searched recursively, minus these (a project's dependencies are not its sources). */
const SKIPPED_DIRS = ['**/node_modules/**', '**/.git/**'];

export interface Inputs {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Deepest folder containing every argument: `-o` mirrors paths relative to it. */
  root: string;
  /** Arguments that matched nothing, with why. */
  unmatched: { arg: string; reason: string }[];
}

export async function expandInputs(args: string[], cwd: string): Promise<Inputs> {
  const files = new Set<string>();
  const bases: string[] = [];
  const unmatched: Inputs['unmatched'] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile()) {
      files.add(path);
      bases.push(dirname(path));
    } else if (stats?.isDirectory()) {
      const found = await filesIn(path);
      for (const file of found) files.add(file);
      bases.push(path);
      if (found.length === 0) unmatched.push({ arg, reason: 'no .js, .mjs, .cjs or .jsx files in this folder' });
    } else if (isDynamicPattern(arg)) {
      // A pattern may match folders too (`packages/*/src`): those are searched like folder arguments.
      let count = 0;
      for (const match of await glob(arg, { cwd, absolute: true, onlyFiles: false, expandDirectories: false })) {
        const found = match.endsWith('/') ? await filesIn(match) : JS_FILE.test(match) ? [resolve(match)] : [];
        for (const file of found) files.add(file);
        count += found.length;
      }
      bases.push(resolve(cwd, staticBase(arg)));
      if (count === 0) unmatched.push({ arg, reason: 'no .js, .mjs, .cjs or .jsx files match this pattern' });
    } else {
      unmatched.push({ arg, reason: 'no such file or directory' });
    }
  }
  return { files: [...files].sort(), root: commonAncestor(bases.length ? bases : [cwd]), unmatched };
}

async function filesIn(dir: string): Promise<string[]> {
  return (await glob('**/*.{js,mjs,cjs,jsx}', { cwd: dir, absolute: true, ignore: SKIPPED_DIRS })).map((file) => resolve(file));
}

/** The part of a glob before its first wildcard segment: `src/lib/**\/*.js` -> `src/lib`. */
function staticBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/') || '.';
}

function commonAncestor(paths: string[]): string {
  let common = paths[0]!.split(sep);
  for (const path of paths.slice(1)) {
    const parts = path.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

/** A path as shown to the user: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
