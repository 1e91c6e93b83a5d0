/**
 * Finds Debian's nginx for the "nginx" Playwright project (deploy/nginx.conf smoke tests).
 * Node-side only; scripts/nginx-serve.mjs does the same lookup when run on its own.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

/** The nginx binary: NGINX_BIN, a usual location, or `nginx` on PATH; null when there is none. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NGINX_BIN) return existsSync(env.NGINX_BIN) ? env.NGINX_BIN : null;
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'nginx'))) return path.join(dir, 'nginx');
  }
  return null;
}
