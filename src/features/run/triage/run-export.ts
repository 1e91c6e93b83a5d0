/**
 * "Download JSON": the run as received (same keys, same key order, big integers exact), masked
 * unless the user chose otherwise. The file can be opened again on the lookup screen.
 */
import type { LoadedRun } from '@/lib/api-client';
import { stringifyJson } from '@/lib/json-body';
import { maskValue } from '@/lib/secrets';

/** `run-<id>.json`, with anything a file system might not like replaced. */
export function runFileName(runId: string): string {
  const safe = runId.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 120) || 'unknown';
  return `run-${safe}.json`;
}

/** The run's JSON text: masked (the default) or exactly as received. */
export function runJsonText(loaded: Pick<LoadedRun, 'run' | 'keyOrder'>, opts: { masked: boolean }): string {
  const value = opts.masked ? maskValue(loaded.run).value : loaded.run;
  return `${stringifyJson(value, 2, { keyOrder: loaded.keyOrder })}\n`;
}

/** Saves text as a file through a temporary object URL. */
export function saveTextFile(text: string, fileName: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
