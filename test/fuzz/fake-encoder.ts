// Hand-assembled stand-ins for wasm/binast.wasm with the same exports (the loader's ABI version), whose
// binast_encode misbehaves on purpose: it traps after recording a failure or moving the
// stack pointer, or returns an error status. They let the tests drive every branch of the
// loader's trap classification without waiting for a real encoder bug or out-of-memory.
import { ABI_VERSION } from '../../ts/wasm-loader.ts';

export interface FakeEncoderOptions {
  abiVersion?: number;
  /** What binast_encode does. */
  encode:
    | { trap: { failure: number; stackPointer?: number } }
    | { status: number; pos?: number; message?: string }
    | { memoryOutOfBounds: true };
  /** The message binast_failure_message_* point at. */
  failureMessage?: string;
  /** Exports to leave out. */
  omit?: string[];
}

const uleb = (value: number): number[] => {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
};

const sleb = (value: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
};

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (text: string): number[] => {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
};
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

const I32 = 0x7f;
const OP = { unreachable: 0x00, end: 0x0b, drop: 0x1a, globalGet: 0x23, globalSet: 0x24, i32Const: 0x41, i32Load: 0x28 };

export function fakeEncoder(options: FakeEncoderOptions): Uint8Array {
  const abi = options.abiVersion ?? ABI_VERSION;
  const failureMessage = new TextEncoder().encode(options.failureMessage ?? '');
  let result: number[] = [];
  const encodeBody: number[] = [];
  const behaviour = options.encode;
  if ('trap' in behaviour) {
    encodeBody.push(OP.i32Const, ...sleb(behaviour.trap.failure), OP.globalSet, 1);
    if (behaviour.trap.stackPointer !== undefined) encodeBody.push(OP.i32Const, ...sleb(behaviour.trap.stackPointer), OP.globalSet, 0);
    encodeBody.push(OP.unreachable);
  } else if ('memoryOutOfBounds' in behaviour) {
    // A load far past the single page: "memory access out of bounds", stack pointer untouched.
    encodeBody.push(OP.i32Const, ...sleb(0x7fff0000), OP.i32Load, 2, 0, OP.drop, OP.unreachable);
  } else {
    const message = [...new TextEncoder().encode(behaviour.message ?? '')];
    const pos = behaviour.pos ?? 0;
    result = [pos & 255, (pos >>> 8) & 255, (pos >>> 16) & 255, (pos >>> 24) & 255, ...message];
    encodeBody.push(OP.i32Const, ...sleb(behaviour.status));
  }

  // Types: 0 ()->i32, 1 (i32)->i32, 2 (i32,i32,i32)->i32, 3 (i32,i32)->(), 4 ()->()
  const types = [
    [0x60, 0, 1, I32],
    [0x60, 1, I32, 1, I32],
    [0x60, 3, I32, I32, I32, 1, I32],
    [0x60, 2, I32, I32, 0],
    [0x60, 0, 0],
  ];
  const functions: { name: string; type: number; body: number[] }[] = [
    { name: 'binast_abi_version', type: 0, body: [OP.i32Const, ...sleb(abi)] },
    { name: 'binast_alloc', type: 1, body: [OP.i32Const, ...sleb(1024)] },
    { name: 'binast_realloc', type: 2, body: [OP.i32Const, ...sleb(1024)] },
    { name: 'binast_free', type: 3, body: [] },
    { name: 'binast_encode', type: 2, body: encodeBody },
    { name: 'binast_result_ptr', type: 0, body: [OP.i32Const, ...sleb(0)] },
    { name: 'binast_result_len', type: 0, body: [OP.i32Const, ...sleb(result.length)] },
    { name: 'binast_result_clear', type: 4, body: [] },
    { name: 'binast_failure', type: 0, body: [OP.globalGet, 1] },
    { name: 'binast_failure_message_ptr', type: 0, body: [OP.i32Const, ...sleb(512)] },
    { name: 'binast_failure_message_len', type: 0, body: [OP.i32Const, ...sleb(failureMessage.length)] },
  ];
  const omit = new Set(options.omit ?? []);
  const exports: number[][] = [
    [...name('memory'), 0x02, 0],
    [...name('__stack_pointer'), 0x03, 0],
  ];
  functions.forEach((f, i) => {
    if (!omit.has(f.name)) exports.push([...name(f.name), 0x00, ...uleb(i)]);
  });
  const globals = [
    [I32, 1, OP.i32Const, ...sleb(120_000), OP.end], // __stack_pointer (above the overflow margin)
    [I32, 1, OP.i32Const, 0, OP.end], // failure code
  ];
  const code = functions.map((f) => {
    const body = [0, ...f.body, OP.end]; // no locals
    return [...uleb(body.length), ...body];
  });
  const data = [
    [0, OP.i32Const, 0, OP.end, ...uleb(result.length), ...result],
    [0, OP.i32Const, ...sleb(512), OP.end, ...uleb(failureMessage.length), ...failureMessage],
  ];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(3, vec(functions.map((f) => uleb(f.type)))),
    ...section(5, vec([[0x00, 2]])),
    ...section(6, vec(globals)),
    ...section(7, vec(exports)),
    ...section(10, vec(code)),
    ...section(11, vec(data)),
  ]);
}
