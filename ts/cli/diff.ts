// The first place where two ESTrees differ, as a path: `body[3].expression.left.end: 12 vs 13`.
// Prototypes are ignored (acorn builds class instances, binast plain objects); everything
// visible through own enumerable keys counts: key order, missing vs undefined, -0, NaN,
// bigint, RegExp (by source and flags), array holes.

export function treeDifference(actual: unknown, expected: unknown): string | null {
  return walk(actual, expected, '');
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !(v instanceof RegExp);
}

function walk(a: unknown, b: unknown, path: string): string | null {
  const here = path || '(root)';
  if (!isObject(a) || !isObject(b)) {
    if (isObject(a) || isObject(b) || !sameLeaf(a, b)) return `${here}: ${show(a)} vs ${show(b)}`;
    return null;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${here}: ${show(a)} vs ${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (!(i in a) || !(i in b)) {
        if (i in a !== i in b) return `${path}[${i}]: ${i in a ? show(a[i]) : '<hole>'} vs ${i in b ? show(b[i]) : '<hole>'}`;
        continue;
      }
      const d = walk(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : `${here}.length: ${a.length} vs ${b.length}`;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  const kb = Object.keys(rb);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i];
    const y = kb[i];
    if (x !== undefined && x === y) {
      const d = walk(ra[x], rb[x], member(path, x));
      if (d) return d;
      continue;
    }
    if (x !== undefined && !kb.includes(x)) return `${member(path, x)}: ${show(ra[x])} vs missing`;
    if (y !== undefined && !ka.includes(y)) return `${member(path, y)}: missing vs ${show(rb[y])}`;
    return `${here}: key order [${ka.join(', ')}] vs [${kb.join(', ')}]`;
  }
  return null;
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (a instanceof RegExp || b instanceof RegExp) {
    return a instanceof RegExp && b instanceof RegExp && String(a) === String(b);
  }
  return Object.is(a, b);
}

function member(path: string, key: string): string {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${k}` : k;
}

/** A short rendering of a value for the report. */
function show(v: unknown): string {
  if (typeof v === 'string') return clip(JSON.stringify(v));
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined || typeof v !== 'object' || v === null) return String(v);
  if (v instanceof RegExp) return String(v);
  if (Array.isArray(v)) return `[array of ${v.length}]`;
  const type = (v as { type?: unknown }).type;
  return typeof type === 'string' ? `{${type}}` : `{${Object.keys(v).join(', ')}}`;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
