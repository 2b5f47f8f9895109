// Types for engine.mjs (plain JavaScript so that scripts/fuzz.mjs runs without a build step).

export const REPO_ROOT: string;

export interface Random {
  readonly seed: number;
  next(): number;
  int(n: number): number;
  range(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
}
export function createRandom(seed: number): Random;

export interface WireItem {
  name: string;
  type: string;
  enumName: string | null;
  bit: number;
  width: number;
}
export interface WireKind {
  name: string;
  type: string;
  tag: number;
  wire: WireItem[];
  attrBits: number;
  endLength: unknown;
}
export const SCHEMA: { formatVersion: number; schemaHash: number; enums: Record<string, string[]>; kinds: WireKind[] };
export const KIND: Map<string, WireKind>;
export const HEADER_LENGTH: number;

export type Xxh32 = (bytes: Uint8Array, length: number) => number;
type Bytes = ArrayLike<number>;

export function varint(value: number): number[];
export function zigzag(delta: number): number;
export function u32(value: number): number[];
export interface SectionBounds {
  start: number;
  end: number;
  field: number;
}
export function layout(bytes: Uint8Array): Record<"strings" | "nodes" | "refs" | "lines" | "comments" | "bodies" | "modules", SectionBounds>;
export function reseal(bytes: Uint8Array, xxh32: Xxh32): Uint8Array;
export function assemble(
  sections: { strings: Bytes; nodes: Bytes; refs?: Bytes; refWidth?: number; lines?: Bytes; comments?: Bytes | null; bodies?: Bytes; modules?: Bytes; module?: boolean },
  xxh32: Xxh32,
): Uint8Array;
/** String-reference codes as a refs section, in the fewest bytes per code that fit. */
export function refsSection(codes: readonly number[]): { refs: number[]; refWidth: number };
export function stringsSection(list: readonly string[]): number[];
export function linesSection(source: string): number[];
export function forge(program: unknown, source: string, xxh32: Xxh32, options?: { module?: boolean; skipAtLeast?: number }): Uint8Array;
export interface SkipEntry {
  node: number;
  refs: number;
  fresh: number;
  delta: number;
  nested: number;
}
export function bodiesSection(entries: SkipEntry[]): number[];
export function readBodies(bytes: Uint8Array): SkipEntry[];
export function forgedLazyBases(
  corpus: { name: string; source: string; sourceType: 'script' | 'module' }[],
  api: { decode: (bytes: Uint8Array) => unknown; xxh32: Xxh32; acorn: { parse: (source: string, options: any) => unknown } },
  options?: { count?: number; weight?: number },
): DecodeBase[];
export function replaceSection(bytes: Uint8Array, name: string, content: ArrayLike<number>, xxh32: Xxh32): Uint8Array;

export function treeDifference(a: unknown, b: unknown): string | null;
export function treeText(tree: unknown): string;
export function treeDepth(tree: unknown): number;

export interface CorpusEntry {
  name: string;
  source: string;
  sourceType: 'script' | 'module';
}
export function fuzzCorpus(options?: { test262Step?: number }): CorpusEntry[];

export function mutateBinary(random: Random, bytes: Uint8Array, other: Uint8Array): { kind: string; bytes: Uint8Array };

export interface DecodeApi {
  decode: (bytes: Uint8Array, options?: any) => unknown;
  BinastError: new (...args: any[]) => Error & { code: string; offset: number };
  xxh32: Xxh32;
}
export interface DecodeBase {
  name: string;
  bytes: Uint8Array;
  tree: unknown;
}
export interface DecodeStats {
  seed: number;
  cases: number;
  decodes: number;
  trees: number;
  errors: Record<string, number>;
  unchanged: number;
  slowestMs: number;
  failures: string[];
}
export function fuzzDecode(
  api: DecodeApi,
  bases: DecodeBase[],
  options: { seed: number; iterations?: number; deadline?: number },
): DecodeStats;

export interface EncodeApi {
  encode: (source: string, options?: any) => Uint8Array;
  decode: (bytes: Uint8Array, options?: any) => unknown;
  BinastError: new (...args: any[]) => Error & { code: string; offset: number };
  acorn: { parse: (source: string, options: any) => unknown };
  /** acorn-jsx's parser: the sources are JSX (encoded with `{ jsx: true }`). */
  jsx?: { parse: (source: string, options: any) => unknown };
}
export interface CompareResult {
  status: 'same' | 'both-reject' | 'unsupported' | 'both-limit' | 'crash' | 'disagree';
  kind?: 'binast-rejects' | 'binast-accepts' | 'tree';
  acornOutcome: string;
  binastOutcome: string;
}
export interface KnownDisagreement {
  id: string;
  test(source: string, sourceType: 'script' | 'module', result: CompareResult): boolean;
}
export interface Disagreement {
  where: string;
  signature: string;
  count: number;
  sourceType: 'script' | 'module';
  source: string;
  original: string;
  kind: string;
  acorn: string;
  binast: string;
}
export interface EncodeStats {
  seed: number;
  cases: number;
  same: number;
  bothReject: number;
  unsupported: number;
  bothLimit: number;
  knownDisagreements: Record<string, number>;
  disagreements: Disagreement[];
  failures: string[];
}
export function generateSource(random: Random, budget?: number, sourceType?: 'script' | 'module'): string;
export function generateDeclarations(random: Random, budget?: number, sourceType?: 'script' | 'module'): string;
export function fuzzSource(random: Random, corpus: CorpusEntry[]): { origin: string; source: string; sourceType: 'script' | 'module' };
export function compareWithAcorn(api: EncodeApi, source: string, sourceType: 'script' | 'module', optionsVariant?: number): CompareResult;
export function signature(result: CompareResult): string;
export function minimize(source: string, still: (candidate: string) => boolean, options?: { maxSteps?: number }): string;
export function fuzzEncode(
  api: EncodeApi,
  corpus: CorpusEntry[],
  options: {
    seed: number;
    iterations?: number;
    deadline?: number;
    known?: KnownDisagreement[];
    minimizeNew?: boolean;
    /** Where the sources come from (default fuzzSource; test/fuzz/jsx.mjs has fuzzJsxSource). */
    sources?: (random: Random, corpus: CorpusEntry[]) => { origin: string; source: string; sourceType: 'script' | 'module' };
  },
): EncodeStats;
