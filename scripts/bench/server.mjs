/**
 * The benchmark's own HTTP server: the production build (dist/) with an SPA fallback, a same-origin
 * config.json, and `GET /v1/workflow/executions/<id>` answering the generated bodies (Bearer token
 * required, like the real API). Bodies are served from memory, uncompressed, never cached.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const RUN_PATH = /^\/v1\/workflow\/executions\/([^/]+)$/;

/**
 * @param {{ distDir: string, token: string }} options
 * @returns {Promise<{ origin: string, setRun(id: string, body: Buffer): void, clearRuns(): void, requests: () => number, close(): Promise<void> }>}
 */
export async function startServer({ distDir, token }) {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} not found: build the app first.`);
  const indexHtml = readFileSync(indexFile);
  const runs = new Map();
  let apiRequests = 0;

  const send = (res, status, type, body, extra = {}) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://bench.invalid');
      const pathname = decodeURIComponent(url.pathname);
      const run = RUN_PATH.exec(pathname);
      if (run) {
        apiRequests++;
        if (req.method !== 'GET')
          return send(res, 405, 'application/json', Buffer.from('{"detail":"Method Not Allowed"}'));
        if (req.headers.authorization !== `Bearer ${token}`) {
          return send(res, 401, 'application/json', Buffer.from('{"detail":"Not authenticated"}'));
        }
        const body = runs.get(run[1]);
        if (!body) return send(res, 404, 'application/json', Buffer.from('{"detail":"Not Found"}'));
        return send(res, 200, 'application/json', body);
      }
      if (pathname === '/config.json') {
        return send(
          res,
          200,
          'application/json',
          Buffer.from(JSON.stringify({ apiBase: '', demo: false })),
        );
      }
      const file = path.join(distDir, path.normalize(pathname).replace(/^([/\\])+/, ''));
      if (file.startsWith(distDir) && existsSync(file) && statSync(file).isFile()) {
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        return send(res, 200, type, readFileSync(file));
      }
      if (pathname === '/' || pathname.startsWith('/runs/'))
        return send(res, 200, TYPES['.html'], indexHtml);
      return send(res, 404, 'text/plain; charset=utf-8', Buffer.from('Not found'));
    } catch (error) {
      send(
        res,
        500,
        'text/plain; charset=utf-8',
        Buffer.from(`bench server error: ${error instanceof Error ? error.message : error}`),
      );
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The bench server has no port.');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    setRun: (id, body) => runs.set(id, body),
    clearRuns: () => runs.clear(),
    requests: () => apiRequests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
