// Types for deep.mjs.
export const CONSTRUCTS: Record<string, (depth: number) => string>;
export const ITERATIVE_CAP: number;
export const ITERATIVE: Set<string>;
export function maxDepth(works: (depth: number) => boolean, cap: number, start?: number): number;
