// binast at the edge: a Cloudflare Worker in front of your scripts that serves
// a script's binary AST to clients asking for it with
//   Accept: application/javascript-binast
// and the JavaScript itself to everyone else. Both answers carry `Vary: Accept`.
// `GET /app.mjs?imports` answers with the script's module records as JSON (its
// imports, exports, import() calls and import.meta: binast's moduleInfo), read
// from the same cached binary AST, so a server or a client can preload what the
// script needs without parsing it.
//
// Binary ASTs are encoded on the fly by binast's WASM encoder, then cached by
// the SHA-256 of the source (so a changed script is never served stale): in
// this isolate's memory, and in the data centre's Cache API.
//
// No Node built-ins, no eval: the encoder is a precompiled WebAssembly.Module
// imported as a module (Wrangler turns `*.wasm` imports into CompiledWasm).
import { encode, init, moduleInfo, FORMAT_VERSION } from 'binast';
import wasm from 'binast/wasm/binast.wasm';

// Nothing but the handler is exported: workerd treats every export of the main module as an entrypoint.
const BINAST_TYPE = 'application/javascript-binast';

/** Default budget of the in-memory cache, per isolate (override with MEMORY_CACHE_BYTES; 0 disables it). */
const DEFAULT_MEMORY_CACHE_BYTES = 32 * 1024 * 1024;

/** Request headers that must not reach the origin when we need the full source to encode. */
const CONDITIONAL_HEADERS = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'if-range', 'range'];

/** Cache key (source hash, format, options) -> binary AST, least recently used first. */
const memory = new Map();
let memoryBytes = 0;

export default {
  /**
   * @param {Request} request
   * @param {{ ORIGIN?: string, MEMORY_CACHE_BYTES?: string, COMMENTS?: string }} env
   * @param {{ waitUntil(promise: Promise<unknown>): void }} ctx
   */
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const importsView = request.method === 'GET' && url.searchParams.has('imports');
    if (importsView) {
      url.searchParams.delete('imports');
      request = new Request(url, request);
    }
    const wantsBinast = importsView || (request.method === 'GET' && acceptsBinast(request.headers.get('accept')));
    const upstream = await fetchOrigin(request, env, wantsBinast);
    if (!isJavaScript(request, upstream)) return upstream;
    if (!wantsBinast || !upstream.ok || upstream.status !== 200) return withVaryAccept(upstream);

    const source = await upstream.text();
    const sourceType = new URL(request.url).pathname.endsWith('.mjs') ? 'module' : 'script';
    const comments = env.COMMENTS === 'true';
    // One entry per source, format version and options: a changed script is never served stale.
    const digest = await sha256Hex(source);
    const variant = `${FORMAT_VERSION}${sourceType === 'module' ? 'm' : 's'}${comments ? 'c' : ''}`;
    const cacheKey = `${digest}-${variant}`;
    const etag = `"binast-${digest.slice(0, 32)}-${variant}"`;
    const headers = new Headers({
      'Content-Type': BINAST_TYPE,
      Vary: 'Accept',
      ETag: etag,
      'X-Binast-Format': String(FORMAT_VERSION),
    });
    for (const name of ['cache-control', 'last-modified', 'access-control-allow-origin']) {
      const value = upstream.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    if (!importsView && matchesEtag(request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers });
    }

    let result;
    try {
      result = await binaryAst(source, { sourceType, comments }, cacheKey, request.url, env, ctx);
    } catch (error) {
      if (importsView) return jsonResponse({ error: String(error?.message ?? error) }, 422);
      // Not parseable (or not by binast): the client still gets the script.
      const fallback = new Response(source, upstream);
      fallback.headers.delete('content-length');
      // Header values must be printable ASCII here (a message may quote any character).
      const reason = String(error?.message ?? error).replace(/[^\x20-\x7e]+/g, '?').slice(0, 200);
      fallback.headers.set('X-Binast-Error', reason);
      return withVaryAccept(fallback);
    }
    headers.set('X-Binast-Cache', result.from);
    headers.set('X-Binast-Source-Type', result.sourceType);
    if (importsView) return importsResponse(result, headers);
    return new Response(result.bytes, { status: 200, headers });
  },
};

