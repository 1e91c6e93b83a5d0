/**
 * Vite plugin: the built-in demo API, for `vite` (dev) and `vite preview` (the e2e tests).
 * Node-side only; vite.config.ts imports it, browser code never does.
 *
 * - `<base>demo-api/…`  the demo API (see demo-api.ts for the routes and the scripted run IDs).
 * - `<base>config.json` `{"apiBase": "<base>demo-api", "demo": true}` when no real config.json exists
 *   (public/ in dev, the build output in preview), so the app talks to the demo API by default.
 *   When VITE_API_BASE is set (e.g. `VITE_API_BASE=/diga-api npm run dev` for the real API through
 *   the dev proxy), it answers `{"apiBase": "<VITE_API_BASE>", "demo": false}` instead, so the
 *   developer's choice wins over the demo.
 *
 * Environment:
 * - DEMO_API=0          turns all of this off (no demo routes, no fake config.json).
 * - DEMO_LIVE_SCALE=n   multiplies the live run's timing (default 1: ~3 s queued + ~9 s running).
 *
 * Deep links such as `/runs/<id>?step=…` fall back to index.html through Vite's appType 'spa',
 * in dev and in preview; this plugin leaves that alone.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect, Logger, Plugin, ResolvedConfig } from 'vite';
import { DemoApi, type DemoResponse } from './demo-api.ts';
import { parseLiveScale } from './live-run.ts';

export interface DemoApiPluginOptions {
  /** Defaults to `process.env.DEMO_API !== '0'`. */
  enabled?: boolean;
  /** Defaults to DEMO_LIVE_SCALE, else 1. */
  liveScale?: number;
}

/** The URL path prefix the app is served under: Vite's `base` when it is a path, else `/`. */
export function basePath(base: string): string {
  if (!base.startsWith('/')) return '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** The config.json body the dev and preview servers answer when there is no real file. */
export function demoConfig(
  base: string,
  chosenApiBase?: string,
): { apiBase: string; demo: boolean } {
  const chosen = chosenApiBase?.trim();
  if (chosen) return { apiBase: chosen, demo: false };
  return { apiBase: `${basePath(base)}demo-api`, demo: true };
}

const envString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

function send(res: ServerResponse, response: DemoResponse): void {
  if (res.writableEnded || res.destroyed) return;
  const headers: Record<string, string | number> = { ...response.headers };
  if (response.status !== 204) headers['Content-Length'] = Buffer.byteLength(response.body);
  res.writeHead(response.status, headers);
  res.end(response.status === 204 ? undefined : response.body);
}

function createMiddleware(
  api: DemoApi,
  config: ResolvedConfig,
  realConfigFile: () => string | null,
  logger: Logger,
): Connect.NextHandleFunction {
  const base = basePath(config.base);
  const mount = `${base}demo-api`;
  const configPath = `${base}config.json`;

  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const url = req.url ?? '/';
    const pathname = url.split('?', 1)[0] ?? '/';

    if (pathname === configPath && (req.method === 'GET' || req.method === 'HEAD')) {
      const realFile = realConfigFile();
      if (realFile !== null && existsSync(realFile)) return next();
      send(res, {
        status: 200,
        headers: { 'Cache-Control': 'no-store', 'Content-Type': 'application/json' },
        body: JSON.stringify(demoConfig(config.base, envString(config.env.VITE_API_BASE))),
      });
      return;
    }

    if (pathname !== mount && !pathname.startsWith(`${mount}/`)) return next();
    try {
      const response = api.handle({
        method: req.method ?? 'GET',
        url: url.slice(mount.length) || '/',
        authorization: req.headers.authorization,
      });
      if (response.delayMs) setTimeout(() => send(res, response), response.delayMs);
      else send(res, response);
    } catch (error) {
      // Never log the request headers here: they carry the token.
      logger.error(`[demo-api] ${req.method ?? 'GET'} ${pathname} failed: ${String(error)}`);
      send(res, {
        status: 500,
        headers: { 'Cache-Control': 'no-store', 'Content-Type': 'application/json' },
        body: JSON.stringify({ detail: 'Demo API error' }),
      });
    }
  };
}

export function demoApi(options: DemoApiPluginOptions = {}): Plugin {
  const enabled = options.enabled ?? process.env.DEMO_API !== '0';
  const liveScale = options.liveScale ?? parseLiveScale(process.env.DEMO_LIVE_SCALE);
  if (!enabled) return { name: 'diga-demo-api' };

  let api: DemoApi | null = null;
  const apiFor = (config: ResolvedConfig) =>
    (api ??= new DemoApi({ root: config.root, liveScale }));
  const announce = (config: ResolvedConfig) =>
    config.logger.info(
      `  Demo API at ${basePath(config.base)}demo-api (live run scale ${liveScale}; DEMO_API=0 turns it off)`,
    );

  return {
    name: 'diga-demo-api',
    configureServer(server) {
      const { config } = server;
      const realConfig = () =>
        config.publicDir ? path.join(config.publicDir, 'config.json') : null;
      server.middlewares.use(createMiddleware(apiFor(config), config, realConfig, config.logger));
      announce(config);
    },
    configurePreviewServer(server) {
      const { config } = server;
      const realConfig = () => path.resolve(config.root, config.build.outDir, 'config.json');
      server.middlewares.use(createMiddleware(apiFor(config), config, realConfig, config.logger));
      announce(config);
    },
  };
}
