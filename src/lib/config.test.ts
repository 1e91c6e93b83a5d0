import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PRODUCTION_API_BASE,
  defaultApiBase,
  getConfig,
  loadConfig,
  normalizeApiBase,
  resetConfigForTests,
  resolveApiBase,
} from './config';

const prod = { DEV: false, BASE_URL: '/' };
const dev = { DEV: true, BASE_URL: '/' };

type Answer = { status?: number; body?: string; contentType?: string } | 'network-error' | 'hang';

function fakeFetch(answer: Answer) {
  return vi.fn(async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (answer === 'hang') {
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    }
    return new Response(answer.body ?? '', {
      status: answer.status ?? 200,
      headers: { 'Content-Type': answer.contentType ?? 'application/json' },
    });
  });
}

afterEach(() => {
  resetConfigForTests();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('normalizeApiBase', () => {
  it.each([
    ['https://api.diga.io', 'https://api.diga.io'],
    ['https://api.diga.io///', 'https://api.diga.io'],
    ['http://localhost:8000/api/', 'http://localhost:8000/api'],
    ['  /proxy/diga/  ', '/proxy/diga'],
    ['/', ''],
    ['', ''],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeApiBase(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/plain,hi',
    'ftp://api.diga.io',
    '//elsewhere.example',
    'api.diga.io',
    'relative/path',
    'https://user:pass@api.diga.io',
    'https://api.diga.io/?x=1',
    'https://api.diga.io/#x',
    '/path with space',
    42,
    null,
    { url: 'https://api.diga.io' },
  ])('rejects %j', (input) => {
    expect(normalizeApiBase(input)).toBeNull();
  });
});

describe('resolveApiBase and defaults', () => {
  it('defaults to the demo API in dev (under the base path) and to api.diga.io in production', () => {
    expect(defaultApiBase(dev)).toBe('/demo-api');
    expect(defaultApiBase({ DEV: true, BASE_URL: '/tools/inspector/' })).toBe(
      '/tools/inspector/demo-api',
    );
    expect(defaultApiBase(prod)).toBe(PRODUCTION_API_BASE);
  });

  it('applies build time, then deploy time, ignoring invalid layers with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(resolveApiBase({ defaultBase: 'https://a.test', buildTime: 'https://b.test/' })).toBe(
      'https://b.test',
    );
    expect(
      resolveApiBase({
        defaultBase: 'https://a.test',
        buildTime: 'https://b.test',
        deployTime: '/api',
      }),
    ).toBe('/api');
    expect(
      resolveApiBase({ defaultBase: 'https://a.test', buildTime: 'nope', deployTime: 7 }),
    ).toBe('https://a.test');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(resolveApiBase({ defaultBase: 'https://a.test', deployTime: '' })).toBe('');
  });
});

describe('loadConfig', () => {
  it('reads <BASE_URL>config.json without caching and applies it', async () => {
    const fetchImpl = fakeFetch({
      body: '{"apiBase":"https://proxy.example.test/diga/","demo":true}',
    });
    const config = await loadConfig(fetchImpl, { DEV: false, BASE_URL: '/tools/inspector/' });
    expect(config).toEqual({ apiBase: 'https://proxy.example.test/diga', demo: true });
    expect(getConfig()).toEqual(config);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('/tools/inspector/config.json');
    expect(init?.cache).toBe('no-store');
  });

  it('applies the build-time value when there is no config.json', async () => {
    const config = await loadConfig(fakeFetch({ status: 404, body: 'Not found' }), {
      ...prod,
      VITE_API_BASE: 'https://build.example.test/',
    });
    expect(config).toEqual({ apiBase: 'https://build.example.test', demo: false });
  });

  it.each<[string, Answer]>([
    ['a 404', { status: 404 }],
    ['an SPA fallback page', { body: '<!doctype html><html></html>', contentType: 'text/html' }],
    ['an empty file', { body: '' }],
    ['a network error', 'network-error'],
  ])('keeps the defaults for %s', async (_name, answer) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await loadConfig(fakeFetch(answer), prod)).toEqual({
      apiBase: PRODUCTION_API_BASE,
      demo: false,
    });
    expect(await loadConfig(fakeFetch(answer), dev)).toEqual({ apiBase: '/demo-api', demo: true });
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the earlier values, with a warning, for bad JSON or a non-object', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const body of ['{"apiBase": ', '["https://x.test"]', '"https://x.test"']) {
      expect(await loadConfig(fakeFetch({ body }), prod)).toEqual({
        apiBase: PRODUCTION_API_BASE,
        demo: false,
      });
    }
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('ignores values of the wrong type with a warning and keeps the valid ones', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const config = await loadConfig(
      fakeFetch({ body: '{"apiBase":"javascript:alert(1)","demo":"yes"}' }),
      { ...prod, VITE_API_BASE: '/api' },
    );
    expect(config).toEqual({ apiBase: '/api', demo: false });
    expect(warn).toHaveBeenCalledTimes(2);
    const other = await loadConfig(fakeFetch({ body: '{"apiBase":42,"demo":true}' }), prod);
    expect(other).toEqual({ apiBase: PRODUCTION_API_BASE, demo: true });
  });

  it('gives up on a config.json that never answers', async () => {
    vi.useFakeTimers();
    const pending = loadConfig(fakeFetch('hang'), prod);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toEqual({ apiBase: PRODUCTION_API_BASE, demo: false });
  });

  it('never reads the page URL', async () => {
    vi.stubGlobal(
      'location',
      new URL(
        'https://inspector.example.test/runs/abc?api=https://elsewhere.example&apiBase=https://elsewhere.example#apiBase=https://elsewhere.example',
      ),
    );
    try {
      const config = await loadConfig(fakeFetch({ status: 404 }), prod);
      expect(config.apiBase).toBe(PRODUCTION_API_BASE);
      expect(getConfig().apiBase).toBe(PRODUCTION_API_BASE);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('getConfig gives the build defaults before loading', () => {
    expect(getConfig()).toEqual({
      apiBase: defaultApiBase(import.meta.env),
      demo: import.meta.env.DEV,
    });
  });
});
