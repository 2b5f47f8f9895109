// The "allocation floor": the bare cost of allocating as many plain objects and arrays as the
// decoded tree has, of the same sizes and in the same order, with no decoding logic at all.
//
// `profileTree` walks acorn's tree once and records, in pre-order, every object as its number
// of own properties (k > 0) and every array as -(length + 1). `allocateLike` replays that
// profile with object literals of k properties (one allocation site per k, like a decoder that
// writes one literal per node kind) and exact-length arrays, chaining each new allocation to the
// previous one so that everything stays alive until the end, as a decoded tree does.
// Not counted: strings (the decoder's string table), RegExp/BigInt values.

/** Pre-order profile of an ESTree: Int32Array of (k properties) or -(array length + 1). */
export function profileTree(root) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      out.push(-(value.length + 1));
      for (let i = value.length - 1; i >= 0; i--) pushChild(stack, value[i]);
    } else {
      const keys = Object.keys(value);
      out.push(keys.length);
      for (let i = keys.length - 1; i >= 0; i--) pushChild(stack, value[keys[i]]);
    }
  }
  return Int32Array.from(out);
}

function pushChild(stack, value) {
  if (value !== null && typeof value === 'object' && !(value instanceof RegExp)) stack.push(value);
}

/** Counts in a profile: { objects, arrays, arrayElements, properties }. */
export function profileCounts(profile) {
  let objects = 0, arrays = 0, arrayElements = 0, properties = 0;
  for (const c of profile) {
    if (c >= 0) { objects++; properties += c; } else { arrays++; arrayElements += -c - 1; }
  }
  return { objects, arrays, arrayElements, properties };
}

/**
 * Allocates objects and arrays as described by `profile` and returns the last one: each object
 * holds the previous allocation in a property, each non-empty array in its elements, so the
 * whole chain stays alive. An empty array (or `{}`) cannot hold anything, so it waits in `e`
 * and rides in the `type` slot of the next object (whose `type` is the string 'N' otherwise).
 */
export function allocateLike(profile) {
  let p = null;
  let e = 'N';
  const n = profile.length;
  for (let i = 0; i < n; i++) {
    const c = profile[i];
    switch (c) {
      case -1: e = []; break;
      case -2: p = [p]; break;
      case -3: p = [p, p]; break;
      case -4: p = [p, p, p]; break;
      case -5: p = [p, p, p, p]; break;
      case 0: e = {}; break;
      case 1: p = { type: p }; break;
      case 2: p = { type: e, a: p }; e = 'N'; break;
      case 3: p = { type: e, start: i, a: p }; e = 'N'; break;
      case 4: p = { type: e, start: i, end: i, a: p }; e = 'N'; break;
      case 5: p = { type: e, start: i, end: i, a: p, b: null }; e = 'N'; break;
      case 6: p = { type: e, start: i, end: i, a: p, b: null, c: false }; e = 'N'; break;
      case 7: p = { type: e, start: i, end: i, a: p, b: null, c: false, d: null }; e = 'N'; break;
      case 8: p = { type: e, start: i, end: i, a: p, b: null, c: false, d: null, f: false }; e = 'N'; break;
      case 9: p = { type: e, start: i, end: i, a: p, b: null, c: false, d: null, f: false, g: null }; e = 'N'; break;
      case 10: p = { type: e, start: i, end: i, a: p, b: null, c: false, d: null, f: false, g: null, h: false }; e = 'N'; break;
      default:
        if (c < 0) {
          const length = -c - 1;
          const list = new Array(length);
          for (let j = 0; j < length; j++) list[j] = p;
          p = list;
        } else {
          const o = { type: e, start: i, end: i, a: p };
          for (let j = 4; j < c; j++) o['k' + j] = null;
          p = o;
          e = 'N';
        }
    }
  }
  return [p, e];
}
