// A Worker that only decodes: it imports `binast/decode` (no encoder, no WASM)
// and answers a POSTed binary AST with the canonical form of its tree, so the
// test can compare it with acorn's. Options come in the X-Decode-Options header.
import { decode, type DecodeOptions } from 'binast/decode';
import type { Comment } from 'estree';
import { canonical } from '../helpers/canonical.ts';

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      const bytes = new Uint8Array(await request.arrayBuffer());
      const options = JSON.parse(request.headers.get('x-decode-options') ?? '{}') as DecodeOptions & { comments?: boolean };
      const comments: Comment[] = [];
      const { comments: withComments, ...rest } = options;
      const tree = decode(bytes, withComments ? { ...rest, onComment: comments } : rest);
      return new Response(JSON.stringify({ tree: canonical(tree), comments: withComments ? canonical(comments) : null }), {
        headers: { 'content-type': 'application/json' },
      });
    } catch (error) {
      return new Response(error instanceof Error ? `${error.name}: ${error.message}` : String(error), { status: 500 });
    }
  },
};
