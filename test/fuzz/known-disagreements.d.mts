import type { CompareResult } from './engine.mjs';

export interface KnownEntry {
  id: string;
  reason: string;
  /** Minimal reproducer. */
  source: string;
  sourceType: 'script' | 'module';
  test(source: string, sourceType: 'script' | 'module', result: CompareResult): boolean;
}
export const KNOWN_DISAGREEMENTS: KnownEntry[];
