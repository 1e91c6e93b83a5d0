/**
 * Where the API is. Later layers override earlier ones:
 * 1. the default: the built-in demo API in dev, https://api.diga.io in production builds;
 * 2. the build-time `VITE_API_BASE`;
 * 3. a same-origin `<BASE_URL>config.json` read at start (`{ "apiBase": "...", "demo": true }`).
 * Nothing is ever read from the page URL: a link must not be able to send the token elsewhere.
 */

export interface AppConfig {
  /** Absolute http(s) URL or same-origin path, without trailing slash; "" means same origin. */
  apiBase: string;
  /** The API is the built-in demo API (the lookup screen lists its runs). */
  demo: boolean;
}

export const PRODUCTION_API_BASE = 'https://api.diga.io';
const CONFIG_TIMEOUT_MS = 5000;

interface EnvLike {
  DEV: boolean;
  BASE_URL: string;
  VITE_API_BASE?: string;
}

/**
 * An accepted API base with trailing slashes removed, or null: an absolute http(s) URL without
 * credentials, query or fragment, a path starting with a single "/", or "" (same origin).
 */
export function normalizeApiBase(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return '';
  if (/[\s\\]/.test(trimmed) || /[?#]/.test(trimmed)) return null;
  if (trimmed.startsWith('/')) {
    if (trimmed.startsWith('//')) return null; // protocol-relative: another origin
    return trimmed.replace(/\/+$/, '');
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return trimmed.replace(/\/+$/, '');
}

/** The default API base for this build. */
export function defaultApiBase(env: EnvLike = import.meta.env): string {
  return env.DEV
    ? (normalizeApiBase(`${env.BASE_URL}demo-api`) ?? '/demo-api')
    : PRODUCTION_API_BASE;
}

export interface ApiBaseSources {
  defaultBase: string;
  buildTime?: unknown;
  deployTime?: unknown;
}

/** Apply the layers in order; a value that is not an accepted base is ignored with a warning. */
export function resolveApiBase(sources: ApiBaseSources): string {
  let base = sources.defaultBase;
  if (sources.buildTime !== undefined && sources.buildTime !== '') {
    const build = normalizeApiBase(sources.buildTime);
    if (build === null) warnIgnored('VITE_API_BASE', sources.buildTime);
    else base = build;
  }
  if (sources.deployTime !== undefined) {
    const deploy = normalizeApiBase(sources.deployTime);
    if (deploy === null) warnIgnored('config.json "apiBase"', sources.deployTime);
    else base = deploy;
  }
  return base;
}

function warnIgnored(source: string, value: unknown): void {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
  console.warn(`${source} ignored: ${shown} is not an http(s) URL or a path starting with "/".`);
}

function initialConfig(env: EnvLike = import.meta.env): AppConfig {
  return {
    apiBase: resolveApiBase({ defaultBase: defaultApiBase(env), buildTime: env.VITE_API_BASE }),
    demo: env.DEV,
  };
}

let current: AppConfig | null = null;
let initial: AppConfig | null = null;

/** The configuration (the build's defaults until loadConfig has finished). Stable identity. */
export function getConfig(): AppConfig {
  return current ?? (initial ??= initialConfig());
}

/**
 * Read `<BASE_URL>config.json` once at start and merge it over the build's values. A missing file,
 * an HTML fallback page, bad JSON or a slow answer keep the earlier values.
 */
export async function loadConfig(
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
  env: EnvLike = import.meta.env,
): Promise<AppConfig> {
  const base = initialConfig(env);
  const file = await readConfigFile(fetchImpl, `${env.BASE_URL}config.json`);
  const config: AppConfig = { ...base };
  if (file !== null) {
    if ('apiBase' in file) {
      config.apiBase = resolveApiBase({ defaultBase: base.apiBase, deployTime: file.apiBase });
    }
    if ('demo' in file) {
      if (typeof file.demo === 'boolean') config.demo = file.demo;
      else
        console.warn(
          `config.json "demo" ignored: expected true or false, got ${typeof file.demo}.`,
        );
    }
  }
  current = config;
  return config;
}

async function readConfigFile(
  fetchImpl: typeof fetch,
  url: string,
): Promise<Record<string, unknown> | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CONFIG_TIMEOUT_MS);
  try {
    const response = await fetchImpl(url, {
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal: controller.signal,
    });
    if (!response.ok) return null;
    const text = await response.text();
    if (text.trim() === '' || text.trimStart().startsWith('<')) return null; // SPA fallback page
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      console.warn('config.json ignored: it is not valid JSON.');
      return null;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      console.warn('config.json ignored: expected a JSON object.');
      return null;
    }
    return parsed as Record<string, unknown>;
  } catch {
    return null; // network failure or timeout: keep the build's values
  } finally {
    clearTimeout(timer);
  }
}

/** For tests: forget the loaded configuration. */
export function resetConfigForTests(): void {
  current = null;
  initial = null;
}
