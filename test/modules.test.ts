// moduleInfo(): the modules section against a full decode plus a walk of the tree (an
// independent reference, test/helpers/module-reference.ts) on the fidelity corpora, against
// es-module-lexer on the same files, and with forged section data.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as acorn from 'acorn';
import { init as initLexer, parse as lex } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { BinastError, decode, encode, moduleInfo, type ModuleInfo } from '../ts/index.ts';
import { moduleInfo as moduleInfoFromDecodeEntry } from '../ts/decode/index.ts';
import { xxh32, xxh32Range } from '../ts/decode/checksum.ts';
import { checkFile } from '../ts/decode/header.ts';
import { REAL_WORLD, REPO_ROOT, readSource, type SourceType, test262Files } from './helpers/corpus.ts';
import { type LexerRecord, lexerExports, lexerImports, sameFields } from './helpers/lexer-mapping.ts';
import { referenceModuleInfo } from './helpers/module-reference.ts';
import { assemble, createRandom, layout, reseal, stringsSection, varint } from './fuzz/engine.mjs';

const EXAMPLE = `import a, * as b from "c"; import {"y z" as x, default as d} from './e.json' with { type: 'json' };
export var {p, q: [r]} = o, s; export default function f() {}; export { a as aa }; export * from "z";
export * as ns from "w"; export { "lit" as lit2 } from "v"; import("dyn"); import(foo + 1); import.meta.url;`;

const moduleBytes = (source: string) => encode(source, { sourceType: 'module' });

describe('moduleInfo', () => {
  it('reads imports, exports, import() and import.meta', () => {
    const info = moduleInfo(moduleBytes(EXAMPLE));
    expect(info.imports.map((i) => [i.source, i.specifiers, i.attributes])).toEqual([
      ['c', [{ kind: 'default', imported: 'default', local: 'a' }, { kind: 'namespace', imported: null, local: 'b' }], []],
      ['./e.json', [{ kind: 'named', imported: 'y z', local: 'x' }, { kind: 'named', imported: 'default', local: 'd' }], [{ key: 'type', value: 'json' }]],
    ]);
    expect(EXAMPLE.slice(info.imports[1].sourceStart, info.imports[1].sourceEnd)).toBe("'./e.json'");
    expect(info.exports.map((e) => [e.kind, e.names.map((n) => `${n.exported}:${n.local}`).join(' '), e.source])).toEqual([
      ['named', 'p:p r:r s:s', null],
      ['default', 'default:f', null],
      ['named', 'aa:a', null],
      ['all', '', 'z'],
      ['all', 'ns:null', 'w'],
      ['named', 'lit2:lit', 'v'],
    ]);
    expect(info.dynamicImports.map((d) => [d.source, EXAMPLE.slice(d.sourceStart, d.sourceEnd), EXAMPLE.slice(d.start, d.end)])).toEqual([
      ['dyn', '"dyn"', 'import("dyn")'],
      [null, 'foo + 1', 'import(foo + 1)'],
    ]);
    expect(info.importMeta.map((m) => EXAMPLE.slice(m.start, m.end))).toEqual(['import.meta']);
    expect(info.hasModuleSyntax).toBe(true);
  });

  it('is exported by binast/decode too, and takes an ArrayBuffer', () => {
    const bytes = moduleBytes(EXAMPLE);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(moduleInfoFromDecodeEntry(buffer)).toEqual(moduleInfo(bytes));
  });

  it('scripts have only their import() calls; a file without records has an empty section', () => {
    const script = encode('f(import("./lazy.js"), 0)');
    expect(moduleInfo(script)).toEqual({
      imports: [],
      exports: [],
      dynamicImports: [{ source: './lazy.js', sourceStart: 9, sourceEnd: 20, start: 2, end: 21 }],
      importMeta: [],
      hasModuleSyntax: false,
    });
    for (const bytes of [encode('let a = 1'), moduleBytes('let a = 1')]) {
      const { modules } = layout(bytes);
      expect(modules.end - modules.start).toBe(0);
      expect(moduleInfo(bytes)).toEqual({ imports: [], exports: [], dynamicImports: [], importMeta: [], hasModuleSyntax: false });
    }
  });

  it('a template literal without substitutions is a static specifier too', () => {
    const info = moduleInfo(encode('import(`./chunk.js`); import(`./${name}.js`); import("./a" + ".js")'));
    expect(info.dynamicImports.map((d) => d.source)).toEqual(['./chunk.js', null, null]);
  });

  it('keeps lone surrogates in specifiers and attributes, as decode does', () => {
    const source = 'import "\\uD800"; import x from "a\\uDC00b" with { type: "\\uDBFF" }; import("\\uDFFF")';
    const info = moduleInfo(moduleBytes(source));
    expect(info.imports.map((i) => i.source)).toEqual(['\uD800', 'a\uDC00b']);
    expect(info.imports[1].attributes).toEqual([{ key: 'type', value: '\uDBFF' }]);
    expect(info.dynamicImports[0].source).toBe('\uDFFF');
    expect(info).toEqual(referenceModuleInfo(decode(moduleBytes(source)) as never));
  });

  it('positions are UTF-16 offsets, as acorn reports them', () => {
    const source = 'const é = "😀"; import("ü"); import "ö"';
    const info = moduleInfo(moduleBytes(source));
    expect(source.slice(info.imports[0].start, info.imports[0].end)).toBe('import "ö"');
    expect(source.slice(info.dynamicImports[0].start, info.dynamicImports[0].end)).toBe('import("ü")');
  });
});

