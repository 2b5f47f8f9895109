export declare const NODE_MAJORS: number[];
export type RuntimeName = 'node22' | 'node24' | 'node26' | 'deno' | 'bun';
export declare function runtimePath(name: RuntimeName): string;
export declare function requireRuntime(name: RuntimeName): string;
