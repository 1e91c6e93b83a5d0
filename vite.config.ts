/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { demoApi } from './src/demo/demo-api-plugin.ts';

// BASE_PATH lets the same build live under a sub-path (e.g. /tools/inspector/). It must end with "/".
const base = process.env.BASE_PATH ?? '/';

// The dev server (and preview) proxy the real Diga API under <base>diga-api/, so a real token works
// locally without CORS trouble: set VITE_API_BASE=/diga-api (or apiBase in public/config.json).
// DIGA_API_TARGET points the proxy elsewhere (e.g. a staging API).
const digaApiPrefix = `${base}diga-api`;
const digaApiProxy = {
  [`${digaApiPrefix}/`]: {
    target: process.env.DIGA_API_TARGET ?? 'https://api.diga.io',
    changeOrigin: true,
    rewrite: (path: string) => path.slice(digaApiPrefix.length),
  },
};

export default defineConfig({
  base,
  plugins: [
    react(),
    tailwindcss(),
    demoApi(),
    {
      // The dev server injects CSS as <style> elements, so index.html's CSP allows inline styles;
      // the production build needs none, so its CSP doesn't.
      name: 'strict-style-csp-in-build',
      apply: 'build',
      transformIndexHtml: (html) => html.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'"),
    },
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { port: 5173, proxy: digaApiProxy },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
    exclude: ['e2e/**', 'node_modules/**'],
    env: { TZ: 'UTC' },
    pool: 'threads',
    maxWorkers: 2,
    // Property tests and deep-nesting tests take seconds on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