// ---------------------------------------------------------------------------------------------
// The fidelity corpora: moduleInfo against decode + the reference walk, and es-module-lexer.

interface File {
  id: string;
  sourceType: SourceType;
  source: string;
}

/**
 * ES modules as packages ship them (the real-world files are mostly scripts): every `.mjs` in
 * node_modules and the built modules of vite, rollup and vitest, up to 1 MB, that acorn parses
 * as a module.
 */
function packageModules(): File[] {
  const root = join(REPO_ROOT, 'node_modules');
  const dists = ['vite/dist', 'rollup/dist/es', 'vitest/dist'].map((d) => join(root, d));
  const files: string[] = [];
  const walk = (dir: string, all: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '.cache' && entry.name !== 'test262-parser-tests') walk(path, all || dists.includes(path));
      else if (entry.isFile() && (entry.name.endsWith('.mjs') || (all && entry.name.endsWith('.js')))) files.push(path);
    }
  };
  walk(root, false);
  return files
    .sort()
    .map((path) => ({ id: relative(root, path), sourceType: 'module' as const, source: readFileSync(path, 'utf8') }))
    .filter((file) => file.source.length <= 1_000_000 && acceptedByAcorn(file.source));
}

function acceptedByAcorn(source: string): boolean {
  try {
    acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
    return true;
  } catch {
    return false;
  }
}

const CORPORA: Record<string, () => File[]> = {
  'test262 pass': () => test262Files('pass'),
  'test262 pass-explicit': () => test262Files('pass-explicit'),
  'real-world': () => REAL_WORLD.map((f) => ({ id: f.name, sourceType: f.sourceType, source: readSource(f) })),
  'package modules': packageModules,
};

/** At least this many files and records per corpus (so that a shrunken corpus is noticed). */
const MINIMUM = { 'test262 pass': [900, 70], 'test262 pass-explicit': [900, 70], 'real-world': [8, 2], 'package modules': [100, 1000] };

/**
 * Where es-module-lexer and binast differ by definition, by class. Fields neither side
 * defines in the other's terms are not compared at all: es-module-lexer's `phase` (both null:
 * acorn rejects import phases), `attributesStart`, `dynamicStart`, `typeOnly`,
 * `probablyTypeOnly`, `glob`, the export names' positions, `importIndex` and `facade`.
 */
