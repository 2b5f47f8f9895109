// Types for jsx.mjs (plain JavaScript, like engine.mjs).
import type { Random } from './engine.mjs';

export const JSX_PACKAGES: string[];
export interface JsxFile {
  pkg: string;
  name: string;
  path: string;
  source: string;
  sourceType: 'module';
}
export function jsxFiles(packages?: string[]): JsxFile[];
export function generateJsx(random: Random, budget?: number): string;
export function fuzzJsxSource(random: Random): { origin: string; source: string; sourceType: 'script' | 'module' };
