import { describe, expect, it } from 'vitest';
import { basePath, demoConfig } from './demo-api-plugin.ts';

describe('demoConfig', () => {
  it('points the app at the demo API under the base path', () => {
    expect(demoConfig('/')).toEqual({ apiBase: '/demo-api', demo: true });
    expect(demoConfig('/tools/inspector/')).toEqual({
      apiBase: '/tools/inspector/demo-api',
      demo: true,
    });
  });

  it("lets the developer's VITE_API_BASE win, with the demo off", () => {
    expect(demoConfig('/', '/diga-api')).toEqual({ apiBase: '/diga-api', demo: false });
    expect(demoConfig('/', '  ')).toEqual({ apiBase: '/demo-api', demo: true });
  });
});

describe('basePath', () => {
  it('uses path bases and falls back to / for relative or absolute-URL bases', () => {
    expect(basePath('/sub')).toBe('/sub/');
    expect(basePath('./')).toBe('/');
    expect(basePath('https://cdn.example.test/app/')).toBe('/');
  });
});