const LEXER_DIFFERENCES = {
  /**
   * A declaration's end: acorn's (binast's `end`) includes the `;` that ends it, with the
   * comments and spaces before it; es-module-lexer's `importEnd` stops after the specifier or
   * the attributes' `}`.
   */
  statementEnd: 'importEnd of a static import: acorn ends the declaration after its `;`',
  /**
   * `import { x } from 'm'; export { x }`: es-module-lexer follows the binding and reports a
   * re-export of `x` from `m`; binast (and ESTree) a local export of `x`.
   */
  exportOfImport: 'export of an imported binding: es-module-lexer reports a re-export of the import',
  /** es-module-lexer is a lexer: a few valid programs defeat its regex/division guess. */
  lexerThrows: 'es-module-lexer throws on a valid program',
  /** A template literal with substitutions: es-module-lexer's glob (`a*b`); binast: not a static string. */
  templateSpecifier: 'dynamic import of a template with substitutions: es-module-lexer gives a glob, binast null',
};

type DifferenceClass = keyof typeof LEXER_DIFFERENCES;

/** The differences between es-module-lexer's answer and binast's, by class (unexplained ones as text). */
function lexerDifferences(file: File, info: ModuleInfo): { classes: DifferenceClass[]; unexplained: string[] } {
  const classes: DifferenceClass[] = [];
  const unexplained: string[] = [];
  let lexed;
  try {
    lexed = lex(file.source);
  } catch {
    return { classes: ['lexerThrows'], unexplained };
  }
  const [imports, exports, , hasModuleSyntax] = lexed;
  if (hasModuleSyntax !== info.hasModuleSyntax) unexplained.push(`hasModuleSyntax ${hasModuleSyntax}`);
  const compare = (what: string, expected: LexerRecord[], actual: readonly LexerRecord[]) => {
    if (expected.length !== actual.length) {
      unexplained.push(`${what}: ${expected.length} records, es-module-lexer ${actual.length}`);
      return;
    }
    expected.forEach((record, i) => {
      const fields = sameFields(record, actual[i]);
      if (fields.length === 0) return;
      const known = classify(file.source, record, actual[i], fields);
      if (known !== null) classes.push(known);
      else unexplained.push(`${what}[${i}] ${fields.join(',')}: ${JSON.stringify(record)} vs ${JSON.stringify(actual[i])}`);
    });
  };
  compare('imports', lexerImports(info), imports as readonly LexerRecord[]);
  compare('exports', lexerExports(info), exports as readonly LexerRecord[]);
  return { classes, unexplained };
}

/** The class of a record's difference, null when no class explains it. */
function classify(source: string, ours: LexerRecord, theirs: LexerRecord, fields: string[]): DifferenceClass | null {
  const only = (field: string) => fields.length === 1 && fields[0] === field;
  if (only('importEnd') && ours.type !== 'dynamic' && source[ours.importEnd! - 1] === ';' && theirs.importEnd! < ours.importEnd!) return 'statementEnd';
  if (only('specifier') && ours.type === 'dynamic' && ours.specifier === undefined && (theirs as { glob?: boolean }).glob) return 'templateSpecifier';
  if (ours.type === 'direct' && theirs.type === 'reexport' && ours.name === theirs.name) return 'exportOfImport';
  return null;
}

/** Files per corpus and difference counts per class, checked exactly (es-module-lexer is pinned). */
const EXPECTED_LEXER_COUNTS: Record<string, Partial<Record<DifferenceClass, number>>> = {
  'test262 pass': { statementEnd: 26, lexerThrows: 1 },
  'test262 pass-explicit': { statementEnd: 35 },
  'real-world': {},
  // What node_modules holds changes with the devDependencies: here only which classes occur
  // is pinned (every difference is one of them; \`unexplained\` stays empty).
  'package modules': { statementEnd: -1, exportOfImport: -1 },
};