/** `?imports`: the module records of the binary AST, as JSON (no tree is decoded). */
function importsResponse(result, headers) {
  const body = { sourceType: result.sourceType, ...moduleInfo(result.bytes) };
  const response = jsonResponse(body, 200);
  for (const name of ['x-binast-cache', 'x-binast-source-type', 'x-binast-format', 'cache-control', 'access-control-allow-origin']) {
    const value = headers.get(name);
    if (value !== null) response.headers.set(name, value);
  }
  return response;
}

function jsonResponse(body, status) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/** True when the Accept header names application/javascript-binast with q > 0 (wildcards do not count). */
function acceptsBinast(accept) {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== BINAST_TYPE) return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function fetchOrigin(request, env, wantsBinast) {
  let upstream = request;
  if (env.ORIGIN) {
    const url = new URL(request.url);
    upstream = new Request(new URL(url.pathname + url.search, env.ORIGIN), request);
  }
  if (wantsBinast) {
    // We need the whole source, not a 304 or a range; we answer conditionals ourselves.
    upstream = new Request(upstream);
    for (const name of CONDITIONAL_HEADERS) upstream.headers.delete(name);
    upstream.headers.set('Accept', 'text/javascript, application/javascript, */*;q=0.1');
  }
  return fetch(upstream);
}

function isJavaScript(request, response) {
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/javascript' || type === 'application/javascript' || type === 'application/x-javascript') return true;
  if (type !== '' && type !== 'application/octet-stream') return false;
  return /\.[mc]?js$/.test(new URL(request.url).pathname);
}

function withVaryAccept(response) {
  const vary = response.headers.get('vary') ?? '';
  if (vary.split(',').some((v) => ['accept', '*'].includes(v.trim().toLowerCase()))) return response;
  const copy = new Response(response.body, response);
  copy.headers.set('Vary', vary ? `${vary}, Accept` : 'Accept');
  return copy;
}

function matchesEtag(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The binary AST of `source`: from memory, from the Cache API, or encoded now (then cached). */
async function binaryAst(source, options, cacheKey, requestUrl, env, ctx) {
  const budget = env.MEMORY_CACHE_BYTES === undefined ? DEFAULT_MEMORY_CACHE_BYTES : Number(env.MEMORY_CACHE_BYTES);
  const hit = memory.get(cacheKey);
  if (hit !== undefined) {
    memory.delete(cacheKey); // most recently used goes last
    memory.set(cacheKey, hit);
    return { ...hit, from: 'memory' };
  }

  // Same host as the request (the Cache API is per zone).
  const key = new Request(new URL(`/.binast-cache/${cacheKey}`, requestUrl));
  const cache = typeof caches !== 'undefined' ? caches.default : undefined;
  const cached = await cache?.match(key);
  if (cached) {
    const entry = {
      bytes: new Uint8Array(await cached.arrayBuffer()),
      sourceType: cached.headers.get('x-binast-source-type') ?? options.sourceType,
    };
    remember(cacheKey, entry, budget);
    return { ...entry, from: 'cache' };
  }

  await init(wasm); // instantiates the precompiled module once per isolate
  const entry = encodeEither(source, options);
  remember(cacheKey, entry, budget);
  if (cache) {
    const stored = new Response(entry.bytes, {
      headers: {
        'Content-Type': BINAST_TYPE,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Binast-Source-Type': entry.sourceType,
      },
    });
    ctx.waitUntil(cache.put(key, stored));
  }
  return { ...entry, from: 'miss' };
}

/** `.mjs` is a module; anything else is tried as a classic script first, then as a module. */
function encodeEither(source, { sourceType, comments }) {
  try {
    return { bytes: encode(source, { sourceType, comments }), sourceType };
  } catch (error) {
    if (sourceType === 'module' || !(error instanceof SyntaxError)) throw error;
    try {
      return { bytes: encode(source, { sourceType: 'module', comments }), sourceType: 'module' };
    } catch {
      throw error; // report the script error
    }
  }
}

function remember(cacheKey, entry, budget) {
  if (!(entry.bytes.length <= budget)) return;
  memory.set(cacheKey, entry);
  memoryBytes += entry.bytes.length;
  for (const [oldest, old] of memory) {
    if (memoryBytes <= budget) break;
    memory.delete(oldest);
    memoryBytes -= old.bytes.length;
  }
}
