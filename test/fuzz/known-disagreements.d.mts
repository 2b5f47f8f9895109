import type { CompareResult } from './engine.mjs';

export interface KnownEntry {
  id: string;
  reason: string;
  /** Minimal reproducer. */
  source: string;
  sourceType: 'script' | 'module';
  /** What each side does with the reproducer. */
  acorn: string;
  binast: string;
  /** Whether a fuzzed source's disagreement belongs to this class. */
  test(source: string, sourceType: 'script' | 'module', result: CompareResult): boolean;
}
export const KNOWN_DISAGREEMENTS: KnownEntry[];
export const KNOWN_JSX_DISAGREEMENTS: KnownEntry[];
/** What the JSX fuzzer knows: the JSX classes and acorn's own (acorn-jsx is acorn extended). */
export const JSX_FUZZ_KNOWN: KnownEntry[];