beforeAll(() => initLexer());

for (const [corpus, files] of Object.entries(CORPORA)) {
  describe(`${corpus}: moduleInfo`, () => {
    let list: File[] = [];
    beforeAll(() => {
      list = files();
    });

    it('agrees with decode plus a walk of the tree on every file', { timeout: 120_000 }, () => {
      const failures: string[] = [];
      let records = 0;
      for (const file of list) {
        const bytes = encode(file.source, { sourceType: file.sourceType });
        const info = moduleInfo(bytes);
        const expected = referenceModuleInfo(decode(bytes) as never);
        records += info.imports.length + info.exports.length + info.dynamicImports.length + info.importMeta.length;
        if (JSON.stringify(info) !== JSON.stringify(expected)) failures.push(file.id);
      }
      expect(failures).toEqual([]);
      const [minFiles, minRecords] = MINIMUM[corpus as keyof typeof MINIMUM];
      expect(list.length).toBeGreaterThanOrEqual(minFiles);
      expect(records).toBeGreaterThanOrEqual(minRecords);
      console.log(`${corpus}: ${list.length} files, ${records} records`);
    });

    it("agrees with es-module-lexer's lists, but for the differences by definition", { timeout: 120_000 }, () => {
      const counts: Partial<Record<DifferenceClass, number>> = {};
      const unexplained: string[] = [];
      for (const file of list) {
        const found = lexerDifferences(file, moduleInfo(encode(file.source, { sourceType: file.sourceType })));
        for (const c of found.classes) counts[c] = (counts[c] ?? 0) + 1;
        unexplained.push(...found.unexplained.map((u) => `${file.id}: ${u}`));
      }
      expect(unexplained).toEqual([]);
      const expected = EXPECTED_LEXER_COUNTS[corpus]!;
      if (Object.values(expected).includes(-1)) {
        expect(Object.keys(counts).sort()).toEqual(Object.keys(expected).sort());
      } else {
        expect(counts).toEqual(expected);
      }
    });
  });
}

