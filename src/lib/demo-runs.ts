/** The demo API's run list (only when config.json says the demo API is active). */
import { getConfig } from './config';

export interface DemoRunEntry {
  id: string;
  flowDisplayName: string | null;
  status: string;
  scenario: string;
  group: string;
}

export async function fetchDemoRuns(signal?: AbortSignal): Promise<DemoRunEntry[]> {
  const res = await fetch(`${getConfig().apiBase}/runs`, { signal, credentials: 'omit', cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body: unknown = await res.json();
  if (!Array.isArray(body)) throw new Error('Unexpected demo run list');
  return body.filter(
    (r): r is DemoRunEntry => typeof r === 'object' && r !== null && typeof (r as DemoRunEntry).id === 'string' && typeof (r as DemoRunEntry).status === 'string',
  );
}
