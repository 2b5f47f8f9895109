export function xxh32(bytes: Uint8Array, length?: number): number;
