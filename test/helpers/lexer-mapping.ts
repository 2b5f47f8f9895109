// How moduleInfo()'s lists map to es-module-lexer's (README, "Module records"), and the
// differences between the two by class. Used by test/modules.test.ts.
import type { ModuleInfo } from '../../ts/index.ts';

/** The fields of an es-module-lexer record both tools define. */
export interface LexerRecord {
  type: string;
  specifier?: string | null;
  start?: number;
  end?: number;
  importStart?: number;
  importEnd?: number;
  attributes?: ReadonlyArray<readonly [string, string]> | null;
  name?: string;
  localName?: string;
  importName?: string | null;
  from?: string;
  exportStart?: number;
}

const pairs = (attributes: { key: string; value: string }[]) =>
  attributes.length === 0 ? null : attributes.map((a) => [a.key, a.value] as const);

/**
 * es-module-lexer's `imports`: binast's static imports, the re-exports (`export ... from`, as
 * `'static'`, or `'reexport-star'` for `export * from`), the `import()` calls and the
 * `import.meta`s, in source order. `start`/`end` of a static import are the specifier's text
 * inside the quotes; of a dynamic import, the argument's range (quotes included).
 */
export function lexerImports(info: ModuleInfo): LexerRecord[] {
  const out: LexerRecord[] = [];
  for (const i of info.imports) {
    out.push({ type: 'static', specifier: i.source, start: i.sourceStart + 1, end: i.sourceEnd - 1, importStart: i.start, importEnd: i.end, attributes: pairs(i.attributes) });
  }
  for (const e of info.exports) {
    if (e.source === null) continue;
    const type = e.kind === 'all' && e.names.length === 0 ? 'reexport-star' : 'static';
    out.push({ type, specifier: e.source, start: e.sourceStart! + 1, end: e.sourceEnd! - 1, importStart: e.start, importEnd: e.end, attributes: pairs(e.attributes) });
  }
  for (const d of info.dynamicImports) {
    out.push({ type: 'dynamic', specifier: d.source ?? undefined, start: d.sourceStart, end: d.sourceEnd, importStart: d.start, importEnd: d.end });
  }
  for (const m of info.importMeta) out.push({ type: 'import-meta', start: m.start, end: m.end, importStart: m.start, importEnd: m.end });
  return out.sort((a, b) => a.importStart! - b.importStart! || a.start! - b.start!);
}

/**
 * es-module-lexer's `exports`: one per exported name: `'direct'` for local exports and
 * `export default`, `'reexport'` for a name re-exported from a source (`export * as ns` with
 * `importName` null), `'reexport-all'` for `export * from`.
 */
export function lexerExports(info: ModuleInfo): LexerRecord[] {
  const out: LexerRecord[] = [];
  for (const e of info.exports) {
    if (e.source === null) {
      for (const n of e.names) out.push({ type: 'direct', name: n.exported, localName: n.local ?? undefined, exportStart: e.start });
    } else if (e.kind === 'all' && e.names.length === 0) {
      out.push({ type: 'reexport-all', from: e.source, exportStart: e.start });
    } else {
      for (const n of e.names) out.push({ type: 'reexport', name: n.exported, importName: n.local, from: e.source, exportStart: e.start });
    }
  }
  return out;
}

/** The fields of `actual` (es-module-lexer's record) that `expected` defines, for comparison. */
export function sameFields(expected: LexerRecord, actual: LexerRecord): string[] {
  const differing: string[] = [];
  for (const key of Object.keys(expected) as (keyof LexerRecord)[]) {
    if (JSON.stringify(expected[key]) !== JSON.stringify(actual[key])) differing.push(key);
  }
  return differing;
}
