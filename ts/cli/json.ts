// Streams a value as JSON, byte for byte what JSON.stringify(value, replacer, indent) gives
// with acorn's CLI replacer (bigint -> null), without building one giant string: the JSON of
// a large file's tree (typescript.js with locations) exceeds V8's maximum string length.
// ASTs hold no toJSON methods, so none are called.
import { once } from 'node:events';

const CHUNK = 1 << 20;

type Frame =
  | { array: true; value: unknown[]; i: number; depth: number }
  | { array: false; value: Record<string, unknown>; keys: string[]; i: number; depth: number; any: boolean };

/** Sync pull serializer: `next()` returns the next chunk of about 1 MiB, or null at the end. */
export class JsonChunks {
  private readonly stack: Frame[] = [];
  private parts: string[] = [];
  private size = 0;
  private started = false;

  constructor(
    private readonly root: unknown,
    private readonly indent: string,
  ) {}

  next(): string | null {
    if (!this.started) {
      this.started = true;
      if (!this.value(this.root, 0)) this.push('undefined'); // never for an AST; keeps output non-empty
    }
    while (this.stack.length > 0 && this.size < CHUNK) this.step();
    if (this.parts.length === 0) return null;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return chunk;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
  }

  private newline(depth: number): string {
    return this.indent ? `\n${this.indent.repeat(depth)}` : '';
  }

  /** Writes a scalar, or opens a container frame; false when the value is skipped (undefined, function, symbol). */
  private value(v: unknown, depth: number): boolean {
    switch (typeof v) {
      case 'string':
        this.push(JSON.stringify(v));
        return true;
      case 'number':
        this.push(Number.isFinite(v) ? JSON.stringify(v) : 'null');
        return true;
      case 'boolean':
        this.push(v ? 'true' : 'false');
        return true;
      case 'bigint':
        this.push('null');
        return true;
      case 'undefined':
      case 'function':
      case 'symbol':
        return false;
    }
    if (v === null) {
      this.push('null');
      return true;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) this.push('[]');
      else {
        this.push('[');
        this.stack.push({ array: true, value: v, i: 0, depth });
      }
    } else {
      this.push('{');
      const record = v as Record<string, unknown>;
      this.stack.push({ array: false, value: record, keys: Object.keys(record), i: 0, depth, any: false });
    }
    return true;
  }

  private step(): void {
    const frame = this.stack[this.stack.length - 1]!;
    const inner = frame.depth + 1;
    if (frame.array) {
      if (frame.i >= frame.value.length) {
        this.stack.pop();
        this.push(`${this.newline(frame.depth)}]`);
        return;
      }
      const i = frame.i++;
      this.push(`${i ? ',' : ''}${this.newline(inner)}`);
      if (!this.value(frame.value[i], inner)) this.push('null');
      return;
    }
    if (frame.i >= frame.keys.length) {
      this.stack.pop();
      this.push(frame.any ? `${this.newline(frame.depth)}}` : '}');
      return;
    }
    const key = frame.keys[frame.i++]!;
    const v = frame.value[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return;
    this.push(`${frame.any ? ',' : ''}${this.newline(inner)}${JSON.stringify(key)}${this.indent ? ': ' : ':'}`);
    frame.any = true;
    this.value(v, inner);
  }
}

/** Writes the JSON to `stream`, waiting for 'drain' so memory stays flat on pipes. */
export async function writeJson(stream: NodeJS.WritableStream, value: unknown, indent: string): Promise<void> {
  const chunks = new JsonChunks(value, indent);
  for (let chunk = chunks.next(); chunk !== null; chunk = chunks.next()) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  if (!stream.write('\n')) await once(stream, 'drain');
}
