import type { Plugin } from 'vite';

/** Placeholder: the demo API plugin is being written. */
export function demoApi(): Plugin {
  return { name: 'diga-demo-api' };
}
