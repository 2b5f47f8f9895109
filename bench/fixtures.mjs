// Untimed per-file inputs: the binary AST, acorn's AST as cached JSON / v8.serialize bytes, and
// the allocation profile. Each is computed once, on first use; failures are remembered and
// rethrown so that every tool depending on a broken input reports the same error.
import v8 from 'node:v8';
import * as acorn from 'acorn';
import { profileCounts, profileTree } from './floor.mjs';

/** JSON.stringify that survives BigInt literal values (acorn stores them as BigInt). */
export function toJson(value) {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : v));
  }
}

function once(compute) {
  let done = false, value, error;
  return () => {
    if (!done) {
      try {
        value = compute();
      } catch (e) {
        error = e;
      }
      done = true;
    }
    if (error) throw error;
    return value;
  };
}

/**
 * Adds lazy inputs to a corpus file: binary(), binaryWithComments(), acornJson(), acornV8(), profile(), counts().
 * acorn's tree itself is not kept (typescript.js's is several hundred MB).
 */
export function createFixture(file, binast) {
  const acornDerived = once(() => {
    const ast = acorn.parse(file.source, { ecmaVersion: 'latest', sourceType: file.sourceType });
    const profile = profileTree(ast);
    return { json: toJson(ast), v8: v8.serialize(ast), profile, counts: profileCounts(profile) };
  });
  return {
    ...file,
    binary: once(() => binast.encode(file.source, { sourceType: file.sourceType })),
    binaryWithComments: once(() => binast.encode(file.source, { sourceType: file.sourceType, comments: true })),
    acornJson: () => acornDerived().json,
    acornV8: () => acornDerived().v8,
    profile: () => acornDerived().profile,
    counts: () => acornDerived().counts,
  };
}

/**
 * Fidelity (untimed): is binast's decode JSON-identical to acorn's parse, plain and with
 * locations? Returns { plain, locations } as true/false, or an error message string.
 */
export function checkFidelity(fixture, binast) {
  const result = {};
  for (const [key, locations] of [['plain', false], ['locations', true]]) {
    try {
      const bytes = fixture.binary();
      const expected = locations
        ? toJson(acorn.parse(fixture.source, { ecmaVersion: 'latest', sourceType: fixture.sourceType, locations: true }))
        : fixture.acornJson();
      result[key] = toJson(binast.decode(bytes, { locations })) === expected;
    } catch (error) {
      result[key] = `error: ${error.message}`;
    }
  }
  return result;
}
