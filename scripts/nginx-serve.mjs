#!/usr/bin/env node
/**
 * Serves the production build through deploy/nginx.conf, in the foreground, without root-owned
 * paths: the e2e "nginx" project uses it as a Playwright webServer.
 *
 *   node scripts/nginx-serve.mjs [--port 8088] [--root dist] [--upstream http://127.0.0.1:4173/demo-api]
 *
 * - Renders the template into a fresh temp dir (pid, logs and temp files live there too).
 * - The site root is a copy of dist/ plus a config.json saying {"apiBase": "", "demo": false}: the app
 *   calls /v1/... on nginx's own origin, and nginx proxies it to the upstream (by default the
 *   `vite preview` demo API, so /v1/x on nginx is /demo-api/v1/x on preview). dist/ is not touched.
 * - Runs `nginx -g 'daemon off;'` as a child; SIGTERM/SIGINT stop it and remove the temp dir.
 *
 * Env: NGINX_BIN (the binary), NGINX_PORT, NGINX_ROOT, NGINX_UPSTREAM (flags win over env).
 * When nginx is missing it exits 1 with CI=true, else prints a skip message and exits 0.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function findNginx() {
  const fromEnv = process.env.NGINX_BIN;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const candidate of [
    '/usr/sbin/nginx',
    '/usr/local/sbin/nginx',
    '/usr/local/nginx/sbin/nginx',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'nginx'))) return path.join(dir, 'nginx');
  }
  return null;
}

const port = Number(flag('port') ?? process.env.NGINX_PORT ?? 8088);
const distDir = path.resolve(projectRoot, flag('root') ?? process.env.NGINX_ROOT ?? 'dist');
const upstream = (
  flag('upstream') ??
  process.env.NGINX_UPSTREAM ??
  'http://127.0.0.1:4173/demo-api'
).replace(/\/+$/, '');

const nginx = findNginx();
if (!nginx) {
  if (process.env.CI) {
    console.error(
      '[nginx-serve] nginx not found, and CI requires it (apt-get install nginx, or set NGINX_BIN).',
    );
    process.exit(1);
  }
  console.warn(
    '[nginx-serve] nginx not found: skipping the nginx smoke setup (install nginx or set NGINX_BIN).',
  );
  process.exit(0);
}
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`[nginx-serve] invalid port: ${port}`);
  process.exit(1);
}

// Playwright starts the preview server (which builds dist/ when missing) first; still, wait a bit.
const deadline = Date.now() + 120_000;
while (!existsSync(path.join(distDir, 'index.html'))) {
  if (Date.now() > deadline) {
    console.error(`[nginx-serve] ${distDir}/index.html not found: run \`npm run build\` first.`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const work = mkdtempSync(path.join(os.tmpdir(), 'inspector-nginx-'));
// nginx workers run as an unprivileged user when started as root: they must be able to read the site.
chmodSync(work, 0o755);
const siteRoot = path.join(work, 'site');
cpSync(distDir, siteRoot, { recursive: true });
writeFileSync(
  path.join(siteRoot, 'config.json'),
  `${JSON.stringify({ apiBase: '', demo: false })}\n`,
);

const template = readFileSync(path.join(projectRoot, 'deploy/nginx.conf'), 'utf8');
const serverBlock = template
  .replaceAll('__PORT__', `127.0.0.1:${port}`)
  .replaceAll('__ROOT__', siteRoot)
  .replaceAll('__API_UPSTREAM__', upstream);
const leftover = /__[A-Z_]+__/.exec(serverBlock.replace(/^\s*#.*$/gm, ''));
if (leftover) {
  console.error(`[nginx-serve] deploy/nginx.conf has an unknown placeholder: ${leftover[0]}`);
  process.exit(1);
}
writeFileSync(path.join(work, 'site.conf'), serverBlock);

const mimeTypes = [
  '/etc/nginx/mime.types',
  '/usr/local/nginx/conf/mime.types',
  '/usr/local/etc/nginx/mime.types',
].find((file) => existsSync(file));
const types = mimeTypes
  ? `include ${mimeTypes};`
  : `types {
        text/html html; text/css css; application/javascript js mjs; application/json json map;
        image/svg+xml svg; image/png png; image/x-icon ico; font/woff2 woff2; text/plain txt;
    }`;

const mainConf = `# Rendered by scripts/nginx-serve.mjs; removed on exit.
worker_processes 1;
pid ${work}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
    ${types}
    default_type application/octet-stream;
    sendfile on;
    access_log ${work}/access.log;
    client_body_temp_path ${work}/client_body;
    proxy_temp_path ${work}/proxy;
    fastcgi_temp_path ${work}/fastcgi;
    uwsgi_temp_path ${work}/uwsgi;
    scgi_temp_path ${work}/scgi;
    include ${work}/site.conf;
}
`;
const confFile = path.join(work, 'nginx.conf');
writeFileSync(confFile, mainConf);

const args = ['-e', path.join(work, 'error.log'), '-p', work, '-c', confFile];
const cleanup = () => rmSync(work, { recursive: true, force: true });

const check = spawnSync(nginx, [...args, '-t', '-q'], { stdio: 'inherit' });
if (check.status !== 0) {
  console.error(`[nginx-serve] the rendered configuration is invalid (${confFile})`);
  cleanup();
  process.exit(1);
}

console.log(`[nginx-serve] http://127.0.0.1:${port}/  root=${siteRoot}  /v1/ -> ${upstream}/v1/`);
const child = spawn(nginx, [...args, '-g', 'daemon off;'], { stdio: 'inherit' });

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  // TERM = fast shutdown; the exit handler below cleans up.
  child.kill(signal === 'SIGINT' ? 'SIGTERM' : signal);
  setTimeout(() => child.kill('SIGKILL'), 5000).unref();
};
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'])
  process.on(signal, () => stop(signal === 'SIGHUP' ? 'SIGTERM' : signal));

child.on('exit', (code, signal) => {
  cleanup();
  if (!stopping) console.error(`[nginx-serve] nginx exited (${signal ?? code})`);
  process.exit(stopping ? 0 : (code ?? 1));
});
child.on('error', (error) => {
  console.error(`[nginx-serve] could not start nginx: ${error.message}`);
  cleanup();
  process.exit(1);
});
