// include/exclude matching for chunk file names, with small picomatch-like globs.

export type Pattern = string | RegExp;
export type FilterOption = Pattern | readonly Pattern[] | undefined;

/** Chunks binast encodes unless `include` says otherwise. */
export const DEFAULT_INCLUDE = /\.(?:js|mjs|cjs)$/i;

/**
 * A predicate over file names relative to the output folder, with `/` separators. A string
 * is a glob: `*` and `?` stay within a path segment, `**` spans segments, `{a,b}` lists
 * alternatives; a glob without `/` is matched against the base name (`*.js` matches
 * `assets/app.js`). A RegExp is tested against the whole relative name.
 */
export function createFilter(include: FilterOption, exclude: FilterOption): (fileName: string) => boolean {
  const includes = toMatchers(include ?? DEFAULT_INCLUDE);
  const excludes = toMatchers(exclude ?? []);
  return (fileName) => {
    const name = fileName.replace(/\\/g, '/');
    return includes.some((m) => m(name)) && !excludes.some((m) => m(name));
  };
}

function toMatchers(option: Pattern | readonly Pattern[]): ((name: string) => boolean)[] {
  const patterns: readonly Pattern[] = Array.isArray(option) ? option : [option as Pattern];
  return patterns.map((pattern) => {
    if (pattern instanceof RegExp) {
      // A copy without the g/y flags, whose lastIndex would make test() stateful.
      const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
      return (name: string) => re.test(name);
    }
    if (typeof pattern !== 'string') throw new TypeError(`binast plugin: include/exclude patterns must be strings or RegExps, got ${typeof pattern}`);
    const re = globToRegExp(pattern.replace(/^\.\//, ''));
    const baseOnly = !pattern.includes('/');
    return (name: string) => re.test(baseOnly ? name.slice(name.lastIndexOf('/') + 1) : name);
  });
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more whole segments; a trailing `**` anything.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if (c === '\\' && i + 1 < glob.length) re += escape(glob[++i]!);
    else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
