// A tiny static file server on 127.0.0.1 for the browser tests: serves a Vite
// build directory plus extra files at fixed paths, and logs every request.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
  type: string;
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash) */
  origin: string;
  requests: ServedRequest[];
  close(): Promise<void>;
}

/**
 * Serves `root` (e.g. Vite's outDir) and `files` (URL path -> file path).
 * Only GET/HEAD; paths outside `root` are refused.
 */
export async function startStaticServer(root: string, files: Record<string, string> = {}): Promise<StaticServer> {
  const requests: ServedRequest[] = [];
  const base = normalize(root + sep);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const log = (status: number, type = ''): void => {
      requests.push({ method: req.method ?? '', path, status, type });
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      log(405);
      res.writeHead(405).end();
      return;
    }
    let file = files[path];
    if (file === undefined) {
      const candidate = normalize(join(base, path.endsWith('/') ? path + 'index.html' : path));
      if (candidate.startsWith(base)) file = candidate;
    }
    let size = -1;
    try {
      if (file !== undefined) {
        const stat = statSync(file);
        if (stat.isFile()) size = stat.size;
      }
    } catch {
      // not found
    }
    if (file === undefined || size < 0) {
      log(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    log(200, type);
    res.writeHead(200, { 'content-type': type, 'content-length': size, 'cache-control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  // No keep-alive: close() must not wait for idle browser connections.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
