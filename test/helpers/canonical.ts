// Canonical serialisation for comparing ASTs from different producers.
// Prototypes are ignored (acorn builds Node/SourceLocation/Position class
// instances, binast builds plain objects) but everything observable through
// own enumerable keys is kept: key order, undefined vs missing vs null,
// -0 and NaN, bigint, RegExp, array holes, lone surrogates in strings.
//
// Invariant: firstDifference(a, b) === null  <=>  canonical(a) === canonical(b).

/** Serialise a leaf (anything that is not a plain object/array). */
function leaf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      // Node >= 12 escapes lone surrogates, so "\uD800" and "\uFFFD" differ.
      return JSON.stringify(value);
    case 'number':
      if (Object.is(value, -0)) return '-0';
      return String(value); // shortest round-trip form; NaN/Infinity as words
    case 'bigint':
      return `{"$bigint":${JSON.stringify(value.toString())}}`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return `{"$symbol":${JSON.stringify(value.toString())}}`;
    case 'function':
      return `{"$function":${JSON.stringify(value.name)}}`;
  }
  if (value === null) return 'null';
  if (value instanceof RegExp) return `{"$regexp":${JSON.stringify(String(value))}}`;
  return undefined; // object or array: caller recurses
}

export function canonical(value: unknown): string {
  return serialise(value, Infinity);
}

/** Serialise, giving up (with a trailing "...") once `limit` chars are written. */
function serialise(value: unknown, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const TOO_LONG = {};
  const stack = new Set<object>();
  const push = (...s: string[]): void => {
    for (const p of s) {
      parts.push(p);
      length += p.length;
    }
    if (length > limit) throw TOO_LONG;
  };
  const walk = (v: unknown): void => {
    const l = leaf(v);
    if (l !== undefined) {
      push(l);
      return;
    }
    const obj = v as object;
    if (stack.has(obj)) throw new Error('canonical: cyclic value');
    stack.add(obj);
    if (Array.isArray(obj)) {
      push('[');
      for (let i = 0; i < obj.length; i++) {
        if (i) push(',');
        if (i in obj) walk(obj[i]);
        else push('<hole>');
      }
      push(']');
    } else {
      push('{');
      let first = true;
      for (const key of Object.keys(obj)) {
        if (!first) push(',');
        first = false;
        push(JSON.stringify(key), ':');
        walk((obj as Record<string, unknown>)[key]);
      }
      push('}');
    }
    stack.delete(obj);
  };
  try {
    walk(value);
  } catch (e) {
    if (e !== TOO_LONG) throw e;
    return parts.join('').slice(0, limit) + '...';
  }
  return parts.join('');
}

function show(v: unknown): string {
  return serialise(v, 80);
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${k}` : k;
}

function isContainer(v: unknown): v is object {
  return leaf(v) === undefined;
}

/**
 * Path of the first difference in canonical (document) order, e.g.
 * `body[3].expression.left.end: 12 vs 13`, or null when equal.
 * Walks the trees directly, so it also works on ASTs whose canonical string
 * would exceed V8's maximum string length (typescript.js with locations).
 */
export function firstDifference(a: unknown, b: unknown): string | null {
  return diff(a, b, '');
}

function diff(a: unknown, b: unknown, path: string): string | null {
  const where = path || '(root)';
  if (!isContainer(a) || !isContainer(b)) {
    // Object.is matches canonical() for primitives (-0, NaN, bigint, strings).
    const same = typeof a === 'object' || typeof a === 'function' ? leaf(a) === leaf(b) : Object.is(a, b);
    if (isContainer(a) || isContainer(b) || !same) {
      return `${where}: ${show(a)} vs ${show(b)}`;
    }
    return null;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${where}: ${show(a)} vs ${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= b.length) return `${where}: length ${a.length} vs ${b.length}`;
      const ai = i in a, bi = i in b;
      if (!ai || !bi) {
        if (ai !== bi) return `${join(path, i)}: ${ai ? show(a[i]) : '<hole>'} vs ${bi ? show(b[i]) : '<hole>'}`;
        continue;
      }
      const d = diff(a[i], b[i], join(path, i));
      if (d) return d;
    }
    return null;
  }
  const ra = a as Record<string, unknown>, rb = b as Record<string, unknown>;
  const ka = Object.keys(ra), kb = Object.keys(rb);
  const n = Math.max(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const x = ka[i], y = kb[i];
    if (x !== undefined && x === y) {
      const d = diff(ra[x], rb[x], join(path, x));
      if (d) return d;
      continue;
    }
    // Keys diverge here: report a missing key, or else a key-order change.
    if (x !== undefined && !kb.includes(x)) return `${join(path, x)}: ${show(ra[x])} vs missing`;
    if (y !== undefined && !ka.includes(y)) return `${join(path, y)}: missing vs ${show(rb[y])}`;
    return `${where}: key order [${ka.join(',')}] vs [${kb.join(',')}]`;
  }
  return null;
}