describe('es-module-lexer differences by definition, one example each', () => {
  it('statement end, template specifier', () => {
    const file = { id: 'example', sourceType: 'module' as const, source: 'import a from "a";\nimport(`b${x}`);\nimport(`./c.js`);' };
    expect(lexerDifferences(file, moduleInfo(moduleBytes(file.source)))).toEqual({ classes: ['statementEnd', 'templateSpecifier'], unexplained: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// The reader's own paths: the header it checks inline, the section's XXH32 at any offset, a
// section larger than its scratch array, a file inside a larger buffer.

describe('moduleInfo reads and checks as checkFile does', () => {
  const errorOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof BinastError ? `${error.code} ${error.message}` : `not a BinastError: ${error}`;
    }
    return null;
  };

  it('gives checkFile\'s error for every damaged header field, and reads through the rest', () => {
    const bytes = moduleBytes(EXAMPLE);
    const good = moduleInfo(bytes);
    let rejected = 0;
    for (let at = 0; at < 40; at++) {
      for (const flip of [1, 0x80]) {
        const damaged = bytes.slice();
        damaged[at] ^= flip;
        const expected = errorOf(() => checkFile(damaged, false));
        expect(errorOf(() => moduleInfo(damaged)), `byte ${at} ^ ${flip}`).toBe(expected);
        if (expected === null) expect(moduleInfo(damaged)).toEqual(good);
        else rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(40);
    for (const length of [0, 3, 4, 40, 43]) {
      const short = bytes.slice(0, length);
      expect(errorOf(() => moduleInfo(short))).toBe(errorOf(() => checkFile(short, false)));
    }
    expect(errorOf(() => moduleInfo('x' as never))).toMatch(/^BAD_OPTION/);
    expect(errorOf(() => moduleInfo(null as never))).toMatch(/^BAD_OPTION/);
  });

  it('takes a file at any offset of a larger buffer', () => {
    const bytes = moduleBytes(EXAMPLE);
    for (let offset = 0; offset < 8; offset++) {
      const buffer = new Uint8Array(bytes.length + 16);
      buffer.set(bytes, offset);
      expect(moduleInfo(buffer.subarray(offset, offset + bytes.length))).toEqual(moduleInfo(bytes));
    }
  });

  it('reads a section larger than its scratch array', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `import { a${i} as b${i}, c${i} } from "./m${i}.js"; export { b${i} };`);
    const source = lines.join('\n');
    const bytes = moduleBytes(source);
    const { modules } = layout(bytes);
    expect(modules.end - modules.start).toBeGreaterThan(65536);
    expect(moduleInfo(bytes)).toEqual(referenceModuleInfo(decode(bytes) as never));
    // And a small file after it reads with the shared array again.
    expect(moduleInfo(moduleBytes(EXAMPLE))).toEqual(referenceModuleInfo(decode(moduleBytes(EXAMPLE)) as never));
  });
});

describe('xxh32Range', () => {
  it('is xxh32 of the range, at every alignment and length', () => {
    const random = createRandom(7);
    const data = Uint8Array.from({ length: 300 }, () => random.int(256));
    for (let offset = 0; offset < 4; offset++) {
      const view = new Uint8Array(data.buffer, offset, data.length - offset);
      for (let start = 0; start < 6; start++) {
        for (let end = start; end < 90; end++) expect(xxh32Range(view, start, end)).toBe(xxh32(view.slice(start, end), end - start));
        expect(xxh32Range(view, start, view.length)).toBe(xxh32(view.slice(start), view.length - start));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Forged sections (valid checksum): a BinastError CORRUPT with an offset, never a runtime error.

/** A real file's bytes with its modules section replaced by `modules`. */
function withModules(records: number[] | Uint8Array, { sealed = true } = {}): Uint8Array {
  const bytes = moduleBytes('export const a = 1');
  // A non-empty section ends with the XXH32 of its records.
  const body = Uint8Array.from(records);
  const modules = sealed && body.length > 0 ? [...body, ...u32le(xxh32(body, body.length))] : [...body];
  const at = layout(bytes);
  const part = (name: keyof typeof at) => bytes.subarray(at[name].start, at[name].end);
  return assemble(
    { strings: part('strings'), nodes: part('nodes'), refs: part('refs'), refWidth: bytes[6], lines: part('lines'), bodies: part('bodies'), modules, module: true },
    xxh32,
  );
}

const u32le = (value: number) => [value & 255, (value >>> 8) & 255, (value >>> 16) & 255, value >>> 24];

/** A modules section: a string list, then the four lists given as raw bytes. */
const section = (strings: string[], ...lists: number[][]) => {
  const list = stringsSection(strings);
  return [...varint(list.length), ...list, ...lists.flat()];
};

describe('moduleInfo on forged modules sections', () => {
  const corrupt = (modules: number[]) => {
    const bytes = withModules(modules);
    const { modules: range } = layout(bytes);
    try {
      moduleInfo(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(BinastError);
      expect((error as BinastError).code).toBe('CORRUPT');
      expect((error as BinastError).offset).toBeGreaterThanOrEqual(range.start);
      expect((error as BinastError).offset).toBeLessThanOrEqual(range.end);
      return (error as Error).message;
    }
    throw new Error('moduleInfo accepted a forged section');
  };
  // import "a" at 0..10: range, source 0, literal at 7 length 3, no attributes, no specifiers.
  const importA = [1, 0, 10, 0, 7, 3, 0, 0];

  it('a well-formed forged section reads back', () => {
    const info = moduleInfo(withModules(section(['a'], importA, [0], [0], [0])));
    expect(info.imports).toEqual([{ source: 'a', sourceStart: 7, sourceEnd: 10, specifiers: [], attributes: [], phase: null, start: 0, end: 10 }]);
  });

  it('rejects bad indexes, kinds, counts, positions and leftovers', () => {
    expect(corrupt(section(['a'], [1, 0, 10, 5, 7, 3, 0, 0], [0], [0], [0]))).toMatch(/string 5 of 1/);
    expect(corrupt(section(['a'], [1, 0, 10, 0, 7, 3, 0, 3], [0], [0], [0]))).toMatch(/import phase 3/);
    expect(corrupt(section(['a'], [0], [1, 0, 5, 2 + 2 * 4, 0, 0, 0, 0], [0], [0]))).toMatch(/default with 2 names/);
    expect(corrupt(section(['a'], [0], [1, 0, 5, 3 + 2 * 4, 0, 0, 0, 0], [0], [0]))).toMatch(/all with 2 names/);
    expect(corrupt(section(['a'], [...varint(2 ** 30)], [0], [0], [0]))).toMatch(/records in the bytes left/);
    expect(corrupt(section(['a'], [1, 0, 10, 0, 7, 3, ...varint(2 ** 28), 0], [0], [0], [0]))).toMatch(/records in the bytes left/);
    expect(corrupt(section(['a'], [1, ...varint(2 ** 31), 10, 0, 7, 3, 0, 0], [0], [0], [0]))).toMatch(/position/);
    expect(corrupt(section(['a'], importA, [0], [0], [0], [7]))).toMatch(/left over/);
    expect(corrupt(section(['a'], importA, [0], [0]))).toMatch(/cut by the end of the section/);
    expect(corrupt([...varint(200), 1, 0])).toMatch(/string list of 200 bytes/);
    expect(corrupt([4, 1, 1, 0xff, 2, 0, 0, 0, 0])).toMatch(/UTF-8/);
  });

  it('mutated sections give records or CORRUPT, never another exception', () => {
    const bytes = moduleBytes(EXAMPLE);
    const { modules } = layout(bytes);
    const original = bytes.subarray(modules.start, modules.end);
    const random = createRandom(13);
    let errors = 0;
    for (let i = 0; i < 3000; i++) {
      const mutated = Array.from(original);
      for (let k = random.range(1, 4); k > 0; k--) {
        const at = random.int(mutated.length);
        const what = random.int(4);
        if (what === 0) mutated[at] = random.int(256);
        else if (what === 1) mutated[at] ^= 1 << random.int(8);
        else if (what === 2) mutated.splice(at, 1);
        else mutated.splice(at, 0, random.pick([0, 1, 0x7f, 0x80, 0xff]));
      }
      try {
        moduleInfo(withModules(mutated));
      } catch (error) {
        if (!(error instanceof BinastError) || error.code !== 'CORRUPT') throw new Error(`mutation ${i}: ${error}`);
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(1000);
  });

  it('verifies what it reads: the header and the section, by its own checksum', () => {
    const bytes = moduleBytes(EXAMPLE).slice();
    const { modules, nodes } = layout(bytes);
    const inSection = bytes.slice();
    inSection[modules.start + 3] ^= 1;
    expect(() => moduleInfo(reseal(inSection, xxh32))).toThrow(/modules section checksum mismatch/);
    expect(() => moduleInfo(withModules([1, 2, 3], { sealed: false }))).toThrow(/checksum/);
    expect(() => moduleInfo(withModules([1], { sealed: false }))).toThrow(/no room for its checksum/);
    // Damage outside the section is decode's to find; the records moduleInfo returns are intact.
    const inNodes = bytes.slice();
    inNodes[nodes.start + 1] ^= 1;
    expect(moduleInfo(inNodes)).toEqual(moduleInfo(bytes));
    expect(() => decode(inNodes)).toThrow(/checksum/);
    const header = bytes.slice();
    header[8] ^= 1;
    expect(() => moduleInfo(header)).toThrow(/schema/);
  });
});
